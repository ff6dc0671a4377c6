-- Sign-in sessions (issue #23): an access token names its session, and is valid only while the row exists.
-- Logout deletes the row; deleting a user deletes every session with it. The refresh secret is kept as its
-- SHA-256 (hex), never in clear. Written for H2 and PostgreSQL alike.
CREATE TABLE sessions (
    id           VARCHAR(36)  PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    refresh_hash VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
