package uk.safermap.store;

import org.locationtech.jts.geom.Envelope;

import java.time.LocalDate;
import java.util.Optional;

/** Which speed concerns to read: a British National Grid box, dates [from, to), and a page. */
public record SpeedConcernQuery(Optional<Envelope> gridBox, Optional<LocalDate> from, Optional<LocalDate> to,
                                int limit, long offset) {
}
