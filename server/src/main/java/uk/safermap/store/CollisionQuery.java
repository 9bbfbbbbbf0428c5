package uk.safermap.store;

import uk.safermap.domain.Severity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Which collisions to read: boxes (as for incidents), a half-open date interval [from, to),
 * severities (empty means all), and a page.
 */
public record CollisionQuery(BoxFilter boxes, Optional<LocalDate> from, Optional<LocalDate> to,
                             Set<Severity> severities, int limit, long offset) {

    public CollisionQuery {
        severities = Set.copyOf(severities);
    }

    /** Every collision matching the filter, unpaged (analyses read a borough's few thousand at most). */
    public static CollisionQuery all(Optional<LocalDate> from, Optional<LocalDate> to, Set<Severity> severities) {
        return new CollisionQuery(BoxFilter.NONE, from, to, severities, Integer.MAX_VALUE, 0);
    }
}
