package uk.safermap.ingest;

import org.junit.jupiter.api.Test;
import uk.safermap.domain.Incident;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchHandoffTest {

    private static List<Incident> batchOf(int size) {
        return new ArrayList<>(Collections.nCopies(size, (Incident) null));
    }

    @Test
    void batches_are_written_in_order_on_one_other_thread_and_their_counts_add_up() {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (BatchHandoff handoff = new BatchHandoff(b -> {
            sizes.add(b.size());
            threads.add(Thread.currentThread().getName());
            return b.size() - 1;
        })) {
            assertThat(handoff.submit(batchOf(3))).isZero();
            handoff.submit(batchOf(5));
            handoff.submit(batchOf(2));
            assertThat(handoff.await()).isEqualTo(2 + 4 + 1);
        }
        assertThat(sizes).containsExactly(3, 5, 2);
        assertThat(threads).containsOnly("import-writer").doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void a_failed_write_surfaces_on_the_caller_at_the_next_call() {
        try (BatchHandoff handoff = new BatchHandoff(b -> {
            throw new IllegalStateException("database gone");
        })) {
            handoff.submit(batchOf(1));
            assertThatThrownBy(handoff::await).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        }
    }

    @Test
    void closing_waits_for_the_batch_in_flight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        BatchHandoff handoff = new BatchHandoff(b -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
            return 1;
        });
        handoff.submit(batchOf(1));
        started.await();
        Thread closer = new Thread(handoff::close, "closer");
        closer.start();
        // A close that waits parks on the batch; one that does not ends at once.
        while (closer.getState() != Thread.State.WAITING && closer.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        assertThat(closer.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(finished).isFalse();
        release.countDown();
        closer.join();
        assertThat(finished).isTrue();
    }
}
