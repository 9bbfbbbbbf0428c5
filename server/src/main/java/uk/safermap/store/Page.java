package uk.safermap.store;

import java.util.List;

/** One page of a query result and how many items match the query in all. */
public record Page<T>(List<T> items, long numberMatched) {
}
