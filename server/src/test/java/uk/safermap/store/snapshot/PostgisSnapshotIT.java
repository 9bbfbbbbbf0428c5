package uk.safermap.store.snapshot;

import net.jqwik.api.Example;
import uk.safermap.domain.Incident;
import uk.safermap.store.IncidentStore;
import uk.safermap.store.PointQuery;
import uk.safermap.store.jdbc.Database;
import uk.safermap.store.jdbc.PostgisTestSchema;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safermap.store.PointSetAssert.assertSamePoints;

/** The snapshot contract against a real PostGIS, where imports run side by side. */
class PostgisSnapshotIT extends SnapshotContract {

    private PostgisTestSchema schema;

    @Override
    protected Database openDatabase() throws Exception {
        schema = PostgisTestSchema.create();
        return schema.open();
    }

    @Override
    protected void closeDatabase() throws Exception {
        schema.close();
    }

    @Example
    void imports_whose_ids_interleave_are_merged_in_id_order() {
        Random r = new Random(11);
        List<Incident> a = incidents(r, "a-", 60);
        List<Incident> b = incidents(r, "b-", 60);
        try (IncidentStore.ImportSession first = snapshot.beginImport("police-csv", "first");
             IncidentStore.ImportSession second = snapshot.beginImport("police-csv", "second")) {
            first.add(a.subList(0, 30));
            second.add(b);
            first.add(a.subList(30, 60));
            second.commit(b.size(), 0);
            first.commit(a.size(), 0);
        }
        PointQuery all = new PointQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), true);
        assertThat(snapshot.count()).isEqualTo(6_520);
        assertSamePoints(snapshot.points(all), store.points(all));
    }
}
