package uk.safermap.placement.allocation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The allocation honours every constraint, or refuses with the reasons; pure risk is optimal. */
class DoorbellAllocatorTest {

    private final DoorbellAllocator allocator = new DoorbellAllocator();

    private static DoorbellAllocator.Problem random(long seed, int units, int minPerWard, DoorbellAllocator.Rule rule,
                                                    boolean withPhase) {
        Random r = new Random(seed);
        int n = 30;
        int[] households = IntStream.range(0, n).map(i -> 1 + r.nextInt(20)).toArray();
        double[] risk = IntStream.range(0, n).mapToDouble(i -> r.nextDouble() * 3).toArray();
        int[] ward = IntStream.range(0, n).map(i -> i % 4).toArray();
        List<DoorbellAllocator.Phase> phases = new ArrayList<>();
        if (withPhase) {
            boolean[] member = new boolean[n];
            for (int i = 0; i < n; i += 3) {
                member[i] = true;
            }
            phases.add(new DoorbellAllocator.Phase("centre", member, Math.min(units, 15)));
        }
        return new DoorbellAllocator.Problem(units, households, risk, ward, new String[] {"A", "B", "C", "D"}, phases,
                minPerWard, rule);
    }

    @Property(tries = 300)
    void every_constraint_holds_or_the_request_is_refused(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 400) int units,
            @ForAll @IntRange(min = 0, max = 30) int minPerWard,
            @ForAll boolean proportional,
            @ForAll boolean withPhase) {
        DoorbellAllocator.Problem p = random(seed, units, minPerWard,
                proportional ? DoorbellAllocator.Rule.PROPORTIONAL : DoorbellAllocator.Rule.RISK, withPhase);
        int[] given;
        try {
            given = allocator.allocate(p);
        } catch (DoorbellAllocator.Infeasible e) {
            assertThat(e.reasons()).isNotEmpty();
            assertThat(infeasible(p)).as(e.getMessage()).isTrue();
            return;
        }
        assertThat(IntStream.of(given).sum()).isEqualTo(units);
        int[] perWard = new int[4];
        for (int u = 0; u < given.length; u++) {
            assertThat(given[u]).isBetween(0, p.households()[u]);
            perWard[p.ward()[u]] += given[u];
        }
        for (int w : perWard) {
            assertThat(w).isGreaterThanOrEqualTo(minPerWard);
        }
        for (DoorbellAllocator.Phase phase : p.phases()) {
            int inside = 0;
            for (int u = 0; u < given.length; u++) {
                inside += phase.member()[u] ? given[u] : 0;
            }
            assertThat(inside).isGreaterThanOrEqualTo(phase.units());
        }
    }

    /**
     * An independent check that a refused request really is impossible: on these instances
     * every ward has a phase member, so only the counting bounds can make it so.
     */
    private static boolean infeasible(DoorbellAllocator.Problem p) {
        int homes = IntStream.of(p.households()).sum();
        int[] wardHomes = new int[4];
        for (int u = 0; u < p.households().length; u++) {
            wardHomes[p.ward()[u]] += p.households()[u];
        }
        int phase = p.phases().stream().mapToInt(DoorbellAllocator.Phase::units).sum();
        return p.units() > homes || 4L * p.minPerWard() > p.units() || phase > p.units()
                || IntStream.of(wardHomes).anyMatch(h -> h < p.minPerWard());
    }

    @Property(tries = 200)
    void pure_risk_without_constraints_covers_the_most_risk(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 30) int units) {
        // 30 units have at least 30 households, so every request here is possible.
        DoorbellAllocator.Problem p = random(seed, units, 0, DoorbellAllocator.Rule.RISK, false);
        int[] given = allocator.allocate(p);
        // The optimum of max sum(n_u r_u), sum n_u = units, n_u <= h_u is any filling in risk
        // order; its value is fixed, so compare values.
        double best = 0;
        int left = units;
        Integer[] order = IntStream.range(0, p.risk().length).boxed()
                .sorted((a, b) -> Double.compare(p.risk()[b], p.risk()[a])).toArray(Integer[]::new);
        for (int u : order) {
            int take = Math.min(left, p.households()[u]);
            best += take * p.risk()[u];
            left -= take;
        }
        double value = 0;
        for (int u = 0; u < given.length; u++) {
            value += given[u] * p.risk()[u];
        }
        assertThat(value).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void a_phase_does_not_starve_a_ward_floor_it_could_also_serve() {
        // Greedy would give the phase's 2 doorbells to the two riskiest centre homes (both in
        // ward A) and leave ward B's floor unmet with no doorbells left; the programme puts
        // one centre doorbell in each ward.
        DoorbellAllocator.Problem p = new DoorbellAllocator.Problem(2, new int[] {5, 5}, new double[] {3, 1},
                new int[] {0, 1}, new String[] {"A", "B"}, List.of(new DoorbellAllocator.Phase("centre",
                new boolean[] {true, true}, 2)), 1, DoorbellAllocator.Rule.RISK);
        assertThat(allocator.allocate(p)).containsExactly(1, 1);
    }

    @Test
    void proportional_shares_follow_ward_risk() {
        // Ward A holds three times ward B's risk: 40 doorbells split 30 / 10.
        DoorbellAllocator.Problem p = new DoorbellAllocator.Problem(40, new int[] {100, 100}, new double[] {3, 1},
                new int[] {0, 1}, new String[] {"A", "B"}, List.of(), 0, DoorbellAllocator.Rule.PROPORTIONAL);
        assertThat(allocator.allocate(p)).containsExactly(30, 10);
        DoorbellAllocator.Problem risk = new DoorbellAllocator.Problem(40, new int[] {100, 100}, new double[] {3, 1},
                new int[] {0, 1}, new String[] {"A", "B"}, List.of(), 0, DoorbellAllocator.Rule.RISK);
        assertThat(allocator.allocate(risk)).containsExactly(40, 0);
    }

    @Test
    void a_phase_larger_than_its_area_is_refused_with_the_reason() {
        DoorbellAllocator.Problem p = new DoorbellAllocator.Problem(20, new int[] {5, 100}, new double[] {1, 2},
                new int[] {0, 0}, new String[] {"A"}, List.of(new DoorbellAllocator.Phase("centre",
                new boolean[] {true, false}, 10)), 0, DoorbellAllocator.Rule.RISK);
        assertThatThrownBy(() -> allocator.allocate(p)).isInstanceOf(DoorbellAllocator.Infeasible.class)
                .hasMessageContaining("phase 'centre' needs 10 doorbells but its area has only 5 households");
    }
}
