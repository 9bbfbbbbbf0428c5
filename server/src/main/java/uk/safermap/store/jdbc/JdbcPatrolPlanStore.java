package uk.safermap.store.jdbc;

import org.locationtech.jts.geom.LineString;
import uk.safermap.domain.PatrolPlan;
import uk.safermap.geo.BritishNationalGrid;
import uk.safermap.store.PatrolPlanStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PatrolPlanStore} over JDBC, the same SQL for H2GIS and PostGIS: one row per plan, hot
 * spot, unit and visit; route legs as grid LineStrings. Times are stored as UTC and read back in
 * London time.
 */
public final class JdbcPatrolPlanStore implements PatrolPlanStore {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String PLAN_COLUMNS = "id, created_at, shift_start, shift_end, travel_mode, speed_kmh, "
            + "visit_minutes, max_hotspots, hotspot_method, randomize, random_seed, distance, incident_filter, "
            + "shift_risk, hotspot_risk, visited_risk, hotspots_found, visited, metres, travel_seconds, dwell_seconds, "
            + "notes, revisit_minutes, min_gap_minutes";
    private static final String INSERT_PLAN = "INSERT INTO patrol_plan (" + PLAN_COLUMNS + ") VALUES ("
            + Jdbc.placeholders(24) + ")";
    private static final String INSERT_HOTSPOT = "INSERT INTO patrol_hotspot (plan_id, hotspot_rank, label, easting, "
            + "northing, risk, incidents, categories, must_visit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_UNIT = "INSERT INTO patrol_unit (plan_id, unit, name, start_easting, "
            + "start_northing, end_easting, end_northing, return_leg, return_at, metres, travel_seconds, dwell_seconds) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 27700), ?, ?, ?, ?)";
    private static final String INSERT_VISIT = "INSERT INTO patrol_visit (plan_id, unit, stop, hotspot_rank, arrival, "
            + "departure, leg, leg_metres) VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 27700), ?)";
    private static final String SELECT_PLAN = "SELECT " + PLAN_COLUMNS + " FROM patrol_plan WHERE id = ?";
    private static final String SELECT_HOTSPOTS = "SELECT hotspot_rank, label, easting, northing, risk, incidents, "
            + "categories, must_visit FROM patrol_hotspot WHERE plan_id = ? ORDER BY hotspot_rank";
    private static final String SELECT_UNITS = "SELECT unit, name, start_easting, start_northing, end_easting, "
            + "end_northing, ST_AsBinary(return_leg), return_at, metres, travel_seconds, dwell_seconds "
            + "FROM patrol_unit WHERE plan_id = ? ORDER BY unit";
    private static final String SELECT_VISITS = "SELECT unit, stop, hotspot_rank, arrival, departure, ST_AsBinary(leg), "
            + "leg_metres FROM patrol_visit WHERE plan_id = ? ORDER BY unit, stop";

    private final DataSource ds;

    public JdbcPatrolPlanStore(Database db) {
        this.ds = db.dataSource();
    }

    @Override
    public void save(PatrolPlan plan) {
        Jdbc.inTransaction(ds, "saving patrol plan " + plan.id(), c -> {
            insertPlan(c, plan);
            insertHotspots(c, plan);
            insertUnits(c, plan);
            return null;
        });
    }

    private static void insertPlan(Connection c, PatrolPlan plan) throws SQLException {
        PatrolPlan.Settings s = plan.settings();
        PatrolPlan.Totals t = plan.totals();
        try (PreparedStatement ps = c.prepareStatement(INSERT_PLAN)) {
            int i = 1;
            ps.setString(i++, plan.id());
            ps.setObject(i++, utc(plan.createdAt()));
            ps.setObject(i++, utc(plan.start().toInstant()));
            ps.setObject(i++, utc(plan.end().toInstant()));
            ps.setString(i++, s.mode());
            ps.setDouble(i++, s.speedKmh());
            ps.setInt(i++, s.visitMinutes());
            ps.setInt(i++, s.maxHotspots());
            ps.setString(i++, s.hotspotMethod());
            ps.setBoolean(i++, s.randomize());
            ps.setLong(i++, s.seed());
            ps.setString(i++, s.distance());
            ps.setString(i++, s.filter());
            ps.setDouble(i++, t.shiftRisk());
            ps.setDouble(i++, t.hotspotRisk());
            ps.setDouble(i++, t.visitedRisk());
            ps.setInt(i++, t.hotspotsFound());
            ps.setInt(i++, t.visited());
            ps.setDouble(i++, t.metres());
            ps.setLong(i++, t.travelSeconds());
            ps.setLong(i++, t.dwellSeconds());
            ps.setString(i++, String.join("\n", plan.notes()));
            ps.setInt(i++, s.revisitMinutes());
            ps.setInt(i, s.minGapMinutes());
            ps.executeUpdate();
        }
    }

    private static void insertHotspots(Connection c, PatrolPlan plan) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_HOTSPOT)) {
            for (PatrolPlan.Hotspot h : plan.hotspots()) {
                ps.setString(1, plan.id());
                ps.setInt(2, h.rank());
                ps.setString(3, h.label());
                ps.setDouble(4, h.easting());
                ps.setDouble(5, h.northing());
                ps.setDouble(6, h.risk());
                ps.setInt(7, h.incidents());
                ps.setString(8, categories(h.categories()));
                ps.setBoolean(9, h.mustVisit());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertUnits(Connection c, PatrolPlan plan) throws SQLException {
        try (PreparedStatement units = c.prepareStatement(INSERT_UNIT);
             PreparedStatement visits = c.prepareStatement(INSERT_VISIT)) {
            for (PatrolPlan.UnitPlan u : plan.units()) {
                int i = 1;
                units.setString(i++, plan.id());
                units.setInt(i++, u.unit());
                units.setString(i++, u.name());
                units.setDouble(i++, u.startEasting());
                units.setDouble(i++, u.startNorthing());
                units.setDouble(i++, u.endEasting());
                units.setDouble(i++, u.endNorthing());
                units.setBytes(i++, Jdbc.wkb(u.returnLeg()));
                units.setObject(i++, utc(u.returnAt().toInstant()));
                units.setDouble(i++, u.metres());
                units.setLong(i++, u.travelSeconds());
                units.setLong(i, u.dwellSeconds());
                units.executeUpdate();
                for (PatrolPlan.Visit v : u.visits()) {
                    visits.setString(1, plan.id());
                    visits.setInt(2, u.unit());
                    visits.setInt(3, v.stop());
                    visits.setInt(4, v.hotspot());
                    visits.setObject(5, utc(v.arrival().toInstant()));
                    visits.setObject(6, utc(v.departure().toInstant()));
                    visits.setBytes(7, Jdbc.wkb(v.leg()));
                    visits.setDouble(8, v.legMetres());
                    visits.addBatch();
                }
            }
            visits.executeBatch();
        }
    }

    @Override
    public Optional<PatrolPlan> get(String id) {
        return Jdbc.read(ds, "reading patrol plan " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_PLAN)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(plan(rs, hotspots(c, id), units(c, id)));
                }
            }
        });
    }

    private static PatrolPlan plan(ResultSet rs, List<PatrolPlan.Hotspot> hotspots, List<PatrolPlan.UnitPlan> units)
            throws SQLException {
        PatrolPlan.Settings settings = new PatrolPlan.Settings(rs.getString(5), rs.getDouble(6), rs.getInt(7),
                rs.getInt(8), rs.getString(9), rs.getBoolean(10), rs.getLong(11), rs.getString(12), rs.getString(13),
                rs.getInt(23), rs.getInt(24));
        PatrolPlan.Totals totals = new PatrolPlan.Totals(rs.getDouble(14), rs.getDouble(15), rs.getDouble(16),
                rs.getInt(17), rs.getInt(18), rs.getDouble(19), rs.getLong(20), rs.getLong(21));
        String notes = rs.getString(22);
        return new PatrolPlan(rs.getString(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                london(rs, 3), london(rs, 4), settings, units, hotspots, totals,
                notes.isEmpty() ? List.of() : Arrays.asList(notes.split("\n")));
    }

    private static List<PatrolPlan.Hotspot> hotspots(Connection c, String id) throws SQLException {
        List<PatrolPlan.Hotspot> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_HOTSPOTS)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PatrolPlan.Hotspot(rs.getInt(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getInt(6), categories(rs.getString(7)), rs.getBoolean(8)));
                }
            }
        }
        return out;
    }

    private static List<PatrolPlan.UnitPlan> units(Connection c, String id) throws SQLException {
        Map<Integer, List<PatrolPlan.Visit>> visits = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_VISITS)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visits.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new PatrolPlan.Visit(rs.getInt(2),
                            rs.getInt(3), london(rs, 4), london(rs, 5), line(rs.getBytes(6)),
                            rs.getDouble(7)));
                }
            }
        }
        List<PatrolPlan.UnitPlan> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_UNITS)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int unit = rs.getInt(1);
                    out.add(new PatrolPlan.UnitPlan(unit, rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), visits.getOrDefault(unit, List.of()), line(rs.getBytes(7)),
                            london(rs, 8), rs.getDouble(9), rs.getLong(10), rs.getLong(11)));
                }
            }
        }
        return out;
    }

    private static LineString line(byte[] wkb) throws SQLException {
        return (LineString) Jdbc.geometry(wkb, BritishNationalGrid.SRID);
    }

    /**
     * UTC wall time, bound as a LocalDateTime: a java.sql.Timestamp would pass through the JVM's
     * zone and shift times in that zone's missing hour.
     */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static ZonedDateTime london(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).atOffset(ZoneOffset.UTC).atZoneSameInstant(LONDON);
    }

    /** slug=count pairs; slugs never contain '=' or ','. */
    private static String categories(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((slug, n) -> parts.add(slug + "=" + n));
        return String.join(",", parts);
    }

    private static Map<String, Integer> categories(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                out.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
            }
        }
        return out;
    }
}
