package uk.safermap.layers;

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
}
