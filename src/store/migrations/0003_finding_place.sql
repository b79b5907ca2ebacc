-- 0003_finding_place: a finding's place beyond its page. Readers' findings (a ruled
-- grid left open, cell spans that overlap, words a reader dropped) name the layout
-- table (its id, as `piao tables` prints it) and, where the reader knows it, the
-- row and column at fault, 1-based (row 1 is the table's first row). NULL where the
-- finding names no table (every finding stored before this migration, and every
-- finding of the normaliser's own rules) or no row or column.
ALTER TABLE anomalies ADD COLUMN table_id TEXT;
ALTER TABLE anomalies ADD COLUMN row_index INTEGER CHECK (row_index IS NULL OR (row_index >= 0 AND table_id IS NOT NULL));
ALTER TABLE anomalies ADD COLUMN column_index INTEGER CHECK (column_index IS NULL OR (column_index >= 0 AND table_id IS NOT NULL));
