package uk.safermap.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The incident table's unique key: the MD5 of a source key's UTF-8 bytes, as a UUID, which is what
 * PostgreSQL's {@code md5(source_key)::uuid} and H2's {@code CAST(HASH('MD5', source_key) AS UUID)}
 * give (migration V16). Sixteen bytes sort and compare far faster than the 70-character keys
 * police.uk rows have, all starting with the same "crime:". MD5 serves as a hash here, not as a
 * defence: nobody gains by making two incidents collide, and the key already names its source.
 * One per writer; not thread-safe.
 */
final class SourceDigest {

    private final MessageDigest md5;

    SourceDigest() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }

    UUID of(String sourceKey) {
        ByteBuffer digest = ByteBuffer.wrap(md5.digest(sourceKey.getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong());
    }
}
