package uk.safermap.layers;

import uk.safermap.store.BoxFilter;

import java.time.LocalDateTime;
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
}
