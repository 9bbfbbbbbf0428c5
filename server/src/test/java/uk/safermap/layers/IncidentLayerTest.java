package uk.safermap.layers;

import org.junit.jupiter.api.Test;
import uk.safermap.domain.Category;
import uk.safermap.domain.Incident;
import uk.safermap.domain.IncidentDetail;
import uk.safermap.domain.IncidentDetails;
import uk.safermap.privacy.DisclosurePolicy;
import uk.safermap.store.InMemoryIncidentStore;
import uk.safermap.store.PlantedIncidents;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The incidents layer's feature properties over an in-memory store. */
class IncidentLayerTest {

    /**
     * The claim of {@link IncidentDetail} on the layer's side: every detail is a property under
     * its column name when the disclosure policy shows it, and absent when the policy withholds it.
     */
    @Test
    void every_incident_detail_is_a_property_exactly_when_the_disclosure_policy_shows_it() {
        Incident planted = new PlantedIncidents().at(475_000, 318_000, Category.BURGLARY, YearMonth.of(2025, 3))
                .list().get(0);
        Map<IncidentDetail, String> all = new EnumMap<>(IncidentDetail.class);
        for (IncidentDetail d : IncidentDetail.values()) {
            all.put(d, "the " + d.column());
        }
        InMemoryIncidentStore store = new InMemoryIncidentStore().with(java.util.List.of(new Incident(0,
                planted.sourceKey(), planted.source(), "crime-1", planted.month(), planted.when(), planted.category(),
                planted.categoryLabel(), planted.lon(), planted.lat(), planted.easting(), planted.northing(), false,
                new IncidentDetails(all))));

        Map<String, Object> properties = new IncidentLayer(store).item("1").orElseThrow().properties();

        assertThat(properties).containsEntry("crime_id", "crime-1").containsEntry("category", "burglary")
                .containsEntry("month", "2025-03");
        for (IncidentDetail d : IncidentDetail.values()) {
            if (DisclosurePolicy.shownAtPointLevel(d)) {
                assertThat(properties).as(d.column()).containsEntry(d.column(), "the " + d.column());
            } else {
                assertThat(properties).as(d.column()).doesNotContainKey(d.column());
            }
        }
        assertThat(properties).containsKeys("location", "lsoa_code", "lsoa_name", "outcome")
                .doesNotContainKeys("context", "reported_by", "falls_within");
    }

    @Test
    void a_detail_the_source_did_not_give_is_a_null_property() {
        InMemoryIncidentStore store = new PlantedIncidents()
                .at(475_000, 318_000, Category.BURGLARY, YearMonth.of(2025, 3)).store();

        Map<String, Object> properties = new IncidentLayer(store).item("1").orElseThrow().properties();

        assertThat(properties).containsEntry("location", "On or near 475000,318000").containsEntry("outcome", null);
    }
}
