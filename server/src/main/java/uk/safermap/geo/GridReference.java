package uk.safermap.geo;

/**
 * Ordnance Survey grid references ("SK 752 190") from British National Grid metres, the form
 * printed on OS maps and used by police and council staff to name a place on the ground.
 *
 * <p>Method: the two letters name the 500 km and 100 km squares of the National Grid, counted
 * from false origin SV in a 5 x 5 lettering that skips I; the digits are the easting and
 * northing within the 100 km square, truncated (not rounded) to the precision, as OS does
 * (Ordnance Survey, "A guide to coordinate systems in Great Britain", 2020, section 9.1).
 */
public final class GridReference {

    private GridReference() {
    }

    /**
     * A grid reference truncated to {@code metres} (1, 10, 100, 1000 or 10000), e.g. 100 gives
     * "SK 752 190".
     *
     * @throws IllegalArgumentException for a point outside the National Grid (0-700 km E, 0-1300 km N)
     *                                  or an unsupported precision
     */
    public static String of(double easting, double northing, int metres) {
        int digits = switch (metres) {
            case 1 -> 5;
            case 10 -> 4;
            case 100 -> 3;
            case 1000 -> 2;
            case 10000 -> 1;
            default -> throw new IllegalArgumentException("precision must be 1, 10, 100, 1000 or 10000 m, got " + metres);
        };
        if (!(easting >= 0 && easting < 700_000 && northing >= 0 && northing < 1_300_000)) {
            throw new IllegalArgumentException("(" + easting + ", " + northing + ") is outside the National Grid");
        }
        int e100k = (int) Math.floor(easting / 100_000);
        int n100k = (int) Math.floor(northing / 100_000);
        int first = (19 - n100k) - (19 - n100k) % 5 + (e100k + 10) / 5;
        int second = (19 - n100k) * 5 % 25 + e100k % 5;
        String letters = "" + letter(first) + letter(second);
        long e = (long) Math.floor(easting) % 100_000 / metres;
        long n = (long) Math.floor(northing) % 100_000 / metres;
        String format = "%s %0" + digits + "d %0" + digits + "d";
        return String.format(java.util.Locale.ROOT, format, letters, e, n);
    }

    /** To 100 m, the precision of a place a person can walk to and look around. */
    public static String of(double easting, double northing) {
        return of(easting, northing, 100);
    }

    /** Letters A-Z without I, indexed from 0. */
    private static char letter(int index) {
        return (char) ('A' + (index > 7 ? index + 1 : index));
    }
}
