-- Every foreign key that deletes with its parent needs an index leading with its column: PostgreSQL finds the rows to
-- delete with a query on that column, once per parent row. Reminders and notifications had none on card_id and
-- task_id, so deleting a task (or a card, or many) scanned both tables whole for every row deleted; the benchmark
-- found it when removing 150,000 cards took more than ten minutes (issue 8). Partial: most rows point at one of the
-- two, and a null is never looked up.
CREATE INDEX reminder_card_idx ON reminder (card_id) WHERE card_id IS NOT NULL;
CREATE INDEX reminder_task_idx ON reminder (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX notification_card_idx ON notification (card_id) WHERE card_id IS NOT NULL;
CREATE INDEX notification_task_idx ON notification (task_id) WHERE task_id IS NOT NULL;
