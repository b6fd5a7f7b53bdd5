-- The worker's task scans (overdue and due soon) skip the tasks of deleted cards with
-- NOT EXISTS (SELECT 1 FROM card c WHERE c.id = task.card_id AND c.deleted_at IS NOT NULL). With no index that
-- finds deleted cards, PostgreSQL answered it by reading the whole card table once per batch: 350 ms a batch at
-- 1M cards, so an overdue run every 2 s kept a core busy a sixth of the time (benchmark, figure 6). This index
-- holds only the deleted cards, waiting for the purge: usually none, so the anti-join reads one page.
CREATE INDEX card_deleted_idx ON card (id) WHERE deleted_at IS NOT NULL;
