package uk.safermap.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The printable reports' stylesheets, served to browsers under /viewer/css/ and inlined in PDFs. */
final class ReportCss {

    private ReportCss() {
    }

    /** The ward report's stylesheet. */
    static String load() {
        return load("report.css");
    }

    /** A stylesheet of web/css by file name. */
    static String load(String name) {
        try (InputStream in = ReportCss.class.getResourceAsStream("/web/css/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/css/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
