-- Cards: the cases people work on. field_values holds the values by field key in the stored form of each kind
-- (see docs/card-type-format.md); values of removed fields stay here and stay readable. search is maintained by
-- core on every write from the key, the title and the text-like values. Cards are deleted softly: a deleted
-- card keeps its row, and so its key.
CREATE TABLE card (
    id                  bigserial    PRIMARY KEY,
    card_type_id        bigint       NOT NULL REFERENCES card_type (id),
    number              bigint       NOT NULL,
    key                 text         NOT NULL,
    title               text         NOT NULL,
    field_values        jsonb        NOT NULL DEFAULT '{}',
    stage               text         NOT NULL,
    assignee_id         bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    candidate_group_id  bigint       REFERENCES user_group (id) ON DELETE SET NULL,
    priority            text         NOT NULL DEFAULT 'NORMAL',
    priority_rank       smallint     GENERATED ALWAYS AS (CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1
                                                          WHEN 'HIGH' THEN 2 ELSE 3 END) STORED,
    due_at              timestamptz,
    overdue             boolean      NOT NULL DEFAULT false,
    created_by          bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_by          bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    closed_at           timestamptz,
    deleted_at          timestamptz,
    version             bigint       NOT NULL DEFAULT 0,
    search              tsvector     NOT NULL DEFAULT ''::tsvector,
    CONSTRAINT card_title_length CHECK (char_length(title) BETWEEN 1 AND 300),
    CONSTRAINT card_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    CONSTRAINT card_number_positive CHECK (number >= 1),
    CONSTRAINT card_field_values_object CHECK (jsonb_typeof(field_values) = 'object')
);

CREATE UNIQUE INDEX card_key_key ON card (key);
CREATE UNIQUE INDEX card_type_number_key ON card (card_type_id, number);

-- Lists walk (sort column, id) backwards over live cards; the partial indexes leave deleted cards out.
CREATE INDEX card_type_updated_idx ON card (card_type_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX card_updated_idx ON card (updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX card_assignee_idx ON card (assignee_id, updated_at DESC, id DESC)
    WHERE deleted_at IS NULL AND assignee_id IS NOT NULL;
CREATE INDEX card_candidate_group_idx ON card (candidate_group_id, updated_at DESC, id DESC)
    WHERE deleted_at IS NULL AND closed_at IS NULL AND candidate_group_id IS NOT NULL;
-- Open cards by stage (stage counts, "a stage that still has cards") and by due date (the overdue job).
CREATE INDEX card_open_stage_idx ON card (card_type_id, stage) WHERE deleted_at IS NULL;
CREATE INDEX card_open_due_idx ON card (due_at) WHERE deleted_at IS NULL AND closed_at IS NULL AND due_at IS NOT NULL;
CREATE INDEX card_search_idx ON card USING gin (search);
CREATE INDEX card_field_values_idx ON card USING gin (field_values jsonb_path_ops);

CREATE TABLE card_watcher (
    card_id         bigint       NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    user_id         bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    since           timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, user_id)
);

CREATE INDEX card_watcher_user_idx ON card_watcher (user_id, card_id);

CREATE TABLE card_comment (
    id              bigserial    PRIMARY KEY,
    card_id         bigint       NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    author_id       bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    body            text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT card_comment_body_length CHECK (char_length(body) BETWEEN 1 AND 10000)
);

CREATE INDEX card_comment_card_idx ON card_comment (card_id, created_at, id);
