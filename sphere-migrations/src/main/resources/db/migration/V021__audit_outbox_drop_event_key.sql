-- The outbox's UNIQUE (event_id) was a second b-tree written on the request's transaction for every card change,
-- at a random place (event ids are random), and cleaned up again when the relay deleted the row. Nothing reads the
-- outbox by event id, and nothing relies on it to refuse a duplicate: the web draws a fresh random id per event, and
-- duplicates downstream (a relay that published and then failed to delete) are absorbed where they can happen,
-- by audit_event's primary key (occurred_at, event_id). The outbox keeps its primary key (id), which the relay
-- claims and deletes by.
ALTER TABLE audit_outbox DROP CONSTRAINT audit_outbox_event_key;
