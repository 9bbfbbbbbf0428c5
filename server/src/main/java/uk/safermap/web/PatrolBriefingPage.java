package uk.safermap.web;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import uk.safermap.areas.Gazetteer;
import uk.safermap.domain.PatrolPlan;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * The printable patrol briefing of a plan: an HTML page with the shift, a map of the routes as
 * inline SVG (projected from grid metres, north up, with a scale bar), each unit's visit table
 * with times, and the planner's notes. The page has no script and no inline style, as the
 * Content-Security-Policy requires: colours are SVG presentation attributes, layout is in
 * {@code /viewer/css/patrol-print.css}. All text is escaped.
 */
final class PatrolBriefingPage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);
    private static final double MAP_WIDTH = 760;
    private static final double MAP_MAX_HEIGHT = 560;
    private static final double PAD = 24;

    private final StringBuilder out = new StringBuilder(16_384);
    private final Function<PatrolPlan.Hotspot, Gazetteer.Label> where;

    /** @param where names a hot spot on the ground (street, place, ward, grid reference) */
    PatrolBriefingPage(Function<PatrolPlan.Hotspot, Gazetteer.Label> where) {
        this.where = where;
    }

    String render(PatrolPlan plan) {
        out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Patrol briefing ").append(esc(plan.start().format(DAY))).append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<link rel=\"stylesheet\" href=\"/viewer/css/patrol-print.css\">\n</head>\n<body>\n<main class=\"briefing\">\n");
        header(plan);
        map(plan);
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

    private void map(PatrolPlan plan) {
        Envelope e = new Envelope();
        for (PatrolPlan.UnitPlan u : plan.units()) {
            e.expandToInclude(u.returnLeg().getEnvelopeInternal());
            u.visits().forEach(v -> e.expandToInclude(v.leg().getEnvelopeInternal()));
            e.expandToInclude(u.startEasting(), u.startNorthing());
        }
        plan.hotspots().forEach(h -> e.expandToInclude(h.easting(), h.northing()));
        e.expandBy(Math.max(50, 0.05 * Math.max(e.getWidth(), e.getHeight())));
        double scale = Math.min((MAP_WIDTH - 2 * PAD) / e.getWidth(), (MAP_MAX_HEIGHT - 2 * PAD) / e.getHeight());
        double height = e.getHeight() * scale + 2 * PAD;
        Projection p = new Projection(e, scale);
        out.append(String.format(Locale.ROOT, "<figure class=\"briefing__map\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"map-title\">\n<title id=\"map-title\">Routes "
                + "of every unit, numbered stops, bases as squares</title>\n<rect class=\"map__frame\" x=\"0\" y=\"0\" "
                + "width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\" stroke=\"#999999\"/>\n", MAP_WIDTH, height, MAP_WIDTH,
                height));
        for (PatrolPlan.Hotspot h : plan.hotspots()) {
            out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"none\" stroke=\"#777777\"/>\n",
                    p.x(h.easting()), p.y(h.northing())));
        }
        for (PatrolPlan.UnitPlan u : plan.units()) {
            String colour = PatrolJson.colour(u.unit());
            u.visits().forEach(v -> polyline(p, v.leg(), colour));
            polyline(p, u.returnLeg(), colour);
        }
        for (PatrolPlan.UnitPlan u : plan.units()) {
            String colour = PatrolJson.colour(u.unit());
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"#222222\"/>\n",
                    p.x(u.startEasting()) - 6, p.y(u.startNorthing()) - 6));
            for (PatrolPlan.Visit v : u.visits()) {
                PatrolPlan.Hotspot h = plan.hotspot(v.hotspot());
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"%s\" stroke=\"#ffffff\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" font-family=\"sans-serif\" "
                        + "fill=\"#ffffff\">%d</text>\n", p.x(h.easting()), p.y(h.northing()), colour, p.x(h.easting()),
                        p.y(h.northing()) + 3.5, v.stop()));
            }
        }
        scaleBar(scale, height);
        out.append("</svg>\n<figcaption>North up. Numbers are the stop order of each unit; grey rings are hot spots "
                + "not visited. Lines are roads when a road network was given, else straight lines.</figcaption>\n"
                + "</figure>\n");
    }

    private void polyline(Projection p, LineString line, String colour) {
        out.append("<polyline fill=\"none\" stroke-width=\"3\" stroke-opacity=\"0.8\" stroke=\"").append(colour)
                .append("\" points=\"");
        for (Coordinate c : line.getCoordinates()) {
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(c.x), p.y(c.y)));
        }
        out.append("\"/>\n");
    }

    /** A bar of a round length (100 m, 200 m, 500 m, 1 km ...) about a fifth of the map wide. */
    private void scaleBar(double scale, double height) {
        double target = MAP_WIDTH / 5 / scale;
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = target / magnitude >= 5 ? 5 * magnitude : target / magnitude >= 2 ? 2 * magnitude : magnitude;
        double y = height - PAD / 2;
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000000\" "
                + "stroke-width=\"3\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-family=\"sans-serif\">%s</text>\n",
                PAD, y, PAD + metres * scale, y, PAD + metres * scale + 6, y + 4,
                metres >= 1000 ? (metres / 1000) + " km" : (long) metres + " m"));
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

    /** Grid metres to SVG pixels, north up. */
    private record Projection(Envelope e, double scale) {
        double x(double easting) {
            return PAD + (easting - e.getMinX()) * scale;
        }

        double y(double northing) {
            return PAD + (e.getMaxY() - northing) * scale;
        }
    }
}
