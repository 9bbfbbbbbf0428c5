package uk.safermap.domain;

/** The thing the caller named (an intervention, user, ward) does not exist. The web layer answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
