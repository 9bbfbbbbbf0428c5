package uk.safermap.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A fixed discrete distribution over a few items, sampled by a linear scan of cumulative weights
 * (the lists here have at most about fifteen items, where a scan beats an alias table). Immutable
 * and thread-safe; the caller supplies the random generator.
 */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] weights) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a weighted choice needs at least one item");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weight of " + items.get(i) + " must be >= 0, got " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
    }

    /** The items of an ordered map (EnumMap or LinkedHashMap, so that sampling is deterministic). */
    static <T> Weighted<T> of(Map<T, Double> weights) {
        List<T> items = List.copyOf(weights.keySet());
        double[] w = new double[items.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(items.get(i));
        }
        return new Weighted<>(items, w);
    }

    /** Items with the weights at the same index. */
    static <T> Weighted<T> of(List<T> items, double[] weights) {
        if (items.size() != weights.length) {
            throw new IllegalArgumentException(items.size() + " items but " + weights.length + " weights");
        }
        return new Weighted<>(items, weights.clone());
    }

    /** Equal weights. */
    static <T> Weighted<T> uniform(List<T> items) {
        double[] w = new double[items.size()];
        Arrays.fill(w, 1.0);
        return new Weighted<>(items, w);
    }

    T sample(RandomGenerator rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
