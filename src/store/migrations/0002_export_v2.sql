-- 0002_export_v2: what plan export schemaVersion 2 adds (shared/contract/CHANGES.md).
-- Plans stored before this migration keep NULL in every new column: their export
-- (schema_version 1) did not look for these facts, so NULL there means "not read",
-- while in a schema_version 2 plan it means "the document does not give it".
-- Every new fact sits on a row that already carries its provenance (page, table id).

-- plan: what the document calls itself, and the years its title covers.
ALTER TABLE plans ADD COLUMN kind TEXT CHECK (kind IN ('pdo', 'piano-performance', 'piao', 'peg', 'other'));
ALTER TABLE plans ADD COLUMN period_from INTEGER;
ALTER TABLE plans ADD COLUMN period_to INTEGER CHECK ((period_from IS NULL) = (period_to IS NULL));

-- unit: its number as printed ("3 - SETTORE TECNICO").
ALTER TABLE units ADD COLUMN number INTEGER;

-- objective: the weights as written, beside the normalised ones.
ALTER TABLE objectives ADD COLUMN summary_weight_text TEXT CHECK (summary_weight_text IS NULL OR has_summary = 1);
ALTER TABLE objectives ADD COLUMN detail_weight_text TEXT CHECK (detail_weight_text IS NULL OR has_detail = 1);

-- objective: its upward link (strategy), 0 or 1 per objective, as columns like the
-- summary row and the sheet: has_strategy tells `strategy: null` from a strategy
-- whose four fields are all null, as has_summary / has_detail do.
ALTER TABLE objectives ADD COLUMN has_strategy INTEGER NOT NULL DEFAULT 0 CHECK (has_strategy IN (0, 1));
ALTER TABLE objectives ADD COLUMN mission TEXT CHECK (mission IS NULL OR has_strategy = 1);
ALTER TABLE objectives ADD COLUMN programme TEXT CHECK (programme IS NULL OR has_strategy = 1);
ALTER TABLE objectives ADD COLUMN strategic_objective TEXT CHECK (strategic_objective IS NULL OR has_strategy = 1);
ALTER TABLE objectives ADD COLUMN public_value TEXT CHECK (public_value IS NULL OR has_strategy = 1);

-- indicator: formula, baseline and target where the plan gives them apart from its text.
ALTER TABLE indicators ADD COLUMN formula TEXT;
ALTER TABLE indicators ADD COLUMN baseline TEXT;
ALTER TABLE indicators ADD COLUMN target TEXT;

-- phase: the activity's weight within the objective (0-100), its dates (ISO) and the
-- deadline as written.
ALTER TABLE phases ADD COLUMN weight REAL;
ALTER TABLE phases ADD COLUMN start TEXT CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE phases ADD COLUMN deadline TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE phases ADD COLUMN deadline_text TEXT;
CREATE INDEX phases_deadline ON phases(deadline) WHERE deadline IS NOT NULL;

-- Full-text search over the new free text. An FTS5 table's columns cannot be altered:
-- drop it and its triggers, create it again, rebuild it from its content table.
-- Objectives: also the strategy (mission and programme are often names, not just codes).
DROP TRIGGER objectives_fts_insert;
DROP TRIGGER objectives_fts_delete;
DROP TRIGGER objectives_fts_update;
DROP TABLE objectives_fts;
CREATE VIRTUAL TABLE objectives_fts USING fts5(
  title, summary_title, detail_title, description, mission, programme, strategic_objective, public_value,
  content = 'objectives', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER objectives_fts_insert AFTER INSERT ON objectives BEGIN
  INSERT INTO objectives_fts(rowid, title, summary_title, detail_title, description, mission, programme, strategic_objective, public_value)
  VALUES (new.id, new.title, new.summary_title, new.detail_title, new.description, new.mission, new.programme, new.strategic_objective, new.public_value);
END;
CREATE TRIGGER objectives_fts_delete AFTER DELETE ON objectives BEGIN
  INSERT INTO objectives_fts(objectives_fts, rowid, title, summary_title, detail_title, description, mission, programme, strategic_objective, public_value)
  VALUES ('delete', old.id, old.title, old.summary_title, old.detail_title, old.description, old.mission, old.programme, old.strategic_objective, old.public_value);
END;
CREATE TRIGGER objectives_fts_update AFTER UPDATE ON objectives BEGIN
  INSERT INTO objectives_fts(objectives_fts, rowid, title, summary_title, detail_title, description, mission, programme, strategic_objective, public_value)
  VALUES ('delete', old.id, old.title, old.summary_title, old.detail_title, old.description, old.mission, old.programme, old.strategic_objective, old.public_value);
  INSERT INTO objectives_fts(rowid, title, summary_title, detail_title, description, mission, programme, strategic_objective, public_value)
  VALUES (new.id, new.title, new.summary_title, new.detail_title, new.description, new.mission, new.programme, new.strategic_objective, new.public_value);
END;
INSERT INTO objectives_fts(objectives_fts) VALUES ('rebuild');

-- Indicators: text, formula, baseline and target in one row of the index, so that a
-- search that found "Tempo medio di pagamento ≤ 30 giorni" in one string in a
-- version-1 plan still finds it when version 2 splits the target out of the text.
DROP TRIGGER indicators_fts_insert;
DROP TRIGGER indicators_fts_delete;
DROP TRIGGER indicators_fts_update;
DROP TABLE indicators_fts;
CREATE VIRTUAL TABLE indicators_fts USING fts5(
  text, formula, baseline, target,
  content = 'indicators', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER indicators_fts_insert AFTER INSERT ON indicators BEGIN
  INSERT INTO indicators_fts(rowid, text, formula, baseline, target) VALUES (new.id, new.text, new.formula, new.baseline, new.target);
END;
CREATE TRIGGER indicators_fts_delete AFTER DELETE ON indicators BEGIN
  INSERT INTO indicators_fts(indicators_fts, rowid, text, formula, baseline, target)
  VALUES ('delete', old.id, old.text, old.formula, old.baseline, old.target);
END;
CREATE TRIGGER indicators_fts_update AFTER UPDATE ON indicators BEGIN
  INSERT INTO indicators_fts(indicators_fts, rowid, text, formula, baseline, target)
  VALUES ('delete', old.id, old.text, old.formula, old.baseline, old.target);
  INSERT INTO indicators_fts(rowid, text, formula, baseline, target) VALUES (new.id, new.text, new.formula, new.baseline, new.target);
END;
INSERT INTO indicators_fts(indicators_fts) VALUES ('rebuild');

-- Views: the existing ones keep their columns in their order and gain the new ones at
-- the end, so `SELECT *` users see the same first columns.
DROP VIEW v_current_plans;
CREATE VIEW v_current_plans AS
SELECT p.id AS plan_id, p.organization, p.year, p.version,
       d.id AS document_id, d.path, d.format, d.pages, d.sha256, d.imported_at,
       p.schema_version, p.kind, p.period_from, p.period_to
FROM plans p JOIN documents d ON d.id = p.document_id
WHERE p.is_current = 1;

DROP VIEW v_objective_weights;
CREATE VIEW v_objective_weights AS
SELECT p.id AS plan_id, p.organization, p.year, p.is_current,
       u.id AS unit_id, u.name AS unit, o.id AS objective_id, o.number, o.title,
       o.summary_weight, o.detail_weight,
       CASE WHEN o.summary_weight IS NULL OR o.detail_weight IS NULL THEN NULL
            ELSE (o.summary_weight <> o.detail_weight) END AS weights_differ,
       o.summary_page, o.detail_page,
       o.summary_weight_text, o.detail_weight_text,
       (o.summary_weight IS NOT NULL OR o.detail_weight IS NOT NULL) AS weighted,
       u.number AS unit_number
FROM objectives o JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id;

-- A unit whose objectives carry no weight at all (WEIGHTS_ABSENT) has nothing to add
-- up: its differences are NULL, not "0 − 100".
DROP VIEW v_unit_totals;
CREATE VIEW v_unit_totals AS
SELECT p.id AS plan_id, p.organization, p.year, p.is_current,
       u.id AS unit_id, u.name AS unit, u.manager,
       count(o.id) AS objectives,
       round(sum(o.summary_weight), 4) AS summary_total,
       round(sum(o.detail_weight), 4) AS detail_total,
       u.declared_total,
       coalesce(u.declared_total, 100) AS expected_total,
       round(sum(o.summary_weight) - coalesce(u.declared_total, 100), 4) AS summary_difference,
       round(sum(o.detail_weight) - coalesce(u.declared_total, 100), 4) AS detail_difference,
       coalesce(sum(o.has_detail = 0), 0) AS objectives_without_detail,
       u.page,
       u.number AS unit_number,
       coalesce(sum(o.summary_weight IS NOT NULL OR o.detail_weight IS NOT NULL), 0) AS weighted_objectives
FROM units u JOIN plans p ON p.id = u.plan_id LEFT JOIN objectives o ON o.unit_id = u.id
GROUP BY u.id;

-- Per objective, its indicators and how many give a target, a baseline, a formula.
-- The three counts are NULL for plans stored from a version-1 export, which never split
-- them out of the indicator's text (NULL: not known, rather than none).
CREATE VIEW v_objective_indicators AS
SELECT p.id AS plan_id, p.organization, p.year, p.is_current, p.schema_version,
       u.id AS unit_id, u.name AS unit, o.id AS objective_id, o.number, o.title,
       count(i.id) AS indicators,
       CASE WHEN p.schema_version >= 2 THEN count(i.target) END AS with_target,
       CASE WHEN p.schema_version >= 2 THEN count(i.baseline) END AS with_baseline,
       CASE WHEN p.schema_version >= 2 THEN count(i.formula) END AS with_formula,
       coalesce(o.detail_page, o.summary_page) AS page
FROM objectives o JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id
LEFT JOIN indicators i ON i.objective_id = o.id
GROUP BY o.id;

-- Every phase with its schedule: Gantt months, dates, weight. `begins_on` / `ends_on`
-- are the start and deadline where given, else the first day of the first marked month
-- and the last day of the last one. `after_plan_year`: it ends after 31 December of
-- the plan's year. `outside_period`: it begins before the plan's period or ends after
-- it (the period where the plan states one, else its year). Both NULL when unknown.
CREATE VIEW v_phases AS
SELECT s.*,
       CASE WHEN s.year IS NULL OR s.ends_on IS NULL THEN NULL
            ELSE CAST(substr(s.ends_on, 1, 4) AS INTEGER) > s.year END AS after_plan_year,
       CASE WHEN coalesce(s.period_from, s.year) IS NULL OR (s.begins_on IS NULL AND s.ends_on IS NULL) THEN NULL
            ELSE coalesce(CAST(substr(s.begins_on, 1, 4) AS INTEGER) < coalesce(s.period_from, s.year), 0)
              OR coalesce(CAST(substr(s.ends_on, 1, 4) AS INTEGER) > coalesce(s.period_to, s.year), 0) END AS outside_period
FROM (
  SELECT p.id AS plan_id, p.organization, p.year, p.period_from, p.period_to, p.is_current,
         u.id AS unit_id, u.name AS unit, o.id AS objective_id, o.number AS objective_number, o.title AS objective,
         ph.id AS phase_id, ph.position, ph.number AS phase_number, ph.description AS phase, ph.responsible, ph.output,
         ph.weight, ph.start, ph.deadline, ph.deadline_text,
         coalesce(m.months, 0) AS months, m.first_month, m.last_month,
         coalesce(ph.start, m.first_month || '-01') AS begins_on,
         coalesce(ph.deadline, date(m.last_month || '-01', '+1 month', '-1 day')) AS ends_on,
         ph.page
  FROM phases ph
  JOIN objectives o ON o.id = ph.objective_id
  JOIN units u ON u.id = o.unit_id
  JOIN plans p ON p.id = u.plan_id
  LEFT JOIN (SELECT phase_id, count(*) AS months, min(month) AS first_month, max(month) AS last_month
             FROM phase_months GROUP BY phase_id) m ON m.phase_id = ph.id
) s;
