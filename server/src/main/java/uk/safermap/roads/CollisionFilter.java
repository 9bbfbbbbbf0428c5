package uk.safermap.roads;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.domain.Severity;
import uk.safermap.store.BoxFilter;
import uk.safermap.store.CollisionQuery;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which collisions an analysis reads: dates [from, to), severities (empty means all) and a
 * British National Grid box.
 */
public record CollisionFilter(Optional<LocalDate> from, Optional<LocalDate> to, Set<Severity> severities,
                              Optional<Envelope> gridBox) {

    /** Killed or seriously injured: the default of the KSI hot spot analyses. */
    public static final Set<Severity> KSI = EnumSet.of(Severity.FATAL, Severity.SERIOUS);

    public CollisionFilter {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidInputException("the date interval is empty: from must be before to");
        }
        severities = Set.copyOf(severities);
    }

    /** The same filter with these severities when it names none. */
    public CollisionFilter orSeverities(Set<Severity> defaults) {
        return severities.isEmpty() ? new CollisionFilter(from, to, defaults, gridBox) : this;
    }

    CollisionQuery query() {
        return new CollisionQuery(BoxFilter.gridBox(gridBox), from, to, severities, Integer.MAX_VALUE, 0);
    }
}
