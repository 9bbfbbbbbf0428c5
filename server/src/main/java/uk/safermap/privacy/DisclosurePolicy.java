package uk.safermap.privacy;

import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.MonthIndex;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The disclosure rules for roles that may see aggregates only (councillors, and the public when
 * enabled). Every aggregate answer is built from <em>rounded atomic cells</em>: incidents are
 * counted per place x month x category, where a place is a fixed geography (a ward, an LSOA or
 * a square of {@code countCellMetres} on the national grid), and each count is rounded to the
 * nearest {@code roundingBase} before anything is added up (the ONS small-area rule, applied at
 * the finest cell). Hence:
 * <ul>
 *   <li>a cell holding one or two incidents counts the same as an empty one, so a box, a filter
 *       or a store that differs from another by one isolated incident gives the same answer;</li>
 *   <li>any answer, and any difference of answers, is a sum of rounded cells, never a count more
 *       precise than +/- base/2 per cell;</li>
 *   <li>totals under {@code threshold} are suppressed;</li>
 *   <li>surfaces (heatmaps) are computed for fixed parameters: the whole service area, whole
 *       months, a bandwidth and cell no finer than the policy's; a free-form place filter (bbox,
 *       drawn area) is refused, since a tile is already the crop of the borough's surface;</li>
 *   <li>an empty answer has the same status and shape as a full one: an all-blank surface with
 *       no classes, or ward figures that are all suppressed;</li>
 *   <li>a street is found by name only at snap points whose rounded count would be shown
 *       ({@link #streetShown}), and the answer names it without any count: police.uk publishes the
 *       names, but a name that appears for one or two incidents would say where they happened.</li>
 * </ul>
 * Sensitive incidents (flagged at import, or of a sensitive category) are left out of surfaces
 * and of the published period by the incident selection before these rules apply.
 *
 * @param roundingBase    every atomic cell is rounded to a multiple of this
 * @param threshold       totals under this are suppressed; surfaces are blank where fewer
 *                        (rounded) incidents lie within the bandwidth
 * @param bandwidthMetres the least kernel radius of a surface
 * @param cellMetres      the least cell of a surface
 * @param countCellMetres the side of the grid squares incidents are counted in for surfaces
 * @param minMonths       the shortest period, in whole months
 * @param maxMonths       the longest period one answer covers
 */
public record DisclosurePolicy(int roundingBase, int threshold, double bandwidthMetres, double cellMetres,
                               double countCellMetres, int minMonths, int maxMonths) {

    /** The incident details the incidents layer shows: see {@link #shownAtPointLevel}. */
    private static final Set<IncidentDetail> POINT_LEVEL_DETAILS = Collections.unmodifiableSet(EnumSet.of(
            IncidentDetail.LOCATION, IncidentDetail.LSOA_CODE, IncidentDetail.LSOA_NAME, IncidentDetail.OUTCOME));

    public DisclosurePolicy {
        if (roundingBase < 1 || threshold < 1 || minMonths < 1 || maxMonths < minMonths) {
            throw new IllegalArgumentException("rounding base, threshold and months must be positive, and the"
                    + " longest period at least the shortest");
        }
        if (!(countCellMetres > 0 && bandwidthMetres >= countCellMetres && cellMetres > 0)) {
            throw new IllegalArgumentException("the bandwidth must be at least the count cell, and both positive");
        }
    }

    /**
     * Base and threshold 5 (ONS); heatmaps with a bandwidth of at least 1,000 m and cells of at
     * least 100 m over counts in 500 m squares (two squares per kernel radius, so the surface stays
     * smooth); whole months, 1 to 120. On the real Melton police.uk months (7,369 incidents),
     * rounding per square, month and category keeps 47% of them in 500 m squares against 30% in
     * 250 m squares: the coarser square loses fewer incidents to rounding.
     */
    public static DisclosurePolicy standard() {
        return new DisclosurePolicy(5, 5, 1000, 100, 500, 1, 120);
    }

    /**
     * Whether the incidents layer, which only roles that see points are served, shows a detail as a
     * property. Free texts a source may fill with names or circumstances (police.uk's context) and
     * the force names, the same on every row, are withheld; a new detail is withheld until it is
     * listed here.
     */
    public static boolean shownAtPointLevel(IncidentDetail d) {
        return POINT_LEVEL_DETAILS.contains(d);
    }

    /** Round half up to a multiple of the base: with base 5, 0-2 give 0 and 3-7 give 5. */
    public int round(int count) {
        return (int) Math.floor((count + roundingBase / 2.0) / roundingBase) * roundingBase;
    }

    /** Whether a rounded total is too small to show. */
    public boolean suppressed(int roundedTotal) {
        return roundedTotal < threshold;
    }

    /**
     * Whether a role that sees aggregates only may find a street at one of its police.uk snap
     * points, holding this many (non-sensitive) incidents: as often as its rounded count is shown.
     */
    public boolean streetShown(int incidentsAtSnapPoint) {
        return !suppressed(round(incidentsAtSnapPoint));
    }

    /** A rounded total as shown: null when suppressed. */
    public Integer shown(int roundedTotal) {
        return suppressed(roundedTotal) ? null : roundedTotal;
    }

    /** The sentence that goes with every rounded figure. */
    public String rule() {
        return "counts are rounded to the nearest " + roundingBase + " per place, month and category before they"
                + " are added up; totals under " + threshold + " are suppressed";
    }

    /** The sentence that goes with every aggregate surface. */
    public String surfaceRule() {
        return String.format(Locale.ROOT, "estimated from counts in %.0f m squares per month and category,"
                + " each rounded to the nearest %d (1 or 2 count nothing), over the whole service area", countCellMetres,
                roundingBase);
    }

    /** The kernel radius of an aggregate surface: the request's, never finer than the policy's. */
    public double bandwidth(OptionalDouble requested) {
        return Math.max(requested.orElse(bandwidthMetres), bandwidthMetres);
    }

    /** The cell of an aggregate surface: the request's, never finer than the policy's. */
    public double cell(OptionalDouble requested) {
        return Math.max(requested.orElse(cellMetres), cellMetres);
    }

    /**
     * Checks the filter of an aggregate surface: no free-form place (the surface is the service
     * area's; tiles crop it), and a period of whole months within the policy's bounds. The
     * answer depends on the request only, never on the data, so a refusal tells nothing.
     *
     * @param place whether the request names a bbox or an area
     * @param from  inclusive start, if any
     * @param to    exclusive end, if any
     * @throws InvalidInputException naming the rule broken
     */
    public void checkSurfaceFilter(boolean place, Optional<LocalDateTime> from, Optional<LocalDateTime> to) {
        if (place) {
            throw new InvalidInputException("bbox and area are not available to roles that see aggregates only:"
                    + " the heatmap covers the whole service area and each tile is its crop; use the ward or LSOA"
                    + " figures (/api/wards/choropleth) for places");
        }
        from.ifPresent(f -> wholeMonth("from", f));
        to.ifPresent(t -> wholeMonth("to", t));
        if (from.isPresent() && to.isPresent()) {
            checkPeriod(YearMonth.from(from.get()), YearMonth.from(to.get()).minusMonths(1));
        }
    }

    /**
     * Checks a period of whole months, both inclusive.
     *
     * @throws InvalidInputException when from is after to, or the period is too short or long
     */
    public void checkPeriod(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from must not be after to");
        }
        long months = months(from, to);
        if (months < minMonths) {
            throw new InvalidInputException("the period must span at least " + minMonths + " whole months");
        }
        if (months > maxMonths) {
            throw new InvalidInputException("the period may span at most " + maxMonths + " months");
        }
    }

    private static void wholeMonth(String name, LocalDateTime t) {
        if (t.getDayOfMonth() != 1 || !t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw new InvalidInputException(name + " must be a whole month (YYYY-MM) for roles that see"
                    + " aggregates only, not a date");
        }
    }

    /** Months from {@code from} to {@code to}, both inclusive. */
    public static int months(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    }

    /** A legend's class limit as shown: two significant figures. */
    public double classLimit(double v) {
        return v == 0 || !Double.isFinite(v) ? v : new BigDecimal(v).round(new MathContext(2)).doubleValue();
    }

    /**
     * The months that may be named as the data's period: the first and the last month with at
     * least {@code threshold} (non-sensitive) incidents in the whole service area, so that a single
     * new record in a new month, however rare its category, moves neither. Empty when no month has
     * that many.
     *
     * @param monthIndex per incident, year * 12 + month - 1
     */
    public Optional<Period> publishedPeriod(int[] monthIndex) {
        if (monthIndex.length == 0) {
            return Optional.empty();
        }
        // Counted in an array over the months present (a few hundred at most), not a boxed map:
        // this runs over every stored incident.
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (int m : monthIndex) {
            lowest = Math.min(lowest, m);
            highest = Math.max(highest, m);
        }
        int[] perMonth = new int[Math.toIntExact((long) highest - lowest + 1)];
        for (int m : monthIndex) {
            perMonth[m - lowest]++;
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int k = 0; k < perMonth.length; k++) {
            if (perMonth[k] >= threshold) {
                first = Math.min(first, lowest + k);
                last = Math.max(last, lowest + k);
            }
        }
        return first > last ? Optional.empty() : Optional.of(new Period(month(first), month(last)));
    }

    private static YearMonth month(int index) {
        return MonthIndex.month(index);
    }

    /** Whole months, both inclusive. */
    public record Period(YearMonth first, YearMonth last) {
    }

    /**
     * Incidents counted in squares of {@code countCellMetres} (aligned on the national grid's
     * origin, so the squares never move with the data) per month and category, each count
     * rounded, and summed per square: the weighted points a surface for aggregate roles is
     * estimated from. Squares that round to nothing are left out.
     *
     * @param x        eastings, metres
     * @param y        northings, metres
     * @param month    per incident, any month index
     * @param category per incident, its category ordinal
     */
    public RoundedSquares roundedSquares(double[] x, double[] y, int[] month, byte[] category) {
        // The atomic cell: square, month and category.
        Map<AtomicCell, Integer> counts = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            counts.merge(new AtomicCell(square(x[i]), square(y[i]), month[i], category[i]), 1, Integer::sum);
        }
        Map<Long, Integer> perSquare = new HashMap<>();
        counts.forEach((cell, n) -> {
            int r = round(n);
            if (r > 0) {
                perSquare.merge(((long) cell.column() << 32) | (cell.row() & 0xffffffffL), r, Integer::sum);
            }
        });
        // Sorted, so equal squares give bit-equal surfaces whatever the map's iteration order.
        long[] keys = perSquare.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        double[] sx = new double[keys.length];
        double[] sy = new double[keys.length];
        double[] weight = new double[keys.length];
        for (int k = 0; k < keys.length; k++) {
            sx[k] = ((int) (keys[k] >> 32) + 0.5) * countCellMetres;
            sy[k] = ((int) keys[k] + 0.5) * countCellMetres;
            weight[k] = perSquare.get(keys[k]);
        }
        return new RoundedSquares(sx, sy, weight);
    }

    private int square(double v) {
        return (int) Math.floor(v / countCellMetres);
    }

    private record AtomicCell(int column, int row, int month, byte category) {
    }

    /**
     * The centres of counting squares and their rounded counts.
     *
     * @param x      eastings of the square centres, metres
     * @param y      northings of the square centres, metres
     * @param weight rounded incident counts, each a positive multiple of the rounding base
     */
    public record RoundedSquares(double[] x, double[] y, double[] weight) {

        /** The sum of the rounded counts. */
        public double total() {
            double s = 0;
            for (double w : weight) {
                s += w;
            }
            return s;
        }
    }
}
