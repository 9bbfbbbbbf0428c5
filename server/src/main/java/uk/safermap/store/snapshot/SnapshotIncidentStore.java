package uk.safermap.store.snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safermap.domain.Incident;
import uk.safermap.store.IncidentQuery;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.Page;
import uk.safermap.store.PointQuery;
import uk.safermap.store.PointSet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link IncidentStore} that answers analyses from an {@link IncidentSnapshot} in memory:
 * read once at start, then each committed import's rows are read back and appended as a new
 * version. The wrapped store stays the source of truth and serves everything else (pages of
 * incidents, single incidents, the import log).
 *
 * <p>The snapshot sees the imports made through this object only: one service instance writes
 * to a store (another writer's rows appear after a restart).
 */
public final class SnapshotIncidentStore implements IncidentStore {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotIncidentStore.class);

    private final IncidentStore store;
    private final String loadedVersion;
    private final List<Runnable> onNewVersion = new CopyOnWriteArrayList<>();
    private volatile IncidentSnapshot current;

    public SnapshotIncidentStore(IncidentStore store) {
        this.store = store;
        this.loadedVersion = store.dataVersion();
        this.current = IncidentSnapshot.of(
                store.points(new PointQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), true)),
                store.extent());
    }

    /**
     * Runs {@code prepare} each time an import has published a new version, on the importing
     * thread before the import answers, so what is built once per data version (the street
     * index) is ready for the first request instead of being built while that request waits.
     * A failure is logged and the import still succeeds: whoever needs the work then does it.
     */
    public void onNewVersion(Runnable prepare) {
        onNewVersion.add(prepare);
    }

    /** The newest version, for readers that want several answers from one version. */
    public IncidentSnapshot snapshot() {
        return current;
    }

    @Override
    public ImportSession beginImport(String format, String sourceName) {
        ImportSession session = store.beginImport(format, sourceName);
        return new ImportSession() {
            private ImportRecord committed;

            @Override
            public int add(List<Incident> batch) {
                return session.add(batch);
            }

            @Override
            public int updateOutcomes(Map<String, String> outcomeBySourceKey) {
                // Outcomes are not among the snapshot's columns: the store alone holds them.
                return session.updateOutcomes(outcomeBySourceKey);
            }

            @Override
            public ImportRecord commit(int accepted, int rejected) {
                committed = session.commit(accepted, rejected);
                return committed;
            }

            /**
             * Reads the committed rows back once the session has given its connection back: with a
             * pool of one, reading them inside the session would wait for itself.
             */
            @Override
            public void close() {
                session.close();
                if (committed != null) {
                    append(committed.id());
                }
            }
        };
    }

    /** Appends one committed import; imports commit one at a time through here. */
    private synchronized void append(long importId) {
        Optional<Extent> extent = store.extentAfter(importId, current.extent());
        PointSet added = store.importedPoints(importId);
        if (added.size() > 0) {
            current = current.append(added, extent);
            for (Runnable prepare : onNewVersion) {
                try {
                    prepare.run();
                } catch (RuntimeException e) {
                    LOG.warn("Preparing data version {} failed; the first request that needs it will retry",
                            dataVersion(), e);
                }
            }
        }
    }

    @Override
    public PointSet points(PointQuery query) {
        IncidentSnapshot s = current;
        return IncidentSnapshot.answers(query) ? s.select(query) : store.points(query);
    }

    @Override
    public PointSet importedPoints(long importId) {
        return store.importedPoints(importId);
    }

    /**
     * Without a box (a lon/lat box needs the lon/lat the snapshot does not hold), the page is
     * found in memory and fetched by id: no COUNT and no OFFSET in the database, however deep.
     */
    @Override
    public Page<Incident> find(IncidentQuery query) {
        PointQuery asPoints = new PointQuery(Optional.empty(), query.from(), query.to(), query.categories(), false);
        if (!query.boxes().isEmpty() || !IncidentSnapshot.answers(asPoints)) {
            return store.find(query);
        }
        IncidentSnapshot.IdPage page = current.page(asPoints, query.offset(), query.limit());
        return new Page<>(store.findByIds(page.ids()), page.matched());
    }

    @Override
    public List<Incident> findByIds(long[] ids) {
        return store.findByIds(ids);
    }

    @Override
    public Optional<Incident> findById(long id) {
        return store.findById(id);
    }

    @Override
    public long count() {
        return current.size();
    }

    @Override
    public String dataVersion() {
        return loadedVersion + "+" + current.version();
    }

    @Override
    public Optional<Extent> extent() {
        return current.extent();
    }

    @Override
    public List<ImportRecord> imports(int limit) {
        return store.imports(limit);
    }
}
