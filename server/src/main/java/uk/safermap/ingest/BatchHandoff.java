package uk.safermap.ingest;

import uk.safermap.domain.Incident;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * Writes each full batch to the store on a second thread while the next one is parsed, so the
 * parsing and the database's work overlap (a JFR profile of a 200,000-row import over HTTP had
 * the parsing thread waiting on PostgreSQL most of the time). At most one batch is in flight,
 * and batches are written in order, one at a time, so the store session sees the same calls as
 * before, from one thread at a time. A failed write surfaces on the parsing thread at the next
 * {@link #submit} or {@link #await}. One per import; not thread-safe.
 */
final class BatchHandoff implements AutoCloseable {

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-writer");
        t.setDaemon(true);
        return t;
    });
    private final ToIntFunction<List<Incident>> write;
    private Future<Integer> inFlight;
    private int written;

    /** @param write adds one batch to the store and says how many of its rows were new */
    BatchHandoff(ToIntFunction<List<Incident>> write) {
        this.write = write;
    }

    /**
     * Waits for the batch before, then starts writing this one (the caller must not change it
     * afterwards); returns how many new rows the batches before it added.
     */
    int submit(List<Incident> batch) {
        int before = await();
        inFlight = writer.submit(() -> write.applyAsInt(batch));
        return before;
    }

    /** Waits for the batch in flight; returns how many new rows all the batches written so far added. */
    int await() {
        if (inFlight == null) {
            return written;
        }
        Future<Integer> pending = inFlight;
        inFlight = null;
        try {
            written += pending.get();
            return written;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("writing a batch failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was being written", e);
        }
    }

    /**
     * Lets a batch in flight finish before the session behind it is closed (rolled back or
     * committed on the same connection), whatever stopped the import.
     */
    @Override
    public void close() {
        try {
            if (inFlight != null) {
                try {
                    inFlight.get();
                } catch (ExecutionException e) {
                    // already failed: the import is being abandoned, and the session rolls back
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            writer.shutdown();
        }
    }
}
