-- Time and category filters are answered from the in-memory snapshot (store/snapshot), and the
-- store's own reads filter by position (GiST or grid index), key or id; a filter on 14 categories
-- or on months of a multi-year table is not selective enough for an index to beat a scan of the
-- positions' matches. Each index cost every bulk load a build: 0.7 s and 1.1 s per million rows
-- on PostGIS (scripts/bench e2e, 2026-12-02), and about 30 bytes per incident each.
DROP INDEX IF EXISTS incident_time_idx;
DROP INDEX IF EXISTS incident_category_idx;
