-- Attachments of tasks, first-class: a file belongs to exactly one card or one task (a task on a card keeps its
-- own files; the card's history records them). Deleting a task deletes its rows like a card's.
ALTER TABLE attachment ADD COLUMN task_id bigint REFERENCES task (id) ON DELETE CASCADE;
ALTER TABLE attachment DROP CONSTRAINT attachment_owner;
ALTER TABLE attachment ADD CONSTRAINT attachment_owner CHECK (num_nonnulls(card_id, task_id) = 1);
CREATE INDEX attachment_task_idx ON attachment (task_id, uploaded_at, id) WHERE removed_at IS NULL;

-- Retention of removed files (sphere.retention.removed-attachment-days): the bytes and the thumbnail go, the row
-- stays (history still names the file) with purged_at set, so a download can say "removed by retention".
ALTER TABLE attachment ADD COLUMN purged_at timestamptz;
ALTER TABLE attachment ADD CONSTRAINT attachment_purged CHECK (purged_at IS NULL OR removed_at IS NOT NULL);
CREATE INDEX attachment_removed_idx ON attachment (removed_at, id) WHERE removed_at IS NOT NULL AND purged_at IS NULL;
