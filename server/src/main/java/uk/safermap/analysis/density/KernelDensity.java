package uk.safermap.analysis.density;

import org.locationtech.jts.geom.Envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Kernel density of incident points with the quartic kernel ({@link QuarticKernel}, Silverman
 * 1986), on a grid of square cells in British National Grid metres, in incidents per km^2:
 *
 * <pre>f(c) = sum_i w_i K(|c - p_i|) * 1e6</pre>
 *
 * <p>at each cell centre c. The bandwidth, cell and extent default as ArcGIS Kernel Density does
 * (see {@link KernelDensityParameters}); the chosen values and why are reported in the result.
 *
 * <p>Three ways to evaluate the sum, picked by an operation count unless the caller names one:
 * <ul>
 *   <li>{@link Method#EXACT}: every point adds K to every cell centre within h. O(n (h/cell)^2),
 *       exact; the choice for a few thousand incidents.</li>
 *   <li>{@link Method#DIRECT}: binning, then a direct convolution with the kernel sampled at
 *       cell offsets. O(n + cells (h/cell)^2); for narrow kernels.</li>
 *   <li>{@link Method#FFT}: binning, then convolution by FFT ({@link FftConvolution}).
 *       O(n + cells log cells) whatever h is; for many points and wide kernels.</li>
 * </ul>
 * Binning ({@link Binning}) is cubic: each point's weight goes to the 4 x 4 surrounding cell
 * centres with cubic Lagrange weights, so the binned surface is the exact one up to
 * O(cell^4 / h^4) inside each kernel. Linear binning, the usual choice (Wand 1994, JCGS 3:433),
 * errs by up to cell^2 / h^2 of a point's peak, 0.25 % at h = 20 cells, always in the same
 * direction near a peak, and police.uk snap points, each carrying many incidents, turn that into
 * a visible bias at the hot spots. Measured against the exact sum on a million clustered,
 * snapped points at h = 20 cells, the largest error over all 4 million cells is 0.05 % of the
 * peak with cubic binning and 0.15 % with linear; over cells sampled at random and near the
 * points it is 0.002 % against 0.08 %. Kernels under {@value #NARROW_KERNEL_CELLS} cells wide use
 * linear binning, which keeps the integral exact. The binned methods rescale the sampled
 * kernel to sum to exactly 1 over the cell area, so the surface integrates to the binned weight;
 * the rescaling is reported when it exceeds 0.1 %, which happens only for kernels a few cells
 * wide.
 *
 * <p>What limits accuracy is the edge of the kernel, where the quartic's second derivative jumps:
 * there cubic interpolation errs by O(cell^2 / h^2) of the (small) kernel value. A single location
 * carrying a large share of all incidents (3 % in the test above) therefore shows errors up to
 * 0.2 % of the peak at h = 10 cells in the ring one bandwidth around it; use {@link Method#EXACT}
 * where that matters.
 *
 * <p>Cost on the 2-core build machine (JDK 17, warm): a million points on 2,000 x 2,000 cells of
 * 10 m with h = 200 m take about 0.2 s by FFT, with a peak heap of about 140 MB (the 2048^2
 * transform buffer and the output). Threads: large runs are split across the common fork-join
 * pool; two threads cut the FFT's wall time by about a quarter here. An instance computes once,
 * lazily, under its own lock, and is then read-only; the input arrays must not be changed while
 * it runs.
 */
public final class KernelDensity {

    /** How the kernel sum is evaluated. */
    public enum Method { AUTO, EXACT, DIRECT, FFT }

    /** Below this many operations one thread is quicker than splitting. */
    private static final double PARALLEL_THRESHOLD_OPS = 2e6;
    /** Kernel radius in cells below which the grid under-resolves the kernel (and binning is linear). */
    static final double NARROW_KERNEL_CELLS = 4;
    /** FFT rounding noise relative to the largest value: cells below it are set to 0 (see clean). */
    static final double FFT_NOISE_FLOOR = 1e-11;

    private final double[] x;
    private final double[] y;
    private final double[] weights;
    private final KernelDensityParameters parameters;
    private DensityGrid result;

    /**
     * @param x          eastings, metres
     * @param y          northings, metres
     * @param weights    non-negative weights (e.g. harm), or null for 1 each
     * @param parameters bandwidth, cell, extent and method
     * @throws IllegalArgumentException for arrays of different lengths, non-finite coordinates,
     *                                  negative or non-finite weights, or no points and no extent
     */
    public KernelDensity(double[] x, double[] y, double[] weights, KernelDensityParameters parameters) {
        if (x.length != y.length || (weights != null && weights.length != x.length)) {
            throw new IllegalArgumentException("x, y and weights must have the same length, got "
                    + x.length + ", " + y.length + (weights == null ? "" : ", " + weights.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " has a non-finite coordinate (" + x[i] + ", " + y[i] + ")");
            }
            if (weights != null && !(weights[i] >= 0 && Double.isFinite(weights[i]))) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + weights[i]);
            }
        }
        if (x.length == 0 && parameters.extent() == null) {
            throw new IllegalArgumentException("an extent is needed when there are no points");
        }
        this.x = x;
        this.y = y;
        this.weights = weights;
        this.parameters = parameters;
    }

    /** The density of points (x, y) in BNG metres, each counting once. */
    public static DensityGrid estimate(double[] x, double[] y, KernelDensityParameters parameters) {
        return new KernelDensity(x, y, null, parameters).getResult();
    }

    /** The density of weighted points (x, y) in BNG metres; weights null for 1 each. */
    public static DensityGrid estimate(double[] x, double[] y, double[] weights, KernelDensityParameters parameters) {
        return new KernelDensity(x, y, weights, parameters).getResult();
    }

    /** The surface, computed on first call. */
    public synchronized DensityGrid getResult() {
        if (result == null) {
            result = new Instance().run();
        }
        return result;
    }

    /** The grid geometry, bandwidth and kernel reach resolved from the parameters and the points. */
    private record Plan(double originX, double originY, double cell, int nx, int ny, double h, String rule,
                        int reach, int pad) {
    }

    /** Per-run state: the resolved plan, notes for the user, and the evaluation. */
    private final class Instance {
        private final List<String> notes = new ArrayList<>();
        private final double totalWeight = totalWeight();

        DensityGrid run() {
            Plan plan = plan();
            Method method = chooseMethod(plan);
            double[] perKm2 = switch (method) {
                case EXACT -> exact(plan);
                case DIRECT, FFT -> binned(plan, method);
                case AUTO -> throw new IllegalStateException("AUTO is resolved before evaluation");
            };
            clean(perKm2, method);
            return new DensityGrid(plan.originX, plan.originY, plan.cell, plan.nx, plan.ny, perKm2, plan.h,
                    plan.rule, totalWeight, method, notes);
        }

        private Plan plan() {
            double h;
            String rule;
            if (parameters.bandwidthMetres().isPresent()) {
                h = parameters.bandwidthMetres().getAsDouble();
                rule = "given";
            } else {
                double floor = KernelDensityParameters.MIN_DEFAULT_BANDWIDTH_METRES;
                if (parameters.cellMetres().isPresent()) {
                    floor = Math.max(floor, 2 * parameters.cellMetres().getAsDouble());
                }
                if (x.length == 0) {
                    h = floor;
                    rule = "no incidents: the floor of " + floor + " m";
                } else {
                    SpatialBandwidth.Estimate e = SpatialBandwidth.silverman(x, y, weights);
                    h = Math.max(e.metres(), floor);
                    rule = e.describe() + (e.metres() < floor ? String.format(Locale.ROOT,
                            "; raised to the floor of %.1f m", floor) : "");
                }
                notes.add("bandwidth " + rule);
            }
            Envelope extent = parameters.extent();
            if (extent == null) {
                extent = pointsEnvelope();
                extent.expandBy(h);
                notes.add(String.format(Locale.ROOT, "extent: the incidents' bounding box grown by h = %.1f m", h));
            }
            double cell;
            if (parameters.cellMetres().isPresent()) {
                cell = parameters.cellMetres().getAsDouble();
            } else {
                double shortSide = Math.min(extent.getWidth(), extent.getHeight());
                double arcgis = shortSide / KernelDensityParameters.DEFAULT_CELLS_ON_SHORT_SIDE;
                // Never wider than the kernel itself, even when a small h is given.
                cell = Math.min(h, Math.max(KernelDensityParameters.MIN_DEFAULT_CELL_METRES, Math.min(arcgis, h / 4)));
                notes.add(String.format(Locale.ROOT, "cell %.2f m: shorter side of the extent / %d = %.2f m,"
                                + " kept between %.0f m and h/4 and not above h", cell,
                        KernelDensityParameters.DEFAULT_CELLS_ON_SHORT_SIDE, arcgis,
                        KernelDensityParameters.MIN_DEFAULT_CELL_METRES));
            }
            if (h / cell < NARROW_KERNEL_CELLS) {
                notes.add(String.format(Locale.ROOT, "the kernel radius is only %.1f cells: the surface is coarse;"
                        + " a cell of h/4 = %.1f m or less would resolve it", h / cell, h / 4));
            }
            int reach = (int) Math.floor(h / cell);
            int pad = reach + 2;
            double nxD = Math.ceil(extent.getWidth() / cell - 1e-9);
            double nyD = Math.ceil(extent.getHeight() / cell - 1e-9);
            double padded = (nxD + 2 * pad) * (nyD + 2 * pad);
            if (padded > parameters.maxCells()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the grid would have %.0f x %.0f cells of %.2f m plus a kernel margin of %d cells, more than"
                                + " the limit of %d cells; use a larger cellMetres, a smaller extent or bandwidth",
                        nxD, nyD, cell, pad, parameters.maxCells()));
            }
            return new Plan(extent.getMinX(), extent.getMinY(), cell, (int) nxD, (int) nyD, h, rule, reach, pad);
        }

        private Method chooseMethod(Plan p) {
            if (parameters.method() != Method.AUTO) {
                return parameters.method();
            }
            double reach = p.h / p.cell;
            double kernelCells = Math.PI * reach * reach + 1;
            double cells = (double) p.nx * p.ny;
            // Wall-clock nanoseconds per unit of work on the 2-core build machine (JDK 17), so that
            // the estimates below are milliseconds there: a kernel row costs a square root and
            // a cache line, a kernel cell a multiply-add; binning a point about 50 ns.
            double exact = x.length * ((2 * reach + 1) * 25 + kernelCells * 8);
            double direct = 50.0 * x.length + 0.45 * cells * kernelCells;
            double m = (double) FftConvolution.goodSize(p.ny + 2 * p.pad) * FftConvolution.goodSize(p.nx + 2 * p.pad);
            double fft = 50.0 * x.length + 1.6 * m * Math.log(m) / Math.log(2);
            Method best = exact <= direct && exact <= fft ? Method.EXACT : direct <= fft ? Method.DIRECT : Method.FFT;
            notes.add(String.format(Locale.ROOT, "method %s (estimated ms: exact %.0f, direct %.0f, fft %.0f)",
                    best, exact / 1e6, direct / 1e6, fft / 1e6));
            return best;
        }

        /**
         * Adds each point's kernel to the cell centres within h: the reference evaluation. Points
         * are first ordered by row (a counting sort), because adding kernels in input order would
         * miss the cache on nearly every row of every kernel; each task then owns a band of rows
         * and reads only the points that reach it, so no two tasks write the same cell.
         */
        private double[] exact(Plan p) {
            double[] out = new double[p.nx * p.ny];
            int keys = p.ny + 2 * p.reach + 2;
            int[] start = new int[keys + 1];
            int[] key = new int[x.length];
            for (int k = 0; k < x.length; k++) {
                double gy = Math.floor((y[k] - p.originY) / p.cell - 0.5) + p.reach + 1;
                boolean reaches = gy >= 0 && gy < keys && (weights == null || weights[k] != 0);
                key[k] = reaches ? (int) gy : -1;
                if (reaches) {
                    start[key[k] + 1]++;
                }
            }
            for (int r = 0; r < keys; r++) {
                start[r + 1] += start[r];
            }
            int[] next = start.clone();
            int[] order = new int[start[keys]];
            for (int k = 0; k < x.length; k++) {
                if (key[k] >= 0) {
                    order[next[key[k]]++] = k;
                }
            }
            double peak = QuarticKernel.peakPerSquareMetre(p.h) * QuarticKernel.SQUARE_METRES_PER_KM2;
            boolean parallel = order.length * (p.reach + 1.0) * (p.reach + 1.0) > PARALLEL_THRESHOLD_OPS;
            int bands = parallel ? Math.min(p.ny, 4 * Runtime.getRuntime().availableProcessors()) : 1;
            IntStream range = IntStream.range(0, bands);
            (parallel ? range.parallel() : range).forEach(b -> {
                int rowFrom = (int) ((long) p.ny * b / bands);
                int rowTo = (int) ((long) p.ny * (b + 1) / bands);
                // Keys are rows shifted by reach + 1; these are the rows whose kernels reach the band.
                int last = Math.min(keys, rowTo + 2 * p.reach + 2);
                for (int at = start[rowFrom]; at < start[last]; at++) {
                    int k = order[at];
                    double w = weights == null ? 1 : weights[k];
                    addKernel(p, out, x[k], y[k], w * peak, rowFrom, rowTo);
                }
            });
            return out;
        }

        private void addKernel(Plan p, double[] out, double px, double py, double scale, int rowFrom, int rowTo) {
            double gy = (py - p.originY) / p.cell - 0.5;
            double gx = (px - p.originX) / p.cell - 0.5;
            double reach = p.h / p.cell;
            // In cell units: u = 1 - (di^2 + dj^2) / (h/cell)^2, with a multiply, not a divide, per cell.
            double inverseReach2 = 1 / (reach * reach);
            int j0 = Math.max(rowFrom, (int) Math.ceil(gy - reach));
            int j1 = Math.min(rowTo - 1, (int) Math.floor(gy + reach));
            for (int j = j0; j <= j1; j++) {
                double dj = j - gy;
                double rowRest = 1 - dj * dj * inverseReach2;
                if (rowRest <= 0) {
                    continue;
                }
                double half = reach * Math.sqrt(rowRest);
                int i0 = Math.max(0, (int) Math.ceil(gx - half));
                int i1 = Math.min(p.nx - 1, (int) Math.floor(gx + half));
                int row = j * p.nx;
                for (int i = i0; i <= i1; i++) {
                    double di = i - gx;
                    double u = rowRest - di * di * inverseReach2;
                    if (u > 0) {
                        out[row + i] += scale * u * u;
                    }
                }
            }
        }

        /**
         * Binning ({@link Binning}) onto a lattice padded by the kernel reach plus the binning
         * stencil, then convolution with the sampled kernel.
         */
        private double[] binned(Plan p, Method method) {
            int rows = p.ny + 2 * p.pad;
            int cols = p.nx + 2 * p.pad;
            int stride = method == Method.FFT ? FftConvolution.goodSize(cols) : cols;
            int height = method == Method.FFT ? FftConvolution.goodSize(rows) : rows;
            double[] buffer = new double[height * stride];
            double x0 = p.originX - (p.pad - 0.5) * p.cell;
            double y0 = p.originY - (p.pad - 0.5) * p.cell;
            Binning.bin(binningOrder(p), x, y, weights, x0, y0, p.cell, buffer, rows, cols, stride,
                    x.length > PARALLEL_THRESHOLD_OPS / 16);
            double[][] quadrant = kernelQuadrant(p);
            if (method == Method.FFT) {
                boolean parallel = (double) height * stride > PARALLEL_THRESHOLD_OPS / 8;
                return new FftConvolution(height, stride, parallel)
                        .convolve(buffer, rows, quadrant, p.pad, p.pad, p.ny, p.nx);
            }
            return direct(p, buffer, stride, quadrant);
        }

        /**
         * Cubic binning is several times more accurate than linear from a kernel 3 cells wide
         * upwards, but its negative weights leave negative lobes, clamped to 0, that add 0.6 % to
         * the integral at h = 3 cells and 0.1 % at 5 (measured on clustered points); linear
         * binning keeps the integral exact. Below 4 cells the surface is coarse either way.
         */
        private Binning.Order binningOrder(Plan p) {
            return p.h / p.cell >= NARROW_KERNEL_CELLS ? Binning.Order.CUBIC : Binning.Order.LINEAR;
        }

        /**
         * K per km^2 at cell offsets (dx, dy) for 0 &lt;= dx, dy &lt;= reach, rescaled so the full
         * (mirrored) kernel sums to 1 incident over the cell area.
         */
        private double[][] kernelQuadrant(Plan p) {
            int r = p.reach;
            double[][] q = new double[r + 1][r + 1];
            double h2 = p.h * p.h;
            double mass = 0;
            for (int dy = 0; dy <= r; dy++) {
                for (int dx = 0; dx <= r; dx++) {
                    double d2 = (dx * dx + dy * dy) * p.cell * p.cell;
                    q[dy][dx] = QuarticKernel.ofSquaredDistance(d2, h2);
                    mass += q[dy][dx] * (dx == 0 ? 1 : 2) * (dy == 0 ? 1 : 2);
                }
            }
            double rescale = 1 / (mass * p.cell * p.cell);
            if (Math.abs(rescale - 1) > 1e-3) {
                notes.add(String.format(Locale.ROOT, "the kernel spans only %.1f cells: its samples were rescaled by"
                        + " %.4f so the surface integrates to the incidents; a smaller cell would be more faithful",
                        p.h / p.cell, rescale));
            }
            for (double[] row : q) {
                for (int dx = 0; dx <= r; dx++) {
                    row[dx] *= rescale * QuarticKernel.SQUARE_METRES_PER_KM2;
                }
            }
            return q;
        }

        /** Gathers each output row as a sum of shifted binned rows, an axpy the JIT vectorises. */
        private double[] direct(Plan p, double[] binned, int stride, double[][] quadrant) {
            double[] out = new double[p.nx * p.ny];
            int r = p.reach;
            boolean parallel = (double) p.nx * p.ny * (2 * r + 1) * (2 * r + 1) > PARALLEL_THRESHOLD_OPS;
            IntStream rows = IntStream.range(0, p.ny);
            (parallel ? rows.parallel() : rows).forEach(j -> {
                int target = j * p.nx;
                for (int dy = -r; dy <= r; dy++) {
                    double[] kernelRow = quadrant[Math.abs(dy)];
                    int source = (j + p.pad + dy) * stride + p.pad;
                    for (int dx = -r; dx <= r; dx++) {
                        double k = kernelRow[Math.abs(dx)];
                        if (k == 0) {
                            continue;
                        }
                        int s = source + dx;
                        for (int i = 0; i < p.nx; i++) {
                            out[target + i] += k * binned[s + i];
                        }
                    }
                }
            });
            return out;
        }

        /**
         * Sets to 0 what cannot be density: the slightly negative lobes that cubic binning leaves
         * just beyond the edge of a kernel (clamping them adds about 0.005 % to the integral), and,
         * after an FFT, the rounding noise of about 1e-16 of the peak, of either sign, where the
         * true density is 0, which would otherwise count as "positive cells" and drag percentiles
         * down: anything below {@link #FFT_NOISE_FLOOR} of the peak goes. Tails that small are
         * invisible on any map and below the binning error.
         */
        private void clean(double[] v, Method method) {
            double floor = 0;
            if (method == Method.FFT) {
                double max = 0;
                for (double d : v) {
                    max = Math.max(max, d);
                }
                floor = max * FFT_NOISE_FLOOR;
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] <= floor) {
                    v[i] = 0;
                }
            }
        }

        private double totalWeight() {
            if (weights == null) {
                return x.length;
            }
            double s = 0;
            for (double w : weights) {
                s += w;
            }
            return s;
        }

        private Envelope pointsEnvelope() {
            Envelope e = new Envelope();
            for (int i = 0; i < x.length; i++) {
                e.expandToInclude(x[i], y[i]);
            }
            return e;
        }
    }
}
