package uk.safermap.ingest;

/** The input is not the declared format at all (wrong header, not JSON, not a FeatureCollection). */
public class FormatException extends RuntimeException {
    public FormatException(String message) {
        super(message);
    }
}
