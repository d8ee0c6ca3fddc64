-- PostgreSQL only. Each batch row is updated once after its insert (V9): leaving a fifth of each page free lets that
-- update keep the row on its page without new index entries (a heap-only tuple update).
ALTER TABLE import_batch SET (fillfactor = 80);
