package uk.safermap.analysis.density;

import org.locationtech.jts.geom.Envelope;

import java.util.OptionalDouble;

/**
 * What a {@link KernelDensity} run is asked for. Empty values take the documented defaults;
 * given values are checked here, so a bad request fails before any work is done.
 *
 * @param bandwidthMetres the kernel radius h in metres; empty for {@link SpatialBandwidth}
 *                        (ArcGIS's spatial Silverman rule, floored at
 *                        {@link #MIN_DEFAULT_BANDWIDTH_METRES})
 * @param cellMetres      the side of a square cell in metres; empty for ArcGIS's default, the
 *                        shorter side of the extent / 250, but not below
 *                        {@link #MIN_DEFAULT_CELL_METRES} and not above h / 4
 * @param extent          the area to cover in BNG metres; null for the points' bounding box grown
 *                        by h on every side, so that every kernel lies wholly inside the grid and the
 *                        surface integrates to the number of incidents
 * @param method          how to evaluate the sum; {@link KernelDensity.Method#AUTO} picks the
 *                        cheapest by an operation count
 * @param maxCells        the largest grid allowed (cells of the grid plus its kernel margin), at most
 *                        {@link #MAX_CELLS_LIMIT}
 */
public record KernelDensityParameters(OptionalDouble bandwidthMetres, OptionalDouble cellMetres, Envelope extent,
                                      KernelDensity.Method method, long maxCells) {

    /** Floor of the default bandwidth, so that coincident points (SD = Dm = 0) still give a surface. */
    public static final double MIN_DEFAULT_BANDWIDTH_METRES = 50;
    /** Floor of the default cell: finer than 10 m is below the precision of police.uk locations. */
    public static final double MIN_DEFAULT_CELL_METRES = 10;
    /** ArcGIS's default: the shorter side of the output extent is divided into 250 cells. */
    public static final int DEFAULT_CELLS_ON_SHORT_SIDE = 250;
    /** 16 million cells: 4,000 x 4,000, about 130 MB for the surface and the transform buffer. */
    public static final long DEFAULT_MAX_CELLS = 16_000_000L;
    /** The most maxCells may be: 2^28 cells, so that padded and transform arrays stay within int indexes. */
    public static final long MAX_CELLS_LIMIT = 1L << 28;

    public KernelDensityParameters {
        requirePositive("bandwidthMetres", bandwidthMetres);
        requirePositive("cellMetres", cellMetres);
        if (bandwidthMetres.isPresent() && cellMetres.isPresent()
                && bandwidthMetres.getAsDouble() < cellMetres.getAsDouble()) {
            throw new IllegalArgumentException("bandwidthMetres (" + bandwidthMetres.getAsDouble()
                    + ") must be at least cellMetres (" + cellMetres.getAsDouble()
                    + "): a kernel narrower than a cell falls between cell centres");
        }
        if (extent != null) {
            if (extent.isNull() || !(extent.getWidth() > 0) || !(extent.getHeight() > 0)
                    || !Double.isFinite(extent.getWidth()) || !Double.isFinite(extent.getHeight())) {
                throw new IllegalArgumentException("extent must be a finite box with positive width and height, got "
                        + extent);
            }
            extent = new Envelope(extent);
        }
        if (method == null) {
            throw new IllegalArgumentException("method must be one of AUTO, EXACT, DIRECT, FFT");
        }
        if (maxCells < 1 || maxCells > MAX_CELLS_LIMIT) {
            throw new IllegalArgumentException("maxCells must be in 1.." + MAX_CELLS_LIMIT + ", got " + maxCells);
        }
    }

    /** Every value defaulted: ArcGIS-like bandwidth, cell and extent, automatic method. */
    public static KernelDensityParameters defaults() {
        return new KernelDensityParameters(OptionalDouble.empty(), OptionalDouble.empty(), null,
                KernelDensity.Method.AUTO, DEFAULT_MAX_CELLS);
    }

    public KernelDensityParameters withBandwidth(double metres) {
        return new KernelDensityParameters(OptionalDouble.of(metres), cellMetres, extent, method, maxCells);
    }

    public KernelDensityParameters withCell(double metres) {
        return new KernelDensityParameters(bandwidthMetres, OptionalDouble.of(metres), extent, method, maxCells);
    }

    public KernelDensityParameters withExtent(Envelope bng) {
        return new KernelDensityParameters(bandwidthMetres, cellMetres, bng, method, maxCells);
    }

    public KernelDensityParameters withMethod(KernelDensity.Method m) {
        return new KernelDensityParameters(bandwidthMetres, cellMetres, extent, m, maxCells);
    }

    public KernelDensityParameters withMaxCells(long cells) {
        return new KernelDensityParameters(bandwidthMetres, cellMetres, extent, method, cells);
    }

    /** The extent as a copy, because JTS envelopes are mutable. */
    @Override
    public Envelope extent() {
        return extent == null ? null : new Envelope(extent);
    }

    private static void requirePositive(String name, OptionalDouble value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null; use OptionalDouble.empty() for the default");
        }
        if (value.isPresent() && !(value.getAsDouble() > 0 && Double.isFinite(value.getAsDouble()))) {
            throw new IllegalArgumentException(name + " must be a finite number of metres > 0, got "
                    + value.getAsDouble());
        }
    }
}
