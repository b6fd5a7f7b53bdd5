-- Tasks, personal reminders and notifications (issue 5), and what the worker's overdue job needs on cards.

-- When the card's current stage runs out of its SLA (entered + the stage's sla); null when the stage has none.
-- overdue_notified_for: the due moment (the earlier of due_at and sla_due_at) for which "overdue" was last
-- notified. The job notifies every open card whose due moment has passed and differs from it, so moving the due
-- date later and back again notifies again, while a card stays notified once per due moment.
ALTER TABLE card ADD COLUMN sla_due_at timestamptz;
ALTER TABLE card ADD COLUMN overdue_notified_for timestamptz;

CREATE INDEX card_overdue_pending_idx ON card (least(due_at, sla_due_at))
    WHERE deleted_at IS NULL AND closed_at IS NULL
      AND overdue_notified_for IS DISTINCT FROM least(due_at, sla_due_at);

-- A task belongs to a card or stands alone. It is assigned to a person, or offered to a group whose members may
-- claim it. Status: OPEN, DONE, CANCELLED.
CREATE TABLE task (
    id                      bigserial    PRIMARY KEY,
    card_id                 bigint       REFERENCES card (id) ON DELETE CASCADE,
    title                   text         NOT NULL,
    description             text         NOT NULL DEFAULT '',
    assignee_id             bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    candidate_group_id      bigint       REFERENCES user_group (id) ON DELETE SET NULL,
    due_at                  timestamptz,
    status                  text         NOT NULL DEFAULT 'OPEN',
    overdue                 boolean      NOT NULL DEFAULT false,
    overdue_notified_for    timestamptz,
    due_soon_notified_for   timestamptz,
    completed_by            bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    completed_at            timestamptz,
    created_by              bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_by              bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    updated_at              timestamptz  NOT NULL DEFAULT now(),
    version                 bigint       NOT NULL DEFAULT 0,
    CONSTRAINT task_title_length CHECK (char_length(title) BETWEEN 1 AND 300),
    CONSTRAINT task_description_length CHECK (char_length(description) <= 10000),
    CONSTRAINT task_status CHECK (status IN ('OPEN', 'DONE', 'CANCELLED'))
);

CREATE INDEX task_card_idx ON task (card_id, id) WHERE card_id IS NOT NULL;
CREATE INDEX task_assignee_open_idx ON task (assignee_id, due_at) WHERE status = 'OPEN';
CREATE INDEX task_group_open_idx ON task (candidate_group_id, due_at)
    WHERE status = 'OPEN' AND assignee_id IS NULL AND candidate_group_id IS NOT NULL;
CREATE INDEX task_completed_idx ON task (completed_by, completed_at DESC) WHERE status = 'DONE';
CREATE INDEX task_created_by_idx ON task (created_by, id);
-- The overdue and due-soon scans of the worker.
CREATE INDEX task_overdue_pending_idx ON task (due_at)
    WHERE status = 'OPEN' AND overdue_notified_for IS DISTINCT FROM due_at;
CREATE INDEX task_due_soon_pending_idx ON task (due_at)
    WHERE status = 'OPEN' AND due_soon_notified_for IS DISTINCT FROM due_at;

-- What happened to a task, with the reason of a reassignment; kept until the audit trail takes tasks over.
CREATE TABLE task_event (
    id              bigserial    PRIMARY KEY,
    task_id         bigint       NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    action          text         NOT NULL,
    actor_id        bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    from_user_id    bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    to_user_id      bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    reason          text         NOT NULL DEFAULT '',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT task_event_reason_length CHECK (char_length(reason) <= 1000)
);

CREATE INDEX task_event_task_idx ON task_event (task_id, id);

-- A person's reminder to themself about a card or a task; PENDING until the worker turns it into a notification
-- (SENT), or the person cancels it (CANCELLED).
CREATE TABLE reminder (
    id              bigserial    PRIMARY KEY,
    user_id         bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    card_id         bigint       REFERENCES card (id) ON DELETE CASCADE,
    task_id         bigint       REFERENCES task (id) ON DELETE CASCADE,
    remind_at       timestamptz  NOT NULL,
    note            text         NOT NULL DEFAULT '',
    status          text         NOT NULL DEFAULT 'PENDING',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT reminder_subject CHECK (card_id IS NOT NULL OR task_id IS NOT NULL),
    CONSTRAINT reminder_note_length CHECK (char_length(note) <= 1000),
    CONSTRAINT reminder_status CHECK (status IN ('PENDING', 'SENT', 'CANCELLED'))
);

CREATE INDEX reminder_due_idx ON reminder (remind_at) WHERE status = 'PENDING';
CREATE INDEX reminder_user_idx ON reminder (user_id, remind_at) WHERE status = 'PENDING';

-- In-app notifications, one row per recipient. dedupe_key makes every delivery unique per recipient: the jobs
-- insert with ON CONFLICT DO NOTHING, so two workers (or a retried run) can never notify twice. link is the page
-- the notification opens; subject is what it is about, as it was named when it happened. email_state drives the
-- worker's mail dispatch: PENDING until sent, skipped (opted out, no SMTP) or given up.
CREATE TABLE notification (
    id              bigserial    PRIMARY KEY,
    recipient_id    bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind            text         NOT NULL,
    card_id         bigint       REFERENCES card (id) ON DELETE CASCADE,
    task_id         bigint       REFERENCES task (id) ON DELETE CASCADE,
    actor_id        bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    subject         text         NOT NULL,
    detail          text         NOT NULL DEFAULT '',
    link            text         NOT NULL,
    due_at          timestamptz,
    dedupe_key      text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    read_at         timestamptz,
    email_state     text         NOT NULL DEFAULT 'PENDING',
    email_attempts  integer      NOT NULL DEFAULT 0,
    CONSTRAINT notification_kind CHECK (kind IN ('ASSIGNED', 'DUE_SOON', 'OVERDUE', 'TRANSITION', 'COMMENT',
                                                  'REMINDER')),
    CONSTRAINT notification_email_state CHECK (email_state IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED'))
);

CREATE UNIQUE INDEX notification_dedupe_key ON notification (recipient_id, dedupe_key);
CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL;
CREATE INDEX notification_email_pending_idx ON notification (id) WHERE email_state = 'PENDING';

-- E-mail opt-outs: a row means "no e-mail of this kind for me"; the in-app notification always stays.
CREATE TABLE notification_email_optout (
    user_id         bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind            text         NOT NULL,
    PRIMARY KEY (user_id, kind)
);
