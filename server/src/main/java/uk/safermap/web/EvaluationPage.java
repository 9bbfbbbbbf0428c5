package uk.safermap.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import uk.safermap.evaluation.Assessment;
import uk.safermap.evaluation.Evaluation;
import uk.safermap.evaluation.EvaluationImages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.Locale;

/**
 * The one-page committee summary of an evaluation, as a printable XHTML page and as a PDF
 * (openhtmltopdf) from the same markup, with the ward report's stylesheet plus
 * evaluation-report.css, which fits it on one A4 page (linked for browsers, inline for the PDF),
 * and server-drawn PNGs.
 */
final class EvaluationPage {

    private final EvaluationImages images;
    private final String css;

    EvaluationPage(EvaluationImages images) {
        this.images = images;
        this.css = ReportCss.load() + ReportCss.load("evaluation-report.css");
    }

    String html(Evaluation e) {
        return page(e, "<link rel=\"stylesheet\" href=\"/viewer/css/report.css\"/>\n"
                + "<link rel=\"stylesheet\" href=\"/viewer/css/evaluation-report.css\"/>");
    }

    byte[] pdf(Evaluation e) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(page(e, "<style>" + css + "</style>"), null)
                    .toStream(out).run();
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String page(Evaluation e, String style) {
        Evaluation.InterventionInfo iv = e.intervention();
        Evaluation.Periods p = e.periods();
        Assessment a = e.assessment();
        StringBuilder b = new StringBuilder(64_000);
        String title = "Did it work? " + iv.name();
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Html.escape(title)).append("</title>\n")
                .append(style).append("\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p class=\"report__period\">").append(Html.escape(kind(iv.kind()) + " from " + iv.start()
                        + (iv.end() == null ? "" : " to " + iv.end())
                        + (iv.costPounds() == null ? "" : String.format(Locale.UK, ", cost £%,.0f", iv.costPounds()))
                        + ". Target: " + iv.targetSource() + ". Categories: "
                        + (iv.categories().isEmpty() ? "all" : String.join(", ", iv.categories())) + "."))
                .append("<br/>").append(Html.escape("Before: " + month(p.beforeFrom()) + " to " + month(p.beforeTo())
                        + " (" + p.beforeMonths() + " months). After: " + month(p.afterFrom()) + " to "
                        + month(p.afterTo()) + " (" + p.afterMonths() + " months)."
                        + (p.gapFrom().isAfter(p.gapTo()) ? "" : " Left out while it was put in place: "
                        + month(p.gapFrom()) + (p.gapFrom().equals(p.gapTo()) ? "" : " to " + month(p.gapTo())) + ".")))
                .append("</p>\n<h2>Summary</h2>\n<ul>\n");
        for (String s : a.summary()) {
            b.append("<li>").append(Html.escape(s)).append("</li>\n");
        }
        b.append("</ul>\n");
        if (!a.warnings().isEmpty()) {
            b.append("<h2>Read with care</h2>\n<ul>\n");
            for (String w : a.warnings()) {
                b.append("<li>").append(Html.escape(w)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<table>\n<thead><tr><th>Area</th><th>Before</th><th>After</th><th>Change per month</th>"
                + "<th>Harm before</th><th>Harm after</th></tr></thead>\n<tbody>\n");
        row(b, "Target", a.target());
        row(b, "Buffer (" + Math.round(e.areas().bufferMetres()) + " m ring)", a.buffer());
        row(b, "Comparison", a.comparison());
        b.append("</tbody>\n</table>\n<p class=\"report__note\">Comparison area: ")
                .append(Html.escape(String.join(", ", e.areas().comparisonNames())
                        + (e.areas().suggested() ? " (suggested: most alike before in trend and level)" : " (chosen)")))
                .append(". Harm is in Cambridge Crime Harm Index days.</p>\n");
        b.append("<h2>Estimate</h2>\n<p>");
        if (a.estimate() != null) {
            b.append(Html.escape(String.format(Locale.UK, "Difference in differences: rate ratio %.2f (%.0f%% interval "
                            + "%.2f to %.2f), a change of %+.0f%% relative to the comparison area.",
                    a.estimate().rateRatio(), 100 * a.estimate().confidence(), a.estimate().lower(),
                    a.estimate().upper(), a.estimate().effectPercent())));
        } else {
            b.append("No estimate: too few incidents.");
        }
        if (a.displacement() != null && a.displacement().wdq() != null) {
            b.append(" ").append(Html.escape(String.format(Locale.UK, "Weighted displacement quotient %.2f: %s.",
                    a.displacement().wdq(), a.displacement().meaning())));
        } else if (a.displacement() != null) {
            b.append(" ").append(Html.escape("Displacement: " + a.displacement().meaning() + "."));
        }
        if (a.harm() != null) {
            b.append(" ").append(Html.escape(String.format(Locale.UK, "Harm-weighted ratio %.2f.", a.harm().ratio())));
        }
        b.append("</p>\n");
        if (a.valueForMoney() != null) {
            Assessment.ValueForMoney v = a.valueForMoney();
            b.append("<h2>Value for money (estimates)</h2>\n<p>").append(Html.escape(String.format(Locale.UK,
                    "Crimes prevented: about %.0f (between %.0f and %.0f). Cost per crime prevented: %s.",
                    v.crimesPrevented(), v.preventedLower(), v.preventedUpper(), costPerCrime(v))))
                    .append("</p>\n<p class=\"report__note\">").append(Html.escape(v.label())).append("</p>\n");
        }
        b.append(img("evaluation__map", images.map(e, 300, 230),
                        "The target area, the buffer ring around it and the comparison area"))
                .append(img("evaluation__series", images.series(e, 520, 230),
                        "Monthly incidents in the target and comparison areas as an "
                        + "index, 100 being each area's monthly mean before"));
        for (String n : e.notes()) {
            b.append("<p class=\"report__note\">").append(Html.escape(n)).append("</p>\n");
        }
        b.append("<p class=\"report__note\">").append(Html.escape("Counts: " + e.disclosure().rule() + ". Method: "
                        + (a.estimate() == null ? "" : a.estimate().method() + "; ")
                        + "weighted displacement quotient of Bowers and Johnson (2003). Source: SaferMap, recorded "
                        + "incidents."))
                .append("</p>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Assessment.AreaChange c) {
        b.append("<tr><td>").append(Html.escape(name)).append("</td><td>").append(count(c.before()))
                .append("</td><td>").append(count(c.after())).append("</td><td>")
                .append(c.changePercent() == null ? "-" : String.format(Locale.UK, "%+.0f%%", c.changePercent()))
                .append("</td><td>").append(c.harmBefore() == null ? "-" : String.format(Locale.UK, "%,.0f",
                        c.harmBefore()))
                .append("</td><td>").append(c.harmAfter() == null ? "-" : String.format(Locale.UK, "%,.0f",
                        c.harmAfter()))
                .append("</td></tr>\n");
    }

    private static String costPerCrime(Assessment.ValueForMoney v) {
        if (v.costPerCrime() == null) {
            return "not given, as the estimate is that none were prevented";
        }
        String main = String.format(Locale.UK, "about £%,.0f", v.costPerCrime());
        return v.costPerCrimeUpper() == null
                ? main + String.format(Locale.UK, " (at least £%,.0f; no upper bound, as it may have prevented none)",
                v.costPerCrimeLower())
                : main + String.format(Locale.UK, " (between £%,.0f and £%,.0f)", v.costPerCrimeLower(),
                v.costPerCrimeUpper());
    }

    private static String kind(String slug) {
        return switch (slug) {
            case "cctv" -> "CCTV";
            case "doorbells" -> "Video doorbells";
            case "patrol" -> "Hot spot patrols";
            case "week-of-action" -> "Week of action";
            case "lighting" -> "Lighting";
            default -> "Intervention";
        };
    }

    private static String img(String className, byte[] png, String alt) {
        return "<img class=\"" + className + "\" alt=\"" + Html.escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"/>\n";
    }

    private static String count(Integer n) {
        return n == null ? "fewer than 5" : Integer.toString(n);
    }

    private static String month(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + m.getYear();
    }
}
