-- Resident population per ward, loaded from a code,population CSV (PUT /api/wards/populations),
-- for crime rates per 1,000 residents in the councillor views. A load replaces the whole set.
CREATE TABLE ward_population (
    code       VARCHAR(20)  PRIMARY KEY,
    population INTEGER      NOT NULL CHECK (population >= 0),
    source     VARCHAR(500) NOT NULL,
    loaded_at  TIMESTAMP    NOT NULL
);
