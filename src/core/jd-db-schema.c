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

static const JdMigration migrations[] = {
  { 1, migration_1 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == JD_DB_SCHEMA_VERSION);

const JdMigration *
_jd_db_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
