package uk.safermap.web;

import biweekly.Biweekly;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Geo;
import uk.safermap.areas.Gazetteer;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.patrol.PatrolSchedule;
import uk.safermap.patrol.WeekSchedule;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A {@link PatrolSchedule} as JSON records, CSV (one row per visit), iCalendar (one event per
 * visit, written by biweekly, RFC 5545, so the visits land in officers' calendars) and a
 * printable HTML page (no script, no inline style; all text escaped). Every place is named on
 * the ground (street, place, ward, grid reference) in each form.
 */
final class PatrolScheduleExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final double SCALE = 1e6;

    record Schedule(String firstDay, int days, List<Shift> shifts, int visitsPerDay, int visitMinutes, long seed,
                    List<Place> places, List<Unit> units, List<Visit> visits, List<String> notes) {
    }

    record Shift(String start, String end) {
    }

    /**
     * @param label    where the place is on the ground, on one line
     * @param location the police.uk location of its busiest snap point
     */
    record Place(int rank, String label, double[] position, double risk, int visits, String location, String street,
                 String place, String ward, String gridRef) {
    }

    record Unit(int unit, String name, String colour, int visits) {
    }

    record Visit(String day, int place, String label, int unit, String start, String end) {
    }

    private final BritishNationalGrid grid;
    private final GroundLabels labels;

    PatrolScheduleExport(BritishNationalGrid grid, GroundLabels labels) {
        this.grid = grid;
        this.labels = labels;
    }

    Schedule json(PatrolSchedule s) {
        int[] perUnit = s.visitsPerUnit();
        int[] perPlace = new int[s.places().size()];
        s.visits().forEach(v -> perPlace[v.place() - 1]++);
        return new Schedule(s.firstDay().toString(), s.days(),
                s.shifts().stream().map(w -> new Shift(w.start().toString(), w.end().toString())).toList(),
                s.visitsPerDay(), s.visitMinutes(), s.seed(),
                s.places().stream().map(p -> {
                    Gazetteer.Label at = where(p);
                    return new Place(p.rank(), at.text(), lonLat(p), Math.round(p.risk() * 1e4) / 1e4,
                            perPlace[p.rank() - 1], p.label(), at.street(), at.place(), at.ward(), at.gridRef());
                }).toList(),
                IntStream.range(0, s.units().size()).mapToObj(u -> new Unit(u + 1, s.units().get(u),
                        PatrolJson.colour(u + 1), perUnit[u])).toList(),
                s.visits().stream().map(v -> new Visit(v.day().toString(), v.place(), label(s, v), v.unit(),
                        PatrolJson.time(v.start()), PatrolJson.time(v.end()))).toList(),
                s.notes());
    }

    String csv(PatrolSchedule s) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("day", "start", "end", "unit", "place", "label", "street", "grid_ref", "lon", "lat");
            for (WeekSchedule.Visit v : s.visits()) {
                PatrolSchedule.Place place = s.places().get(v.place() - 1);
                Gazetteer.Label at = where(place);
                double[] ll = lonLat(place);
                printer.printRecord(v.day(), PatrolJson.time(v.start()), PatrolJson.time(v.end()),
                        s.units().get(v.unit() - 1), v.place(), at.text(), at.street(), at.gridRef(), ll[0], ll[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a schedule to memory", e);
        }
        return out.toString();
    }

    String ics(PatrolSchedule s) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//SaferMap//Hot spot patrol schedule//EN");
        int n = 0;
        for (WeekSchedule.Visit v : s.visits()) {
            PatrolSchedule.Place place = s.places().get(v.place() - 1);
            Gazetteer.Label at = where(place);
            double[] ll = lonLat(place);
            VEvent event = new VEvent();
            event.setUid("safermap-schedule-" + s.seed() + "-" + (++n));
            event.setSummary("Hot spot patrol: " + at.shortName());
            event.setDateStart(Date.from(v.start().toInstant()));
            event.setDateEnd(Date.from(v.end().toInstant()));
            event.setLocation(at.text());
            event.setGeo(new Geo(ll[1], ll[0]));
            event.setDescription(s.units().get(v.unit() - 1) + ": " + s.visitMinutes() + " minutes at hot spot "
                    + place.rank() + ", " + at.text() + ". Be seen; vary the way in.");
            event.addCategories("Patrol", s.units().get(v.unit() - 1));
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    String html(PatrolSchedule s) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>Patrol schedule from ")
                .append(Html.escape(s.firstDay().format(DAY))).append("</title>\n<link rel=\"icon\" href=\"data:,\">\n")
                .append("<link rel=\"stylesheet\" href=\"/viewer/css/patrol-print.css\">\n</head>\n<body>\n")
                .append("<main class=\"briefing\">\n<h1>Hot spot patrol schedule</h1>\n<p class=\"briefing__shift\">")
                .append(Html.escape(s.days() + " days from " + s.firstDay().format(DAY) + "; " + s.places().size()
                        + " places, " + s.visitsPerDay() + " visit(s) of " + s.visitMinutes() + " min per place per day"
                        + " at random times; seed " + s.seed())).append("</p>\n");
        for (int d = 0; d < s.days(); d++) {
            var day = s.firstDay().plusDays(d);
            out.append("<h2>").append(Html.escape(day.format(DAY))).append("</h2>\n<table>\n<thead><tr><th>Time</th>")
                    .append("<th>Until</th><th>Unit</th><th>Place</th></tr></thead>\n<tbody>\n");
            for (WeekSchedule.Visit v : s.visits()) {
                if (v.day().equals(day)) {
                    out.append("<tr><td>").append(v.start().format(CLOCK)).append("</td><td>")
                            .append(v.end().format(CLOCK)).append("</td><td>")
                            .append(Html.escape(s.units().get(v.unit() - 1))).append("</td><td>")
                            .append(v.place()).append(". ").append(Html.escape(label(s, v))).append("</td></tr>\n");
                }
            }
            out.append("</tbody>\n</table>\n");
        }
        for (String note : s.notes()) {
            out.append("<p>").append(Html.escape(note)).append("</p>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private String label(PatrolSchedule s, WeekSchedule.Visit v) {
        return where(s.places().get(v.place() - 1)).text();
    }

    private Gazetteer.Label where(PatrolSchedule.Place p) {
        double[] ll = grid.toWgs84(p.easting(), p.northing());
        return labels.label(ll[0], ll[1]);
    }

    private double[] lonLat(PatrolSchedule.Place p) {
        double[] ll = grid.toWgs84(p.easting(), p.northing());
        return new double[] {Math.round(ll[0] * SCALE) / SCALE, Math.round(ll[1] * SCALE) / SCALE};
    }
}
