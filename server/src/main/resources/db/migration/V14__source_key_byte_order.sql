-- The source key is only ever compared for equality, never shown in order, so PostgreSQL compares
-- it byte by byte: building its unique index over 1M keys took 2.2 s in the database's locale and
-- 1.4 s in "C" (psql, 2026-12-02), and a bulk import builds it once per load (DeferredIndexes).
${source_key_byte_order}
COMMENT ON COLUMN incident.source_key IS 'de-duplication key; compared byte by byte';
