package uk.safermap.store.jdbc;

import uk.safermap.domain.MonthIndex;
import uk.safermap.store.PointSet;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gathers incidents one at a time into the primitive columns of a {@link PointSet}: from a read
 * of the table ({@link PointSetReader}) or from the rows a bulk import wrote ({@link CopyBatchWriter}).
 */
final class PointSetBuilder {

    private final boolean withLocations;
    private long[] ids = new long[1024];
    private double[] easting = new double[1024];
    private double[] northing = new double[1024];
    private int[] month = new int[1024];
    private int[] day = new int[1024];
    private int[] minute = new int[1024];
    private byte[] category = new byte[1024];
    private boolean[] sensitive = new boolean[1024];
    private String[] location;
    /**
     * Location texts repeat (police.uk snaps to a few thousand "On or near ..." points), so each
     * distinct text is held once: this keeps a whole-table read with locations small.
     */
    private final Map<String, String> distinctLocations = new HashMap<>();
    private int n;

    PointSetBuilder(boolean withLocations) {
        this.withLocations = withLocations;
        this.location = withLocations ? new String[1024] : null;
    }

    /**
     * One incident. The span tells what is known of when it happened: a month (longer than a
     * day), a day, or an instant (one second long, {@code TimeSpan.ofInstant}).
     */
    void add(long id, double x, double y, LocalDateTime start, LocalDateTime end, int categoryOrdinal,
             boolean isSensitive, String locationText) {
        if (n == ids.length) {
            grow();
        }
        ids[n] = id;
        easting[n] = x;
        northing[n] = y;
        month[n] = MonthIndex.of(start);
        boolean monthOnly = end.isAfter(start.plusDays(1));
        boolean instant = end.equals(start.plusSeconds(1));
        day[n] = monthOnly ? -1 : (int) start.toLocalDate().toEpochDay();
        minute[n] = instant ? start.getHour() * 60 + start.getMinute() : -1;
        category[n] = (byte) categoryOrdinal;
        sensitive[n] = isSensitive;
        if (withLocations) {
            location[n] = locationText == null ? null : distinctLocations.computeIfAbsent(locationText, t -> t);
        }
        n++;
    }

    /** The incidents added so far, in ascending id order. */
    PointSet build() {
        return new PointSet(Arrays.copyOf(ids, n), Arrays.copyOf(easting, n), Arrays.copyOf(northing, n),
                Arrays.copyOf(month, n), Arrays.copyOf(day, n), Arrays.copyOf(minute, n),
                Arrays.copyOf(category, n), Arrays.copyOf(sensitive, n),
                withLocations ? Arrays.copyOf(location, n) : null).sortedById();
    }

    private void grow() {
        int size = ids.length * 2;
        ids = Arrays.copyOf(ids, size);
        easting = Arrays.copyOf(easting, size);
        northing = Arrays.copyOf(northing, size);
        month = Arrays.copyOf(month, size);
        day = Arrays.copyOf(day, size);
        minute = Arrays.copyOf(minute, size);
        category = Arrays.copyOf(category, size);
        sensitive = Arrays.copyOf(sensitive, size);
        if (withLocations) {
            location = Arrays.copyOf(location, size);
        }
    }
}
