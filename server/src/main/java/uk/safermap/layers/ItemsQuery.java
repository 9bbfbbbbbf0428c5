package uk.safermap.layers;

import uk.safermap.store.BoxFilter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * A validated items request: OGC {@code bbox} (lon/lat or grid metres) and {@code datetime} (as a
 * half-open local-time interval, either end open), paging, and the collection's own extra filters
 * by name.
 */
public record ItemsQuery(BoxFilter bbox, Optional<LocalDateTime> from, Optional<LocalDateTime> to,
                         Map<String, String> extra, int limit, long offset) {

    public ItemsQuery {
        extra = Map.copyOf(extra);
    }

    /** The first day a record dated by day must fall on to overlap the interval (a day spans [d, d + 1)). */
    public Optional<LocalDate> fromDate() {
        return from.map(LocalDateTime::toLocalDate);
    }

    /** The day before which a record dated by day must fall to overlap the interval, exclusive. */
    public Optional<LocalDate> toDate() {
        return to.map(t -> t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : t.toLocalDate().plusDays(1));
    }
}
