/**
 * How much of a place's recorded crime belongs to one patrol shift: the shift as a window of
 * London wall-clock time ({@link uk.safermap.patrol.risk.ShiftWindow}) and the weight of each
 * incident for it by time of day, day of week and age ({@link uk.safermap.patrol.risk.ShiftRisk}).
 *
 * <p>Inputs are primitive arrays and {@code java.time} values; no HTTP, SQL or JSON.
 */
package uk.safermap.patrol.risk;
