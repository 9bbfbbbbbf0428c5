package uk.safermap.store;

/**
 * The store refused a text it was given: PostgreSQL keeps no NUL character (0x00) in text
 * (SQLSTATE 22021). The request, not the store, is at fault, so it is answered 400. Incident
 * imports refuse such rows one by one before they reach the store; this covers every other write.
 */
public final class StoreRefusedTextException extends StoreException {

    public static final String MESSAGE = "the request holds text with a NUL character (0x00), which the store "
            + "cannot keep; remove it and send the request again";

    public StoreRefusedTextException(String whatWasBeingDone, Throwable cause) {
        super(whatWasBeingDone, cause);
    }
}
