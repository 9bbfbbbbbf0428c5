package uk.safermap.store;

import java.time.LocalDate;
import java.util.Optional;

/** Which speed concerns to read: boxes (as for incidents), dates [from, to), and a page. */
public record SpeedConcernQuery(BoxFilter boxes, Optional<LocalDate> from, Optional<LocalDate> to,
                                int limit, long offset) {
}
