-- A batch is inserted RECEIVED and, in the same or the next transaction, updated to PROCESSED (or REJECTED) with its
-- counts. While a column that an index names changes, PostgreSQL cannot update the row in place on its page (a
-- "heap-only tuple" update): it adds a new entry to every index of the table, here four (the primary key, both unique
-- keys and the status index), and logs each of them. The status index served one query only, the list of batches
-- still RECEIVED that is read once at start-up (ImportRecovery), where reading the table is quick enough. Without it,
-- no column the update changes is indexed.
DROP INDEX ix_import_batch_status;
