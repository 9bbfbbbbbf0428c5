package uk.safermap.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import uk.safermap.councillor.ReportImages;
import uk.safermap.councillor.WardReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The ward report as a printable XHTML page and as a PDF (openhtmltopdf) from the same markup.
 * Images are server-drawn PNGs inlined as data URIs. The browser page links its stylesheet
 * (the Content-Security-Policy allows no inline style); the PDF, rendered without a server,
 * carries the same rules inline.
 */
final class WardReportPage {

    /** The report stylesheet, also served to browsers at /viewer/css/report.css. */
    private final String css;


    private final ReportImages images;

    WardReportPage(ReportImages images) {
        this.images = images;
        this.css = ReportCss.load();
    }

    /** The page, with a link to the same report as a PDF. */
    String html(WardReport r, String pdfHref) {
        return page(r, "<link rel=\"stylesheet\" href=\"/viewer/css/report.css\"/>",
                "<p class=\"report__pdf\"><a href=\"" + Html.escape(pdfHref) + "\">Download this report as a PDF</a></p>\n");
    }

    byte[] pdf(WardReport r) {
        String xhtml = page(r, "<style>" + css + "</style>", "");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String page(WardReport r, String style, String pdfLink) {
        StringBuilder b = new StringBuilder(64_000);
        String title = "Crime and anti-social behaviour: " + r.name() + " ward";
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Html.escape(title)).append("</title>\n")
                .append(style).append("\n</head>\n<body>\n<section class=\"report__map\">\n<h1>")
                .append(Html.escape(title)).append("</h1>\n<p class=\"report__period\">")
                .append(Html.escape(month(r.from()) + " to " + month(r.to()) + ", compared with the same months a year "
                        + "earlier. Ward code " + r.code() + "."))
                .append("</p>\n").append(pdfLink).append("<h2>Summary</h2>\n<ul>\n");
        for (String s : r.summary()) {
            b.append("<li>").append(Html.escape(s)).append("</li>\n");
        }
        b.append("</ul>\n<h2>Where the ward sits in the borough</h2>\n")
                .append(img(images.map(r, 640, 520), "Map of Melton's wards shaded by recorded incidents, with "
                        + r.name() + " outlined in black"))
                .append("<p class=\"report__note\">Darker wards recorded more incidents in the period; grey wards "
                        + "recorded fewer than 5.</p>\n</section>\n<section>\n<h2>Month by month</h2>\n")
                .append(img(images.trend(r, 640, 260), "Incidents per month in " + r.name()
                        + " against the same months a year earlier"))
                .append("<table>\n<thead><tr><th>Month</th><th>This period</th><th>A year earlier</th></tr></thead>\n<tbody>\n");
        for (WardReport.MonthRow m : r.monthly()) {
            b.append("<tr><td>").append(Html.escape(month(m.month()))).append("</td><td>").append(count(m.count()))
                    .append("</td><td>").append(count(m.previousCount())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n<h2>What was recorded</h2>\n<table>\n<thead><tr><th>Category</th>"
                + "<th>Incidents</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Integer> e : r.categories().entrySet()) {
            b.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>").append(count(e.getValue()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n<h2>Priority neighbourhoods</h2>\n<p>");
        b.append(Html.escape(r.neighbourhoods().isEmpty() ? "No priority neighbourhood lies in this ward."
                : String.join(", ", r.neighbourhoods()) + "."));
        b.append("</p>\n<p class=\"report__note\">").append(Html.escape(r.disclosure()))
                .append(" Source: SaferMap, recorded incidents.</p>\n</section>\n</body>\n</html>\n");
        return b.toString();
    }

    private static String img(byte[] png, String alt) {
        return "<img class=\"report__figure\" alt=\"" + Html.escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"/>\n";
    }

    private static String count(Integer n) {
        return n == null ? "fewer than 5" : "about " + n;
    }

    private static String month(java.time.YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + m.getYear();
    }
}
