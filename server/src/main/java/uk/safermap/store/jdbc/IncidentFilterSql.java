package uk.safermap.store.jdbc;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.IncidentQuery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause and bind values for an {@link IncidentQuery}. */
final class IncidentFilterSql {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    IncidentFilterSql(IncidentQuery q, BritishNationalGrid grid, Dialect dialect) {
        q.bboxWgs84().ifPresent(box -> bbox(box, grid, dialect));
        q.from().ifPresent(from -> add("time_end > ?", Timestamp.valueOf(from)));
        q.to().ifPresent(to -> add("time_start < ?", Timestamp.valueOf(to)));
        if (!q.categories().isEmpty()) {
            List<String> slugs = q.categories().stream().map(Category::slug).sorted().toList();
            clauses.add("category IN (" + Jdbc.placeholders(slugs.size()) + ")");
            values.addAll(slugs);
        }
    }

    /**
     * The box is transformed to the grid so the store's index on grid position is used; the
     * lon/lat test after it makes the answer exact, since the grid box is slightly larger.
     */
    private void bbox(Envelope box, BritishNationalGrid grid, Dialect dialect) {
        Envelope g = grid.toGrid(box);
        clauses.add(dialect.gridBoxClause());
        values.addAll(List.of(g.getMinX(), g.getMinY(), g.getMaxX(), g.getMaxY()));
        clauses.add("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?");
        values.addAll(List.of(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMaxY()));
    }

    private void add(String clause, Object value) {
        clauses.add(clause);
        values.add(value);
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the filter values from index 1; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object v : values) {
            ps.setObject(i++, v);
        }
        return i;
    }
}
