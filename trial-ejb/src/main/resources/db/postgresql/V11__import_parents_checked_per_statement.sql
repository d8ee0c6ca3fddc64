-- PostgreSQL only: H2 keeps the declared foreign keys of V1 and V4.
--
-- V8 checked the analyte results' specimens once per statement instead of once per row. A file of 100,000 rows
-- writes two more child tables row by row: its 10,000 urine drug screens name their visits, and its 10,000 import
-- records name their batch. Each declared foreign key ran one look-up and one lock per row; with V8's check they
-- took a quarter of the database's work on such a file (perf, 2026-11-23). Here the three relationships share one
-- statement-level check, with the guarantees of V8:
--   * every parent that the rows a statement inserted or updated name must exist; it is locked FOR KEY SHARE, as
--     the foreign key locks it, so no other transaction can delete it or change its id before this one ends (a
--     parent deleted meanwhile is not found, and the statement fails). Each parent is looked up and locked once
--     per statement, however many rows name it;
--   * a parent that rows still name cannot be deleted, cannot change its id and cannot be truncated (checked after
--     the statement, when a concurrent insert of children has committed or released its lock).
-- Both are checked at READ COMMITTED, the isolation the application runs at. Violations raise SQLSTATE 23503
-- (foreign_key_violation), as the declared keys did. Each trigger names its relationship in its arguments: the
-- child's column and the parent table (child side), the child table and column (parent side); parents are keyed by
-- their column id.

DROP TRIGGER uds_analyte_result_screen_exists_on_insert ON uds_analyte_result;
DROP TRIGGER uds_analyte_result_screen_exists_on_update ON uds_analyte_result;
DROP TRIGGER urine_drug_screen_keeps_its_results_on_delete ON urine_drug_screen;
DROP TRIGGER urine_drug_screen_keeps_its_results_on_update ON urine_drug_screen;
DROP TRIGGER urine_drug_screen_not_truncated ON urine_drug_screen;
DROP FUNCTION uds_analyte_result_screen_exists();
DROP FUNCTION urine_drug_screen_keeps_its_results();
DROP FUNCTION urine_drug_screen_not_truncated();

ALTER TABLE urine_drug_screen DROP CONSTRAINT urine_drug_screen_visit_id_fkey;
ALTER TABLE import_record DROP CONSTRAINT import_record_batch_id_fkey;

CREATE FUNCTION rows_name_existing_parents() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    child_column CONSTANT TEXT := TG_ARGV[0];
    parent_table CONSTANT TEXT := TG_ARGV[1];
    named BIGINT;
    found BIGINT;
BEGIN
    EXECUTE format('SELECT count(DISTINCT %I) FROM written', child_column) INTO named;
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I p WHERE p.id IN (SELECT %I FROM written)'
        ' FOR KEY SHARE OF p) l', parent_table, child_column) INTO found;
    IF found <> named THEN
        RAISE EXCEPTION 'a row of % names a row of % that does not exist', TG_TABLE_NAME, parent_table
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION parents_keep_their_children() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    child_table CONSTANT TEXT := TG_ARGV[0];
    child_column CONSTANT TEXT := TG_ARGV[1];
    orphans BOOLEAN;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', child_table) INTO orphans;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I c JOIN removed r ON c.%I = r.id)', child_table,
            child_column) INTO orphans;
    ELSE
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I c JOIN (SELECT id FROM removed EXCEPT SELECT id FROM kept)'
            ' gone ON c.%I = gone.id)', child_table, child_column) INTO orphans;
    END IF;
    IF orphans THEN
        RAISE EXCEPTION 'rows of % still name the % rows that this statement would remove', child_table,
            TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$;

-- The analyte results' specimens (as V8), the screens' visits and the import records' batches.
CREATE TRIGGER uds_analyte_result_names_its_screen_on_insert AFTER INSERT ON uds_analyte_result
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION rows_name_existing_parents('screen_id', 'urine_drug_screen');
CREATE TRIGGER uds_analyte_result_names_its_screen_on_update AFTER UPDATE ON uds_analyte_result
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION rows_name_existing_parents('screen_id', 'urine_drug_screen');
CREATE TRIGGER urine_drug_screen_names_its_visit_on_insert AFTER INSERT ON urine_drug_screen
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION rows_name_existing_parents('visit_id', 'visit');
CREATE TRIGGER urine_drug_screen_names_its_visit_on_update AFTER UPDATE ON urine_drug_screen
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION rows_name_existing_parents('visit_id', 'visit');
CREATE TRIGGER import_record_names_its_batch_on_insert AFTER INSERT ON import_record
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION rows_name_existing_parents('batch_id', 'import_batch');
CREATE TRIGGER import_record_names_its_batch_on_update AFTER UPDATE ON import_record
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION rows_name_existing_parents('batch_id', 'import_batch');

CREATE TRIGGER urine_drug_screen_keeps_its_results_on_delete AFTER DELETE ON urine_drug_screen
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
    EXECUTE FUNCTION parents_keep_their_children('uds_analyte_result', 'screen_id');
CREATE TRIGGER urine_drug_screen_keeps_its_results_on_update AFTER UPDATE ON urine_drug_screen
    REFERENCING OLD TABLE AS removed NEW TABLE AS kept FOR EACH STATEMENT
    EXECUTE FUNCTION parents_keep_their_children('uds_analyte_result', 'screen_id');
CREATE TRIGGER urine_drug_screen_keeps_its_results_on_truncate BEFORE TRUNCATE ON urine_drug_screen
    FOR EACH STATEMENT EXECUTE FUNCTION parents_keep_their_children('uds_analyte_result', 'screen_id');
CREATE TRIGGER visit_keeps_its_screens_on_delete AFTER DELETE ON visit
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
    EXECUTE FUNCTION parents_keep_their_children('urine_drug_screen', 'visit_id');
CREATE TRIGGER visit_keeps_its_screens_on_update AFTER UPDATE ON visit
    REFERENCING OLD TABLE AS removed NEW TABLE AS kept FOR EACH STATEMENT
    EXECUTE FUNCTION parents_keep_their_children('urine_drug_screen', 'visit_id');
CREATE TRIGGER visit_keeps_its_screens_on_truncate BEFORE TRUNCATE ON visit
    FOR EACH STATEMENT EXECUTE FUNCTION parents_keep_their_children('urine_drug_screen', 'visit_id');
CREATE TRIGGER import_batch_keeps_its_records_on_delete AFTER DELETE ON import_batch
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
    EXECUTE FUNCTION parents_keep_their_children('import_record', 'batch_id');
CREATE TRIGGER import_batch_keeps_its_records_on_update AFTER UPDATE ON import_batch
    REFERENCING OLD TABLE AS removed NEW TABLE AS kept FOR EACH STATEMENT
    EXECUTE FUNCTION parents_keep_their_children('import_record', 'batch_id');
CREATE TRIGGER import_batch_keeps_its_records_on_truncate BEFORE TRUNCATE ON import_batch
    FOR EACH STATEMENT EXECUTE FUNCTION parents_keep_their_children('import_record', 'batch_id');

-- The quarantine list (ImportService.quarantine) was the only reader of ix_import_record_status, and every record
-- of every file added an entry to it, nearly all of them ACCEPTED. A partial index holds the quarantined records
-- alone; the list names the status as a literal, so that its plan can use the index whatever the parameters.
DROP INDEX ix_import_record_status;
CREATE INDEX ix_import_record_quarantined ON import_record (batch_id) WHERE status = 'QUARANTINED';
