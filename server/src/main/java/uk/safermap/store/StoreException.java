package uk.safermap.store;

/** A store operation failed for a reason the caller cannot fix (connection lost, SQL error). */
public class StoreException extends RuntimeException {
    public StoreException(String whatWasBeingDone, Throwable cause) {
        super("store error while " + whatWasBeingDone + ": " + cause.getMessage(), cause);
    }
}
