package uk.safermap.patrol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a unit travels, with its default speed. Foot: 4.5 km/h, an unhurried walk (pedestrians
 * average about 1.3 m/s, 4.7 km/h; a patrol looks about it). Vehicle: 30 km/h, an urban average
 * including junctions and slow streets (DfT CGN0501 puts weekday averages on English local
 * A roads at about 24 mph, and residential streets are slower).
 */
public enum TravelMode {
    FOOT(4.5),
    VEHICLE(30);

    private final double defaultSpeedKmh;

    TravelMode(double defaultSpeedKmh) {
        this.defaultSpeedKmh = defaultSpeedKmh;
    }

    public double defaultSpeedKmh() {
        return defaultSpeedKmh;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted modes */
    public static TravelMode of(String slug) {
        return Arrays.stream(values()).filter(m -> m.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mode must be one of "
                        + Arrays.stream(values()).map(TravelMode::slug).collect(Collectors.joining(", "))
                        + ", got '" + slug + "'"));
    }
}
