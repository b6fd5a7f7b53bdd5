-- Server-side sessions: the browser holds a random token, the database holds only its keyed hash.
-- Deleting the row ends the session everywhere, so a copied cookie is useless after logout.
CREATE TABLE user_session (
    token_hash      bytea        PRIMARY KEY,
    user_id         bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    last_seen_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL,
    client_ip       text,
    user_agent      text
);

CREATE INDEX user_session_user_idx ON user_session (user_id);
CREATE INDEX user_session_expires_idx ON user_session (expires_at);
