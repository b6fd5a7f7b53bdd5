-- The outbox payload is the message body the relay publishes as it is: nothing queries inside it while it waits,
-- and the worker checks every event it decodes. As jsonb each event was parsed on insert and printed back to text
-- for the relay, per card change, on the request's transaction. Stored as text it is written and read unchanged.
-- A web of the previous version may still insert cast(... AS jsonb) here: jsonb is assigned to text by its output
-- function, so a rolling upgrade keeps working.
ALTER TABLE audit_outbox ALTER COLUMN payload TYPE text USING payload::text;
