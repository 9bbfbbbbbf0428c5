package uk.safermap.evaluation;

import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.councillor.ReportCanvas;
import uk.safermap.geo.BritishNationalGrid;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The committee summary's pictures, drawn with Java2D so the page and the PDF carry them
 * without a browser: the three areas, and the monthly series of target and comparison as an
 * index (before-period monthly mean = 100) so areas of different size share one scale.
 */
public final class EvaluationImages {

    static final Color TARGET = new Color(0xd1495b);
    static final Color BUFFER = new Color(0xedae49);
    static final Color COMPARISON = new Color(0x2f5d8a);

    private final BritishNationalGrid grid;

    public EvaluationImages(BritishNationalGrid grid) {
        this.grid = grid;
    }

    /** Target (red), buffer ring (amber) and comparison (blue), north up. */
    public byte[] map(Evaluation e, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReportCanvas.white(image);
        Geometry target = grid.toGrid(e.areas().target());
        Geometry buffer = grid.toGrid(e.areas().buffer());
        Geometry comparison = grid.toGrid(e.areas().comparison());
        Envelope all = new Envelope(target.getEnvelopeInternal());
        all.expandToInclude(buffer.getEnvelopeInternal());
        all.expandToInclude(comparison.getEnvelopeInternal());
        double scale = Math.min((width - 20) / all.getWidth(), (height - 40) / all.getHeight());
        AffineTransform toImage = new AffineTransform(scale, 0, 0, -scale,
                10 + (width - 20 - all.getWidth() * scale) / 2 - all.getMinX() * scale,
                10 + (height - 40 - all.getHeight() * scale) / 2 + all.getMaxY() * scale);
        ShapeWriter writer = new ShapeWriter();
        draw(g, toImage.createTransformedShape(writer.toShape(comparison)), COMPARISON);
        draw(g, toImage.createTransformedShape(writer.toShape(buffer)), BUFFER);
        draw(g, toImage.createTransformedShape(writer.toShape(target)), TARGET);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        legend(g, 10, height - 14, TARGET, "target");
        legend(g, 90, height - 14, BUFFER, "buffer (" + Math.round(e.areas().bufferMetres()) + " m)");
        legend(g, 220, height - 14, COMPARISON, "comparison");
        g.dispose();
        return ReportCanvas.png(image);
    }

    /** Target and comparison per month as an index; the gap shaded. */
    public byte[] series(Evaluation e, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReportCanvas.white(image);
        int before = e.periods().beforeMonths();
        double[] t = index(e.monthly().target(), before);
        double[] c = index(e.monthly().comparison(), before);
        double max = 150;
        for (double[] s : new double[][] {t, c}) {
            for (double v : s) {
                max = Double.isNaN(v) ? max : Math.max(max, v);
            }
        }
        int left = 40;
        int right = width - 10;
        int top = 10;
        int bottom = height - 40;
        int n = e.monthly().months().size();
        double step = (double) (right - left) / Math.max(1, n - 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int gap = n - before - e.periods().afterMonths();
        if (gap > 0) {
            g.setColor(new Color(0xeeeeee));
            g.fillRect((int) (left + (before - 0.5) * step), top, (int) (gap * step), bottom - top);
        }
        g.setColor(Color.GRAY);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        int y100 = bottom - (int) (100 / max * (bottom - top));
        g.drawLine(left, y100, right, y100);
        g.drawString("100", 5, y100 + 4);
        g.drawString("0", 25, bottom);
        line(g, c, left, step, bottom, top, max, COMPARISON);
        line(g, t, left, step, bottom, top, max, TARGET);
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i < n; i += 3) {
            g.drawString(e.monthly().months().get(i).toString(), (int) (left + i * step) - 18, bottom + 14);
        }
        legend(g, left, height - 12, TARGET, "target");
        legend(g, left + 80, height - 12, COMPARISON, "comparison (100 = monthly mean before)");
        g.dispose();
        return ReportCanvas.png(image);
    }

    /** Each month over the before-period mean, x 100; NaN where suppressed or the mean is 0. */
    static double[] index(List<Integer> months, int before) {
        double sum = 0;
        for (int i = 0; i < before; i++) {
            sum += months.get(i) == null ? 0 : months.get(i);
        }
        double mean = sum / before;
        double[] out = new double[months.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = mean <= 0 || months.get(i) == null ? Double.NaN : 100 * months.get(i) / mean;
        }
        return out;
    }

    private static void line(Graphics2D g, double[] s, int left, double step, int bottom, int top, double max,
                             Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        for (int i = 1; i < s.length; i++) {
            if (!Double.isNaN(s[i - 1]) && !Double.isNaN(s[i])) {
                g.drawLine((int) (left + (i - 1) * step), bottom - (int) (s[i - 1] / max * (bottom - top)),
                        (int) (left + i * step), bottom - (int) (s[i] / max * (bottom - top)));
            }
        }
    }

    private static void draw(Graphics2D g, java.awt.Shape s, Color colour) {
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
        g.fill(s);
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(s);
    }

    private static void legend(Graphics2D g, int x, int y, Color colour, String text) {
        g.setColor(colour);
        g.fillRect(x, y - 9, 10, 10);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 14, y);
    }
}
