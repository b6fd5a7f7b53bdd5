-- Card numbers (REQ-42) come from a narrow counter row of their own (issue 8). They were advanced in card_type itself,
-- whose row carries the whole definition: every card created wrote a new copy of about 2 KB, and in the benchmark
-- 25,000 creates left 27 MB of dead versions behind three live rows, so listing the types (every card page does) became
-- a parallel scan of 60 ms. A counter row is a few dozen bytes, and since nothing on it but its key is indexed it is
-- updated in place (HOT), with room left on its page for that (fillfactor).
CREATE TABLE card_type_counter (
    card_type_id bigint PRIMARY KEY REFERENCES card_type (id) ON DELETE CASCADE,
    next_number  bigint NOT NULL DEFAULT 1,
    CONSTRAINT card_type_counter_next_number_positive CHECK (next_number >= 1)
) WITH (fillfactor = 50);

INSERT INTO card_type_counter (card_type_id, next_number) SELECT id, next_number FROM card_type;

ALTER TABLE card_type DROP COLUMN next_number;

-- Rewrite the type rows without the dead versions the counter left behind (VACUUM FULL cannot run in a migration's
-- transaction; CLUSTER can) and count them again, so that the planner stops expecting thousands of rows.
CLUSTER card_type USING card_type_pkey;
ANALYZE card_type;
