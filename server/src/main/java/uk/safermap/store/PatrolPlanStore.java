package uk.safermap.store;

import uk.safermap.domain.PatrolPlan;

import java.util.Optional;

/** Patrol plans, written once when made and read back by id (for the plan page and the briefing). */
public interface PatrolPlanStore {

    /** Saves a new plan in one transaction. */
    void save(PatrolPlan plan);

    Optional<PatrolPlan> get(String id);
}
