-- Named sets of people. Permissions are granted to groups, never to single users, so that a new colleague
-- gets the right access by joining a group. Names are unique regardless of case.
CREATE TABLE user_group (
    id              bigserial    PRIMARY KEY,
    name            text         NOT NULL,
    description     text         NOT NULL DEFAULT '',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT user_group_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    CONSTRAINT user_group_description_length CHECK (char_length(description) <= 1000)
);

CREATE UNIQUE INDEX user_group_name_key ON user_group (lower(name));

CREATE TABLE group_member (
    group_id        bigint       NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    user_id         bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    added_at        timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id)
);

-- Every permission check starts from the user: "which groups am I in".
CREATE INDEX group_member_user_idx ON group_member (user_id, group_id);
