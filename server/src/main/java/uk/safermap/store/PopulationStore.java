package uk.safermap.store;

import java.util.Map;
import java.util.Optional;

/** Resident population per ward, for rates. */
public interface PopulationStore {

    /** Replaces every population in one transaction; {@code source} says where they came from. */
    void replaceAll(Map<String, Integer> populations, String source);

    /** Population by ward code; empty when none are loaded. */
    Map<String, Integer> all();

    /** Where the loaded populations came from, when any are loaded. */
    Optional<String> source();
}
