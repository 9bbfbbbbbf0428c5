package uk.safermap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import uk.safermap.areas.AreaResolver;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.layers.Feature;
import uk.safermap.placement.DoorbellParameters;
import uk.safermap.placement.DoorbellService;
import uk.safermap.placement.allocation.DoorbellAllocator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Video doorbell allocation over HTTP, as GeoJSON or CSV. */
final class DoorbellHandler {

    private final DoorbellService doorbells;
    private final AreaResolver areas;
    private final BritishNationalGrid grid;
    private final GroundLabels labels;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    DoorbellHandler(DoorbellService doorbells, AreaResolver areas, BritishNationalGrid grid, GroundLabels labels,
                    ObjectMapper mapper,
                    long maxBodyBytes) {
        this.doorbells = doorbells;
        this.areas = areas;
        this.grid = grid;
        this.labels = labels;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    void placeDoorbells(Context ctx) throws IOException {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("geojson");
        if (!Set.of("geojson", "csv", "wards-csv").contains(format)) {
            throw ApiException.badRequest("format must be geojson, csv or wards-csv, got '" + format + "'");
        }
        JsonBody body = JsonBody.read(ctx, mapper, maxBodyBytes, Set.of("units", "phases", "minPerWard", "fairness",
                "unit", "addresses", "households", "filter"));
        DoorbellParameters p = DoorbellParameters.read(body);
        List<DoorbellService.PhaseRequest> phases = body.objects("phases", Set.of("area", "units")).stream()
                .map(phase -> new DoorbellService.PhaseRequest(phase.string("area").orElseThrow(() ->
                        ApiException.badRequest(phase.at("area") + " is required, e.g. neighbourhood:town-centre")),
                        phase.requiredInteger("units", 1, DoorbellParameters.MAX_DOORBELLS))).toList();
        Optional<List<DoorbellService.Address>> addresses = switch (p.unit()) {
            case OUTPUT_AREAS -> {
                if (body.has("addresses")) {
                    throw ApiException.badRequest("addresses are only read with unit \"addresses\"");
                }
                yield Optional.empty();
            }
            case ADDRESSES -> Optional.of(addresses(body.string("addresses").orElseThrow(() ->
                    ApiException.badRequest("unit \"addresses\" needs addresses: CSV text with a header "
                            + "id,lon,lat (or id,easting,northing) and optional address,households"))));
        };
        DoorbellService.Result r;
        try {
            r = doorbells.allocate(DoorbellService.Request.of(body.filter(areas), p, phases, addresses,
                    households(body)));
        } catch (DoorbellAllocator.Infeasible e) {
            throw ApiException.badRequest("the allocation cannot meet every constraint: " + e.getMessage());
        }
        switch (format) {
            case "csv" -> csv(ctx, "doorbells.csv", unitRows(r));
            case "wards-csv" -> csv(ctx, "doorbells-wards.csv", wardRows(r));
            default -> doorbellGeoJson(ctx, r);
        }
    }

    private void doorbellGeoJson(Context ctx, DoorbellService.Result r) throws IOException {
        List<Feature> features = r.units().stream().map(u -> {
            // An output area is named by its street and place as well as its code.
            Map<String, Object> p = HotspotHandler.properties("code", u.code(), "name", u.label(),
                    "wardCode", u.wardCode(), "wardName", u.wardName());
            labels.add(p, u.geometry());
            p.putAll(HotspotHandler.properties("households", u.households(),
                    "householdsEstimated", u.householdsEstimated(), "riskPerHousehold", u.riskPerHousehold(),
                    "nearRepeat", u.nearRepeat(), "density", u.density(), "doorbells", u.doorbells(),
                    "riskCovered", u.riskCovered()));
            return new Feature(u.code(), u.geometry(), p);
        }).toList();
        GeoJsonResponse.collection(ctx, mapper, features, Map.of("summary", HotspotHandler.properties(
                "unit", r.unit(), "doorbells", r.doorbells(), "riskCovered", r.riskCovered(), "totalRisk", r.totalRisk(),
                "riskCoveredPercent", r.riskCoveredPercent(), "fairness", r.rule(), "minPerWard", r.minPerWard(),
                "phases", r.phases(), "referenceDate", r.referenceDate().toString(),
                "recentBurglaries", r.recentBurglaries(), "densityIncidents", r.densityIncidents()),
                "wards", r.wards(), "notes", r.notes()));
    }

    private List<List<Object>> unitRows(DoorbellService.Result r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("code", "name", "ward_code", "ward_name", "label", "street", "place", "grid_ref",
                "households", "households_estimated", "risk_per_household", "doorbells", "risk_covered"));
        for (DoorbellService.UnitAllocation u : r.units()) {
            var label = labels.label(u.geometry());
            rows.add(java.util.Arrays.asList(u.code(), u.label(), u.wardCode(), u.wardName(), label.text(),
                    label.street(), label.place(), label.gridRef(), u.households(), u.householdsEstimated(),
                    round(u.riskPerHousehold()), u.doorbells(), round(u.riskCovered())));
        }
        return rows;
    }

    private static List<List<Object>> wardRows(DoorbellService.Result r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("ward_code", "ward_name", "households", "doorbells", "doorbell_percent", "risk_covered",
                "risk_percent"));
        for (DoorbellService.WardAllocation w : r.wards()) {
            rows.add(List.of(w.code(), w.name(), w.households(), w.doorbells(), round(w.doorbellPercent()),
                    round(w.riskCovered()), round(w.riskPercent())));
        }
        return rows;
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void csv(Context ctx, String name, List<List<Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.result(out.toString());
    }

    private static Map<String, Integer> households(JsonBody body) {
        Map<String, Integer> out = new HashMap<>();
        body.member("households").ifPresent(h -> {
            if (!h.isObject()) {
                throw ApiException.badRequest("households must be an object of output area code: households");
            }
            h.fields().forEachRemaining(e -> {
                if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
                    throw ApiException.badRequest("households." + e.getKey() + " must be a whole number >= 0");
                }
                out.put(e.getKey(), e.getValue().asInt());
            });
        });
        return out;
    }

    /** An address list: CSV with id and lon/lat or easting/northing, optional address and households. */
    private List<DoorbellService.Address> addresses(String text) {
        List<DoorbellService.Address> out = new ArrayList<>();
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                    .parse(new StringReader(text));
            var header = parser.getHeaderMap().keySet();
            boolean lonLat = header.containsAll(List.of("lon", "lat"));
            if (!header.contains("id") || (!lonLat && !header.containsAll(List.of("easting", "northing")))) {
                throw ApiException.badRequest("addresses needs a header with id and lon,lat (or easting,northing); got "
                        + header);
            }
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                double a = number(rec, lonLat ? "lon" : "easting", line);
                double b = number(rec, lonLat ? "lat" : "northing", line);
                double[] lonLatPair = lonLat ? checkedLonLat(a, b, line) : doorbellsGrid(a, b, line);
                int households = rec.isMapped("households") && !rec.get("households").isEmpty()
                        ? (int) number(rec, "households", line) : 1;
                out.add(new DoorbellService.Address(rec.get("id"), rec.isMapped("address") ? rec.get("address") : "",
                        lonLatPair[0], lonLatPair[1], households));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ApiException.badRequest("addresses is not valid CSV: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest("addresses has a header but no rows");
        }
        return out;
    }

    private static double[] checkedLonLat(double lon, double lat, long line) {
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
            throw ApiException.badRequest("addresses line " + line + ": lon " + lon + ", lat " + lat
                    + " is outside longitude -180..180 / latitude -90..90");
        }
        return new double[] {lon, lat};
    }

    /** British National Grid covers eastings 0..700 km and northings 0..1300 km. */
    private double[] doorbellsGrid(double easting, double northing, long line) {
        if (!(easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000)) {
            throw ApiException.badRequest("addresses line " + line + ": easting " + easting + ", northing " + northing
                    + " is outside the British National Grid (0..700000, 0..1300000 m)");
        }
        return grid.toWgs84(easting, northing);
    }

    private static double number(CSVRecord rec, String field, long line) {
        try {
            return Double.parseDouble(rec.get(field));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("addresses line " + line + ", " + field + ": not a number ('"
                    + (rec.isSet(field) ? rec.get(field) : "") + "')");
        }
    }
}
