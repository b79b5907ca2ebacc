-- 0001_init: one row per imported document, the plan read from it, and the plan's
-- units, objectives, phases (with their Gantt months), indicators and anomalies.
-- Every row keeps the page (and the layout table id, where the export gives one)
-- it was read from, so an analyst can go from a row back to the source page.

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  path        TEXT    NOT NULL,
  sha256      TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
  format      TEXT    NOT NULL CHECK (format IN ('pdf', 'docx', 'html', 'text')),
  pages       INTEGER CHECK (pages >= 0),
  bytes       INTEGER NOT NULL CHECK (bytes >= 0),
  imported_at TEXT    NOT NULL
);

CREATE TABLE plans (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  schema_version INTEGER NOT NULL,
  organization   TEXT,
  year           INTEGER,
  version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  is_current     INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
  superseded_by  INTEGER REFERENCES plans(id),
  superseded_at  TEXT,
  -- A current plan is superseded by nothing.
  CHECK (is_current = 0 OR superseded_by IS NULL)
);
-- At most one current plan per organization and year.
CREATE UNIQUE INDEX plans_one_current ON plans(organization, year)
  WHERE is_current = 1 AND organization IS NOT NULL AND year IS NOT NULL;
CREATE INDEX plans_organization_year ON plans(organization, year, version);

CREATE TABLE units (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  name           TEXT    NOT NULL,
  manager        TEXT,
  declared_total REAL,
  page           INTEGER,
  page_given     INTEGER NOT NULL DEFAULT 0 CHECK (page_given IN (0, 1)),
  UNIQUE (plan_id, position)
);
CREATE INDEX units_name ON units(name);

CREATE TABLE objectives (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  number           INTEGER NOT NULL,
  title            TEXT    NOT NULL,
  has_summary      INTEGER NOT NULL CHECK (has_summary IN (0, 1)),
  summary_weight   REAL,
  summary_title    TEXT,
  notes            TEXT,
  summary_page     INTEGER,
  summary_table    TEXT,
  has_detail       INTEGER NOT NULL CHECK (has_detail IN (0, 1)),
  detail_number    INTEGER,
  detail_weight    REAL,
  detail_title     TEXT,
  detail_unit_name TEXT,
  detail_manager   TEXT,
  duration         TEXT,
  end_year         INTEGER,
  intersectoral    INTEGER CHECK (intersectoral IN (0, 1)),
  description      TEXT,
  criticalities    TEXT,
  detail_page      INTEGER,
  detail_table     TEXT,
  UNIQUE (unit_id, position),
  CHECK (has_summary = 1 OR (summary_title IS NULL AND summary_weight IS NULL)),
  CHECK (has_detail = 1 OR (detail_title IS NULL AND detail_weight IS NULL))
);
CREATE INDEX objectives_number ON objectives(unit_id, number);

CREATE TABLE phases (
  id           INTEGER PRIMARY KEY,
  objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  number       INTEGER,
  description  TEXT    NOT NULL,
  responsible  TEXT,
  output       TEXT,
  page         INTEGER,
  page_given   INTEGER NOT NULL DEFAULT 0 CHECK (page_given IN (0, 1)),
  UNIQUE (objective_id, position)
);

CREATE TABLE phase_months (
  phase_id INTEGER NOT NULL REFERENCES phases(id) ON DELETE CASCADE,
  month    TEXT    NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),
  PRIMARY KEY (phase_id, month)
) WITHOUT ROWID;
CREATE INDEX phase_months_month ON phase_months(month);

CREATE TABLE indicators (
  id           INTEGER PRIMARY KEY,
  objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
  source       TEXT    NOT NULL CHECK (source IN ('summary', 'detail')),
  position     INTEGER NOT NULL,
  text         TEXT    NOT NULL,
  page         INTEGER,
  UNIQUE (objective_id, source, position)
);

CREATE TABLE anomalies (
  id               INTEGER PRIMARY KEY,
  plan_id          INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  code             TEXT    NOT NULL,
  severity         TEXT    NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  unit             TEXT,
  objective_number INTEGER,
  message          TEXT    NOT NULL,
  page             INTEGER,
  UNIQUE (plan_id, position)
);
CREATE INDEX anomalies_code ON anomalies(code, severity);

-- Full-text search (FTS5, external content, kept in step by triggers).
-- remove_diacritics so that "attivita" finds "attività".
CREATE VIRTUAL TABLE objectives_fts USING fts5(
  title, summary_title, detail_title, description,
  content = 'objectives', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER objectives_fts_insert AFTER INSERT ON objectives BEGIN
  INSERT INTO objectives_fts(rowid, title, summary_title, detail_title, description)
  VALUES (new.id, new.title, new.summary_title, new.detail_title, new.description);
END;
CREATE TRIGGER objectives_fts_delete AFTER DELETE ON objectives BEGIN
  INSERT INTO objectives_fts(objectives_fts, rowid, title, summary_title, detail_title, description)
  VALUES ('delete', old.id, old.title, old.summary_title, old.detail_title, old.description);
END;
CREATE TRIGGER objectives_fts_update AFTER UPDATE ON objectives BEGIN
  INSERT INTO objectives_fts(objectives_fts, rowid, title, summary_title, detail_title, description)
  VALUES ('delete', old.id, old.title, old.summary_title, old.detail_title, old.description);
  INSERT INTO objectives_fts(rowid, title, summary_title, detail_title, description)
  VALUES (new.id, new.title, new.summary_title, new.detail_title, new.description);
END;

CREATE VIRTUAL TABLE indicators_fts USING fts5(
  text,
  content = 'indicators', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER indicators_fts_insert AFTER INSERT ON indicators BEGIN
  INSERT INTO indicators_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER indicators_fts_delete AFTER DELETE ON indicators BEGIN
  INSERT INTO indicators_fts(indicators_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER indicators_fts_update AFTER UPDATE ON indicators BEGIN
  INSERT INTO indicators_fts(indicators_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO indicators_fts(rowid, text) VALUES (new.id, new.text);
END;

-- Views for analysts.
CREATE VIEW v_current_plans AS
SELECT p.id AS plan_id, p.organization, p.year, p.version,
       d.id AS document_id, d.path, d.format, d.pages, d.sha256, d.imported_at
FROM plans p JOIN documents d ON d.id = p.document_id
WHERE p.is_current = 1;

CREATE VIEW v_objective_weights AS
SELECT p.id AS plan_id, p.organization, p.year, p.is_current,
       u.id AS unit_id, u.name AS unit, o.id AS objective_id, o.number, o.title,
       o.summary_weight, o.detail_weight,
       CASE WHEN o.summary_weight IS NULL OR o.detail_weight IS NULL THEN NULL
            ELSE (o.summary_weight <> o.detail_weight) END AS weights_differ,
       o.summary_page, o.detail_page
FROM objectives o JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id;

-- expected_total: the declared TOTALE row where printed, else 100.
CREATE VIEW v_unit_totals AS
SELECT p.id AS plan_id, p.organization, p.year, p.is_current,
       u.id AS unit_id, u.name AS unit, u.manager,
       count(o.id) AS objectives,
       round(sum(o.summary_weight), 4) AS summary_total,
       round(sum(o.detail_weight), 4) AS detail_total,
       u.declared_total,
       coalesce(u.declared_total, 100) AS expected_total,
       round(coalesce(sum(o.summary_weight), 0) - coalesce(u.declared_total, 100), 4) AS summary_difference,
       round(sum(o.detail_weight) - coalesce(u.declared_total, 100), 4) AS detail_difference,
       coalesce(sum(o.has_detail = 0), 0) AS objectives_without_detail,
       u.page
FROM units u JOIN plans p ON p.id = u.plan_id LEFT JOIN objectives o ON o.unit_id = u.id
GROUP BY u.id;

CREATE VIEW v_gantt AS
SELECT p.id AS plan_id, p.organization, p.year, p.is_current,
       u.name AS unit, o.id AS objective_id, o.number AS objective_number, o.title AS objective,
       ph.id AS phase_id, ph.number AS phase_number, ph.description AS phase, ph.responsible,
       m.month, ph.page
FROM phase_months m
JOIN phases ph ON ph.id = m.phase_id
JOIN objectives o ON o.id = ph.objective_id
JOIN units u ON u.id = o.unit_id
JOIN plans p ON p.id = u.plan_id;

CREATE VIEW v_plan_anomalies AS
SELECT p.id AS plan_id, p.organization, p.year, p.is_current, d.path,
       count(a.id) AS anomalies,
       coalesce(sum(a.severity = 'error'), 0) AS errors,
       coalesce(sum(a.severity = 'warning'), 0) AS warnings,
       coalesce(sum(a.severity = 'info'), 0) AS infos
FROM plans p JOIN documents d ON d.id = p.document_id
LEFT JOIN anomalies a ON a.plan_id = p.id
GROUP BY p.id;
