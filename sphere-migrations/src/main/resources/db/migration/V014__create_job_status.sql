-- What each background job did last, per worker process: the administrators' status page reads it, and the time of
-- a worker's latest run is its heartbeat. One row per (job, worker), overwritten by every run.
CREATE TABLE job_status (
    job                 text         NOT NULL,
    worker              text         NOT NULL,
    last_started_at     timestamptz  NOT NULL,
    last_duration_ms    bigint       NOT NULL,
    last_items          integer      NOT NULL,
    last_notified       integer      NOT NULL,
    last_error          text,
    last_error_at       timestamptz,
    runs                bigint       NOT NULL DEFAULT 0,
    failures            bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (job, worker)
);
