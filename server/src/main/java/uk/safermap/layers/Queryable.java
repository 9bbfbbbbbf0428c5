package uk.safermap.layers;

import java.util.List;

/**
 * A feature property a client may filter on with {@code name=value} on the items request, as
 * published in the collection's queryables (a JSON Schema).
 *
 * @param values the accepted values, or empty when any string is
 */
public record Queryable(String name, String title, List<String> values) {

    public Queryable {
        values = List.copyOf(values);
    }
}
