package uk.safermap.store;

/**
 * The store could not take the work on just now: no pooled connection came free in time, or a
 * statement ran past the statement timeout. The request was fine; repeating it later may work.
 */
public final class StoreBusyException extends StoreException {
    public StoreBusyException(String whatWasBeingDone, Throwable cause) {
        super(whatWasBeingDone, cause);
    }
}
