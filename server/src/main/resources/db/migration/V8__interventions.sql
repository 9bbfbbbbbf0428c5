-- Interventions logged for evaluation (/api/interventions): what was done, where (the target
-- area in British National Grid metres), when, at what cost and against which categories.
CREATE TABLE intervention (
    id            VARCHAR(40)               PRIMARY KEY,
    name          VARCHAR(200)              NOT NULL,
    kind          VARCHAR(20)               NOT NULL,
    target        GEOMETRY(GEOMETRY, 27700) NOT NULL,
    target_source VARCHAR(500)              NOT NULL,
    start_date    DATE                      NOT NULL,
    end_date      DATE,
    cost_pounds   DOUBLE PRECISION,
    categories    VARCHAR(500)              NOT NULL, -- comma-separated slugs; empty means all
    notes         VARCHAR(4000)             NOT NULL,
    created_at    TIMESTAMP                 NOT NULL
);
