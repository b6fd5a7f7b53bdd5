-- Never applied: only StatusWithPendingMigrationTest adds this location, with migrate-at-start off.
SELECT 1;
