package uk.safermap.sample;

import uk.safermap.domain.Category;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A probability for each of the 14 police.uk categories. Immutable and thread-safe.
 *
 * <p>{@link #MARKET_TOWN} is the borough-wide target. Hot spots get a mix focused on their dominant
 * categories, and the background gets {@link #remainderAfter} of those, so that the categories of all
 * rows together still match the target on average.
 */
final class CategoryMix {

    /** Fraction of a hot spot's rows drawn from its dominant categories; the rest follow the borough mix. */
    static final double HOTSPOT_FOCUS = 0.8;

    /**
     * The category mix of a market-town borough such as Melton (ASB a quarter, violence and sexual offences
     * the largest crime type), approximating published police.uk figures for similar districts.
     */
    static final CategoryMix MARKET_TOWN = new CategoryMix(targetWeights());

    /** A part of all rows: its share of them and its category mix. */
    record Part(double share, CategoryMix mix) {
    }

    private final EnumMap<Category, Double> probabilities;
    private final Weighted<Category> weighted;

    private CategoryMix(Map<Category, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        probabilities = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            probabilities.put(c, weights.getOrDefault(c, 0.0) / sum);
        }
        weighted = Weighted.of(probabilities);
    }

    private static Map<Category, Double> targetWeights() {
        EnumMap<Category, Double> w = new EnumMap<>(Category.class);
        w.put(Category.ANTI_SOCIAL_BEHAVIOUR, 25.0);
        w.put(Category.VIOLENT_CRIME, 30.0);
        w.put(Category.CRIMINAL_DAMAGE_ARSON, 8.0);
        w.put(Category.SHOPLIFTING, 7.0);
        w.put(Category.OTHER_THEFT, 6.0);
        w.put(Category.PUBLIC_ORDER, 7.0);
        w.put(Category.VEHICLE_CRIME, 4.0);
        w.put(Category.BURGLARY, 5.0);
        w.put(Category.DRUGS, 2.0);
        w.put(Category.OTHER_CRIME, 2.0);
        w.put(Category.BICYCLE_THEFT, 1.0);
        w.put(Category.THEFT_FROM_THE_PERSON, 0.7);
        w.put(Category.ROBBERY, 0.5);
        w.put(Category.POSSESSION_OF_WEAPONS, 0.8);
        return w;
    }

    double probability(Category c) {
        return probabilities.get(c);
    }

    Category sample(RandomGenerator rng) {
        return weighted.sample(rng);
    }

    /**
     * {@link #HOTSPOT_FOCUS} of the rows come from the dominant categories, in proportion to their weight
     * here; the rest follow this mix.
     */
    CategoryMix focusedOn(Collection<Category> dominant) {
        if (dominant.isEmpty()) {
            return this;
        }
        double dominantSum = dominant.stream().mapToDouble(this::probability).sum();
        EnumMap<Category, Double> w = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            double focused = dominant.contains(c) ? probability(c) / dominantSum : 0;
            w.put(c, HOTSPOT_FOCUS * focused + (1 - HOTSPOT_FOCUS) * probability(c));
        }
        return new CategoryMix(w);
    }

    /**
     * The mix the remaining rows need so that, together with the given parts (each a share of all rows and
     * its mix), the whole follows this mix. A category the parts already over-supply keeps a small floor
     * rather than going negative, so the whole then drifts slightly from this mix.
     */
    CategoryMix remainderAfter(List<Part> parts) {
        double partShare = parts.stream().mapToDouble(Part::share).sum();
        if (!(partShare < 1)) {
            throw new IllegalArgumentException("the parts' shares must sum to less than 1, got " + partShare);
        }
        EnumMap<Category, Double> w = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            double supplied = 0;
            for (Part part : parts) {
                supplied += part.share() * part.mix().probability(c);
            }
            double floor = 0.1 * probability(c) * (1 - partShare);
            w.put(c, Math.max(probability(c) - supplied, floor));
        }
        return new CategoryMix(w);
    }
}
