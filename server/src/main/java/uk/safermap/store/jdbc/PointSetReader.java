package uk.safermap.store.jdbc;

import uk.safermap.domain.Category;
import uk.safermap.domain.MonthIndex;
import uk.safermap.store.PointSet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code id, easting, northing, time_start, time_end, category, sensitive[, location]} rows into a {@link PointSet}. */
final class PointSetReader {

    static final String COLUMNS = "id, easting, northing, time_start, time_end, category, sensitive";

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

    PointSetReader(boolean withLocations) {
        this.withLocations = withLocations;
        this.location = withLocations ? new String[1024] : null;
    }

    PointSet read(ResultSet rs) throws SQLException {
        Category[] categories = Category.values();
        while (rs.next()) {
            if (n == ids.length) {
                grow();
            }
            // As java.time directly: a Timestamp goes through a Calendar per value, a tenth of a
            // whole-table read in profiles.
            LocalDateTime start = rs.getObject(4, LocalDateTime.class);
            LocalDateTime end = rs.getObject(5, LocalDateTime.class);
            ids[n] = rs.getLong(1);
            easting[n] = rs.getDouble(2);
            northing[n] = rs.getDouble(3);
            month[n] = MonthIndex.of(start);
            boolean monthOnly = end.isAfter(start.plusDays(1));
            boolean instant = end.equals(start.plusSeconds(1));
            day[n] = monthOnly ? -1 : (int) start.toLocalDate().toEpochDay();
            minute[n] = instant ? start.getHour() * 60 + start.getMinute() : -1;
            category[n] = (byte) Category.fromSlug(rs.getString(6)).orElse(categories[categories.length - 1]).ordinal();
            sensitive[n] = rs.getBoolean(7);
            if (withLocations) {
                String text = rs.getString(8);
                location[n] = text == null ? null : distinctLocations.computeIfAbsent(text, t -> t);
            }
            n++;
        }
        return new PointSet(Arrays.copyOf(ids, n), Arrays.copyOf(easting, n), Arrays.copyOf(northing, n),
                Arrays.copyOf(month, n), Arrays.copyOf(day, n), Arrays.copyOf(minute, n),
                Arrays.copyOf(category, n), Arrays.copyOf(sensitive, n),
                withLocations ? Arrays.copyOf(location, n) : null);
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
