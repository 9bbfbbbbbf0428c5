package uk.safermap.analysis.density;

import org.jtransforms.fft.DoubleFFT_1D;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Convolution of a grid with a kernel that is symmetric in x and in y (K(-dx, dy) = K(dx, dy) =
 * K(dx, -dy)), by the fast Fourier transform (JTransforms 1-D transforms, composed into a 2-D
 * real-to-complex transform here so that the work can skip what is known to be zero).
 *
 * <p>Why the symmetry matters: the transform of such a kernel is real, so the spectrum product is
 * a scaling of each complex coefficient by a real number, and the kernel's transform can be made
 * one column at a time, just before it is used, instead of being stored (16 MB at 2048^2).
 *
 * <p>Steps, for an fftRows x fftCols buffer whose first {@code usedRows} rows hold the binned grid:
 * <ol>
 *   <li>real forward transform of each used row (the zero rows below stay zero);</li>
 *   <li>for each complex column: forward transform, scale by the kernel's column spectrum,
 *       inverse transform, keeping only the rows that are output;</li>
 *   <li>real inverse transform of the output rows.</li>
 * </ol>
 * The transform is circular; the caller pads the buffer so that wrapped contributions only reach
 * cells it discards. Rows and columns are independent, so each step is split across the common
 * fork-join pool; each task has its own transform objects and scratch arrays, as JTransforms
 * does not promise that one instance may be used by two threads at once.
 *
 * <p>Cost O(R C log(R C)) for an R x C buffer; memory: the buffer (caller's) plus O(R + C) per
 * task and the kernel's row spectra, (r + 1) x (C/2 + 1).
 */
final class FftConvolution {

    /** Four complex columns fill a 64-byte cache line of the row-major buffer. */
    private static final int COLUMN_BLOCK = 4;

    private final int rows;
    private final int cols;
    private final boolean parallel;

    /**
     * @param rows     transform length down the columns, even
     * @param cols     transform length along the rows, even
     * @param parallel whether to split rows and columns across the common pool
     */
    FftConvolution(int rows, int cols, boolean parallel) {
        if (rows % 2 != 0 || cols % 2 != 0) {
            throw new IllegalArgumentException("transform sizes must be even, got " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.parallel = parallel;
    }

    /**
     * The smallest even length &gt;= n whose prime factors are 2, 3 and 5, the sizes JTransforms
     * transforms with its mixed-radix code rather than the slower Bluestein algorithm.
     */
    static int goodSize(int n) {
        for (int m = Math.max(n, 2); ; m++) {
            if (m % 2 == 0 && smooth(m)) {
                return m;
            }
        }
    }

    private static boolean smooth(int m) {
        for (int p : new int[] {2, 3, 5}) {
            while (m % p == 0) {
                m /= p;
            }
        }
        return m == 1;
    }

    /**
     * Convolves {@code buffer} (rows x cols, row-major, non-zero only in its first usedRows rows)
     * with the symmetric kernel whose quadrant is {@code quadrant[dy][dx]}, 0 &lt;= dx, dy &lt;= r,
     * and returns the outRows x outCols block whose first cell is (outRow0, outCol0). The buffer
     * is overwritten.
     */
    double[] convolve(double[] buffer, int usedRows, double[][] quadrant,
                      int outRow0, int outCol0, int outRows, int outCols) {
        double[][] rowSpectra = kernelRowSpectra(quadrant);
        forEachChunk(usedRows, (from, to) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(cols);
            for (int r = from; r < to; r++) {
                fft.realForward(buffer, r * cols);
            }
        });
        int blocks = (cols / 2 - 1 + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        forEachChunk(blocks + 1, (from, to) -> {
            ColumnWorker worker = new ColumnWorker(buffer, usedRows, rowSpectra, outRow0, outRows);
            for (int b = from; b < to; b++) {
                if (b == blocks) {
                    worker.packedColumns();
                } else {
                    worker.complexColumns(1 + b * COLUMN_BLOCK, Math.min(1 + (b + 1) * COLUMN_BLOCK, cols / 2));
                }
            }
        });
        double[] out = new double[outRows * outCols];
        forEachChunk(outRows, (from, to) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(cols);
            for (int r = from; r < to; r++) {
                int row = outRow0 + r;
                fft.realInverse(buffer, row * cols, true);
                System.arraycopy(buffer, row * cols + outCol0, out, r * outCols, outCols);
            }
        });
        return out;
    }

    /**
     * The 1-D transform along x of each kernel row dy (0..r), wrapped circularly: real because
     * each row is even in dx. Entry [dy][k] is the coefficient of frequency k, 0 &lt;= k &lt;= cols/2.
     */
    private double[][] kernelRowSpectra(double[][] quadrant) {
        int r = quadrant.length - 1;
        double[][] spectra = new double[r + 1][cols / 2 + 1];
        DoubleFFT_1D fft = new DoubleFFT_1D(cols);
        double[] row = new double[cols];
        for (int dy = 0; dy <= r; dy++) {
            Arrays.fill(row, 0);
            row[0] = quadrant[dy][0];
            for (int dx = 1; dx <= r; dx++) {
                row[dx] = quadrant[dy][dx];
                row[cols - dx] = quadrant[dy][dx];
            }
            fft.realForward(row);
            spectra[dy][0] = row[0];
            spectra[dy][cols / 2] = row[1];
            for (int k = 1; k < cols / 2; k++) {
                spectra[dy][k] = row[2 * k];
            }
        }
        return spectra;
    }

    private interface Range {
        void run(int from, int to);
    }

    private void forEachChunk(int n, Range body) {
        int tasks = parallel ? Math.min(n, 4 * Runtime.getRuntime().availableProcessors()) : 1;
        if (tasks <= 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, tasks).parallel().forEach(t -> body.run((int) ((long) n * t / tasks),
                (int) ((long) n * (t + 1) / tasks)));
    }

    /** Per-task scratch for the column step. */
    private final class ColumnWorker {
        private final double[] buffer;
        private final int usedRows;
        private final double[][] rowSpectra;
        private final int outRow0;
        private final int outRows;
        private final DoubleFFT_1D complexFft = new DoubleFFT_1D(rows);
        private final DoubleFFT_1D realFft = new DoubleFFT_1D(rows);
        private final double[][] columns = new double[COLUMN_BLOCK][2 * rows];
        private final double[] kernelColumn = new double[rows];
        private final double[] scale = new double[rows];

        ColumnWorker(double[] buffer, int usedRows, double[][] rowSpectra, int outRow0, int outRows) {
            this.buffer = buffer;
            this.usedRows = usedRows;
            this.rowSpectra = rowSpectra;
            this.outRow0 = outRow0;
            this.outRows = outRows;
        }

        /** Complex columns k in [from, to), each stored as (re, im) at 2k, 2k+1 of every row. */
        void complexColumns(int from, int to) {
            int width = to - from;
            for (int c = 0; c < width; c++) {
                Arrays.fill(columns[c], 2 * usedRows, 2 * rows, 0);
            }
            for (int r = 0; r < usedRows; r++) {
                int base = r * cols + 2 * from;
                for (int c = 0; c < width; c++) {
                    columns[c][2 * r] = buffer[base + 2 * c];
                    columns[c][2 * r + 1] = buffer[base + 2 * c + 1];
                }
            }
            for (int c = 0; c < width; c++) {
                filter(columns[c], from + c);
            }
            for (int r = outRow0; r < outRow0 + outRows; r++) {
                int base = r * cols + 2 * from;
                for (int c = 0; c < width; c++) {
                    buffer[base + 2 * c] = columns[c][2 * r];
                    buffer[base + 2 * c + 1] = columns[c][2 * r + 1];
                }
            }
        }

        /**
         * Frequencies 0 and cols/2 along x, which the packed real transform stores as two real
         * numbers in slots 0 and 1 of each row; each is a real column with its own kernel scale.
         */
        void packedColumns() {
            for (int slot = 0; slot < 2; slot++) {
                double[] column = columns[0];
                Arrays.fill(column, 0);
                for (int r = 0; r < usedRows; r++) {
                    column[2 * r] = buffer[r * cols + slot];
                }
                filter(column, slot == 0 ? 0 : cols / 2);
                for (int r = outRow0; r < outRow0 + outRows; r++) {
                    buffer[r * cols + slot] = column[2 * r];
                }
            }
        }

        /** Forward transform, scale by the kernel spectrum of x-frequency k, inverse transform. */
        private void filter(double[] column, int k) {
            columnSpectrum(k);
            complexFft.complexForward(column);
            for (int f = 0; f < rows; f++) {
                column[2 * f] *= scale[f];
                column[2 * f + 1] *= scale[f];
            }
            complexFft.complexInverse(column, true);
        }

        /** scale[f] = the kernel's 2-D spectrum at (y-frequency f, x-frequency k): real and even in f. */
        private void columnSpectrum(int k) {
            int r = rowSpectra.length - 1;
            Arrays.fill(kernelColumn, 0);
            kernelColumn[0] = rowSpectra[0][k];
            for (int dy = 1; dy <= r; dy++) {
                kernelColumn[dy] = rowSpectra[dy][k];
                kernelColumn[rows - dy] = rowSpectra[dy][k];
            }
            realFft.realForward(kernelColumn);
            scale[0] = kernelColumn[0];
            scale[rows / 2] = kernelColumn[1];
            for (int f = 1; f < rows / 2; f++) {
                scale[f] = kernelColumn[2 * f];
                scale[rows - f] = kernelColumn[2 * f];
            }
        }
    }
}
