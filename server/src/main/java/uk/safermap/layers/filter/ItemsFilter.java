package uk.safermap.layers.filter;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.layers.ItemsQuery;
import uk.safermap.store.BoxFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A filter reduced to the stores' own terms: per queryable the set of values to keep (a property not
 * named is unconstrained) and, when the filter is spatial, the lon/lat boxes a feature must
 * intersect one of (present but empty: no box can match).
 */
public record ItemsFilter(Map<String, Set<String>> values, Optional<List<Envelope>> boxes) {

    public static final ItemsFilter ALL = new ItemsFilter(Map.of(), Optional.empty());

    public ItemsFilter {
        values = Map.copyOf(values);
        boxes = boxes.map(List::copyOf);
    }

    /** Whether no feature can pass, e.g. {@code category = 'a' AND category = 'b'}. */
    public boolean matchesNothing() {
        return values.values().stream().anyMatch(Set::isEmpty) || boxes.map(List::isEmpty).orElse(false);
    }

    /**
     * The items request narrowed by this filter: its values become the collection's own
     * {@code name=value} filters and its boxes are intersected with {@code bbox}; empty when no
     * feature can pass.
     *
     * @throws InvalidInputException when the request already filters a property the filter names,
     *                                  or gives a grid bbox with a lon/lat filter box
     */
    public Optional<ItemsQuery> narrow(ItemsQuery q) {
        Map<String, String> extra = new HashMap<>(q.extra());
        for (Map.Entry<String, Set<String>> e : values.entrySet()) {
            if (extra.containsKey(e.getKey())) {
                throw new InvalidInputException("give " + e.getKey() + "= or a filter on " + e.getKey() + ", not both");
            }
            extra.put(e.getKey(), String.join(",", e.getValue()));
        }
        BoxFilter bbox = q.bbox();
        if (boxes.isPresent()) {
            if (bbox.grid()) {
                throw new InvalidInputException("filter boxes are lon/lat (CRS84): give bbox in CRS84 too");
            }
            bbox = new BoxFilter(bbox.isEmpty() ? boxes.get() : intersections(bbox.boxes(), boxes.get()), false);
        }
        if (matchesNothing() || boxes.isPresent() && bbox.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ItemsQuery(bbox, q.from(), q.to(), extra, q.limit(), q.offset()));
    }

    /** Every non-empty overlap of a box in {@code a} with one in {@code b}: the union of boxes ANDed. */
    static List<Envelope> intersections(List<Envelope> a, List<Envelope> b) {
        List<Envelope> out = new ArrayList<>();
        for (Envelope x : a) {
            for (Envelope y : b) {
                if (x.intersects(y)) {
                    out.add(x.intersection(y));
                }
            }
        }
        return out;
    }
}
