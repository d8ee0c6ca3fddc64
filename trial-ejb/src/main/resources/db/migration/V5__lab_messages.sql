-- Messages from the central laboratory and the ePRO system carry their own identity (HL7 MSH-10 message control id,
-- ODM FileOID): a second delivery of the same message is acknowledged as the first, even if its bytes differ.
ALTER TABLE import_batch ADD COLUMN source_id VARCHAR(200);
CREATE UNIQUE INDEX uq_import_source ON import_batch(study_id, format, source_id);

-- Quantitative urine results keep the measured concentration next to the cutoff it was compared with.
ALTER TABLE uds_analyte_result ADD COLUMN concentration_ng_ml NUMERIC(14,3);
