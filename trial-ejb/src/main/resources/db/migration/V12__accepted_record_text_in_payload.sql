-- An accepted record's text is not copied into import_record any more: it is in its batch's payload, which is kept
-- as received, and the record is read from it again when shown. A 100,000-row laboratory file copied 8.6 MB of
-- text into its records, a fifth of the write-ahead log of its import. Such a record keeps the CRC-32C of its text
-- instead, so that a payload that no longer reads as it did (a reader changed since) is told apart rather than shown.
-- Quarantined, duplicate and conflicting records, which data managers work on, keep their text as before, and so does
-- every record stored before this version.
ALTER TABLE import_record ALTER COLUMN raw DROP NOT NULL;
ALTER TABLE import_record ADD COLUMN raw_crc32c INTEGER;
ALTER TABLE import_record ADD CONSTRAINT ck_import_record_text CHECK (raw IS NOT NULL OR raw_crc32c IS NOT NULL);
