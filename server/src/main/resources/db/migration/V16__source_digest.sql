-- The unique key becomes a 16-byte digest of the source key (MD5, as a UUID), computed by the
-- writer (store.jdbc.SourceDigest) and here from the stored keys. The text key is kept for what
-- it says and is no longer indexed. A bulk import builds the unique index once per load
-- (DeferredIndexes): over 1M keys it took 2.9 s on the text ("crime:" and 64 hex digits, whose
-- shared first bytes defeat PostgreSQL's abbreviated keys) and 0.7 s on the digest (psql,
-- 2026-12-02); the index is also about 55 bytes per incident smaller. A collision between two
-- different keys needs about 2^64 keys before it becomes likely.
-- The column is filled as it is added, as a generated column whose expression is then dropped (the
-- writers set it from then on): adding it, updating every row and setting it NOT NULL rewrote an
-- H2GIS table of 300,000 incidents three times over in 149 s, against 28 s this way, and left
-- PostgreSQL a dead copy of every row.
ALTER TABLE incident ADD COLUMN source_digest UUID GENERATED ALWAYS AS (${source_digest_of_key}) ${generated_stored} NOT NULL;
ALTER TABLE incident ALTER COLUMN source_digest DROP EXPRESSION;
ALTER TABLE incident ADD CONSTRAINT incident_source_digest_key UNIQUE (source_digest);
${drop_source_key_unique};
COMMENT ON COLUMN incident.source_key IS 'de-duplication key, as read; source_digest is its unique MD5';
