-- Patrol plans (POST /api/patrols/plan), kept so a plan can be fetched and printed later and
-- survives a restart. Times are UTC instants (shown in Europe/London); positions and lines are
-- British National Grid metres. A plan is written once and never updated.
CREATE TABLE patrol_plan (
    id             VARCHAR(40)      PRIMARY KEY,
    created_at     TIMESTAMP        NOT NULL,
    shift_start    TIMESTAMP        NOT NULL,
    shift_end      TIMESTAMP        NOT NULL,
    travel_mode    VARCHAR(20)      NOT NULL,
    speed_kmh      DOUBLE PRECISION NOT NULL,
    visit_minutes  INTEGER          NOT NULL,
    max_hotspots   INTEGER          NOT NULL,
    hotspot_method VARCHAR(20)      NOT NULL,
    randomize      BOOLEAN          NOT NULL,
    random_seed    BIGINT           NOT NULL,
    distance       VARCHAR(200)     NOT NULL,
    incident_filter VARCHAR(2000)   NOT NULL,
    shift_risk     DOUBLE PRECISION NOT NULL,
    hotspot_risk   DOUBLE PRECISION NOT NULL,
    visited_risk   DOUBLE PRECISION NOT NULL,
    hotspots_found INTEGER          NOT NULL,
    visited        INTEGER          NOT NULL,
    metres         DOUBLE PRECISION NOT NULL,
    travel_seconds BIGINT           NOT NULL,
    dwell_seconds  BIGINT           NOT NULL,
    notes          VARCHAR(8000)    NOT NULL
);

CREATE TABLE patrol_hotspot (
    plan_id      VARCHAR(40)      NOT NULL REFERENCES patrol_plan (id) ON DELETE CASCADE,
    hotspot_rank INTEGER          NOT NULL,
    label        VARCHAR(500)     NOT NULL,
    easting      DOUBLE PRECISION NOT NULL,
    northing     DOUBLE PRECISION NOT NULL,
    risk         DOUBLE PRECISION NOT NULL,
    incidents    INTEGER          NOT NULL,
    categories   VARCHAR(2000)    NOT NULL, -- slug=count,slug=count, largest first
    must_visit   BOOLEAN          NOT NULL,
    PRIMARY KEY (plan_id, hotspot_rank)
);

CREATE TABLE patrol_unit (
    plan_id        VARCHAR(40)      NOT NULL REFERENCES patrol_plan (id) ON DELETE CASCADE,
    unit           INTEGER          NOT NULL,
    name           VARCHAR(200)     NOT NULL,
    start_easting  DOUBLE PRECISION NOT NULL,
    start_northing DOUBLE PRECISION NOT NULL,
    end_easting    DOUBLE PRECISION NOT NULL,
    end_northing   DOUBLE PRECISION NOT NULL,
    return_leg     GEOMETRY(LINESTRING, 27700) NOT NULL,
    return_at      TIMESTAMP        NOT NULL,
    metres         DOUBLE PRECISION NOT NULL,
    travel_seconds BIGINT           NOT NULL,
    dwell_seconds  BIGINT           NOT NULL,
    PRIMARY KEY (plan_id, unit)
);

CREATE TABLE patrol_visit (
    plan_id      VARCHAR(40)      NOT NULL,
    unit         INTEGER          NOT NULL,
    stop         INTEGER          NOT NULL,
    hotspot_rank INTEGER          NOT NULL,
    arrival      TIMESTAMP        NOT NULL,
    departure    TIMESTAMP        NOT NULL,
    leg          GEOMETRY(LINESTRING, 27700) NOT NULL,
    leg_metres   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (plan_id, unit, stop),
    FOREIGN KEY (plan_id, unit) REFERENCES patrol_unit (plan_id, unit) ON DELETE CASCADE
);
