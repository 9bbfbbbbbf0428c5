package uk.safermap.sample;

import uk.safermap.domain.Category;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws a plausible police.uk "Last outcome category" for a crime. Recent crimes are mostly still
 * "Under investigation", as in the newest months of a real download; older ones follow a table that
 * depends on whether the category usually has a known suspect (drugs, weapons: the offender is
 * found with them) or not (theft, burglary, damage). ASB has no outcome. Immutable and thread-safe.
 */
final class Outcomes {

    static final String UNDER_INVESTIGATION = "Under investigation";

    /** Probability that a crime is still under investigation, by months before the end month. */
    private static final double[] STILL_OPEN = {0.55, 0.35, 0.2, 0.1, 0.06};
    private static final double STILL_OPEN_LATER = 0.03;

    private final EnumMap<Category, Weighted<String>> closed = new EnumMap<>(Category.class);

    Outcomes() {
        Weighted<String> noSuspect = Weighted.of(table(
                "Investigation complete; no suspect identified", 55,
                "Unable to prosecute suspect", 14,
                "Status update unavailable", 8,
                "Court result unavailable", 5,
                "Awaiting court outcome", 4,
                "Local resolution", 4,
                "Offender given a caution", 2,
                "Further investigation is not in the public interest", 2,
                "Action to be taken by another organisation", 1));
        Weighted<String> victimKnowsSuspect = Weighted.of(table(
                "Unable to prosecute suspect", 45,
                "Investigation complete; no suspect identified", 15,
                "Status update unavailable", 10,
                "Awaiting court outcome", 8,
                "Court result unavailable", 6,
                "Local resolution", 6,
                "Offender given a caution", 4,
                "Further action is not in the public interest", 3,
                "Formal action is not in the public interest", 2,
                "Action to be taken by another organisation", 1));
        Weighted<String> shoplifting = Weighted.of(table(
                "Investigation complete; no suspect identified", 40,
                "Unable to prosecute suspect", 15,
                "Awaiting court outcome", 12,
                "Court result unavailable", 12,
                "Local resolution", 8,
                "Status update unavailable", 8,
                "Offender given a caution", 5));
        Weighted<String> foundOnSuspect = Weighted.of(table(
                "Awaiting court outcome", 22,
                "Court result unavailable", 16,
                "Local resolution", 16,
                "Offender given a caution", 12,
                "Unable to prosecute suspect", 10,
                "Status update unavailable", 8,
                "Formal action is not in the public interest", 6,
                "Offender given penalty notice", 4));
        Weighted<String> drugs = Weighted.of(table(
                "Offender given a drugs possession warning", 22,
                "Local resolution", 18,
                "Awaiting court outcome", 14,
                "Court result unavailable", 10,
                "Offender given a caution", 10,
                "Unable to prosecute suspect", 8,
                "Status update unavailable", 8,
                "Formal action is not in the public interest", 6,
                "Offender given penalty notice", 4));
        for (Category c : Category.values()) {
            closed.put(c, switch (c) {
                case VIOLENT_CRIME, PUBLIC_ORDER, OTHER_CRIME -> victimKnowsSuspect;
                case SHOPLIFTING -> shoplifting;
                case DRUGS -> drugs;
                case POSSESSION_OF_WEAPONS -> foundOnSuspect;
                default -> noSuspect;
            });
        }
    }

    /** The outcome of a crime reported {@code monthsBeforeEnd} months before the end month; "" for ASB. */
    String sample(Category category, long monthsBeforeEnd, RandomGenerator rng) {
        if (category == Category.ANTI_SOCIAL_BEHAVIOUR) {
            return "";
        }
        double open = monthsBeforeEnd < STILL_OPEN.length ? STILL_OPEN[(int) monthsBeforeEnd] : STILL_OPEN_LATER;
        if (rng.nextDouble() < open) {
            return UNDER_INVESTIGATION;
        }
        return closed.get(category).sample(rng);
    }

    private static Map<String, Double> table(Object... labelsAndWeights) {
        Map<String, Double> t = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndWeights.length; i += 2) {
            t.put((String) labelsAndWeights[i], ((Number) labelsAndWeights[i + 1]).doubleValue());
        }
        return t;
    }
}
