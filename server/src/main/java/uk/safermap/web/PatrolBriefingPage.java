package uk.safermap.web;

import uk.safermap.areas.Gazetteer;
import uk.safermap.domain.PatrolPlan;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * The printable patrol briefing of a plan: an HTML page with the shift, a map of the routes with
 * their context ({@link BriefingMapSvg}), each unit's visit table
 * with times, and the planner's notes. The page has no script and no inline style, as the
 * Content-Security-Policy requires: colours are SVG presentation attributes, layout is in
 * {@code /viewer/css/patrol-print.css}. All text is escaped.
 */
final class PatrolBriefingPage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private final StringBuilder out = new StringBuilder(16_384);
    private final Function<PatrolPlan.Hotspot, Gazetteer.Label> where;
    private final BriefingBackdrop backdrop;

    /**
     * @param where    names a hot spot on the ground (street, place, ward, grid reference)
     * @param backdrop what the map draws under the routes (basemap, wards, places)
     */
    PatrolBriefingPage(Function<PatrolPlan.Hotspot, Gazetteer.Label> where, BriefingBackdrop backdrop) {
        this.where = where;
        this.backdrop = backdrop;
    }

    String render(PatrolPlan plan) {
        out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Patrol briefing ").append(esc(plan.start().format(DAY))).append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<link rel=\"stylesheet\" href=\"/viewer/css/patrol-print.css\">\n</head>\n<body>\n<main class=\"briefing\">\n");
        header(plan);
        new BriefingMapSvg(backdrop, h -> where.apply(h).shortName(), out).render(plan);
        for (PatrolPlan.UnitPlan u : plan.units()) {
            unitTable(plan, u);
        }
        notes(plan);
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header(PatrolPlan plan) {
        PatrolPlan.Totals t = plan.totals();
        PatrolPlan.Settings s = plan.settings();
        out.append("<h1>Hot spot patrol briefing</h1>\n<p class=\"briefing__shift\">")
                .append(esc(plan.start().format(DAY))).append(" to ").append(esc(plan.end().format(DAY)))
                .append(" (London time), ").append(plan.units().size()).append(plan.units().size() == 1 ? " unit" : " units")
                .append(", ").append(esc(s.mode())).append("</p>\n<ul class=\"briefing__facts\">\n");
        long places = plan.doses().stream().filter(d -> d.visits() > 0).count();
        fact(String.format(Locale.UK, "%d visits to %d of %d selected hot spots, %d min each; %.0f %% of the shift's "
                + "risk covered", t.visited(), places, plan.hotspots().size(), s.visitMinutes(),
                100 * t.shareOfShiftRisk()));
        if (s.revisitMinutes() > 0) {
            fact("The top places again every " + s.minGapMinutes() + "-" + s.revisitMinutes() + " min: "
                    + plan.doses().stream().filter(d -> d.visits() > 1)
                    .map(d -> d.rank() + ". " + where.apply(plan.hotspot(d.rank())).shortName() + " x" + d.visits())
                    .collect(Collectors.joining(", ")));
        }
        fact(String.format(Locale.UK, "Travel %.1f km in %d min; %s", t.metres() / 1000, t.travelSeconds() / 60,
                s.distance()));
        fact("Vary the order if you must, but keep the visits short (10-15 min) and unpredictable (Koper curve).");
        fact("Incidents: " + s.filter() + "; hot spots: " + s.hotspotMethod() + "; plan " + plan.id());
        out.append("</ul>\n");
    }

    private void fact(String text) {
        out.append("<li>").append(esc(text)).append("</li>\n");
    }

    private void unitTable(PatrolPlan plan, PatrolPlan.UnitPlan u) {
        out.append("<section class=\"briefing__unit\">\n<h2><svg class=\"swatch\" viewBox=\"0 0 10 10\" width=\"14\" "
                        + "height=\"14\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"")
                .append(PatrolJson.colour(u.unit())).append("\"/></svg> ").append(esc(u.name())).append("</h2>\n")
                .append(String.format(Locale.UK, "<p>%d %s, %.1f km, back at base %s</p>\n", u.visits().size(),
                        u.visits().size() == 1 ? "visit" : "visits", u.metres() / 1000, esc(u.returnAt().format(CLOCK))))
                .append("<table class=\"briefing__table\">\n<thead><tr><th scope=\"col\">Stop</th><th scope=\"col\">"
                        + "Arrive</th><th scope=\"col\">Leave</th><th scope=\"col\">Place</th><th scope=\"col\">Why"
                        + "</th><th scope=\"col\">Done</th></tr></thead>\n<tbody>\n");
        for (PatrolPlan.Visit v : u.visits()) {
            PatrolPlan.Hotspot h = plan.hotspot(v.hotspot());
            // The street to go to first, then the rest of the label to find it by; coordinates never.
            Gazetteer.Label at = where.apply(h);
            out.append("<tr><td>").append(v.stop()).append("</td><td>").append(esc(v.arrival().format(CLOCK)))
                    .append("</td><td>").append(esc(v.departure().format(CLOCK))).append("</td><td><strong>")
                    .append(esc(at.shortName())).append("</strong><br><span class=\"briefing__where\">")
                    .append(esc(at.text())).append("</span></td><td>").append(esc(PatrolJson.reason(h, plan.totals().shiftRisk())))
                    .append("</td><td class=\"briefing__tick\"></td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void notes(PatrolPlan plan) {
        if (plan.notes().isEmpty()) {
            return;
        }
        out.append("<section class=\"briefing__notes\">\n<h2>Notes</h2>\n<ul>\n");
        plan.notes().forEach(this::fact);
        out.append("</ul>\n</section>\n");
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
