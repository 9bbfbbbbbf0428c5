-- Patrol dosage (issue 12): the revisit rule a plan was made with. Plans made before it had one
-- visit per place, which 0 records.
ALTER TABLE patrol_plan ADD COLUMN revisit_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE patrol_plan ADD COLUMN min_gap_minutes INTEGER DEFAULT 0 NOT NULL;

-- GPS fixes uploaded for a plan (GPX or CSV), to compare the dose delivered with the plan.
-- Replaced as a whole on each upload. Times are UTC.
CREATE TABLE patrol_track_point (
    plan_id     VARCHAR(40)      NOT NULL REFERENCES patrol_plan (id) ON DELETE CASCADE,
    unit        VARCHAR(200)     NOT NULL,
    recorded_at TIMESTAMP        NOT NULL,
    lon         DOUBLE PRECISION NOT NULL,
    lat         DOUBLE PRECISION NOT NULL
);
CREATE INDEX patrol_track_point_plan ON patrol_track_point (plan_id, unit, recorded_at);
