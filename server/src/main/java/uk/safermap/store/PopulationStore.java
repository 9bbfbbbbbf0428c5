package uk.safermap.store;

import java.util.Map;
import java.util.Optional;

/**
 * A whole count per area code, loaded as one set with its source: the resident population per
 * ward (for rates), or the households per output area (for doorbell risk per household).
 */
public interface PopulationStore {

    /** Replaces every count in one transaction; {@code source} says where they came from. */
    void replaceAll(Map<String, Integer> counts, String source);

    /** Count by area code; empty when none are loaded. */
    Map<String, Integer> all();

    /** Where the loaded counts came from, when any are loaded. */
    Optional<String> source();
}
