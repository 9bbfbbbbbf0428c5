package uk.safermap.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What a printed PDF shows: its text and, page by page, how much of it is not blank. */
record PdfPages(String text, List<Double> inkedShares) {

    /** A pixel darker than this (0-255, any channel) counts as ink. */
    private static final int INK_BELOW = 235;
    private static final float DPI = 36;

    static PdfPages read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Double> shares = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                shares.add(inkedShare(renderer.renderImageWithDPI(i, DPI)));
            }
            return new PdfPages(new PDFTextStripper().getText(doc), List.copyOf(shares));
        }
    }

    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < INK_BELOW || ((rgb >> 8) & 0xff) < INK_BELOW || (rgb & 0xff) < INK_BELOW) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }
}
