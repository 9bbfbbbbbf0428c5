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
        // Zero-padded by hand: String.format, which parses its pattern on every call, was a fifth
        // of labelling a cluster map's 1,800 clusters.
        return letters + " " + padded(e, digits) + " " + padded(n, digits);
    }

    private static String padded(long value, int digits) {
        String text = Long.toString(value);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    /** To 100 m, the precision of a place a person can walk to and look around. */
    public static String of(double easting, double northing) {
        return of(easting, northing, 100);
    }

    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("([A-HJ-Z]{2})\\s*(\\d+)\\s*(\\d+)");
    private static final String LETTERS = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    /**
     * The centre of the square a grid reference names, in grid metres: "SK 751 191" (100 m),
     * "SK7519" (1 km), "SK 75150 19120" (1 m). Letters and digits as {@link #of} writes them;
     * spaces are optional and case is ignored.
     *
     * @throws IllegalArgumentException when the text is not a grid reference
     */
    public static double[] parse(String text) {
        String compact = text.strip().toUpperCase(java.util.Locale.ROOT);
        String letters;
        String digits;
        java.util.regex.Matcher spaced = REFERENCE.matcher(compact);
        if (spaced.matches() && spaced.group(2).length() == spaced.group(3).length()) {
            letters = spaced.group(1);
            digits = spaced.group(2) + spaced.group(3);
        } else {
            String joined = compact.replaceAll("\\s+", "");
            if (!joined.matches("[A-HJ-Z]{2}\\d*")) {
                throw new IllegalArgumentException("'" + text + "' is not an OS grid reference such as SK 751 191");
            }
            letters = joined.substring(0, 2);
            digits = joined.substring(2);
        }
        if (digits.length() % 2 != 0 || digits.length() > 10) {
            throw new IllegalArgumentException("'" + text + "' needs as many easting as northing digits (at most 5 each)");
        }
        int first = LETTERS.indexOf(letters.charAt(0));
        int second = LETTERS.indexOf(letters.charAt(1));
        // Inverse of the lettering in of(): 500 km square, then 100 km square within it.
        int e100k = (first - 2) % 5 * 5 + second % 5;
        int n100k = 19 - (first / 5) * 5 - second / 5;
        if (e100k < 0 || e100k > 6 || n100k < 0 || n100k > 12) {
            throw new IllegalArgumentException("'" + text + "' is not a square of the National Grid");
        }
        int half = digits.length() / 2;
        double size = Math.pow(10, 5 - half);
        double e = half == 0 ? 0 : Long.parseLong(digits.substring(0, half)) * size;
        double n = half == 0 ? 0 : Long.parseLong(digits.substring(half)) * size;
        return new double[] {e100k * 100_000 + e + size / 2, n100k * 100_000 + n + size / 2};
    }

    /** Letters A-Z without I, indexed from 0. */
    private static char letter(int index) {
        return (char) ('A' + (index > 7 ? index + 1 : index));
    }
}
