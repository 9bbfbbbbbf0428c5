package uk.safermap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Geometry;
import uk.safermap.areas.AreaResolver;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.params.Words;
import uk.safermap.patrol.DoseReport;
import uk.safermap.patrol.DoseService;
import uk.safermap.patrol.DoseTracker;
import uk.safermap.patrol.PatrolParameters;
import uk.safermap.patrol.PatrolRequest;
import uk.safermap.patrol.PatrolSchedule;
import uk.safermap.patrol.PatrolService;
import uk.safermap.patrol.ScheduleParameters;
import uk.safermap.patrol.ScheduleRequest;
import uk.safermap.patrol.TrackReader;
import uk.safermap.patrol.WeekSchedule;
import uk.safermap.patrol.risk.ShiftWindow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Patrol plans over HTTP: {@code POST /api/patrols/plan} makes one from a JSON body,
 * {@code GET /api/patrols/plan/{id}} returns it, {@code .../print} renders the briefing page;
 * {@code POST /api/patrols/schedule} makes a multi-day schedule.
 */
final class PatrolHandler {

    static final int MAX_UNITS = 20;
    private static final Set<String> MEMBERS = Set.of("start", "end", "units", "mode", "speedKmh", "visitMinutes",
            "maxHotspots", "hotspots", "filter", "roads", "randomize", "seed", "revisitMinutes", "minGapMinutes");
    private static final Set<String> UNIT_MEMBERS = Set.of("name", "start", "end");
    private static final Set<String> SCHEDULE_MEMBERS = Set.of("firstDay", "days", "shifts", "places", "units",
            "visitsPerDay", "visitMinutes", "hotspots", "filter", "seed");
    private static final Set<String> SHIFT_MEMBERS = Set.of("start", "end");

    private final PatrolService patrols;
    private final DoseService dose;
    private final PatrolJson json;
    private final BriefingBackdrop backdrop;
    private final PatrolScheduleExport scheduleExport;
    private final AreaResolver areas;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    /** @param maxBodyBytes the largest body, as for uploads (a road network can be large) */
    PatrolHandler(PatrolService patrols, DoseService dose, PatrolJson json, BriefingBackdrop backdrop,
                  PatrolScheduleExport scheduleExport, AreaResolver areas, ObjectMapper mapper, long maxBodyBytes) {
        this.patrols = patrols;
        this.dose = dose;
        this.json = json;
        this.backdrop = backdrop;
        this.scheduleExport = scheduleExport;
        this.areas = areas;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    void plan(Context ctx) {
        PatrolPlan plan = patrols.plan(request(JsonBody.read(ctx, mapper, maxBodyBytes, MEMBERS)));
        ctx.status(201).header("Location", "/api/patrols/plan/" + plan.id()).json(json.plan(plan));
    }

    void get(Context ctx) {
        ctx.json(json.plan(stored(ctx)));
    }

    void print(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(new PatrolBriefingPage(json::where, backdrop).render(stored(ctx)));
    }

    /**
     * {@code POST /api/patrols/schedule[?format=json|csv|ics|html]}: visits over several days,
     * Operation Grip style (15-20 minutes per place per day by default).
     */
    void schedule(Context ctx) {
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!List.of("json", "csv", "ics", "html").contains(format)) {
            throw ApiException.badRequest("format must be one of json, csv, ics, html, got '" + format + "'");
        }
        PatrolSchedule schedule = patrols.schedule(scheduleRequest(JsonBody.read(ctx, mapper, maxBodyBytes,
                SCHEDULE_MEMBERS)));
        String name = "patrol-schedule-" + schedule.firstDay();
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .result(scheduleExport.csv(schedule));
            case "ics" -> ctx.contentType("text/calendar; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".ics\"")
                    .result(scheduleExport.ics(schedule));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(scheduleExport.html(schedule));
            default -> ctx.json(scheduleExport.json(schedule));
        }
    }

    private ScheduleRequest scheduleRequest(JsonBody body) {
        String first = body.string("firstDay").orElseThrow(() -> ApiException.badRequest(body.at("firstDay")
                + " is required: a date such as 2026-06-15"));
        LocalDate firstDay;
        try {
            firstDay = LocalDate.parse(first);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(body.at("firstDay") + " must be a date such as 2026-06-15, got '" + first
                    + "'");
        }
        List<WeekSchedule.Shift> shifts = new ArrayList<>();
        for (JsonBody shift : body.objects("shifts", SHIFT_MEMBERS)) {
            shifts.add(new WeekSchedule.Shift(clock(shift, "start"), clock(shift, "end")));
        }
        if (shifts.isEmpty()) {
            shifts.add(new WeekSchedule.Shift(LocalTime.of(18, 0), LocalTime.of(2, 0)));
        }
        List<String> units = units(body).stream().map(PatrolRequest.Unit::name).toList();
        List<String> names = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            names.add(units.get(u) == null || units.get(u).isBlank() ? "Unit " + (u + 1) : units.get(u));
        }
        return ScheduleRequest.of(firstDay, shifts, names, body.filter(areas), ScheduleParameters.read(body));
    }

    private static LocalTime clock(JsonBody shift, String name) {
        String text = shift.string(name).orElseThrow(() -> ApiException.badRequest(shift.at(name)
                + " is required: a time such as 18:00"));
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(shift.at(name) + " must be a time such as 18:00, got '" + text + "'");
        }
    }

    /**
     * {@code POST /api/patrols/plan/{id}/tracks?format=gpx|csv[&unit=][&radiusMetres=]}: GPS tracks
     * of the plan's units (replacing any uploaded before), answered with the dose they delivered.
     */
    void tracks(Context ctx) {
        TrackUpload upload = AnalysisParams.read(ctx, in -> new TrackUpload(in.choice("format", null,
                Words.of("gpx", TrackReader.Format.GPX).or("csv", TrackReader.Format.CSV)), in.string("unit").orElse(null),
                DoseTracker.Parameters.read(in)));
        if (upload.format() == null) {
            throw ApiException.badRequest("format is required: gpx or csv");
        }
        String id = ctx.pathParam("id");
        DoseReport report = dose.upload(id, upload.format(),
                LimitedInputStream.of(ctx, maxBodyBytes), upload.unit(), upload.dose())
                .orElseThrow(() -> ApiException.notFound("no patrol plan with id '" + id + "'"));
        ctx.status(201).json(report);
    }

    /** {@code GET /api/patrols/plan/{id}/compliance[?radiusMetres=]}: the dose the stored tracks delivered. */
    void compliance(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(dose.report(id, doseParameters(ctx))
                .orElseThrow(() -> ApiException.notFound("no patrol plan with id '" + id + "'")));
    }

    /** The query of a track upload: the file's format, the unit it belongs to (optional) and the dose rule. */
    private record TrackUpload(TrackReader.Format format, String unit, DoseTracker.Parameters dose) {
    }

    private static DoseTracker.Parameters doseParameters(Context ctx) {
        return AnalysisParams.read(ctx, DoseTracker.Parameters::read);
    }

    private PatrolPlan stored(Context ctx) {
        String id = ctx.pathParam("id");
        return patrols.get(id).orElseThrow(() -> ApiException.notFound("no patrol plan with id '" + id + "'"));
    }

    private PatrolRequest request(JsonBody body) {
        PatrolParameters p = PatrolParameters.read(body);
        List<Geometry> roads = body.geoJson("roads").map(features -> features.stream()
                .map(JsonBody.GeoJsonFeature::geometry).toList()).orElse(List.of());
        return PatrolRequest.of(time(body, "start"), time(body, "end"), units(body), body.filter(areas), roads, p);
    }

    /** A London local date-time ({@code 2026-03-28T22:00}), or one with an offset, converted to London. */
    private static ZonedDateTime time(JsonBody body, String name) {
        String text = body.string(name).orElseThrow(() -> ApiException.badRequest(body.at(name)
                + " is required: a London local date-time such as 2026-03-28T22:00"));
        try {
            return Params.fourDigitYear(body.at(name), LocalDateTime.parse(text).atZone(ShiftWindow.LONDON));
        } catch (DateTimeParseException local) {
            try {
                return Params.fourDigitYear(body.at(name), OffsetDateTime.parse(text).atZoneSameInstant(ShiftWindow.LONDON));
            } catch (DateTimeParseException offset) {
                throw ApiException.badRequest(body.at(name) + " must be an ISO date-time such as 2026-03-28T22:00 "
                        + "(London time) or 2026-03-28T22:00+00:00, got '" + text + "'");
            }
        }
    }

    /** {@code units}: a number of units at the default base, or an array of {name, start, end}. */
    private static List<PatrolRequest.Unit> units(JsonBody body) {
        JsonNode v = body.member("units").orElse(null);
        if (v == null || v.isNumber()) {
            int n = body.integer("units", 1, 1, MAX_UNITS);
            return Collections.nCopies(n, new PatrolRequest.Unit(null, null, null));
        }
        List<JsonBody> given = body.objects("units", UNIT_MEMBERS);
        if (given.isEmpty() || given.size() > MAX_UNITS) {
            throw ApiException.badRequest("units must list 1 to " + MAX_UNITS + " units, got " + given.size());
        }
        List<PatrolRequest.Unit> out = new ArrayList<>();
        for (JsonBody u : given) {
            out.add(new PatrolRequest.Unit(u.string("name", null), lonLat(u, "start"), lonLat(u, "end")));
        }
        return out;
    }

    private static double[] lonLat(JsonBody unit, String name) {
        double[] v = unit.numbers(name).orElse(null);
        if (v != null && (v.length != 2 || Math.abs(v[0]) > 180 || Math.abs(v[1]) > 90)) {
            throw ApiException.badRequest(unit.at(name) + " must be [lon, lat] in WGS 84");
        }
        return v;
    }
}
