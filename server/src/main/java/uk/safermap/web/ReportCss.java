package uk.safermap.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The printable reports' stylesheet, served to browsers at /viewer/css/report.css and inlined in PDFs. */
final class ReportCss {

    private ReportCss() {
    }

    static String load() {
        try (InputStream in = ReportCss.class.getResourceAsStream("/web/css/report.css")) {
            if (in == null) {
                throw new IllegalStateException("web/css/report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
