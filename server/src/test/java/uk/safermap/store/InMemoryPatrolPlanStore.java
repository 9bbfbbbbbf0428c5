package uk.safermap.store;

import uk.safermap.domain.PatrolPlan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link PatrolPlanStore} in a map, for service tests that need no database. Not thread-safe. */
public final class InMemoryPatrolPlanStore implements PatrolPlanStore {

    private final Map<String, PatrolPlan> plans = new HashMap<>();

    @Override
    public void save(PatrolPlan plan) {
        if (plans.putIfAbsent(plan.id(), plan) != null) {
            throw new IllegalStateException("plan " + plan.id() + " is already saved");
        }
    }

    @Override
    public Optional<PatrolPlan> get(String id) {
        return Optional.ofNullable(plans.get(id));
    }
}
