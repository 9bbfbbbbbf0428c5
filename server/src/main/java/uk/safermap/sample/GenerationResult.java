package uk.safermap.sample;

import uk.safermap.domain.Category;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link SampleGenerator#write} wrote.
 *
 * @param spec           the spec it was generated from
 * @param rows           data rows written (the header not counted)
 * @param rowsByCategory rows per category, every category present (0 when none)
 * @param hotspots       the planted hot spots, each with the rows written for it
 * @param rowsByMonth    rows per month, oldest first
 */
public record GenerationResult(SampleSpec spec, long rows, Map<Category, Long> rowsByCategory,
                               List<PlantedHotspot> hotspots, SortedMap<YearMonth, Long> rowsByMonth) {

    public GenerationResult {
        EnumMap<Category, Long> categories = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            categories.put(c, rowsByCategory.getOrDefault(c, 0L));
        }
        rowsByCategory = Collections.unmodifiableMap(categories);
        hotspots = List.copyOf(hotspots);
        rowsByMonth = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByMonth));
    }

    /** The months generated, oldest first. */
    public List<YearMonth> months() {
        return List.copyOf(rowsByMonth.keySet());
    }

    /** The planted hot spot with this name. */
    public Optional<PlantedHotspot> hotspot(String name) {
        return hotspots.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
