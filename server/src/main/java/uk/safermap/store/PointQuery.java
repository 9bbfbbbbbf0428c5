package uk.safermap.store;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Category;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Which incidents an analysis reads: a grid (BNG metres) box, a half-open time interval and
 * categories. Exact area shapes are applied by the caller on the returned points.
 */
public record PointQuery(Optional<Envelope> gridBox, Optional<LocalDateTime> from, Optional<LocalDateTime> to,
                         Set<Category> categories, boolean withLocations) {

    public PointQuery {
        categories = Set.copyOf(categories);
    }
}
