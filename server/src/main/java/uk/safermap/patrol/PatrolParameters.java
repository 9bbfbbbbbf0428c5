package uk.safermap.patrol;

import uk.safermap.params.ParameterSource;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A shift's patrol plan: how units travel ({@code mode}, {@code speedKmh}, the mode's usual speed
 * by default), how long a visit lasts ({@code visitMinutes}, 12: Koper's 10-15 minutes), how many
 * hot spots to consider ({@code maxHotspots}) and where they come from ({@code hotspots}), whether
 * to randomise the order ({@code randomize}, with {@code seed}) so patrols are not predictable,
 * and the Koper dosage ({@code revisitMinutes}, {@code minGapMinutes}; see docs/methods.md).
 */
public record PatrolParameters(TravelMode mode, double speedKmh, int visitMinutes, int maxHotspots,
                               HotspotMethod hotspots, boolean randomize, OptionalLong seed,
                               Dosage.Parameters dosage) {

    public static final int MAX_HOTSPOTS = 200;
    static final int MAX_REVISIT_MINUTES = 720;

    public static PatrolParameters read(ParameterSource in) {
        TravelMode mode = in.choice("mode", TravelMode.FOOT, Slugs.words(TravelMode.class));
        double speed = in.number("speedKmh", mode.defaultSpeedKmh(), 1, 120);
        int visitMinutes = in.integer("visitMinutes", 12, 1, 60);
        int maxHotspots = in.integer("maxHotspots", 20, 1, MAX_HOTSPOTS);
        HotspotMethod hotspots = hotspots(in);
        boolean randomize = in.flag("randomize").orElse(false);
        OptionalLong seed = seed(in);
        int revisit = in.integer("revisitMinutes", Dosage.Parameters.DEFAULTS.revisitMinutes(), 0,
                MAX_REVISIT_MINUTES);
        int minGap = in.integer("minGapMinutes", Dosage.Parameters.DEFAULTS.minGapMinutes(), 1, MAX_REVISIT_MINUTES);
        Dosage.Parameters dosage;
        try {
            dosage = new Dosage.Parameters(revisit, minGap);
        } catch (IllegalArgumentException e) {
            throw in.invalid(e.getMessage());
        }
        return new PatrolParameters(mode, speed, visitMinutes, maxHotspots, hotspots, randomize, seed, dosage);
    }

    static HotspotMethod hotspots(ParameterSource in) {
        return in.choice("hotspots", HotspotMethod.CLUSTERS, Slugs.words(HotspotMethod.class));
    }

    /** The random seed: a whole number that a double holds exactly, or none for a fresh one. */
    static OptionalLong seed(ParameterSource in) {
        OptionalDouble seed = in.optionalNumber("seed", 0, 1L << 52);
        if (seed.isPresent() && seed.getAsDouble() != Math.rint(seed.getAsDouble())) {
            throw in.invalid("seed must be a whole number, got " + seed.getAsDouble());
        }
        return seed.isPresent() ? OptionalLong.of((long) seed.getAsDouble()) : OptionalLong.empty();
    }
}
