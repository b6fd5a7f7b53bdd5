-- Files attached to a card (later also to a task: task_id is added by the tasks migration, and the check below
-- then becomes "exactly one owner"). The file itself lives under the installation's media root at storage_key
-- (<yyyy>/<mm>/<uuid>), never under the name the person gave it; original_name is only ever shown, escaped.
-- Removing an attachment marks it removed and keeps the file, so the card's history can still show it.
CREATE TABLE attachment (
    id                  bigserial    PRIMARY KEY,
    card_id             bigint       REFERENCES card (id) ON DELETE CASCADE,
    original_name       text         NOT NULL,
    size_bytes          bigint       NOT NULL,
    content_type        text         NOT NULL,
    sha256              text         NOT NULL,
    storage_key         text         NOT NULL,
    uploaded_by         bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    uploaded_at         timestamptz  NOT NULL DEFAULT now(),
    thumbnail_state     text         NOT NULL DEFAULT 'PENDING',
    thumbnail_key       text,
    thumbnail_reason    text,
    thumbnail_width     integer,
    thumbnail_height    integer,
    removed_at          timestamptz,
    removed_by          bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT attachment_owner CHECK (card_id IS NOT NULL),
    CONSTRAINT attachment_name_length CHECK (char_length(original_name) BETWEEN 1 AND 255),
    CONSTRAINT attachment_size CHECK (size_bytes >= 0),
    CONSTRAINT attachment_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT attachment_storage_key CHECK (storage_key ~ '^[0-9]{4}/[0-9]{2}/[0-9a-f-]{36}$'),
    CONSTRAINT attachment_thumbnail_state CHECK (thumbnail_state IN ('PENDING', 'READY', 'NONE', 'FAILED')),
    CONSTRAINT attachment_thumbnail_ready CHECK (thumbnail_state <> 'READY' OR thumbnail_key IS NOT NULL)
);

CREATE UNIQUE INDEX attachment_storage_key_key ON attachment (storage_key);
CREATE INDEX attachment_card_idx ON attachment (card_id, uploaded_at, id) WHERE removed_at IS NULL;
-- The worker's sweep: thumbnails still to make, oldest first.
CREATE INDEX attachment_pending_idx ON attachment (uploaded_at, id) WHERE thumbnail_state = 'PENDING';
