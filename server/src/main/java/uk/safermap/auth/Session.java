package uk.safermap.auth;

/**
 * A signed-in browser: the id travels in an HttpOnly cookie; the CSRF token is given to the page
 * and must come back in a header on every request that changes something.
 */
public record Session(String id, String csrfToken, Principal principal) {
}
