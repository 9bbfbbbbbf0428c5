package uk.safermap.store;

import uk.safermap.domain.Intervention;

import java.util.List;
import java.util.Optional;

/** The interventions logged for evaluation. */
public interface InterventionStore {

    /** Adds a new intervention, or replaces the one with the same id. */
    void save(Intervention intervention);

    Optional<Intervention> get(String id);

    /** Every intervention, newest start first. */
    List<Intervention> all();

    /** @return whether there was one to delete */
    boolean delete(String id);
}
