package uk.safermap.layers;

import java.util.Optional;

/** Feature ids of the point collections: the store's numeric id, as OGC API paths carry it. */
final class FeatureIds {

    private FeatureIds() {
    }

    /** The numeric id, or empty for any other text: such a feature does not exist (404, not 400). */
    static Optional<Long> numeric(String featureId) {
        try {
            return Optional.of(Long.parseLong(featureId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
