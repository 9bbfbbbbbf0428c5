package uk.safermap.placement.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shares a number of video doorbells among allocation units (output areas or addresses), one
 * per household at most, in a fixed, explainable order:
 * <ol>
 *   <li>each phase in turn gives its units inside its area, highest risk per household first
 *       (a funding condition such as "the first 100 go to the town centre");</li>
 *   <li>every ward is topped up to its floor, highest risk first;</li>
 *   <li>the rest go by risk: either to the highest-risk households anywhere ({@link Rule#RISK}),
 *       or to wards in proportion to their risk (Hamilton's largest remainder), then by risk
 *       within each ward ({@link Rule#PROPORTIONAL}).</li>
 * </ol>
 * Ties go to the lower unit index, so the same input gives the same allocation. When a
 * constraint cannot be met, nothing is allocated and every reason is reported.
 */
public final class DoorbellAllocator {

    public enum Rule { RISK, PROPORTIONAL }

    /** A phase: these units (by index) must receive {@code units} doorbells before anything else. */
    public record Phase(String name, boolean[] member, int units) {
    }

    /**
     * @param households per unit, how many homes can take a doorbell
     * @param risk       per unit, the risk of one household (any scale)
     * @param ward       per unit, its ward index (0..wardNames.length-1)
     */
    public record Problem(int units, int[] households, double[] risk, int[] ward, String[] wardNames,
                          List<Phase> phases, int minPerWard, Rule rule) {
    }

    /** Thrown when the constraints cannot all be met; {@link #reasons} says which and why. */
    public static final class Infeasible extends RuntimeException {
        private final List<String> reasons;

        Infeasible(List<String> reasons) {
            super(String.join("; ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    /** Doorbells per unit. */
    public int[] allocate(Problem p) {
        check(p);
        int n = p.households().length;
        int[] given = new int[n];
        int[] byRisk = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(u -> -p.risk()[u]).thenComparingInt(u -> u))
                .mapToInt(Integer::intValue).toArray();
        List<String> unmet = new ArrayList<>();
        for (Phase phase : p.phases()) {
            int placed = fill(p, given, byRisk, u -> phase.member()[u], phase.units());
            if (placed < phase.units()) {
                unmet.add("phase '" + phase.name() + "' needs " + phase.units() + " doorbells but its area has only "
                        + placed + " households without one");
            }
        }
        int[] perWard = perWard(p, given);
        for (int w = 0; w < p.wardNames().length; w++) {
            int ward = w;
            int want = p.minPerWard() - perWard[w];
            if (want > 0) {
                fill(p, given, byRisk, u -> p.ward()[u] == ward, want);
            }
        }
        int used = IntStream.of(given).sum();
        if (used > p.units()) {
            unmet.add("phases and ward floors need " + used + " doorbells but only " + p.units() + " are available");
        }
        if (!unmet.isEmpty()) {
            throw new Infeasible(unmet);
        }
        int rest = p.units() - used;
        if (p.rule() == Rule.PROPORTIONAL) {
            int[] target = wardShares(p, given, rest);
            for (int w = 0; w < target.length; w++) {
                int ward = w;
                rest -= fill(p, given, byRisk, u -> p.ward()[u] == ward, target[w]);
            }
        }
        // Whatever proportional shares could not place (full wards) goes by risk anywhere.
        fill(p, given, byRisk, u -> true, rest);
        return given;
    }

    /** The impossible requests, found before anything is placed. */
    private static void check(Problem p) {
        List<String> reasons = new ArrayList<>();
        long homes = IntStream.of(p.households()).asLongStream().sum();
        if (p.units() > homes) {
            reasons.add(p.units() + " doorbells is more than the " + homes + " households in the allocation units");
        }
        int[] wardHomes = new int[p.wardNames().length];
        for (int u = 0; u < p.households().length; u++) {
            wardHomes[p.ward()[u]] += p.households()[u];
        }
        for (int w = 0; w < wardHomes.length; w++) {
            if (wardHomes[w] > 0 && wardHomes[w] < p.minPerWard()) {
                reasons.add("ward " + p.wardNames()[w] + " has only " + wardHomes[w] + " households, fewer than "
                        + "minPerWard " + p.minPerWard());
            }
        }
        int phaseTotal = p.phases().stream().mapToInt(Phase::units).sum();
        if (phaseTotal > p.units()) {
            reasons.add("the phases ask for " + phaseTotal + " doorbells but only " + p.units() + " are available");
        }
        if (!reasons.isEmpty()) {
            throw new Infeasible(reasons);
        }
    }

    /** Up to {@code want} doorbells to eligible units with homes left, highest risk first. */
    private static int fill(Problem p, int[] given, int[] byRisk, java.util.function.IntPredicate eligible, int want) {
        int placed = 0;
        for (int u : byRisk) {
            if (placed >= want) {
                break;
            }
            if (eligible.test(u)) {
                int take = Math.min(want - placed, p.households()[u] - given[u]);
                given[u] += take;
                placed += take;
            }
        }
        return placed;
    }

    private static int[] perWard(Problem p, int[] given) {
        int[] out = new int[p.wardNames().length];
        for (int u = 0; u < given.length; u++) {
            out[p.ward()[u]] += given[u];
        }
        return out;
    }

    /**
     * How many more each ward gets so that ward totals approach units x (ward risk / total risk),
     * where a ward's risk is the sum over its households: Hamilton's method on the shortfalls.
     */
    private static int[] wardShares(Problem p, int[] given, int rest) {
        int wards = p.wardNames().length;
        double[] mass = new double[wards];
        for (int u = 0; u < given.length; u++) {
            mass[p.ward()[u]] += p.risk()[u] * p.households()[u];
        }
        double total = java.util.Arrays.stream(mass).sum();
        int[] have = perWard(p, given);
        double[] shortfall = new double[wards];
        double shortfallSum = 0;
        for (int w = 0; w < wards; w++) {
            double ideal = total <= 0 ? 0 : p.units() * mass[w] / total;
            shortfall[w] = Math.max(0, ideal - have[w]);
            shortfallSum += shortfall[w];
        }
        int[] share = new int[wards];
        if (shortfallSum <= 0) {
            return share;
        }
        double[] exact = new double[wards];
        int assigned = 0;
        for (int w = 0; w < wards; w++) {
            exact[w] = rest * shortfall[w] / shortfallSum;
            share[w] = (int) Math.floor(exact[w]);
            assigned += share[w];
        }
        Integer[] byRemainder = IntStream.range(0, wards).boxed()
                .sorted(Comparator.<Integer>comparingDouble(w -> -(exact[w] - share[w])).thenComparingInt(w -> w))
                .toArray(Integer[]::new);
        for (int i = 0; assigned < rest && i < wards; i++) {
            share[byRemainder[i]]++;
            assigned++;
        }
        return share;
    }
}
