-- A card type: its fields, stages and transitions live in one JSON definition that is validated by core before
-- it is saved. Every saved definition is kept in card_type_version, so a card can always be read with the
-- definition it was written under. next_number hands out the human keys (REQ-42); it only grows, so a key is
-- never reused, not even after its card is deleted.
CREATE TABLE card_type (
    id                  bigserial    PRIMARY KEY,
    key                 text         NOT NULL,
    name                text         NOT NULL,
    description         text         NOT NULL DEFAULT '',
    definition          jsonb        NOT NULL,
    definition_version  integer      NOT NULL DEFAULT 1,
    next_number         bigint       NOT NULL DEFAULT 1,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT card_type_key_shape CHECK (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
    CONSTRAINT card_type_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT card_type_description_length CHECK (char_length(description) <= 4000),
    CONSTRAINT card_type_next_number_positive CHECK (next_number >= 1)
);

CREATE UNIQUE INDEX card_type_key_key ON card_type (key);

CREATE TABLE card_type_version (
    card_type_id    bigint       NOT NULL REFERENCES card_type (id) ON DELETE CASCADE,
    version         integer      NOT NULL,
    definition      jsonb        NOT NULL,
    created_by      bigint       REFERENCES app_user (id) ON DELETE SET NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (card_type_id, version)
);

-- Group x action per card type. No row, no permission; the superuser needs no rows.
CREATE TABLE card_type_permission (
    card_type_id    bigint       NOT NULL REFERENCES card_type (id) ON DELETE CASCADE,
    group_id        bigint       NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    action          text         NOT NULL,
    PRIMARY KEY (card_type_id, group_id, action),
    CONSTRAINT card_type_permission_action CHECK (action IN ('VIEW', 'CREATE', 'EDIT', 'TRANSITION', 'DELETE',
                                                             'ADMINISTER'))
);

-- "Which types may this user view" joins group_member (user_id, group_id) to this index.
CREATE INDEX card_type_permission_group_idx ON card_type_permission (group_id, action, card_type_id);
