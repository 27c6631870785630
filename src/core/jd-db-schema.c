/* jd-db-schema.c: the schema, as an ordered list of migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step runs in its own transaction together with the PRAGMA user_version
 * that records it. Never edit a step that has shipped: append a new one, add
 * a fixture for the old version in tests/, and bump JD_DB_SCHEMA_VERSION.
 */

#define G_LOG_DOMAIN "jd-db-schema"

#include "config.h"

#include "jd-db-private.h"

/* The rollup row of a record gains the NEW record, or loses the OLD one (and
 * goes when it counts nothing); an update does both. Shipped migrations use
 * these as they are: change them only in a new migration, under a new name. */
#define ROLLUP_ADD_NEW \
  "  INSERT INTO rollup VALUES (\n" \
  "    (SELECT district_id FROM agency WHERE id = NEW.agency_id),\n" \
  "    NEW.agency_id, NEW.year, NEW.category, NEW.procedure, 1,\n" \
  "    NEW.fine_fen, NEW.confiscation_fen, NEW.publicized != 0, NEW.recorded != 0,\n" \
  "    NEW.legal_review_required != 0,\n" \
  "    NEW.legal_review_required != 0 AND NEW.legal_review_done != 0,\n" \
  "    NEW.leniency = 1, NEW.leniency = 2, NEW.leniency = 3, NEW.leniency = 4,\n" \
  "    NEW.referred != 0)\n" \
  "  ON CONFLICT DO UPDATE SET\n" \
  "    n_records = n_records + 1,\n" \
  "    fine_fen = fine_fen + excluded.fine_fen,\n" \
  "    confiscation_fen = confiscation_fen + excluded.confiscation_fen,\n" \
  "    n_publicized = n_publicized + excluded.n_publicized,\n" \
  "    n_recorded = n_recorded + excluded.n_recorded,\n" \
  "    n_review_required = n_review_required + excluded.n_review_required,\n" \
  "    n_review_done = n_review_done + excluded.n_review_done,\n" \
  "    n_not_penalised = n_not_penalised + excluded.n_not_penalised,\n" \
  "    n_first_offence = n_first_offence + excluded.n_first_offence,\n" \
  "    n_lighter = n_lighter + excluded.n_lighter,\n" \
  "    n_mitigated = n_mitigated + excluded.n_mitigated,\n" \
  "    n_referred = n_referred + excluded.n_referred;\n"

#define ROLLUP_SUBTRACT_OLD \
  "  UPDATE rollup SET\n" \
  "    n_records = n_records - 1,\n" \
  "    fine_fen = fine_fen - OLD.fine_fen,\n" \
  "    confiscation_fen = confiscation_fen - OLD.confiscation_fen,\n" \
  "    n_publicized = n_publicized - (OLD.publicized != 0),\n" \
  "    n_recorded = n_recorded - (OLD.recorded != 0),\n" \
  "    n_review_required = n_review_required - (OLD.legal_review_required != 0),\n" \
  "    n_review_done = n_review_done\n" \
  "      - (OLD.legal_review_required != 0 AND OLD.legal_review_done != 0),\n" \
  "    n_not_penalised = n_not_penalised - (OLD.leniency = 1),\n" \
  "    n_first_offence = n_first_offence - (OLD.leniency = 2),\n" \
  "    n_lighter = n_lighter - (OLD.leniency = 3),\n" \
  "    n_mitigated = n_mitigated - (OLD.leniency = 4),\n" \
  "    n_referred = n_referred - (OLD.referred != 0)\n" \
  "  WHERE agency_id = OLD.agency_id AND year = OLD.year\n" \
  "    AND category = OLD.category AND procedure = OLD.procedure;\n" \
  "  DELETE FROM rollup\n" \
  "  WHERE agency_id = OLD.agency_id AND year = OLD.year\n" \
  "    AND category = OLD.category AND procedure = OLD.procedure AND n_records = 0;\n"

/* Version 1: the registry, records, supervision figures and the rollups that
 * triggers keep exact on every write. The triggers that keep rollups are
 * named rollup_*: bulk writes set them aside and recount instead. */
static const char migration_1[] =
  "PRAGMA application_id = 1245987906;\n"   /* JD_DB_APPLICATION_ID, "JDDB" */

  "CREATE TABLE district (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  code      TEXT NOT NULL UNIQUE,\n"
  "  name      TEXT NOT NULL,\n"
  "  level     INTEGER NOT NULL CHECK (level BETWEEN 0 AND 2),\n"
  "  is_local  INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1))\n"
  ");\n"
  "CREATE UNIQUE INDEX district_local ON district (is_local) WHERE is_local = 1;\n"

  "CREATE TABLE domain (\n"
  "  id    INTEGER PRIMARY KEY,\n"
  "  code  TEXT NOT NULL UNIQUE,\n"
  "  name  TEXT NOT NULL\n"
  ");\n"

  "CREATE TABLE agency (\n"
  "  id                INTEGER PRIMARY KEY,\n"
  "  district_id       INTEGER NOT NULL REFERENCES district (id),\n"
  "  name              TEXT NOT NULL,\n"
  "  kind              INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),\n"
  "  domain_id         INTEGER REFERENCES domain (id),\n"
  "  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
  "  established_year  INTEGER,\n"
  "  dissolved_year    INTEGER,\n"
  "  UNIQUE (district_id, name)\n"
  ");\n"

  "CREATE TABLE officer (\n"
  "  id                 INTEGER PRIMARY KEY,\n"
  "  agency_id          INTEGER NOT NULL REFERENCES agency (id),\n"
  "  name               TEXT NOT NULL,\n"
  "  certificate_no     TEXT UNIQUE,\n"
  "  issued_on          TEXT,\n"
  "  expires_on         TEXT,\n"
  "  status             INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),\n"
  "  cancel_reason      INTEGER NOT NULL DEFAULT 0 CHECK (cancel_reason BETWEEN 0 AND 5),\n"
  "  status_changed_on  TEXT,\n"
  "  exam_year          INTEGER\n"
  ");\n"
  "CREATE INDEX officer_agency ON officer (agency_id);\n"

  "CREATE TABLE certificate_event (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  officer_id  INTEGER NOT NULL REFERENCES officer (id) ON DELETE CASCADE,\n"
  "  kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),\n"
  "  event_on    TEXT NOT NULL,\n"
  "  expires_on  TEXT,\n"
  "  reason      INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX certificate_event_officer ON certificate_event (officer_id);\n"

  "CREATE TABLE record (\n"
  "  id                     INTEGER PRIMARY KEY,\n"
  "  agency_id              INTEGER NOT NULL REFERENCES agency (id),\n"
  "  category               INTEGER NOT NULL CHECK (category BETWEEN 0 AND 12),\n"
  "  procedure              INTEGER NOT NULL DEFAULT 0 CHECK (procedure BETWEEN 0 AND 2),\n"
  "  penalty_type           INTEGER NOT NULL DEFAULT 0 CHECK (penalty_type BETWEEN 0 AND 12),\n"
  "  opened_on              TEXT NOT NULL,\n"
  "  closed_on              TEXT,\n"
  "  year                   INTEGER NOT NULL GENERATED ALWAYS AS\n"
  "                           (CAST (substr (coalesce (closed_on, opened_on), 1, 4) AS INTEGER))\n"
  "                           STORED,\n"
  "  domain_id              INTEGER REFERENCES domain (id),\n"
  "  party                  TEXT,\n"
  "  fine_fen               INTEGER NOT NULL DEFAULT 0 CHECK (fine_fen >= 0),\n"
  "  confiscation_fen       INTEGER NOT NULL DEFAULT 0 CHECK (confiscation_fen >= 0),\n"
  "  publicized             INTEGER NOT NULL DEFAULT 0,\n"
  "  recorded               INTEGER NOT NULL DEFAULT 0,\n"
  "  legal_review_required  INTEGER NOT NULL DEFAULT 0,\n"
  "  legal_review_done      INTEGER NOT NULL DEFAULT 0,\n"
  "  leniency               INTEGER NOT NULL DEFAULT 0 CHECK (leniency BETWEEN 0 AND 4),\n"
  "  referred               INTEGER NOT NULL DEFAULT 0,\n"
  "  decision_no            TEXT\n"
  ");\n"
  "CREATE INDEX record_agency_year ON record (agency_id, year);\n"

  "CREATE TABLE record_officer (\n"
  "  record_id   INTEGER NOT NULL REFERENCES record (id),\n"
  "  officer_id  INTEGER NOT NULL REFERENCES officer (id),\n"
  "  PRIMARY KEY (record_id, officer_id)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE supervision_figures (\n"
  "  agency_id                   INTEGER NOT NULL REFERENCES agency (id),\n"
  "  year                        INTEGER NOT NULL,\n"
  "  reconsiderations            INTEGER NOT NULL DEFAULT 0,\n"
  "  reconsiderations_corrected  INTEGER NOT NULL DEFAULT 0,\n"
  "  lawsuits_concluded          INTEGER NOT NULL DEFAULT 0,\n"
  "  lawsuits_lost               INTEGER NOT NULL DEFAULT 0,\n"
  "  hearings                    INTEGER NOT NULL DEFAULT 0,\n"
  "  head_appearances            INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (agency_id, year),\n"
  "  CHECK (reconsiderations_corrected <= reconsiderations),\n"
  "  CHECK (lawsuits_lost <= lawsuits_concluded),\n"
  "  CHECK (head_appearances <= hearings)\n"
  ") WITHOUT ROWID;\n"

  /* Counts and sums per district, agency, year, category and procedure. */
  "CREATE TABLE rollup (\n"
  "  district_id       INTEGER NOT NULL,\n"
  "  agency_id         INTEGER NOT NULL,\n"
  "  year              INTEGER NOT NULL,\n"
  "  category          INTEGER NOT NULL,\n"
  "  procedure         INTEGER NOT NULL,\n"
  "  n_records         INTEGER NOT NULL,\n"
  "  fine_fen          INTEGER NOT NULL,\n"
  "  confiscation_fen  INTEGER NOT NULL,\n"
  "  n_publicized      INTEGER NOT NULL,\n"
  "  n_recorded        INTEGER NOT NULL,\n"
  "  n_review_required INTEGER NOT NULL,\n"
  "  n_review_done     INTEGER NOT NULL,\n"
  "  n_not_penalised   INTEGER NOT NULL,\n"
  "  n_first_offence   INTEGER NOT NULL,\n"
  "  n_lighter         INTEGER NOT NULL,\n"
  "  n_mitigated       INTEGER NOT NULL,\n"
  "  n_referred        INTEGER NOT NULL,\n"
  "  PRIMARY KEY (agency_id, year, category, procedure)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX rollup_district_year ON rollup (district_id, year);\n"

  /* Records per officer and year, for participation rates. */
  "CREATE TABLE officer_activity (\n"
  "  officer_id  INTEGER NOT NULL,\n"
  "  year        INTEGER NOT NULL,\n"
  "  n_records   INTEGER NOT NULL,\n"
  "  PRIMARY KEY (officer_id, year)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TRIGGER rollup_record_insert AFTER INSERT ON record BEGIN\n"
  ROLLUP_ADD_NEW
"END;\n"

  "CREATE TRIGGER rollup_record_delete AFTER DELETE ON record BEGIN\n"
  ROLLUP_SUBTRACT_OLD
"END;\n"

  /* An update is a delete of the old row and an insert of the new one. */
  "CREATE TRIGGER rollup_record_update AFTER UPDATE ON record BEGIN\n"
  ROLLUP_SUBTRACT_OLD
  ROLLUP_ADD_NEW
"END;\n"

  /* A record's officers go with it; officer_activity follows record_officer. */
  "CREATE TRIGGER record_officers_delete BEFORE DELETE ON record BEGIN\n"
  "  DELETE FROM record_officer WHERE record_id = OLD.id;\n"
  "END;\n"

  "CREATE TRIGGER rollup_officer_insert AFTER INSERT ON record_officer BEGIN\n"
  "  INSERT INTO officer_activity VALUES (\n"
  "    NEW.officer_id, (SELECT year FROM record WHERE id = NEW.record_id), 1)\n"
  "  ON CONFLICT DO UPDATE SET n_records = n_records + 1;\n"
  "END;\n"

  "CREATE TRIGGER rollup_officer_delete AFTER DELETE ON record_officer BEGIN\n"
  "  UPDATE officer_activity SET n_records = n_records - 1\n"
  "  WHERE officer_id = OLD.officer_id\n"
  "    AND year = (SELECT year FROM record WHERE id = OLD.record_id);\n"
  "  DELETE FROM officer_activity\n"
  "  WHERE officer_id = OLD.officer_id AND n_records = 0;\n"
  "END;\n"

  "CREATE TRIGGER rollup_record_year AFTER UPDATE OF opened_on, closed_on ON record\n"
  "WHEN OLD.year != NEW.year BEGIN\n"
  "  UPDATE officer_activity SET n_records = n_records - 1\n"
  "  WHERE year = OLD.year\n"
  "    AND officer_id IN (SELECT officer_id FROM record_officer WHERE record_id = NEW.id);\n"
  "  DELETE FROM officer_activity WHERE year = OLD.year AND n_records = 0;\n"
  "  INSERT INTO officer_activity\n"
  "    SELECT officer_id, NEW.year, 1 FROM record_officer WHERE record_id = NEW.id\n"
  "  ON CONFLICT DO UPDATE SET n_records = n_records + 1;\n"
  "END;\n"

  "CREATE TRIGGER agency_district_update AFTER UPDATE OF district_id ON agency BEGIN\n"
  "  UPDATE rollup SET district_id = NEW.district_id WHERE agency_id = NEW.id;\n"
  "END;\n";

/* Version 2: case-file review (案卷评查). A template is never edited in place:
 * saving a change adds the next version of the same code, so finished reviews
 * keep the items they were scored against. A drawn file keeps a copy of what
 * the reviewer needs of its record, so replacing a year's records by an
 * import never loses a review. */
static const char migration_2[] =
  "CREATE TABLE review_template (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  code          TEXT NOT NULL,\n"
  "  version       INTEGER NOT NULL CHECK (version >= 1),\n"
  "  name          TEXT NOT NULL,\n"
  "  kind          INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),\n"
  "  scoring_mode  INTEGER NOT NULL DEFAULT 0 CHECK (scoring_mode IN (0, 1)),\n"
  "  total_points  REAL NOT NULL CHECK (total_points > 0),\n"
  "  builtin       INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),\n"
  "  created_on    TEXT NOT NULL,\n"
  "  UNIQUE (code, version)\n"
  ");\n"

  "CREATE TABLE review_section (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  template_id  INTEGER NOT NULL REFERENCES review_template (id) ON DELETE CASCADE,\n"
  "  parent_id    INTEGER REFERENCES review_section (id) ON DELETE CASCADE,\n"
  "  seq          INTEGER NOT NULL,\n"
  "  title        TEXT NOT NULL,\n"
  "  points       REAL NOT NULL DEFAULT 0 CHECK (points >= 0)\n"
  ");\n"
  "CREATE INDEX review_section_template ON review_section (template_id, seq);\n"

  /* veto: 0 none, 1 the score becomes zero, 2 the file fails, 3 not the top
   * grade. typical: the usual deductions per defect, as "1;2;5". */
  "CREATE TABLE review_item (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  template_id  INTEGER NOT NULL REFERENCES review_template (id) ON DELETE CASCADE,\n"
  "  section_id   INTEGER REFERENCES review_section (id) ON DELETE CASCADE,\n"
  "  seq          INTEGER NOT NULL,\n"
  "  text         TEXT NOT NULL,\n"
  "  points       REAL NOT NULL CHECK (points >= 0),\n"
  "  rule         TEXT,\n"
  "  typical      TEXT,\n"
  "  veto         INTEGER NOT NULL DEFAULT 0 CHECK (veto BETWEEN 0 AND 3)\n"
  ");\n"
  "CREATE INDEX review_item_template ON review_item (template_id, seq);\n"

  /* grade: 0 优秀, 1 良好, 2 合格, 3 不合格; a file gets the best grade whose
   * minimum its score reaches. */
  "CREATE TABLE review_grade_band (\n"
  "  template_id  INTEGER NOT NULL REFERENCES review_template (id) ON DELETE CASCADE,\n"
  "  grade        INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 3),\n"
  "  min_score    REAL NOT NULL CHECK (min_score >= 0),\n"
  "  PRIMARY KEY (template_id, grade)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE reviewer (\n"
  "  id    INTEGER PRIMARY KEY,\n"
  "  name  TEXT NOT NULL UNIQUE\n"
  ");\n"

  /* kind: 0 self-review, 1 cross-review, 2 spot check. Either sample_size or
   * sample_percent is set. The seed redraws the same sample. */
  "CREATE TABLE review_batch (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  name            TEXT NOT NULL,\n"
  "  year            INTEGER NOT NULL,\n"
  "  kind            INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),\n"
  "  closed_from     TEXT,\n"
  "  closed_to       TEXT,\n"
  "  sample_size     INTEGER NOT NULL DEFAULT 0 CHECK (sample_size >= 0),\n"
  "  sample_percent  REAL NOT NULL DEFAULT 0 CHECK (sample_percent BETWEEN 0 AND 100),\n"
  "  seed            INTEGER NOT NULL,\n"
  "  created_on      TEXT NOT NULL\n"
  ");\n"

  "CREATE TABLE review_batch_agency (\n"
  "  batch_id   INTEGER NOT NULL REFERENCES review_batch (id) ON DELETE CASCADE,\n"
  "  agency_id  INTEGER NOT NULL REFERENCES agency (id),\n"
  "  PRIMARY KEY (batch_id, agency_id)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE review_batch_category (\n"
  "  batch_id  INTEGER NOT NULL REFERENCES review_batch (id) ON DELETE CASCADE,\n"
  "  category  INTEGER NOT NULL CHECK (category BETWEEN 0 AND 12),\n"
  "  PRIMARY KEY (batch_id, category)\n"
  ") WITHOUT ROWID;\n"

  "CREATE TABLE review_batch_reviewer (\n"
  "  batch_id     INTEGER NOT NULL REFERENCES review_batch (id) ON DELETE CASCADE,\n"
  "  reviewer_id  INTEGER NOT NULL REFERENCES reviewer (id),\n"
  "  PRIMARY KEY (batch_id, reviewer_id)\n"
  ") WITHOUT ROWID;\n"

  /* The templates a batch scores with, one per review kind, pinned. */
  "CREATE TABLE review_batch_template (\n"
  "  batch_id     INTEGER NOT NULL REFERENCES review_batch (id) ON DELETE CASCADE,\n"
  "  kind         INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),\n"
  "  template_id  INTEGER NOT NULL REFERENCES review_template (id),\n"
  "  PRIMARY KEY (batch_id, kind)\n"
  ") WITHOUT ROWID;\n"

  /* A drawn file: seq is its place in the drawn list. */
  "CREATE TABLE review_file (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  batch_id     INTEGER NOT NULL REFERENCES review_batch (id) ON DELETE CASCADE,\n"
  "  seq          INTEGER NOT NULL,\n"
  "  record_id    INTEGER REFERENCES record (id) ON DELETE SET NULL,\n"
  "  agency_id    INTEGER NOT NULL REFERENCES agency (id),\n"
  "  template_id  INTEGER NOT NULL REFERENCES review_template (id),\n"
  "  category     INTEGER NOT NULL,\n"
  "  procedure    INTEGER NOT NULL DEFAULT 0,\n"
  "  penalty_type INTEGER NOT NULL DEFAULT 0,\n"
  "  opened_on    TEXT,\n"
  "  closed_on    TEXT,\n"
  "  party        TEXT,\n"
  "  decision_no  TEXT,\n"
  "  fine_fen     INTEGER NOT NULL DEFAULT 0,\n"
  "  UNIQUE (batch_id, seq)\n"
  ");\n"
  "CREATE INDEX review_file_batch_agency ON review_file (batch_id, agency_id);\n"
  "CREATE INDEX review_file_record ON review_file (record_id) WHERE record_id IS NOT NULL;\n"

  /* One reviewer's scoring of a file; reviewer_id NULL is the reconciled
   * sheet. status: 0 not started, 1 in progress, 2 finished. grade as in
   * review_grade_band, NULL until scored. cursor: the item last worked on. */
  "CREATE TABLE review_sheet (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  file_id      INTEGER NOT NULL REFERENCES review_file (id) ON DELETE CASCADE,\n"
  "  reviewer_id  INTEGER REFERENCES reviewer (id),\n"
  "  status       INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),\n"
  "  score        REAL,\n"
  "  grade        INTEGER CHECK (grade BETWEEN 0 AND 3),\n"
  "  cursor       INTEGER NOT NULL DEFAULT 0,\n"
  "  comment      TEXT,\n"
  "  updated_at   TEXT NOT NULL\n"
  ");\n"
  "CREATE UNIQUE INDEX review_sheet_reviewer ON review_sheet (file_id, coalesce (reviewer_id, 0));\n"

  "CREATE TABLE review_mark (\n"
  "  sheet_id   INTEGER NOT NULL REFERENCES review_sheet (id) ON DELETE CASCADE,\n"
  "  item_id    INTEGER NOT NULL REFERENCES review_item (id),\n"
  "  deducted   REAL NOT NULL DEFAULT 0 CHECK (deducted >= 0),\n"
  "  veto_hit   INTEGER NOT NULL DEFAULT 0 CHECK (veto_hit IN (0, 1)),\n"
  "  note       TEXT,\n"
  "  PRIMARY KEY (sheet_id, item_id)\n"
  ") WITHOUT ROWID;\n"

  /* Where each reviewer was in a batch, to resume there. */
  "CREATE TABLE review_cursor (\n"
  "  batch_id     INTEGER NOT NULL REFERENCES review_batch (id) ON DELETE CASCADE,\n"
  "  reviewer_id  INTEGER NOT NULL REFERENCES reviewer (id),\n"
  "  file_id      INTEGER NOT NULL REFERENCES review_file (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (batch_id, reviewer_id)\n"
  ") WITHOUT ROWID;\n"

  /* 执法监督建议书 (DOMAIN.md §13): the reply is due 15 days after issue. */
  "CREATE TABLE review_letter (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  batch_id     INTEGER NOT NULL REFERENCES review_batch (id) ON DELETE CASCADE,\n"
  "  agency_id    INTEGER NOT NULL REFERENCES agency (id),\n"
  "  number       TEXT NOT NULL,\n"
  "  issued_on    TEXT,\n"
  "  due_on       TEXT,\n"
  "  problems     TEXT NOT NULL,\n"
  "  measures     TEXT,\n"
  "  replied_on   TEXT,\n"
  "  reply        TEXT,\n"
  "  UNIQUE (batch_id, agency_id)\n"
  ");\n"

  /* The officer figures of another district's agency for a year, as its
   * exchange file states them (counts, not people): the statistics add
   * them, and leave that agency's officer rows (named officers of a file
   * with personal data) out of the figures. */
  "CREATE TABLE officer_count (\n"
  "  agency_id          INTEGER NOT NULL REFERENCES agency (id) ON DELETE CASCADE,\n"
  "  year               INTEGER NOT NULL,\n"
  "  valid              INTEGER NOT NULL DEFAULT 0 CHECK (valid >= 0),\n"
  "  suspended          INTEGER NOT NULL DEFAULT 0 CHECK (suspended >= 0),\n"
  "  cancelled          INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),\n"
  "  uncertified        INTEGER NOT NULL DEFAULT 0 CHECK (uncertified >= 0),\n"
  "  certified_in_year  INTEGER NOT NULL DEFAULT 0 CHECK (certified_in_year >= 0),\n"
  "  cancelled_in_year  INTEGER NOT NULL DEFAULT 0 CHECK (cancelled_in_year >= 0),\n"
  "  participating      INTEGER NOT NULL DEFAULT 0 CHECK (participating BETWEEN 0 AND valid),\n"
  "  PRIMARY KEY (agency_id, year)\n"
  ") WITHOUT ROWID;\n";

static const JdMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == JD_DB_SCHEMA_VERSION);

const JdMigration *
_jd_db_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
