package uk.safermap.store;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Severity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Which collisions to read: a British National Grid box, a half-open date interval
 * [from, to), severities (empty means all), and a page.
 */
public record CollisionQuery(Optional<Envelope> gridBox, Optional<LocalDate> from, Optional<LocalDate> to,
                             Set<Severity> severities, int limit, long offset) {

    public CollisionQuery {
        severities = Set.copyOf(severities);
    }

    /** Every collision matching the filter, unpaged (analyses read a borough's few thousand at most). */
    public static CollisionQuery all(Optional<LocalDate> from, Optional<LocalDate> to, Set<Severity> severities) {
        return new CollisionQuery(Optional.empty(), from, to, severities, Integer.MAX_VALUE, 0);
    }
}
