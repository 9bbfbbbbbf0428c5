-- Patrol dosage (issue 12): the revisit rule a plan was made with. Plans made before it had one
-- visit per place, which 0 records.
ALTER TABLE patrol_plan ADD COLUMN revisit_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE patrol_plan ADD COLUMN min_gap_minutes INTEGER DEFAULT 0 NOT NULL;
