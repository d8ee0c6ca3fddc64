-- An analyte result is one LOINC code's result on one specimen: the pair was already unique (uq_uds_analyte), and
-- nothing names a result by its own id. The pair becomes the key and the surrogate id goes, with its index. A
-- 100,000-row laboratory file writes 100,000 results, and each kept two index entries; with one, their COPY took
-- about a quarter less time (an experiment on this machine's embedded PostgreSQL 18: 864 -> 658 ms, median of 5).
ALTER TABLE uds_analyte_result DROP CONSTRAINT uq_uds_analyte;
ALTER TABLE uds_analyte_result DROP COLUMN id;
ALTER TABLE uds_analyte_result ADD CONSTRAINT pk_uds_analyte_result PRIMARY KEY (screen_id, loinc_code);
