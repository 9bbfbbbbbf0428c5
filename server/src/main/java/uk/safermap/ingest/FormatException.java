package uk.safermap.ingest;

import uk.safermap.domain.InvalidInputException;

/** The input is not the declared format at all (wrong header, not JSON, not a FeatureCollection). */
public class FormatException extends InvalidInputException {
    public FormatException(String message) {
        super(message);
    }
}
