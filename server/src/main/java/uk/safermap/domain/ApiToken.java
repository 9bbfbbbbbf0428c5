package uk.safermap.domain;

import java.time.LocalDateTime;

/**
 * An API token as an admin sees it: never the token itself, which is shown once and not kept.
 *
 * @param id        the first {@value #ID_LENGTH} hex digits of the token's SHA-256: enough to tell a
 *                  user's tokens apart, and no help in guessing a 256-bit token
 * @param label     the admin's note on what the token is for
 * @param createdAt when it was made, service local time
 */
public record ApiToken(String id, String label, LocalDateTime createdAt) {

    public static final int ID_LENGTH = 16;

    /** The id of the token with this SHA-256 hash. */
    public static String idOf(String sha256) {
        return sha256.substring(0, ID_LENGTH);
    }

    /** Whether text has the shape of a token id (lowercase hex), so it can be matched as a hash prefix. */
    public static boolean isId(String text) {
        return text != null && text.matches("[0-9a-f]{" + ID_LENGTH + "}");
    }
}
