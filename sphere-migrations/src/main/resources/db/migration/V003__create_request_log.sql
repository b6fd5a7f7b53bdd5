-- One row per HTTP request, written by the worker from RabbitMQ. Partitioned by month so that
-- retention drops whole partitions instead of deleting rows. The unique key includes the
-- partition key, which PostgreSQL requires, and makes a redelivered entry a no-op.
CREATE TABLE request_log (
    id              bigserial,
    request_id      uuid         NOT NULL,
    logged_at       timestamptz  NOT NULL,
    user_id         bigint,
    user_email      text,
    client_ip       text,
    method          text         NOT NULL,
    path            text         NOT NULL,
    query           text,
    status          smallint     NOT NULL,
    duration_micros bigint       NOT NULL,
    response_bytes  bigint       NOT NULL,
    user_agent      text,
    PRIMARY KEY (logged_at, id),
    UNIQUE (request_id, logged_at)
) PARTITION BY RANGE (logged_at);

-- Keyset pagination walks (logged_at, id) backwards; filters by user and status keep the same order.
CREATE INDEX request_log_user_idx ON request_log (user_id, logged_at DESC, id DESC);
CREATE INDEX request_log_status_idx ON request_log (status, logged_at DESC, id DESC);

-- Creates the monthly partitions covering [from_month, from_month + months); safe to call repeatedly,
-- from migrations, from the worker's maintenance job and concurrently.
CREATE FUNCTION sphere_ensure_request_log_partitions(from_month date, months integer)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    created integer := 0;
    start_month date := date_trunc('month', from_month)::date;
    part_start date;
    part_name text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('sphere_ensure_request_log_partitions'));
    FOR i IN 0 .. months - 1 LOOP
        part_start := (start_month + make_interval(months => i))::date;
        part_name := 'request_log_' || to_char(part_start, 'YYYY_MM');
        IF to_regclass(part_name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF request_log FOR VALUES FROM (%L) TO (%L)',
                           part_name, part_start::timestamp AT TIME ZONE 'UTC',
                           (part_start + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

SELECT sphere_ensure_request_log_partitions((now() AT TIME ZONE 'UTC')::date - 31, 6);
