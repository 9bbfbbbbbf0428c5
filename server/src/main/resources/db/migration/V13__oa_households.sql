-- Households per census output area, loaded from a code,households CSV (PUT /api/households), for
-- the doorbell allocation's risk per household; output areas without a row keep the ONS design
-- size. A load replaces the whole set.
CREATE TABLE oa_households (
    code       VARCHAR(20)  PRIMARY KEY,
    households INTEGER      NOT NULL CHECK (households >= 0),
    source     VARCHAR(500) NOT NULL,
    loaded_at  TIMESTAMP    NOT NULL
);
