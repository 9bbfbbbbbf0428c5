/**
 * Did it work? Interventions logged with their target areas, and their evaluation: counts before
 * and after in the target area, a displacement buffer around it and a comparison area; the
 * weighted displacement quotient (Bowers and Johnson 2003), a difference-in-differences rate
 * ratio with its interval, the harm-weighted change and the cost per crime prevented. The
 * algorithms ({@link uk.safermap.evaluation.WeightedDisplacementQuotient},
 * {@link uk.safermap.evaluation.RateRatioDifferenceInDifferences},
 * {@link uk.safermap.evaluation.ComparisonAreaSuggestion}) are pure over numbers.
 */
package uk.safermap.evaluation;
