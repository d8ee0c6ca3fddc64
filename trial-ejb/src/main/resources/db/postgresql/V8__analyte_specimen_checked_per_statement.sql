-- PostgreSQL only: H2 keeps the declared foreign key of V1 (Migrations adds this folder for PostgreSQL alone).
--
-- A declared foreign key checks each inserted analyte result on its own: one look-up and one lock of its specimen
-- per row. A laboratory file of 100,000 results spent 0.6 s of its 2.4 s import on those checks. The same rule is
-- checked here once per statement, on all the rows the statement wrote, with the same guarantees:
--   * every urine drug screen that inserted or updated results name must exist; it is locked FOR KEY SHARE, as the
--     foreign key locks it, so no other transaction can delete it or change its id before this one ends (a screen
--     deleted meanwhile is not found, and the statement fails);
--   * a urine drug screen that results still name cannot be deleted, cannot change its id and cannot be truncated
--     (checked after the statement, when a concurrent insert of results has committed or released its lock).
-- Both are checked at READ COMMITTED, the isolation the application runs at. Violations raise SQLSTATE 23503
-- (foreign_key_violation), as the declared key did.

ALTER TABLE uds_analyte_result DROP CONSTRAINT uds_analyte_result_screen_id_fkey;

CREATE FUNCTION uds_analyte_result_screen_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named BIGINT;
    found BIGINT;
BEGIN
    SELECT count(DISTINCT screen_id) INTO named FROM written;
    SELECT count(*) INTO found FROM (SELECT 1 FROM urine_drug_screen s
        WHERE s.id IN (SELECT screen_id FROM written) FOR KEY SHARE OF s) locked;
    IF found <> named THEN
        RAISE EXCEPTION 'an analyte result names a urine drug screen that does not exist'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'uds_analyte_result';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER uds_analyte_result_screen_exists_on_insert AFTER INSERT ON uds_analyte_result
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION uds_analyte_result_screen_exists();
CREATE TRIGGER uds_analyte_result_screen_exists_on_update AFTER UPDATE ON uds_analyte_result
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION uds_analyte_result_screen_exists();

CREATE FUNCTION urine_drug_screen_keeps_its_results() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM uds_analyte_result a JOIN removed r ON a.screen_id = r.id) THEN
            RAISE EXCEPTION 'a urine drug screen with analyte results cannot be deleted'
                USING ERRCODE = 'foreign_key_violation', TABLE = 'urine_drug_screen';
        END IF;
    ELSIF EXISTS (SELECT 1 FROM uds_analyte_result a JOIN removed r ON a.screen_id = r.id
                  WHERE NOT EXISTS (SELECT 1 FROM kept k WHERE k.id = r.id)) THEN
        RAISE EXCEPTION 'a urine drug screen with analyte results cannot change its id'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'urine_drug_screen';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER urine_drug_screen_keeps_its_results_on_delete AFTER DELETE ON urine_drug_screen
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION urine_drug_screen_keeps_its_results();
CREATE TRIGGER urine_drug_screen_keeps_its_results_on_update AFTER UPDATE ON urine_drug_screen
    REFERENCING OLD TABLE AS removed NEW TABLE AS kept FOR EACH STATEMENT
    EXECUTE FUNCTION urine_drug_screen_keeps_its_results();

CREATE FUNCTION urine_drug_screen_not_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM uds_analyte_result) THEN
        RAISE EXCEPTION 'urine drug screens with analyte results cannot be truncated'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'urine_drug_screen';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER urine_drug_screen_not_truncated BEFORE TRUNCATE ON urine_drug_screen
    FOR EACH STATEMENT EXECUTE FUNCTION urine_drug_screen_not_truncated();
