package uk.safermap.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Village centres scattered through the rural wards, one per {@value MeltonScenario#KM2_PER_VILLAGE}
 * km² of ward (at least one a ward), each with a log-normal size weight so that a few villages are
 * much busier than the rest. The centres are seeded, not real village locations. Immutable and
 * thread-safe.
 */
final class Villages {

    /** A village centre in grid metres and its relative size. */
    record Village(double easting, double northing, double weight) {
    }

    private static final double SIZE_SPREAD = 0.7;
    private static final int MAX_CENTRE_TRIES = 1000;

    private final List<Village> all;
    private final Weighted<Village> bySize;

    private Villages(List<Village> all) {
        this.all = List.copyOf(all);
        this.bySize = Weighted.of(this.all, this.all.stream().mapToDouble(Village::weight).toArray());
    }

    static Villages scatter(StudyArea study, List<String> ruralWards, RandomGenerator rng) {
        List<Village> villages = new ArrayList<>();
        double[] p = new double[2];
        for (String ward : ruralWards) {
            Region region = study.wards(ward, List.of(ward));
            long count = Math.max(1, Math.round(region.areaSquareMetres() / 1e6 / MeltonScenario.KM2_PER_VILLAGE));
            for (int i = 0; i < count; i++) {
                centreIn(region, study, rng, p);
                villages.add(new Village(p[0], p[1], StrictMath.exp(SIZE_SPREAD * rng.nextGaussian())));
            }
        }
        return new Villages(villages);
    }

    /** A centre must itself be a usable snap point, or its village could end up with none. */
    private static void centreIn(Region ward, StudyArea study, RandomGenerator rng, double[] out) {
        for (int i = 0; i < MAX_CENTRE_TRIES; i++) {
            ward.sampleUniform(rng, out);
            if (study.lsoaForSnapPoint(out[0], out[1]).isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("ward " + ward.name() + " has no point inside both the borough and an LSOA");
    }

    List<Village> all() {
        return all;
    }

    /** A village chosen in proportion to its size. */
    Village pick(RandomGenerator rng) {
        return bySize.sample(rng);
    }
}
