package uk.safermap.analysis;

import uk.safermap.analysis.profile.AreaProfile;
import uk.safermap.analysis.profile.ProfileCalculator;
import uk.safermap.areas.AreaResolver;
import uk.safermap.areas.NeighbourhoodService;
import uk.safermap.domain.Area;
import uk.safermap.domain.InvalidInputException;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointSet;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Neighbourhood profiles. The period defaults to the latest year to date (January to the latest
 * month with data) and the baseline to the year before it, compared month for month: the way
 * partnership targets such as "3% fewer than in 2025" are usually reported.
 */
public final class ProfileService {

    private final IncidentSelection selection;
    private final AreaResolver areas;
    private final NeighbourhoodService neighbourhoods;
    private final ClusterService clusters;
    private final IncidentStore store;
    private final Clock clock;
    private final ProfileCalculator calculator = new ProfileCalculator();

    public ProfileService(IncidentSelection selection, AreaResolver areas, NeighbourhoodService neighbourhoods,
                          ClusterService clusters, IncidentStore store, Clock clock) {
        this.clock = clock;
        this.selection = selection;
        this.areas = areas;
        this.neighbourhoods = neighbourhoods;
        this.clusters = clusters;
        this.store = store;
    }

    /** The period and the baseline, as given or defaulted. */
    public record Period(YearMonth from, YearMonth to, int baselineYear) {
    }

    /**
     * @param areaRef a neighbourhood id, or a qualified reference such as {@code ward:E05005503}
     * @throws InvalidInputException for an unknown area
     */
    public AreaProfile profile(String areaRef, ProfileParameters p) {
        AreaResolver.Resolved area = areas.resolve(areaRef.contains(":") ? areaRef : "neighbourhood:" + areaRef);
        Period period = period(p.from(), p.to(), p.baselineYear());
        return compute(new ProfileCalculator.AreaInfo(areaRef, area.name(), area.approximate()), area, period,
                p.targetPercent());
    }

    /** Every priority neighbourhood, side by side. */
    public List<AreaProfile> all(ProfileParameters p) {
        Period period = period(p.from(), p.to(), p.baselineYear());
        double targetPercent = p.targetPercent();
        List<AreaProfile> out = new ArrayList<>();
        for (Area n : neighbourhoods.list()) {
            AreaResolver.Resolved area = areas.resolve(n);
            out.add(compute(new ProfileCalculator.AreaInfo(n.code(), n.name(), n.approximate()), area, period,
                    targetPercent));
        }
        out.sort(ProfileCalculator.BY_NAME);
        return out;
    }

    public Period period(Optional<YearMonth> from, Optional<YearMonth> to, Optional<Integer> baselineYear) {
        YearMonth latest = store.extent().map(e -> YearMonth.from(e.end().minusNanos(1)))
                .orElse(YearMonth.now(clock));
        YearMonth end = to.orElse(latest);
        YearMonth start = from.orElse(YearMonth.of(end.getYear(), 1));
        int baseline = baselineYear.orElse(start.getYear() - 1);
        // The baseline must precede the period, or months would be compared with themselves.
        if (baseline < 1990 || baseline >= start.getYear()) {
            throw new InvalidInputException("baseline must be a year from 1990 to " + (start.getYear() - 1)
                    + " (before the period " + start + " to " + end + "), got " + baseline);
        }
        return new Period(start, end, baseline);
    }

    private AreaProfile compute(ProfileCalculator.AreaInfo info, AreaResolver.Resolved area, Period p,
                                double targetPercent) {
        // Read from the baseline year's start to the period's end: both are inside.
        LocalDateTime readFrom = YearMonth.of(Math.min(p.baselineYear(), p.from().getYear()), 1).atDay(1).atStartOfDay();
        LocalDateTime readTo = p.to().plusMonths(1).atDay(1).atStartOfDay();
        AnalysisFilter inArea = new AnalysisFilter(Optional.of(readFrom), Optional.of(readTo), Set.of(),
                Optional.of(area), Optional.empty());
        PointSet points = selection.select(inArea, true);
        return calculator.profile(info, points, p.from(), p.to(), p.baselineYear(), targetPercent,
                hotspots(points, p));
    }

    /** Density clusters of the period, borough-wide, that have incidents inside the area. */
    private List<AreaProfile.HotspotSummary> hotspots(PointSet inside, Period p) {
        AnalysisFilter period = new AnalysisFilter(Optional.of(p.from().atDay(1).atStartOfDay()),
                Optional.of(p.to().plusMonths(1).atDay(1).atStartOfDay()), Set.of(), Optional.empty(), Optional.empty());
        List<AreaProfile.HotspotSummary> out = new ArrayList<>();
        for (ClusterService.RankedCluster c : clusters.clusters(period, ClusterParameters.CRIME).clusters()) {
            int in = inside.positionsOf(c.incidentIds()).length;
            if (in > 0) {
                out.add(new AreaProfile.HotspotSummary(c.rank(), c.count(), in));
            }
        }
        return out;
    }
}
