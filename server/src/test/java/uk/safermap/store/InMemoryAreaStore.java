package uk.safermap.store;

import org.locationtech.jts.geom.Envelope;
import uk.safermap.domain.Area;
import uk.safermap.domain.AreaKind;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link AreaStore} in maps, for service tests that need no database. Not thread-safe. */
public final class InMemoryAreaStore implements AreaStore {

    private final Map<AreaKind, Map<String, Area>> byKind = new TreeMap<>();

    /** Stores these areas; returns this store. */
    public InMemoryAreaStore with(Area... areas) {
        putAll(List.of(areas));
        return this;
    }

    @Override
    public Page<Area> find(AreaKind kind, BoxFilter boxes, int limit, long offset) {
        List<Area> matched = of(kind).values().stream()
                .filter(a -> boxes.isEmpty() || boxes.boxes().stream()
                        .anyMatch(b -> b.intersects(a.geometry().getEnvelopeInternal())))
                .toList();
        return new Page<>(matched.stream().skip(offset).limit(limit).toList(), matched.size());
    }

    @Override
    public Optional<Area> get(AreaKind kind, String code) {
        return Optional.ofNullable(of(kind).get(code));
    }

    @Override
    public void put(Area area) {
        byKind.computeIfAbsent(area.kind(), k -> new TreeMap<>()).put(area.code(), area);
    }

    @Override
    public void putAll(Collection<Area> areas) {
        areas.forEach(this::put);
    }

    @Override
    public boolean delete(AreaKind kind, String code) {
        return of(kind).remove(code) != null;
    }

    @Override
    public long count(AreaKind kind) {
        return of(kind).size();
    }

    @Override
    public Optional<double[]> extent(AreaKind kind) {
        Envelope e = new Envelope();
        of(kind).values().forEach(a -> e.expandToInclude(a.geometry().getEnvelopeInternal()));
        return e.isNull() ? Optional.empty() : Optional.of(new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
    }

    private Map<String, Area> of(AreaKind kind) {
        return byKind.getOrDefault(kind, Map.of());
    }
}
