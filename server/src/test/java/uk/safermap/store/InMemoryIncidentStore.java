package uk.safermap.store;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.TimeSpan;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An {@link IncidentStore} in a list, for service tests that need no database: the same filter
 * semantics as the JDBC store (boxes, the half-open time overlap, categories), ids from 1 in the
 * order incidents are added, and imports that are visible only once committed. Not thread-safe.
 */
public final class InMemoryIncidentStore implements IncidentStore {

    private final Map<Long, Incident> byId = new LinkedHashMap<>();
    private final List<ImportRecord> imports = new ArrayList<>();
    private final Map<Long, List<Long>> addedByImport = new HashMap<>();
    private long nextId = 1;

    /** Stores these incidents as one committed import; returns this store. */
    public InMemoryIncidentStore with(List<Incident> incidents) {
        try (ImportSession s = beginImport("test", "planted")) {
            s.add(incidents);
            s.commit(incidents.size(), 0);
        }
        return this;
    }

    @Override
    public ImportSession beginImport(String format, String sourceName) {
        return new Session(format, sourceName);
    }

    @Override
    public Page<Incident> find(IncidentQuery q) {
        List<Incident> matched = byId.values().stream()
                .filter(i -> inBoxes(i, q.boxes()) && inTime(i.when(), q.from(), q.to())
                        && (q.categories().isEmpty() || q.categories().contains(i.category())))
                .toList();
        List<Incident> page = matched.stream().skip(q.offset()).limit(q.limit()).toList();
        return new Page<>(page, matched.size());
    }

    @Override
    public Optional<Incident> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Incident> findByIds(long[] ids) {
        return Arrays.stream(ids).mapToObj(byId::get).filter(i -> i != null).toList();
    }

    @Override
    public long count() {
        return byId.size();
    }

    @Override
    public PointSet points(PointQuery q) {
        BoxFilter boxes = BoxFilter.gridBox(q.gridBox());
        return pointSet(i -> inBoxes(i, boxes) && inTime(i.when(), q.from(), q.to())
                && (q.categories().isEmpty() || q.categories().contains(i.category())), q.withLocations());
    }

    @Override
    public PointSet importedPoints(long importId) {
        List<Long> ids = addedByImport.getOrDefault(importId, List.of());
        return pointSet(i -> ids.contains(i.id()), true);
    }

    @Override
    public String dataVersion() {
        return imports.size() + "/" + byId.size();
    }

    @Override
    public Optional<Extent> extent() {
        if (byId.isEmpty()) {
            return Optional.empty();
        }
        List<Incident> all = List.copyOf(byId.values());
        return Optional.of(new Extent(min(all, Incident::lon), min(all, Incident::lat), -min(all, i -> -i.lon()),
                -min(all, i -> -i.lat()), all.stream().map(i -> i.when().start()).min(Comparator.naturalOrder()).get(),
                all.stream().map(i -> i.when().end()).max(Comparator.naturalOrder()).get()));
    }

    @Override
    public List<ImportRecord> imports(int limit) {
        List<ImportRecord> newestFirst = new ArrayList<>(imports);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }

    private static double min(List<Incident> all, java.util.function.ToDoubleFunction<Incident> f) {
        return all.stream().mapToDouble(f).min().orElseThrow();
    }

    private static boolean inBoxes(Incident i, BoxFilter f) {
        if (f.isEmpty()) {
            return true;
        }
        double x = f.grid() ? i.easting() : i.lon();
        double y = f.grid() ? i.northing() : i.lat();
        return f.boxes().stream().anyMatch(b -> b.intersects(new Envelope(x, x, y, y)));
    }

    /** The store's rule: the span ends after {@code from} and starts before {@code to}. */
    private static boolean inTime(TimeSpan when, Optional<LocalDateTime> from, Optional<LocalDateTime> to) {
        return from.map(when.end()::isAfter).orElse(true) && to.map(when.start()::isBefore).orElse(true);
    }

    private PointSet pointSet(Predicate<Incident> keep, boolean withLocations) {
        List<Incident> kept = byId.values().stream().filter(keep).toList();
        int n = kept.size();
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] month = new int[n];
        int[] day = new int[n];
        int[] minute = new int[n];
        byte[] category = new byte[n];
        boolean[] sensitive = new boolean[n];
        String[] location = withLocations ? new String[n] : null;
        for (int k = 0; k < n; k++) {
            Incident i = kept.get(k);
            TimeSpan w = i.when();
            ids[k] = i.id();
            x[k] = i.easting();
            y[k] = i.northing();
            month[k] = w.start().getYear() * 12 + w.start().getMonthValue() - 1;
            day[k] = w.end().isAfter(w.start().plusDays(1)) ? -1 : (int) w.start().toLocalDate().toEpochDay();
            minute[k] = w.isInstant() ? w.start().getHour() * 60 + w.start().getMinute() : -1;
            category[k] = (byte) i.category().ordinal();
            sensitive[k] = i.sensitive();
            if (withLocations) {
                location[k] = i.detail(IncidentDetail.LOCATION);
            }
        }
        return new PointSet(ids, x, y, month, day, minute, category, sensitive, location);
    }

    /** Adds to a private list; commit moves it into the store. */
    private final class Session implements ImportSession {
        private final String format;
        private final String sourceName;
        private final Map<String, Incident> pending = new LinkedHashMap<>();
        private final Map<String, String> outcomes = new HashMap<>();

        Session(String format, String sourceName) {
            this.format = format;
            this.sourceName = sourceName;
        }

        @Override
        public int add(List<Incident> batch) {
            int added = 0;
            for (Incident i : batch) {
                boolean stored = byId.values().stream().anyMatch(s -> s.sourceKey().equals(i.sourceKey()));
                if (!stored && pending.putIfAbsent(i.sourceKey(), i) == null) {
                    added++;
                }
            }
            return added;
        }

        @Override
        public int updateOutcomes(Map<String, String> outcomeBySourceKey) {
            int updated = 0;
            for (Map.Entry<String, String> e : outcomeBySourceKey.entrySet()) {
                if (pending.containsKey(e.getKey())
                        || byId.values().stream().anyMatch(s -> s.sourceKey().equals(e.getKey()))) {
                    outcomes.put(e.getKey(), e.getValue());
                    updated++;
                }
            }
            return updated;
        }

        @Override
        public ImportRecord commit(int accepted, int rejected) {
            long importId = imports.size() + 1L;
            List<Long> added = new ArrayList<>();
            for (Incident i : pending.values()) {
                long id = nextId++;
                byId.put(id, new Incident(id, i.sourceKey(), i.source(), i.crimeId(), i.month(), i.when(), i.category(),
                        i.categoryLabel(), i.lon(), i.lat(), i.easting(), i.northing(), i.sensitive(), i.details()));
                added.add(id);
            }
            byId.replaceAll((id, i) -> outcomes.containsKey(i.sourceKey())
                    ? i.withDetail(IncidentDetail.OUTCOME, outcomes.get(i.sourceKey())) : i);
            addedByImport.put(importId, added);
            ImportRecord r = new ImportRecord(importId, format, sourceName, LocalDateTime.now(), added.size(),
                    accepted - added.size(),
                    rejected);
            imports.add(r);
            pending.clear();
            return r;
        }

        @Override
        public void close() {
            pending.clear();
        }
    }
}
