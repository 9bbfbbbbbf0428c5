package uk.safermap.patrol;

import uk.safermap.domain.PatrolPlan;
import uk.safermap.domain.TrackPoint;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.PatrolPlanStore;
import uk.safermap.store.PatrolTrackStore;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Dose tracking: GPS tracks uploaded for a stored plan, kept, and measured against it
 * ({@link DoseTracker}). Independent of HTTP; thread-safe.
 */
public final class DoseService {

    private final PatrolPlanStore plans;
    private final PatrolTrackStore tracks;
    private final BritishNationalGrid grid;

    public DoseService(PatrolPlanStore plans, PatrolTrackStore tracks, BritishNationalGrid grid) {
        this.plans = plans;
        this.tracks = tracks;
        this.grid = grid;
    }

    /**
     * Reads, stores (replacing earlier tracks of the plan) and measures an upload.
     *
     * @param defaultUnit the unit of GPX tracks without a name, may be null
     * @return empty if there is no such plan
     * @throws IllegalArgumentException for a malformed file, naming the line; nothing is stored
     */
    public Optional<DoseReport> upload(String planId, TrackReader.Format format, InputStream body, String defaultUnit,
                                       DoseTracker.Parameters parameters) {
        Optional<PatrolPlan> plan = plans.get(planId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<TrackPoint> points = TrackReader.read(format, body, defaultUnit);
        tracks.replace(planId, points);
        return Optional.of(new DoseTracker(parameters, grid).measure(plan.get(), points));
    }

    /** The dose the stored tracks delivered; empty if there is no such plan. */
    public Optional<DoseReport> report(String planId, DoseTracker.Parameters parameters) {
        return plans.get(planId).map(plan -> new DoseTracker(parameters, grid).measure(plan, tracks.get(planId)));
    }
}
