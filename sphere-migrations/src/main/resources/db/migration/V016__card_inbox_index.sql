-- The inbox: open cards of the actor's candidate groups, newest first (issue 8). CardQuery walks this index once per
-- group (LATERAL ... LIMIT) and merges the few rows, instead of reading and sorting every open card of the groups;
-- card_type_id is included so that the capped total ("= ANY(groups) AND card_type_id = ANY(viewable types)") is
-- answered from the index alone.
CREATE INDEX card_open_group_created_idx ON card (candidate_group_id, created_at DESC, id DESC) INCLUDE (card_type_id)
    WHERE deleted_at IS NULL AND closed_at IS NULL AND candidate_group_id IS NOT NULL;
