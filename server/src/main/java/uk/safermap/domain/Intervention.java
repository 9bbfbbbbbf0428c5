package uk.safermap.domain;

import uk.safermap.domain.InvalidInputException;
import org.locationtech.jts.geom.Geometry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Something the partnership did at a place and time, so that it can be evaluated afterwards:
 * cameras put up, doorbells given out, a patrol plan run, a week of action.
 *
 * @param target       the target area in British National Grid metres (a polygon or multipolygon)
 * @param targetSource how the target was made, e.g. {@code drawn}, {@code ward:E05005503},
 *                     {@code cctv: 4 sites, 100 m} or {@code patrol:plan-id, 100 m}
 * @param end          the last day, or null while it runs (or for a one-off such as lighting)
 * @param costPounds   what it cost, or null when not given
 * @param categories   the incident categories it aims at; empty means all
 */
public record Intervention(String id, String name, Kind kind, Geometry target, String targetSource, LocalDate start,
                           LocalDate end, Double costPounds, Set<Category> categories, String notes,
                           Instant createdAt) {

    public Intervention {
        categories = Set.copyOf(categories);
        if (end != null && end.isBefore(start)) {
            throw new InvalidInputException("end " + end + " is before start " + start);
        }
        if (costPounds != null && !(costPounds >= 0)) {
            throw new InvalidInputException("cost must be zero or more, got " + costPounds);
        }
    }

    /** The kinds of intervention a partnership logs. */
    public enum Kind {
        CCTV, DOORBELLS, PATROL, WEEK_OF_ACTION, LIGHTING, OTHER;

        /** {@code cctv}, {@code doorbells}, {@code patrol}, {@code week-of-action}, {@code lighting}, {@code other}. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Kind> fromSlug(String slug) {
            return Arrays.stream(values()).filter(k -> k.slug().equals(slug)).findFirst();
        }
    }
}
