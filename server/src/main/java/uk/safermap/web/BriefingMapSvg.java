package uk.safermap.web;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.geo.BritishNationalGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static uk.safermap.geo.GeometryFactories.GRID;

/**
 * The briefing's map as inline SVG, so a sergeant can find the stops without coordinates: the
 * basemap's tiles when one is configured, always the ward outlines and names, the place names and
 * each stop's name beside its number, then the routes, bases and stops; north arrow, scale bar and
 * the attribution of everything drawn.
 *
 * <p>Drawn in Web Mercator (EPSG:3857), the projection of the basemap's tiles, so they line up
 * with the routes; north is up. A tile that cannot load (offline) leaves the white paper, and the
 * names still tell where things are. Names that would overprint one already placed are left out
 * (greedy placement: stops first, then places, then wards).
 */
final class BriefingMapSvg {

    private static final double WIDTH = 760;
    private static final double MAX_HEIGHT = 560;
    private static final double PAD = 24;
    private static final double EARTH_RADIUS = 6_378_137;
    private static final double TILE_PX = 256;
    private static final int MAX_TILE_ZOOM = 19;
    /** A rough width of one character of the 10-11 px sans-serif labels, to keep them apart. */
    private static final double CHAR_PX = 6;

    private final BriefingBackdrop backdrop;
    private final Function<PatrolPlan.Hotspot, String> name;
    private final StringBuilder out;
    private final List<double[]> placed = new ArrayList<>();
    private double height;

    /** @param name a stop's short name on the ground ("Burton Street", "Supermarket near Burton Street") */
    BriefingMapSvg(BriefingBackdrop backdrop, Function<PatrolPlan.Hotspot, String> name, StringBuilder out) {
        this.backdrop = backdrop;
        this.name = name;
        this.out = out;
    }

    void render(PatrolPlan plan) {
        Envelope grid = planEnvelope(plan);
        Projection p = Projection.of(grid, backdrop.grid());
        height = p.height();
        out.append(String.format(Locale.ROOT, "<figure class=\"briefing__map\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"map-title\">\n<title id=\"map-title\">Routes "
                + "of every unit, numbered and named stops, bases as squares, wards and places</title>\n"
                + "<defs><clipPath id=\"map-clip\"><rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\"/></clipPath></defs>\n"
                + "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n<g clip-path=\"url(#map-clip)\">\n",
                WIDTH, height, WIDTH, height, WIDTH, height));
        tiles(p);
        wards(p, grid);
        routes(plan, p);
        out.append("</g>\n");
        stopNames(plan, p);
        places(p, grid);
        wardNames(p, grid);
        out.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
                + "stroke=\"#999999\"/>\n", WIDTH, height));
        northArrow();
        scaleBar(p, height);
        out.append("</svg>\n<figcaption>North up. Numbers are the stop order of each unit, with the place's name; "
                + "grey rings are hot spots not visited; thin grey lines are ward boundaries. Lines are roads when a "
                + "road network was given, else straight lines.<br>").append(Html.escape(attribution()))
                .append("</figcaption>\n</figure>\n");
    }

    private String attribution() {
        String basemap = backdrop.basemapUrl().isBlank() ? "" : "Basemap: " + backdrop.basemapAttribution() + ". ";
        return basemap + "Incidents: police.uk. " + ViewerConfigHandler.POLICE_UK_LICENCE + " Boundaries: "
                + uk.safermap.areas.BoundaryFiles.ATTRIBUTION + " " + uk.safermap.areas.Gazetteer.ATTRIBUTION + ".";
    }

    private static Envelope planEnvelope(PatrolPlan plan) {
        Envelope e = new Envelope();
        for (PatrolPlan.UnitPlan u : plan.units()) {
            e.expandToInclude(u.returnLeg().getEnvelopeInternal());
            u.visits().forEach(v -> e.expandToInclude(v.leg().getEnvelopeInternal()));
            e.expandToInclude(u.startEasting(), u.startNorthing());
        }
        plan.hotspots().forEach(h -> e.expandToInclude(h.easting(), h.northing()));
        e.expandBy(Math.max(150, 0.08 * Math.max(e.getWidth(), e.getHeight())));
        return e;
    }

    /** The basemap tiles covering the map, at the zoom whose tiles are drawn closest to 256 px. */
    private void tiles(Projection p) {
        String template = backdrop.basemapUrl();
        if (template.isBlank()) {
            return;
        }
        double worldPx = 2 * Math.PI * EARTH_RADIUS * p.scale();
        int zoom = (int) Math.max(0, Math.min(MAX_TILE_ZOOM, Math.round(Math.log(worldPx / TILE_PX) / Math.log(2))));
        double tileMetres = 2 * Math.PI * EARTH_RADIUS / (1 << zoom);
        double half = Math.PI * EARTH_RADIUS;
        int x0 = (int) Math.floor((p.minX() + half) / tileMetres);
        int x1 = (int) Math.floor((p.maxX() + half) / tileMetres);
        int y0 = (int) Math.floor((half - p.maxY()) / tileMetres);
        int y1 = (int) Math.floor((half - p.minY()) / tileMetres);
        double size = tileMetres * p.scale();
        for (int ty = y0; ty <= y1; ty++) {
            for (int tx = x0; tx <= x1; tx++) {
                String url = template.replace("{s}", "a").replace("{r}", "").replace("{z}", Integer.toString(zoom))
                        .replace("{x}", Integer.toString(tx)).replace("{y}", Integer.toString(ty));
                out.append(String.format(Locale.ROOT, "<image class=\"map__tile\" href=\"%s\" x=\"%.2f\" y=\"%.2f\" "
                        + "width=\"%.2f\" height=\"%.2f\" preserveAspectRatio=\"none\"/>\n", Html.escape(url),
                        p.px(tx * tileMetres - half), p.py(half - ty * tileMetres), size + 0.5, size + 0.5));
            }
        }
    }

    private void wards(Projection p, Envelope grid) {
        for (BriefingBackdrop.Ward w : backdrop.wards()) {
            if (!w.grid().getEnvelopeInternal().intersects(grid)) {
                continue;
            }
            for (int i = 0; i < w.grid().getNumGeometries(); i++) {
                Polygon part = (Polygon) w.grid().getGeometryN(i);
                // Solid: neighbouring wards share edges, and two dashed copies out of phase would read as solid anyway.
                polyline(p, part.getExteriorRing(), "#777777", "1.2", "map__ward", "1");
            }
        }
    }

    private void routes(PatrolPlan plan, Projection p) {
        for (PatrolPlan.Hotspot h : plan.hotspots()) {
            double[] xy = p.xy(h.easting(), h.northing());
            out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"none\" stroke=\"#777777\"/>\n",
                    xy[0], xy[1]));
        }
        for (PatrolPlan.UnitPlan u : plan.units()) {
            String colour = PatrolJson.colour(u.unit());
            u.visits().forEach(v -> polyline(p, v.leg(), colour, "3", "map__route", "0.8"));
            polyline(p, u.returnLeg(), colour, "3", "map__route", "0.8");
        }
        for (PatrolPlan.UnitPlan u : plan.units()) {
            String colour = PatrolJson.colour(u.unit());
            double[] base = p.xy(u.startEasting(), u.startNorthing());
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"#222222\"/>\n",
                    base[0] - 6, base[1] - 6));
            for (PatrolPlan.Visit v : u.visits()) {
                PatrolPlan.Hotspot h = plan.hotspot(v.hotspot());
                double[] xy = p.xy(h.easting(), h.northing());
                placed.add(new double[] {xy[0] - 9, xy[1] - 9, xy[0] + 9, xy[1] + 9});
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"%s\" stroke=\"#ffffff\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" font-family=\"sans-serif\" "
                        + "fill=\"#ffffff\">%d</text>\n", xy[0], xy[1], colour, xy[0], xy[1] + 3.5, v.stop()));
            }
        }
    }

    /** Each visited hot spot's name once, to the right of its stop. */
    private void stopNames(PatrolPlan plan, Projection p) {
        Map<Integer, PatrolPlan.Hotspot> visited = new LinkedHashMap<>();
        plan.units().forEach(u -> u.visits().forEach(v -> visited.putIfAbsent(v.hotspot(), plan.hotspot(v.hotspot()))));
        for (PatrolPlan.Hotspot h : visited.values()) {
            double[] xy = p.xy(h.easting(), h.northing());
            label(name.apply(h), xy[0] + 12, xy[1] + 4, "start", 10, "600", "#111111", "stop-name");
        }
    }

    private void places(Projection p, Envelope grid) {
        for (var place : backdrop.places()) {
            if (grid.contains(place.easting(), place.northing())) {
                double[] xy = p.xy(place.easting(), place.northing());
                label(place.name(), xy[0], xy[1], "middle", 12, "700", "#333333", "place-name");
            }
        }
    }

    /** Each ward's name at a point inside the part of the ward that is on the map. */
    private void wardNames(Projection p, Envelope grid) {
        Geometry view = GRID.toGeometry(grid);
        for (BriefingBackdrop.Ward w : backdrop.wards()) {
            if (!w.grid().getEnvelopeInternal().intersects(grid)) {
                continue;
            }
            Geometry shown = OverlayNGRobust.overlay(w.grid(), view, OverlayNG.INTERSECTION);
            if (!shown.isEmpty() && shown.getArea() > 0.02 * grid.getArea()) {
                Coordinate c = shown.getInteriorPoint().getCoordinate();
                double[] xy = p.xy(c.x, c.y);
                label(w.name() + " ward", xy[0], xy[1], "middle", 11, "400", "#555555", "ward-name");
            }
        }
    }

    /** A name with a white halo, unless it would overprint a stop or a name already placed. */
    private void label(String text, double x, double y, String anchor, int size, String weight, String colour,
                       String kind) {
        double width = text.length() * CHAR_PX * size / 10.0;
        double left = anchor.equals("middle") ? x - width / 2 : x;
        double[] box = {left, y - size, left + width, y + 3};
        if (box[0] < 2 || box[2] > WIDTH - 2 || box[1] < 2 || box[3] > height - 2 || placed.stream().anyMatch(b -> overlaps(b, box))) {
            return;
        }
        placed.add(box);
        out.append(String.format(Locale.ROOT, "<text class=\"map__%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
                + "font-size=\"%d\" font-weight=\"%s\" font-family=\"sans-serif\" fill=\"%s\" stroke=\"#ffffff\" "
                + "stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n", kind, x, y, anchor, size, weight, colour,
                Html.escape(text)));
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    private void polyline(Projection p, LineString line, String colour, String width, String cssClass, String opacity) {
        out.append("<polyline class=\"").append(cssClass).append("\" fill=\"none\" stroke-width=\"").append(width)
                .append("\" stroke-opacity=\"").append(opacity).append("\" stroke=\"").append(colour).append("\" points=\"");
        for (Coordinate c : line.getCoordinates()) {
            double[] xy = p.xy(c.x, c.y);
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", xy[0], xy[1]));
        }
        out.append("\"/>\n");
    }

    private void northArrow() {
        double x = WIDTH - PAD;
        out.append(String.format(Locale.ROOT, "<g class=\"map__north\"><path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f "
                + "L%.1f %.1f Z\" fill=\"#222222\" stroke=\"#ffffff\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                + "font-size=\"11\" font-weight=\"700\" font-family=\"sans-serif\" fill=\"#222222\">N</text></g>\n",
                x, 8.0, x + 8, 30.0, x, 25.0, x - 8, 30.0, x, 42.0));
    }

    /** A bar of a round length (100 m, 200 m, 500 m, 1 km ...) about a fifth of the map wide, in ground metres. */
    private void scaleBar(Projection p, double height) {
        double pxPerMetre = p.scale() / p.groundPerMercator();
        double target = WIDTH / 5 / pxPerMetre;
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = target / magnitude >= 5 ? 5 * magnitude : target / magnitude >= 2 ? 2 * magnitude : magnitude;
        double y = height - PAD / 2;
        double end = PAD + metres * pxPerMetre;
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"#ffffff\" "
                + "fill-opacity=\"0.85\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000000\" "
                + "stroke-width=\"3\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-family=\"sans-serif\">%s</text>\n",
                PAD - 4, y - 10, end - PAD + 56, PAD, y, end, y, end + 6, y + 4,
                metres >= 1000 ? (metres / 1000) + " km" : (long) metres + " m"));
    }

    /**
     * Grid metres to SVG pixels through Web Mercator, north up: {@code scale} pixels per mercator
     * metre; a mercator metre is {@code groundPerMercator} ground metres at the map's latitude.
     */
    private record Projection(BritishNationalGrid grid, double minX, double minY, double maxX, double maxY,
                              double scale, double groundPerMercator) {

        static Projection of(Envelope e, BritishNationalGrid grid) {
            Envelope m = new Envelope();
            double[][] corners = {{e.getMinX(), e.getMinY()}, {e.getMinX(), e.getMaxY()}, {e.getMaxX(), e.getMinY()},
                    {e.getMaxX(), e.getMaxY()}};
            for (double[] c : corners) {
                double[] lonLat = grid.toWgs84(c[0], c[1]);
                m.expandToInclude(mercatorX(lonLat[0]), mercatorY(lonLat[1]));
            }
            double scale = Math.min((WIDTH - 2 * PAD) / m.getWidth(), (MAX_HEIGHT - 2 * PAD) / m.getHeight());
            // Centre horizontally: widen the mercator box to the full width of the figure.
            double spareX = ((WIDTH - 2 * PAD) / scale - m.getWidth()) / 2;
            double midLat = grid.toWgs84(e.centre().x, e.centre().y)[1];
            return new Projection(grid, m.getMinX() - spareX - PAD / scale, m.getMinY() - PAD / scale,
                    m.getMaxX() + spareX + PAD / scale, m.getMaxY() + PAD / scale, scale, Math.cos(Math.toRadians(midLat)));
        }

        double height() {
            return (maxY - minY) * scale;
        }

        double px(double mercatorX) {
            return (mercatorX - minX) * scale;
        }

        double py(double mercatorY) {
            return (maxY - mercatorY) * scale;
        }

        double[] xy(double easting, double northing) {
            double[] lonLat = grid.toWgs84(easting, northing);
            return new double[] {px(mercatorX(lonLat[0])), py(mercatorY(lonLat[1]))};
        }

        private static double mercatorX(double lon) {
            return EARTH_RADIUS * Math.toRadians(lon);
        }

        private static double mercatorY(double lat) {
            return EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
        }
    }
}
