package uk.safermap.placement.mclp;

/**
 * Candidate sites when the user gives none: a square lattice (grid metres) keeping only the
 * nodes that would reach at least one demand point. Spacing at half the camera radius keeps
 * any demand point within 0.71 spacing of a node, so the lattice loses little coverage
 * against free placement, while the candidate count stays bounded.
 */
public final class CandidateLattice {

    private CandidateLattice() {
    }

    /** Lattice nodes as {x[], y[]}, at most {@code max}; empty when there is no demand. */
    public static double[][] around(double[] dx, double[] dy, double spacing, double radius, int max) {
        if (dx.length == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        BucketGrid demand = new BucketGrid(dx, dy, radius);
        double[] bounds = BucketGrid.bounds(dx, dy);
        double minX = bounds[0];
        double minY = bounds[1];
        double maxX = bounds[2];
        double maxY = bounds[3];
        IntList keptX = new IntList();
        IntList keptY = new IntList();
        double x0 = Math.floor(minX / spacing) * spacing;
        double y0 = Math.floor(minY / spacing) * spacing;
        int cols = (int) Math.ceil((maxX - x0) / spacing) + 1;
        int rows = (int) Math.ceil((maxY - y0) / spacing) + 1;
        for (int r = 0; r < rows && keptX.size() < max; r++) {
            for (int c = 0; c < cols && keptX.size() < max; c++) {
                double x = x0 + c * spacing;
                double y = y0 + r * spacing;
                boolean[] reaches = {false};
                demand.near(x, y, i -> {
                    double ex = dx[i] - x;
                    double ey = dy[i] - y;
                    reaches[0] |= ex * ex + ey * ey <= radius * radius;
                });
                if (reaches[0]) {
                    keptX.add(c);
                    keptY.add(r);
                }
            }
        }
        int[] cs = keptX.values();
        int[] rs = keptY.values();
        double[] x = new double[cs.length];
        double[] y = new double[rs.length];
        for (int i = 0; i < cs.length; i++) {
            x[i] = x0 + cs[i] * spacing;
            y[i] = y0 + rs[i] * spacing;
        }
        return new double[][] {x, y};
    }
}
