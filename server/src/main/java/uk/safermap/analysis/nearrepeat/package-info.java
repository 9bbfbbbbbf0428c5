/**
 * Near-repeat analysis: the Knox test for space-time interaction with Monte Carlo permutation of dates
 * ({@link uk.safermap.analysis.nearrepeat.KnoxTest}), as in Ratcliffe's Near Repeat Calculator, giving a
 * {@link uk.safermap.analysis.nearrepeat.KnoxResult} table of observed and expected pairs, Knox ratios
 * and pseudo p-values per distance band and time band.
 *
 * <p>Input is British National Grid metres and whole-day numbers. Incidents known only to the month
 * (police.uk) have no day and cannot take part. Bands are closed on the right, with an optional
 * [0, 0] first band ("same location", "same day"); every band carries its interval in notation so
 * labels cannot drift from what was counted. No HTTP, SQL or JSON here.
 */
package uk.safermap.analysis.nearrepeat;
