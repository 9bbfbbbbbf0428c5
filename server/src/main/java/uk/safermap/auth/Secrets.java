package uk.safermap.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Passwords are stored as bcrypt hashes (cost 12: slow on purpose, against guessing); API
 * tokens and session ids are 256 random bits, so a fast SHA-256 of a token is safe to store
 * and look up by.
 */
public final class Secrets {

    private static final int BCRYPT_COST = 12;
    /** bcrypt reads at most 72 bytes of a password, the last being the terminating zero the library appends. */
    public static final int MAX_PASSWORD_BYTES = 71;
    /**
     * A cost-12 bcrypt hash of a random string nobody kept: what an unknown user name's password
     * is checked against, so that it costs the same time as a wrong password.
     */
    static final String UNKNOWN_USER_HASH = "$2a$12$PAbFbfM.Nne6UMGoXzloGOaXaS3xByNPldaig3bKavPinbJQKqeDq";
    private final SecureRandom random = new SecureRandom();

    public String hashPassword(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }

    /** Whether bcrypt can hash the password whole, rather than refuse or silently cut it. */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** False for a password too long to hash: it cannot have been set, so it matches no hash. */
    public boolean passwordMatches(String password, String hash) {
        if (!fitsBcrypt(password)) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** A new random token: 32 bytes, URL-safe Base64. */
    public String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
