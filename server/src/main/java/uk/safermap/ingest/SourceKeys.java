package uk.safermap.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * De-duplication keys for one import, so that importing the same file twice adds nothing.
 *
 * <p>A row with an id keys on it ({@code crime:} police.uk Crime IDs, {@code council:} council
 * references). A row without one (police.uk ASB) keys on a hash of its whole content plus its
 * occurrence number among identical rows in the file: police.uk snaps locations to shared map
 * points, so two genuinely different ASB reports can be identical rows. Both are kept
 * (#1, #2), and a re-import of the file produces the same two keys again.
 *
 * <p>Memory grows with the number of distinct id-less rows (one map entry each); not thread-safe.
 */
final class SourceKeys {

    private static final int MAX_ID_LENGTH = 100;

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final MessageDigest sha256;

    SourceKeys() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    String forId(String namespace, String id) {
        return namespace + ":" + (id.length() <= MAX_ID_LENGTH ? id : hash(id));
    }

    String forContent(String... fields) {
        String h = hash(String.join("\u001f", nullsAsEmpty(fields)));
        int n = occurrences.merge(h, 1, Integer::sum);
        return "row:" + h + "#" + n;
    }

    private String hash(String text) {
        byte[] digest = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        // 20 bytes (160 bits) keeps keys short with no realistic chance of collision.
        return HexFormat.of().formatHex(digest, 0, 20);
    }

    private static String[] nullsAsEmpty(String[] fields) {
        String[] out = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = fields[i] == null ? "" : fields[i];
        }
        return out;
    }
}
