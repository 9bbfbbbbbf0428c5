package uk.safermap.layers.tiles;

/**
 * One class of a {@link ColourRamp}: densities in [fromValue, toValue) incidents per km^2 are
 * drawn in this colour. The top class also takes every value above its toValue.
 *
 * @param colour    CSS hex colour, {@code #rrggbb}
 * @param opacity   alpha, 0..1
 * @param fromValue lower bound, inclusive, per km^2
 * @param toValue   upper bound, exclusive, per km^2
 */
public record LegendEntry(String colour, double opacity, double fromValue, double toValue) {
}
