package uk.safermap.store;

import uk.safermap.domain.Category;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Which incidents to read.
 *
 * @param boxes       boxes, keeping incidents in any of them
 * @param from        keep incidents whose time span ends after this instant, or empty
 * @param to          keep incidents whose time span starts before this instant, or empty
 * @param categories  keep these categories; empty means all
 * @param limit       page size (at least 1)
 * @param offset      items to skip
 */
public record IncidentQuery(BoxFilter boxes, Optional<LocalDateTime> from,
                            Optional<LocalDateTime> to, Set<Category> categories, int limit, long offset) {

    public IncidentQuery {
        categories = Set.copyOf(categories);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }

    public static IncidentQuery all(int limit) {
        return new IncidentQuery(BoxFilter.NONE, Optional.empty(), Optional.empty(), Set.of(), limit, 0);
    }
}
