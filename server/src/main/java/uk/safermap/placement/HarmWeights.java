package uk.safermap.placement;

import uk.safermap.domain.Category;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much an incident of each category counts when placing cameras or doorbells. The default
 * is crime-harm style: the Cambridge Crime Harm Index (Sherman, Neyroud and Neyroud 2016)
 * weighs an offence by the days of imprisonment at the Sentencing Council starting point; here
 * each police.uk category takes the median CCHI of the offences it holds (docs/methods.md 3.4).
 * police.uk does not split burglary into residential and non-residential, so burglary takes
 * their mean; ASB has no CCHI and takes the floor of 1. {@code count} weighs everything 1.
 */
public record HarmWeights(Map<Category, Double> weights, String name) {

    private static final Map<Category, Double> CCHI = Map.ofEntries(
            Map.entry(Category.ANTI_SOCIAL_BEHAVIOUR, 1.0),
            Map.entry(Category.BICYCLE_THEFT, 2.0),
            Map.entry(Category.BURGLARY, 228.5),
            Map.entry(Category.CRIMINAL_DAMAGE_ARSON, 2.0),
            Map.entry(Category.DRUGS, 3.0),
            Map.entry(Category.OTHER_THEFT, 2.0),
            Map.entry(Category.POSSESSION_OF_WEAPONS, 273.75),
            Map.entry(Category.PUBLIC_ORDER, 7.5),
            Map.entry(Category.ROBBERY, 365.0),
            Map.entry(Category.SHOPLIFTING, 1.0),
            Map.entry(Category.THEFT_FROM_THE_PERSON, 2.0),
            Map.entry(Category.VEHICLE_CRIME, 5.0),
            Map.entry(Category.VIOLENT_CRIME, 10.0),
            Map.entry(Category.OTHER_CRIME, 5.0));

    public HarmWeights {
        weights = Map.copyOf(weights);
        for (Category c : Category.values()) {
            if (!weights.containsKey(c)) {
                throw new IllegalArgumentException("no weight for " + c.slug());
            }
        }
    }

    public static HarmWeights harm() {
        return new HarmWeights(CCHI, "harm");
    }

    public static HarmWeights count() {
        Map<Category, Double> ones = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            ones.put(c, 1.0);
        }
        return new HarmWeights(ones, "count");
    }

    /** These weights with some categories set otherwise. */
    public HarmWeights with(Map<Category, Double> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<Category, Double> merged = new EnumMap<>(weights);
        merged.putAll(overrides);
        return new HarmWeights(merged, name + "+custom");
    }

    public double of(Category c) {
        return weights.get(c);
    }

    /** Per category ordinal, for the primitive arrays of a point set. */
    public double[] byOrdinal() {
        double[] out = new double[Category.values().length];
        for (Category c : Category.values()) {
            out[c.ordinal()] = weights.get(c);
        }
        return out;
    }
}
