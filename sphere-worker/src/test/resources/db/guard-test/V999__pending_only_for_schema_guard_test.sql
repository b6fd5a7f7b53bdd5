-- Never applied: SchemaGuardTest adds this location with migrate-at-start off, so the schema looks one behind.
SELECT 1;
