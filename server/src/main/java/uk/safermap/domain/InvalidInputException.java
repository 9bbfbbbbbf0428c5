package uk.safermap.domain;

/**
 * The caller sent something the service cannot accept: a malformed value, one out of range, or a
 * combination that makes no sense. The message is written for the caller and names the parameter
 * or field as the caller spelled it. The web layer answers 400 with it.
 *
 * <p>Distinct from {@link IllegalArgumentException}, which stays the precondition failure of the
 * algorithms: one of those reaching the edge is a bug in the caller (a 500), not the client's mistake.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
