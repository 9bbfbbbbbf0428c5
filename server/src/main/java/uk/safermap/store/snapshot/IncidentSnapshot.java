package uk.safermap.store.snapshot;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Category;
import uk.safermap.domain.MonthIndex;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * One immutable version of every stored incident as primitive columns (the columns of
 * {@link PointSet}), in ascending id order, filtered in memory by {@link #select}.
 *
 * <p>Versions share their arrays: {@link #append} writes past the end of the current version
 * and publishes a longer one, so readers of an older version never see a change (they read only
 * their first {@code size} rows). Appends must therefore be made one at a time, to the newest
 * version only; reading is thread-safe.
 *
 * <p>About 42 bytes per incident (8 id, 16 position, 12 time, 1 category, 1 flag, 4 location
 * reference; location texts are shared): 3 million incidents take about 130 MB.
 */
public final class IncidentSnapshot {

    private final long[] ids;
    private final double[] easting;
    private final double[] northing;
    private final int[] monthIndex;
    private final int[] epochDay;
    private final int[] minuteOfDay;
    private final byte[] category;
    private final boolean[] sensitive;
    private final String[] location;
    private final int size;
    private final long version;
    private final Optional<IncidentStore.Extent> extent;
    /** This version's rows, trimmed, made by {@link #append}; a race at worst makes the same copy twice. */
    private volatile PointSet trimmed;

    private IncidentSnapshot(PointSet columns, int size, long version, Optional<IncidentStore.Extent> extent) {
        this.ids = columns.ids();
        this.easting = columns.easting();
        this.northing = columns.northing();
        this.monthIndex = columns.monthIndex();
        this.epochDay = columns.epochDay();
        this.minuteOfDay = columns.minuteOfDay();
        this.category = columns.category();
        this.sensitive = columns.sensitive();
        this.location = columns.location();
        this.size = size;
        this.version = version;
        this.extent = extent;
    }

    /** The first version: every incident, with locations, in ascending id order. */
    public static IncidentSnapshot of(PointSet all, Optional<IncidentStore.Extent> extent) {
        if (all.location() == null) {
            throw new IllegalArgumentException("a snapshot holds locations: read the points with them");
        }
        return new IncidentSnapshot(all, all.size(), 0, extent);
    }

    public int size() {
        return size;
    }

    /** Counts the versions made since the first: 0, then one more per append that added incidents. */
    public long version() {
        return version;
    }

    public Optional<IncidentStore.Extent> extent() {
        return extent;
    }

    /**
     * A new version with {@code added} (ascending id order, with locations) merged in. When every
     * added id is above the last one held (always on H2GIS, whose imports take turns), the rows
     * go into spare room at the end of the shared arrays; otherwise new arrays are merged.
     */
    IncidentSnapshot append(PointSet added, Optional<IncidentStore.Extent> newExtent) {
        int k = added.size();
        if (k == 0) {
            // Nothing changed, so answers cached for this version stay valid.
            return this;
        }
        if (size > 0 && added.ids()[0] <= ids[size - 1]) {
            return new IncidentSnapshot(merged(added), size + k, version + 1, newExtent);
        }
        PointSet target = ids.length >= size + k ? columns() : grown(size + k + (size + k) / 4);
        copyInto(target, size, added);
        IncidentSnapshot next = new IncidentSnapshot(target, size + k, version + 1, newExtent);
        // The trimmed copy is made here, at the end of the import, rather than by the first
        // request that reads everything (a cluster map of the whole borough) while its user waits.
        next.whole();
        return next;
    }

    private static void copyInto(PointSet target, int at, PointSet src) {
        int k = src.size();
        System.arraycopy(src.ids(), 0, target.ids(), at, k);
        System.arraycopy(src.easting(), 0, target.easting(), at, k);
        System.arraycopy(src.northing(), 0, target.northing(), at, k);
        System.arraycopy(src.monthIndex(), 0, target.monthIndex(), at, k);
        System.arraycopy(src.epochDay(), 0, target.epochDay(), at, k);
        System.arraycopy(src.minuteOfDay(), 0, target.minuteOfDay(), at, k);
        System.arraycopy(src.category(), 0, target.category(), at, k);
        System.arraycopy(src.sensitive(), 0, target.sensitive(), at, k);
        System.arraycopy(src.location(), 0, target.location(), at, k);
    }

    private PointSet columns() {
        return new PointSet(ids, easting, northing, monthIndex, epochDay, minuteOfDay, category, sensitive, location);
    }

    private PointSet grown(int capacity) {
        return new PointSet(Arrays.copyOf(ids, capacity), Arrays.copyOf(easting, capacity),
                Arrays.copyOf(northing, capacity), Arrays.copyOf(monthIndex, capacity),
                Arrays.copyOf(epochDay, capacity), Arrays.copyOf(minuteOfDay, capacity),
                Arrays.copyOf(category, capacity), Arrays.copyOf(sensitive, capacity),
                Arrays.copyOf(location, capacity));
    }

    /** This version's rows and {@code added}, merged by id into new arrays. */
    private PointSet merged(PointSet added) {
        // Old rows, then added rows, in one set; then picked in id order.
        PointSet both = grown(size + added.size());
        copyInto(both, size, added);
        int[] order = new int[size + added.size()];
        int i = 0;
        int j = 0;
        for (int o = 0; o < order.length; o++) {
            boolean takeOld = j == added.size() || (i < size && ids[i] < added.ids()[j]);
            order[o] = takeOld ? i++ : size + j++;
        }
        return both.pick(order, order.length);
    }

    /**
     * Whether {@link #select} gives exactly the store's answer: times are held to the minute, so
     * the interval ends must be whole minutes (the analysis parameters are dates and months).
     */
    public static boolean answers(PointQuery q) {
        return q.from().map(IncidentSnapshot::wholeMinute).orElse(true)
                && q.to().map(IncidentSnapshot::wholeMinute).orElse(true);
    }

    private static boolean wholeMinute(LocalDateTime t) {
        return t.getSecond() == 0 && t.getNano() == 0;
    }

    /**
     * The incidents matching the query, as the store would answer it, in one pass over the
     * columns. A query for everything (no box, time or category) gets this version's own columns,
     * shared and not copied: readers must not write to the arrays of a point set.
     */
    public PointSet select(PointQuery q) {
        if (q.gridBox().isEmpty() && q.from().isEmpty() && q.to().isEmpty() && q.categories().isEmpty()) {
            PointSet all = whole();
            return q.withLocations() ? all : withoutLocations(all);
        }
        Filter f = new Filter(q);
        int[] idx = new int[Math.min(size, 4096)];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!f.matches(i)) {
                continue;
            }
            if (n == idx.length) {
                idx = Arrays.copyOf(idx, Math.min(size, idx.length * 2));
            }
            idx[n++] = i;
        }
        PointSet picked = columns().pick(idx, n);
        return q.withLocations() ? picked : withoutLocations(picked);
    }

    private static PointSet withoutLocations(PointSet p) {
        return new PointSet(p.ids(), p.easting(), p.northing(), p.monthIndex(), p.epochDay(), p.minuteOfDay(),
                p.category(), p.sensitive(), null);
    }

    /**
     * Every row of this version: the columns themselves when they hold exactly this version (the
     * first version, read at start), else a trimmed copy made once for the version (appends leave
     * spare room at the end of the arrays).
     */
    private PointSet whole() {
        if (ids.length == size) {
            return columns();
        }
        PointSet w = trimmed;
        if (w == null) {
            w = columns().pick(identity(size), size);
            trimmed = w;
        }
        return w;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return idx;
    }

    /** The ids of one page of the matching incidents in id order, and how many match in all. */
    public record IdPage(long[] ids, long matched) {
    }

    /**
     * One page of the matching incidents: the rows skipped are counted here, in memory, so the
     * store fetches the page by primary key and neither counts nor skips rows itself.
     */
    public IdPage page(PointQuery q, long offset, int limit) {
        Filter f = new Filter(q);
        long[] page = new long[(int) Math.min(limit, size)];
        int n = 0;
        long matched = 0;
        for (int i = 0; i < size; i++) {
            if (f.matches(i)) {
                if (matched >= offset && n < page.length) {
                    page[n++] = ids[i];
                }
                matched++;
            }
        }
        return new IdPage(Arrays.copyOf(page, n), matched);
    }

    /**
     * The store's answer to a query, row by row: inside the grid box (edges included), time span
     * overlapping the half-open interval, in the categories.
     */
    private final class Filter {
        private final double minX;
        private final double maxX;
        private final double minY;
        private final double maxY;
        private final boolean[] allowed = new boolean[Category.values().length];
        private final Window window;

        Filter(PointQuery q) {
            if (!answers(q)) {
                throw new IllegalArgumentException("the snapshot holds times to the minute; ask the store for " + q);
            }
            Envelope box = q.gridBox().orElse(null);
            minX = box == null ? Double.NEGATIVE_INFINITY : box.getMinX();
            maxX = box == null ? Double.POSITIVE_INFINITY : box.getMaxX();
            minY = box == null ? Double.NEGATIVE_INFINITY : box.getMinY();
            maxY = box == null ? Double.POSITIVE_INFINITY : box.getMaxY();
            window = new Window(q.from(), q.to());
            for (Category c : Category.values()) {
                allowed[c.ordinal()] = q.categories().isEmpty() || q.categories().contains(c);
            }
        }

        boolean matches(int i) {
            double e = easting[i];
            double no = northing[i];
            return e >= minX && e <= maxX && no >= minY && no <= maxY && allowed[category[i]] && window.overlaps(i);
        }
    }

    /**
     * A half-open interval [from, to) as thresholds for each precision. A span overlaps it when
     * it ends after {@code from} and starts before {@code to}: a month m does when
     * {@code firstMonth <= m < endMonth}, and likewise for days and minutes (an instant is held
     * as its minute, exact because the ends are whole minutes).
     */
    private final class Window {
        private final int firstMonth;
        private final int endMonth;
        private final long firstDay;
        private final long endDay;
        private final long firstMinute;
        private final long endMinute;

        Window(Optional<LocalDateTime> from, Optional<LocalDateTime> to) {
            firstMonth = from.map(f -> monthOf(f)).orElse(Integer.MIN_VALUE);
            firstDay = from.map(f -> f.toLocalDate().toEpochDay()).orElse(Long.MIN_VALUE);
            firstMinute = from.map(IncidentSnapshot::minuteOf).orElse(Long.MIN_VALUE);
            // The first month, day or minute starting at or after `to`.
            endMonth = to.map(t -> monthOf(t) + (t.equals(YearMonth.from(t).atDay(1).atStartOfDay()) ? 0 : 1))
                    .orElse(Integer.MAX_VALUE);
            endDay = to.map(t -> t.toLocalDate().toEpochDay() + (t.toLocalTime().toSecondOfDay() == 0 ? 0 : 1))
                    .orElse(Long.MAX_VALUE);
            endMinute = to.map(IncidentSnapshot::minuteOf).orElse(Long.MAX_VALUE);
        }

        boolean overlaps(int i) {
            if (epochDay[i] < 0) {
                return monthIndex[i] >= firstMonth && monthIndex[i] < endMonth;
            }
            if (minuteOfDay[i] < 0) {
                return epochDay[i] >= firstDay && epochDay[i] < endDay;
            }
            long minute = epochDay[i] * 1440L + minuteOfDay[i];
            return minute >= firstMinute && minute < endMinute;
        }
    }

    private static int monthOf(LocalDateTime t) {
        return MonthIndex.of(t);
    }

    private static long minuteOf(LocalDateTime t) {
        return ChronoUnit.MINUTES.between(LocalDateTime.of(1970, 1, 1, 0, 0), t);
    }
}
