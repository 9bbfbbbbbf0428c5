package uk.safermap.patrol;

import uk.safermap.params.ParameterSource;

import java.util.OptionalLong;

/**
 * A multi-day schedule: {@code days} from the first (7, a week; at most a month), the busiest
 * {@code places} (10), {@code visitsPerDay} to each (1) of {@code visitMinutes} (15), where the
 * places come from ({@code hotspots}) and the {@code seed} that spreads visit times.
 */
public record ScheduleParameters(int days, int places, int visitsPerDay, int visitMinutes, HotspotMethod hotspots,
                                 OptionalLong seed) {

    public static final int MAX_DAYS = 31;
    static final int MAX_VISITS_PER_DAY = 12;

    public static ScheduleParameters read(ParameterSource in) {
        return new ScheduleParameters(in.integer("days", 7, 1, MAX_DAYS),
                in.integer("places", 10, 1, PatrolParameters.MAX_HOTSPOTS),
                in.integer("visitsPerDay", 1, 1, MAX_VISITS_PER_DAY), in.integer("visitMinutes", 15, 1, 60),
                PatrolParameters.hotspots(in), PatrolParameters.seed(in));
    }
}
