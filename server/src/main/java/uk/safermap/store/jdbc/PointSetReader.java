package uk.safermap.store.jdbc;

import uk.safermap.domain.Category;
import uk.safermap.store.PointSet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Reads {@code id, easting, northing, time_start, time_end, category, sensitive[, location]} rows into a {@link PointSet}. */
final class PointSetReader {

    static final String COLUMNS = "id, easting, northing, time_start, time_end, category, sensitive";

    private final boolean withLocations;

    PointSetReader(boolean withLocations) {
        this.withLocations = withLocations;
    }

    /** Every row of the result, in ascending id order. */
    PointSet read(ResultSet rs) throws SQLException {
        PointSetBuilder points = new PointSetBuilder(withLocations);
        Category[] categories = Category.values();
        while (rs.next()) {
            // As java.time directly: a Timestamp goes through a Calendar per value, a tenth of a
            // whole-table read in profiles.
            LocalDateTime start = rs.getObject(4, LocalDateTime.class);
            LocalDateTime end = rs.getObject(5, LocalDateTime.class);
            Category category = Category.fromSlug(rs.getString(6)).orElse(categories[categories.length - 1]);
            points.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), start, end, category.ordinal(),
                    rs.getBoolean(7), withLocations ? rs.getString(8) : null);
        }
        return points.build();
    }
}
