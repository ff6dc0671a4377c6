-- Batches (issue #13, part 4): one video per theme under one shared budget. Written for H2 and PostgreSQL alike.
CREATE TABLE batches (
    id           VARCHAR(36)   PRIMARY KEY,
    owner_id     VARCHAR(36)   NOT NULL REFERENCES users (id),
    character_id VARCHAR(36)   NOT NULL,
    provider     VARCHAR(32)   NOT NULL,
    blocks       INT           NOT NULL,
    language     VARCHAR(8)    NOT NULL,
    budget_usd   DECIMAL(12, 4) NOT NULL,
    job_id       VARCHAR(36)   NOT NULL, -- the JobRunr job that starts the videos
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX batches_owner ON batches (owner_id, created_at);

-- One row per theme. video_id is made with the batch, so spend on it is traceable even before its video row exists.
-- No foreign key to videos: the video is planned later, and may be deleted by its owner.
CREATE TABLE batch_videos (
    batch_id     VARCHAR(36)   NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    position     INT           NOT NULL, -- 1..n, the order of the themes
    theme        VARCHAR(500)  NOT NULL,
    video_id     VARCHAR(36)   NOT NULL UNIQUE,
    state        VARCHAR(16)   NOT NULL, -- PENDING | RESERVED | STARTED | SKIPPED | FAILED
    reserved_usd DECIMAL(12, 4) NOT NULL DEFAULT 0, -- held against the batch budget (and the video's cap)
    reason       VARCHAR(16), -- budget | error, when skipped or failed before its video started
    message      VARCHAR(2000),
    PRIMARY KEY (batch_id, position)
);
