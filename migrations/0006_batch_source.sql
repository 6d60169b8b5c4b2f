-- dzkj schema, version 6: a batch records what kind of file it read and what its table held.
-- format: the record source ('csv'; a workbook reader adds its own). details: JSON of the table
-- stage's findings that explain the batch later: the reporting-unit spellings the file used
-- (宣汉县科技局 → xuanhan), the measure of its title block, total and footer rows, columns not read.
ALTER TABLE import_batches ADD COLUMN format TEXT;
ALTER TABLE import_batches ADD COLUMN details TEXT;
