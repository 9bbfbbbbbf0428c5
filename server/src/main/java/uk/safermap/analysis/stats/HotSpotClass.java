package uk.safermap.analysis.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven Gi* hot spot classes, as ArcGIS's {@code Gi_Bin} field: +/-3 = 99 % confidence,
 * +/-2 = 95 %, +/-1 = 90 %, 0 = not significant, signed by the z-score (hot above the mean, cold
 * below). Each carries its API slug and the colour of the ArcGIS Pro hot spot renderer (as copied in a
 * public reimplementation; see docs/methods.md 1.1), so map legends match what analysts know.
 */
public enum HotSpotClass {
    COLD_99(-3, "cold-99", "#005CE6"),
    COLD_95(-2, "cold-95", "#73B2FF"),
    COLD_90(-1, "cold-90", "#D7E6FC"),
    NOT_SIGNIFICANT(0, "not-significant", "#FFFFBE"),
    HOT_90(1, "hot-90", "#FFD2A2"),
    HOT_95(2, "hot-95", "#FC8D59"),
    HOT_99(3, "hot-99", "#D7301F");

    private static final HotSpotClass[] BY_BIN = {COLD_99, COLD_95, COLD_90, NOT_SIGNIFICANT, HOT_90, HOT_95, HOT_99};

    private final int bin;
    private final String slug;
    private final String colour;

    HotSpotClass(int bin, String slug, String colour) {
        this.bin = bin;
        this.slug = slug;
        this.colour = colour;
    }

    /** ArcGIS {@code Gi_Bin}: -3..3. */
    public int bin() {
        return bin;
    }

    public String slug() {
        return slug;
    }

    /** Fill colour, {@code #RRGGBB}. */
    public String colour() {
        return colour;
    }

    /** Confidence level in percent (90, 95, 99), or 0 when not significant. */
    public int confidencePercent() {
        return switch (Math.abs(bin)) {
            case 1 -> 90;
            case 2 -> 95;
            case 3 -> 99;
            default -> 0;
        };
    }

    public boolean isHot() {
        return bin > 0;
    }

    public boolean isCold() {
        return bin < 0;
    }

    /** The class of a {@code Gi_Bin} value. */
    public static HotSpotClass ofBin(int bin) {
        if (bin < -3 || bin > 3) {
            throw new IllegalArgumentException("Gi_Bin must be in -3..3, was " + bin);
        }
        return BY_BIN[bin + 3];
    }

    /** The class with this slug, exactly. */
    public static Optional<HotSpotClass> fromSlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }
}
