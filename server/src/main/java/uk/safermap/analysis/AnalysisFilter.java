package uk.safermap.analysis;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.Category;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incident filter every analysis accepts: a half-open time interval, categories, and an
 * area (a named polygon, or a lon/lat box).
 *
 * @param categories    empty means all
 * @param aggregateOnly for a viewer who must not see incidents: sensitive incidents are left out,
 *                      and density surfaces follow the {@link uk.safermap.privacy.DisclosurePolicy}
 */
public record AnalysisFilter(Optional<LocalDateTime> from, Optional<LocalDateTime> to, Set<Category> categories,
                             Optional<AreaResolver.Resolved> area, Optional<Envelope> bboxWgs84, boolean aggregateOnly) {

    public AnalysisFilter {
        categories = Set.copyOf(categories);
    }

    /** A filter for viewers who may see incidents. */
    public AnalysisFilter(Optional<LocalDateTime> from, Optional<LocalDateTime> to, Set<Category> categories,
                          Optional<AreaResolver.Resolved> area, Optional<Envelope> bboxWgs84) {
        this(from, to, categories, area, bboxWgs84, false);
    }

    /** The same filter for a viewer who may see aggregates only. */
    public AnalysisFilter aggregateOnlyView() {
        return new AnalysisFilter(from, to, categories, area, bboxWgs84, true);
    }

    /** The same time and categories over the whole borough: the context a cell statistic is computed in. */
    public AnalysisFilter withoutPlace() {
        return new AnalysisFilter(from, to, categories, Optional.empty(), Optional.empty(), aggregateOnly);
    }

    public static AnalysisFilter everything() {
        return new AnalysisFilter(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
    }

    /** A stable text for cache keys: equal filters give equal keys. */
    public String key() {
        Set<String> slugs = new TreeSet<>();
        categories.forEach(c -> slugs.add(c.slug()));
        return from.map(Object::toString).orElse("..") + "/" + to.map(Object::toString).orElse("..") + "|"
                + String.join(",", slugs) + "|" + area.map(a -> a.reference() + "@" + a.version()).orElse("")
                + "|" + bboxWgs84.map(Envelope::toString).orElse("") + (aggregateOnly ? "|aggregate" : "");
    }
}
