package uk.safermap.layers;

import uk.safermap.store.IncidentStore;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What a collection is, for {@code /collections}: id, title, description, and its extent.
 *
 * @param bbox      lon/lat {minLon, minLat, maxLon, maxLat}, empty when the collection is empty
 * @param interval  first and last instants covered, for collections with time
 */
public record CollectionInfo(String id, String title, String description, Optional<double[]> bbox,
                             Optional<LocalDateTime[]> interval) {

    /** A collection of dated points, with the extent of what is stored. */
    static CollectionInfo of(String id, String title, String description, Optional<IncidentStore.Extent> extent) {
        return new CollectionInfo(id, title, description,
                extent.map(x -> new double[] {x.minLon(), x.minLat(), x.maxLon(), x.maxLat()}),
                extent.map(x -> new LocalDateTime[] {x.start(), x.end()}));
    }
}
