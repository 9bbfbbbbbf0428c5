package uk.safermap.domain;

/**
 * The request is well formed, but the state of the data does not allow it (an evaluation whose
 * periods the data do not cover). The web layer answers 409.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
