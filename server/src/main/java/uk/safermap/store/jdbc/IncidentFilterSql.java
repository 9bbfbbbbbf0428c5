package uk.safermap.store.jdbc;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Category;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.PointQuery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The WHERE clause and bind values for an {@link IncidentQuery}. */
final class IncidentFilterSql {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    IncidentFilterSql(IncidentQuery q, BritishNationalGrid grid, Dialect dialect) {
        if (!q.boxes().isEmpty()) {
            boxes(q.boxes(), grid, dialect);
        }
        timeAndCategories(q.from(), q.to(), q.categories());
    }

    IncidentFilterSql(PointQuery q, Dialect dialect) {
        q.gridBox().ifPresent(g -> gridBox(g, dialect));
        timeAndCategories(q.from(), q.to(), q.categories());
    }

    private void timeAndCategories(Optional<LocalDateTime> from, Optional<LocalDateTime> to, Set<Category> categories) {
        from.ifPresent(f -> add("time_end > ?", Timestamp.valueOf(f)));
        to.ifPresent(t -> add("time_start < ?", Timestamp.valueOf(t)));
        if (!categories.isEmpty()) {
            List<String> slugs = categories.stream().map(Category::slug).sorted().toList();
            clauses.add("category IN (" + Jdbc.placeholders(slugs.size()) + ")");
            values.addAll(slugs);
        }
    }

    private void gridBox(Envelope g, Dialect dialect) {
        clauses.add(dialect.gridBoxClause());
        values.addAll(List.of(g.getMinX(), g.getMinY(), g.getMaxX(), g.getMaxY()));
    }

    private void boxes(BoxFilter filter, BritishNationalGrid grid, Dialect dialect) {
        clauses.add(DatedPointTable.boxes(filter, grid, dialect.gridBoxClause(), values));
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
