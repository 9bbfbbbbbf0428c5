package uk.safermap.patrol;

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
        return Slugs.of(this);
    }

    /** @throws IllegalArgumentException naming the accepted words */
    public static TravelMode of(String slug) {
        return Slugs.parse(TravelMode.class, "mode", slug);
    }
}
