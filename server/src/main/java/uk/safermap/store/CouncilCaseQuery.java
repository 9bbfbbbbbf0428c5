package uk.safermap.store;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** Which council cases to read: boxes (as for incidents), dates [from, to), type slugs (empty means all), a page. */
public record CouncilCaseQuery(BoxFilter boxes, Optional<LocalDate> from, Optional<LocalDate> to,
                               Set<String> types, int limit, long offset) {

    public CouncilCaseQuery {
        types = Set.copyOf(types);
    }

    public static CouncilCaseQuery all(Optional<LocalDate> from, Optional<LocalDate> to, Set<String> types) {
        return new CouncilCaseQuery(BoxFilter.NONE, from, to, types, Integer.MAX_VALUE, 0);
    }
}
