-- dzkj schema, version 4: progress_values loses its index on batch_id.
-- The index copied the whole primary key of every value (as large as the table itself) to serve one
-- query, the values a batch wrote (`dzkj imports show` and `imports undo`), which a full scan answers
-- in ~0.1 s per million values. Keeping it up to date cost ~0.7 s of every million-row import
-- (measured on the bench's 1,000,000-row file: insert and commit, with and without the index).
DROP INDEX IF EXISTS progress_values_batch;
