-- The audit trail (S9). A change and its audit event commit together: core writes the event into audit_outbox in
-- the same transaction as the change; sphere-web relays outbox rows to RabbitMQ and deletes each row only after the
-- broker confirmed it; sphere-worker stores the events in audit_event.
CREATE TABLE audit_outbox (
    id              bigserial    PRIMARY KEY,
    event_id        uuid         NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    payload         jsonb        NOT NULL,
    CONSTRAINT audit_outbox_event_key UNIQUE (event_id)
);

-- Append-only: who did what to which card (or, for security events, to which account), when, with the
-- field-level diff and the HTTP request that caused it. Partitioned by month like request_log, so that retention
-- drops whole partitions. PostgreSQL needs the partition key in every unique key: an event carries one id and one
-- time for its whole life, so (occurred_at, event_id) identifies it and makes a redelivery a no-op.
CREATE TABLE audit_event (
    occurred_at     timestamptz  NOT NULL,
    event_id        uuid         NOT NULL,
    action          text         NOT NULL,
    actor_id        bigint,
    actor_email     text,
    card_id         bigint,
    card_key        text,
    card_type_id    bigint,
    card_version    bigint,
    request_id      uuid,
    fields          text[]       NOT NULL DEFAULT '{}',
    changes         jsonb        NOT NULL DEFAULT '[]',
    detail          jsonb        NOT NULL DEFAULT '{}',
    stored_at       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (occurred_at, event_id)
) PARTITION BY RANGE (occurred_at);

-- Search walks (occurred_at, event_id) backwards, optionally narrowed to one card, actor, type or action.
CREATE INDEX audit_event_card_idx ON audit_event (card_id, occurred_at DESC, event_id DESC) WHERE card_id IS NOT NULL;
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, occurred_at DESC, event_id DESC);
CREATE INDEX audit_event_type_idx ON audit_event (card_type_id, occurred_at DESC, event_id DESC)
    WHERE card_type_id IS NOT NULL;
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at DESC, event_id DESC);
CREATE INDEX audit_event_fields_idx ON audit_event USING gin (fields);

-- The web and the worker connect as the role that owns these tables, and an owner is not bound by REVOKE; this
-- trigger is what makes the trail append-only for every role. It is inherited by every partition, present and
-- future. Retention drops whole partitions (DROP TABLE fires no row trigger); test databases are emptied with
-- TRUNCATE, which is not a row change either.
CREATE FUNCTION sphere_audit_refuse_change()
RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Expired months are removed by dropping their partition (sphere-cli retention).';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION sphere_audit_refuse_change();

-- Creates the monthly partitions covering [from_month, from_month + months); safe to call repeatedly and
-- concurrently, from migrations, the worker's store and its maintenance job.
CREATE FUNCTION sphere_ensure_audit_partitions(from_month date, months integer)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    created integer := 0;
    start_month date := date_trunc('month', from_month)::date;
    part_start date;
    part_name text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('sphere_ensure_audit_partitions'));
    FOR i IN 0 .. months - 1 LOOP
        part_start := (start_month + make_interval(months => i))::date;
        part_name := 'audit_event_' || to_char(part_start, 'YYYY_MM');
        IF to_regclass(part_name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
                           part_name, part_start::timestamp AT TIME ZONE 'UTC',
                           (part_start + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

SELECT sphere_ensure_audit_partitions((now() AT TIME ZONE 'UTC')::date - 31, 6);
