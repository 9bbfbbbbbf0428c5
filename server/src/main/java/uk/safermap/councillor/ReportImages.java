package uk.safermap.councillor;

import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.geo.BritishNationalGrid;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The report's pictures, drawn on the server with Java2D so that the page and the PDF carry
 * them without a browser: the borough's wards shaded by count class with the report's ward
 * outlined, and the monthly trend against the year before.
 */
public final class ReportImages {

    /** ColorBrewer YlOrRd, 5 classes; suppressed wards are grey. */
    private static final Color[] FILLS = {new Color(0xffffb2), new Color(0xfecc5c), new Color(0xfd8d3c),
        new Color(0xf03b20), new Color(0xbd0026)};
    private static final Color SUPPRESSED = new Color(0xdddddd);

    private final BritishNationalGrid grid;

    public ReportImages(BritishNationalGrid grid) {
        this.grid = grid;
    }

    public byte[] map(WardReport r, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReportCanvas.white(image);
        Envelope all = new Envelope();
        Map<String, Geometry> shapes = new java.util.LinkedHashMap<>();
        r.wardShapes().forEach((code, lonLat) -> {
            Geometry gridShape = grid.toGrid(lonLat);
            shapes.put(code, gridShape);
            all.expandToInclude(gridShape.getEnvelopeInternal());
        });
        double scale = Math.min((width - 20) / all.getWidth(), (height - 20) / all.getHeight());
        AffineTransform toImage = new AffineTransform(scale, 0, 0, -scale,
                10 + (width - 20 - all.getWidth() * scale) / 2 - all.getMinX() * scale,
                10 + (height - 20 - all.getHeight() * scale) / 2 + all.getMaxY() * scale);
        ShapeWriter writer = new ShapeWriter();
        shapes.forEach((code, shape) -> {
            java.awt.Shape s = toImage.createTransformedShape(writer.toShape(shape));
            int k = r.wardClasses().getOrDefault(code, -1);
            g.setColor(k < 0 ? SUPPRESSED : FILLS[Math.min(FILLS.length - 1, scaledClass(k, r.classCount()))]);
            g.fill(s);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f));
            g.draw(s);
        });
        java.awt.Shape own = toImage.createTransformedShape(writer.toShape(shapes.get(r.code())));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4f));
        g.draw(own);
        g.dispose();
        return ReportCanvas.png(image);
    }

    /** Classes spread over the 5 colours when there are fewer classes than colours. */
    private static int scaledClass(int k, int classes) {
        return classes <= 1 ? FILLS.length - 1 : Math.round((float) k * (FILLS.length - 1) / (classes - 1));
    }

    public byte[] trend(WardReport r, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReportCanvas.white(image);
        int left = 50;
        int bottom = height - 40;
        int top = 20;
        int max = 5;
        for (WardReport.MonthRow m : r.monthly()) {
            max = Math.max(max, Math.max(m.count() == null ? 0 : m.count(), m.previousCount() == null ? 0 : m.previousCount()));
        }
        double step = (double) (width - left - 10) / r.monthly().size();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.GRAY);
        g.drawLine(left, bottom, width - 10, bottom);
        g.drawLine(left, top, left, bottom);
        g.drawString(String.valueOf(max), 5, top + 5);
        g.drawString("0", 30, bottom);
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < r.monthly().size(); i++) {
            WardReport.MonthRow m = r.monthly().get(i);
            int x = (int) (left + i * step);
            if (m.count() != null) {
                int h = (int) ((double) m.count() / max * (bottom - top));
                g.setColor(new Color(0x2f5d8a));
                g.fillRect(x + 2, bottom - h, (int) step - 4, h);
            }
            int y = m.previousCount() == null ? -1 : bottom - (int) ((double) m.previousCount() / max * (bottom - top));
            g.setColor(new Color(0xd1495b));
            g.setStroke(new BasicStroke(2f));
            if (y >= 0 && prevY >= 0) {
                g.drawLine(prevX, prevY, x + (int) step / 2, y);
            }
            prevX = x + (int) step / 2;
            prevY = y;
            g.setColor(Color.DARK_GRAY);
            g.drawString(m.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK)
                    .substring(0, 1), x + (int) step / 2 - 3, bottom + 14);
        }
        g.setColor(new Color(0x2f5d8a));
        g.fillRect(left, height - 16, 10, 10);
        g.setColor(Color.DARK_GRAY);
        g.drawString("this period", left + 14, height - 7);
        g.setColor(new Color(0xd1495b));
        g.fillRect(left + 100, height - 12, 14, 3);
        g.setColor(Color.DARK_GRAY);
        g.drawString("a year earlier", left + 118, height - 7);
        g.dispose();
        return ReportCanvas.png(image);
    }
}
