/* test-exchange.c: the exchange format between districts, written and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jd-dashboard.h"
#include "jd-db-private.h"
#include "jd-stats.h"
#include "jd-exchange-import.h"
#include "jd-review-batch.h"
#include "jd-sample.h"
#include "fixture.h"

#define CREATED "2025-02-01T09:00:00Z"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static JdDb *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  JdDb *db = jd_db_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

static JdDb *
open_sample (const char *code,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  JdDb *db = open_memory ();
  JdSampleOptions options;

  jd_sample_options_init (&options);
  options.records_per_year = 600;
  options.years = 2;
  options.district_code = code;
  options.district_name = name;
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return db;
}

enum {
  WITH_RECORDS = 1 << 0,
  WITH_PERSONAL_DATA = 1 << 1,
};

static void
export (JdDb       *db,
        const char *code,
        int         flags,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  JdExchangeExportOptions options;

  jd_exchange_export_options_init (&options);
  options.district_code = code;
  options.records = (flags & WITH_RECORDS) != 0;
  options.personal_data = (flags & WITH_PERSONAL_DATA) != 0;
  options.created = CREATED;
  g_assert_true (jd_exchange_export (db, &options, path, NULL, &error));
  g_assert_no_error (error);
}

static void
import (JdDb       *db,
        const char *path,
        gboolean    replace)
{
  g_autoptr(GError) error = NULL;
  JdExchangeImportOptions options = { replace };

  gboolean ok = jd_exchange_import (db, path, &options, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
query (JdDb       *db,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A checksum of every table's content */
static char *
db_checksum (JdDb *db)
{
  static const char *const tables[] = {
    "district", "domain", "agency", "officer", "certificate_event", "record",
    "record_officer", "supervision_figures", "rollup", "officer_activity", "officer_count",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2;", tables[t]);
      g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (db, sql, NULL);

      g_assert_nonnull (stmt);
      g_checksum_update (checksum, (const guchar *) tables[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, text != NULL ? text : (const guchar *) "\x01NULL", -1);
            g_checksum_update (checksum, (const guchar *) "\x02", 1);
          }
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
assert_same_file (const char *a,
                  const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  gsize nx, ny;

  g_assert_true (g_file_get_contents (a, &x, &nx, NULL));
  g_assert_true (g_file_get_contents (b, &y, &ny, NULL));
  g_assert_cmpuint (nx, ==, ny);
  g_assert_cmpmem (x, nx, y, ny);
}

/* export → import into an empty database → export: the same bytes */
static void
test_round_trip (gconstpointer data)
{
  int flags = GPOINTER_TO_INT (data);
  gboolean records = (flags & WITH_RECORDS) != 0;
  g_autoptr(JdDb) a = open_sample (NULL, NULL);
  g_autoptr(JdDb) b = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = tmp_path ("round-trip-1.xml");
  g_autofree char *second = tmp_path ("round-trip-2.xml");
  g_autofree char *content = NULL;
  g_autofree char *officer_name = NULL;
  JdExchangeSummary summary = { NULL };

  export (a, NULL, flags, first);
  /* names and certificate numbers only when asked */
  {
    g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (a,
      "SELECT name FROM officer WHERE certificate_no IS NOT NULL ORDER BY id LIMIT 1;", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    officer_name = g_strdup_printf ("name=\"%s\"", sqlite3_column_text (stmt, 0));
  }
  g_assert_true (g_file_get_contents (first, &content, NULL, NULL));
  g_assert_true ((strstr (content, officer_name) != NULL) == ((flags & WITH_PERSONAL_DATA) != 0));

  g_assert_true (jd_exchange_validate (first, &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.district_code, ==, "120199");
  g_assert_cmpstr (summary.version, ==, "1.0");
  g_assert_cmpint (summary.first_year, ==, 2024);
  g_assert_cmpint (summary.last_year, ==, 2025);
  g_assert_cmpint (summary.records, ==, records);
  if (records)
    g_assert_cmpuint (summary.n_records, ==, query (a, "SELECT count(*) FROM record;"));
  jd_exchange_summary_clear (&summary);

  import (b, first, FALSE);
  /* imported as another district than the database's own */
  g_assert_cmpint (query (b, "SELECT count(*) FROM district WHERE code = '120199' AND is_local = 0;"), ==, 1);
  g_assert_cmpint (query (b, "SELECT sum (n_records) FROM rollup;"), ==,
                   query (a, "SELECT sum (n_records) FROM rollup;"));
  g_assert_cmpint (query (b, "SELECT sum (fine_fen) FROM rollup;"), ==,
                   query (a, "SELECT sum (fine_fen) FROM rollup;"));
  g_assert_cmpint (query (b, "SELECT count(*) FROM record;"), ==,
                   records ? query (a, "SELECT count(*) FROM record;") : 0);
  g_assert_true (jd_db_check_rollups (b, &error));
  g_assert_no_error (error);
  /* the named officers only with personal data; the figures in any case */
  if (flags & WITH_PERSONAL_DATA)
    g_assert_cmpint (query (b, "SELECT count(*) FROM officer WHERE name != '';"), >, 1000);
  else
    g_assert_cmpint (query (b, "SELECT count(*) FROM officer;"), ==, 0);
  for (int year = 2024; year <= 2025; year++)
    {
      gint64 district = query (b, "SELECT id FROM district WHERE code = '120199';");
      JdDashboard x, y;

      g_assert_true (jd_dashboard_compute (a, 0, 0, year, &x, &error));
      g_assert_no_error (error);
      g_assert_true (jd_dashboard_compute (b, district, 0, year, &y, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < JD_FIGURE_N; i++)
        g_assert_cmpint (y.overview.values[i], ==, x.overview.values[i]);
      g_assert_cmpint (y.officers_in_service, ==, x.officers_in_service);
      g_assert_cmpint (y.officers_participating, ==, x.officers_participating);
      for (guint i = 0; i < JD_RATE_N; i++)
        {
          g_assert_cmpint (y.rates[i].numerator, ==, x.rates[i].numerator);
          g_assert_cmpint (y.rates[i].denominator, ==, x.rates[i].denominator);
        }
    }

  export (b, "120199", flags, second);
  assert_same_file (first, second);

  /* rebuilding the rollups keeps the imported summary */
  g_assert_true (jd_db_rebuild_rollups (b, &error));
  g_assert_no_error (error);
  g_assert_true (jd_db_check_rollups (b, &error));
  g_assert_no_error (error);
  export (b, "120199", flags, second);
  assert_same_file (first, second);
}

/* The bureau's own district, moved through an exchange file with records
 * into an empty database, becomes that database's own with every figure; a
 * summary file, or a database that has its own district, stays as it was. */
static void
test_as_own (void)
{
  g_autoptr(JdDb) a = open_sample (NULL, NULL);
  g_autoptr(JdDb) b = open_memory ();
  g_autoptr(JdDb) c = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *full = tmp_path ("own-full.xml");
  g_autofree char *summary_only = tmp_path ("own-summary.xml");
  JdExchangeImportOptions options = { FALSE, TRUE };
  JdExchangeSummary summary = { NULL };

  export (a, NULL, WITH_RECORDS, full);
  export (a, NULL, 0, summary_only);

  g_assert_true (jd_exchange_import (b, full, &options, &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (summary.made_own);
  jd_exchange_summary_clear (&summary);
  g_assert_cmpint (query (b, "SELECT count(*) FROM district WHERE code = '120199' AND is_local = 1;"), ==, 1);
  g_assert_true (jd_db_check_rollups (b, &error));
  g_assert_no_error (error);
  for (int year = 2024; year <= 2025; year++)
    {
      JdDashboard x, y;

      g_assert_true (jd_dashboard_compute (a, 0, 0, year, &x, &error));
      g_assert_true (jd_dashboard_compute (b, 0, 0, year, &y, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < JD_FIGURE_N; i++)
        g_assert_cmpint (y.overview.values[i], ==, x.overview.values[i]);
      g_assert_cmpint (y.rates[JD_RATE_CERTIFICATE].numerator, ==, x.rates[JD_RATE_CERTIFICATE].numerator);
      g_assert_cmpint (y.rates[JD_RATE_PARTICIPATION].numerator, ==, x.rates[JD_RATE_PARTICIPATION].numerator);
    }

  /* a summary is another district's, even when asked */
  g_assert_true (jd_exchange_import (c, summary_only, &options, &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (summary.made_own);
  jd_exchange_summary_clear (&summary);
  g_assert_cmpint (query (c, "SELECT count(*) FROM district WHERE is_local = 1;"), ==, 0);
}

/* Replacing the own district's year from a file keeps the review files
 * drawn from its records: they hold their own copy of what reviewers need. */
static void
test_replace_keeps_reviews (void)
{
  g_autoptr(JdDb) db = open_sample (NULL, NULL);
  g_autoptr(JdReviewBatchSpec) spec = jd_review_batch_spec_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *path = tmp_path ("reviewed.xml");
  JdExchangeImportOptions options = { TRUE, FALSE };
  gint64 batch_id = 0;

  spec->name = g_strdup ("2025 spot check");
  spec->year = 2025;
  spec->kind = JD_REVIEW_BATCH_SPOT;
  spec->sample_size = 20;
  spec->seed = 7;
  g_assert_true (jd_review_batch_create (db, spec, &batch_id, &error));
  g_assert_no_error (error);
  before = jd_review_batch_files (db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >=, 20);

  export (db, NULL, WITH_RECORDS, path);
  g_assert_true (jd_exchange_import (db, path, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  after = jd_review_batch_files (db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      JdReviewFile *x = g_ptr_array_index (before, i);
      JdReviewFile *y = g_ptr_array_index (after, i);

      g_assert_cmpint (y->record_id, ==, 0);   /* the record itself was replaced */
      g_assert_cmpint (y->agency_id, ==, x->agency_id);
      g_assert_cmpstr (y->closed_on, ==, x->closed_on);
      g_assert_cmpstr (y->decision_no, ==, x->decision_no);
    }
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);
}

/* The hand-written file: figures stated here */
static void
test_hand_written (void)
{
  g_autoptr(JdDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "exchange",
                                                 "district-120299.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JdExchangeImportOptions options = { FALSE };
  JdExchangeSummary summary = { NULL };
  Fixture fixture;

  fixture_fill (db, &fixture);
  g_assert_true (jd_exchange_import (db, path, &options, &summary, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.version, ==, "1.1");   /* a later minor version is read */
  g_assert_cmpstr (summary.district_name, ==, "第二区");
  g_assert_cmpuint (summary.n_rows, ==, 3);
  jd_exchange_summary_clear (&summary);

#define D "(SELECT id FROM district WHERE code = '120299')"
  g_assert_cmpint (query (db, "SELECT count(*) FROM district;"), ==, 2);
  g_assert_cmpint (query (db, "SELECT is_local FROM district WHERE code = '120299';"), ==, 0);
  g_assert_cmpint (query (db, "SELECT count(*) FROM agency WHERE district_id = " D ";"), ==, 2);
  g_assert_cmpint (query (db, "SELECT sum (n_records) FROM rollup WHERE district_id = " D " AND year = 2024;"), ==, 31);
  g_assert_cmpint (query (db, "SELECT sum (fine_fen) FROM rollup WHERE district_id = " D ";"), ==, 1250000);
  g_assert_cmpint (query (db, "SELECT sum (confiscation_fen) FROM rollup WHERE district_id = " D ";"), ==, 300000);
  g_assert_cmpint (query (db, "SELECT sum (n_publicized) FROM rollup WHERE district_id = " D ";"), ==, 29);
  g_assert_cmpint (query (db, "SELECT sum (n_review_done) FROM rollup WHERE district_id = " D ";"), ==, 3);
  g_assert_cmpint (query (db, "SELECT sum (n_referred) FROM rollup WHERE district_id = " D ";"), ==, 1);
  g_assert_cmpint (query (db, "SELECT n_records FROM rollup r JOIN agency a ON a.id = r.agency_id"
                              " WHERE a.name = '区市场监管局' AND r.category = 1 AND r.procedure = 1;"), ==, 4);
  g_assert_cmpint (query (db, "SELECT reconsiderations_corrected * 10 + lawsuits_lost"
                              " FROM supervision_figures f JOIN agency a ON a.id = f.agency_id"
                              " WHERE a.name = '区市场监管局' AND f.year = 2024;"), ==, 11);
  /* officers in aggregate: 10 valid, 1 suspended, 2 cancelled, 3 uncertified, and 5:
   * kept as counts, not as people */
  g_assert_cmpint (query (db, "SELECT count(*) FROM officer o JOIN agency a ON a.id = o.agency_id"
                              " WHERE a.district_id = " D ";"), ==, 0);
  g_assert_cmpint (query (db, "SELECT sum (valid) * 1000 + sum (suspended) * 100 + sum (cancelled) * 10"
                              " + sum (uncertified) FROM officer_count c JOIN agency a ON a.id = c.agency_id"
                              " WHERE a.district_id = " D " AND c.year = 2024;"), ==, 15123);
  /* as the statistics count them: 15 valid at the end of 2024; 16 in service (valid and suspended) */
  {
    gint64 district = query (db, "SELECT " D ";");
    JdOverview overview;
    JdDashboard dashboard;

    g_assert_true (jd_stats_overview (db, district, 2024, &overview, &error));
    g_assert_no_error (error);
    g_assert_cmpint (overview.values[JD_FIGURE_OFFICERS_VALID], ==, 15);
    g_assert_cmpint (overview.values[JD_FIGURE_AGENCIES], ==, 2);
    g_assert_cmpint (overview.values[JD_FIGURE_RECORDS], ==, 31);
    g_assert_true (jd_dashboard_compute (db, district, 0, 2024, &dashboard, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dashboard.officers_in_service, ==, 16);
    g_assert_cmpint (dashboard.rates[JD_RATE_CERTIFICATE].numerator, ==, 15);
  }
#undef D

  /* the local district's rollups still agree with its records, and a rebuild keeps the summary */
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);
  g_assert_true (jd_db_rebuild_rollups (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, "SELECT sum (n_records) FROM rollup WHERE district_id ="
                              " (SELECT id FROM district WHERE code = '120299');"), ==, 31);
  g_assert_cmpint (query (db, "SELECT sum (n_records) FROM rollup WHERE year = 2024 AND district_id ="
                              " (SELECT id FROM district WHERE is_local = 1);"), ==, 12);

  /* the same district and year again: refused, and nothing changes */
  before = db_checksum (db);
  g_assert_false (jd_exchange_import (db, path, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);
  after = db_checksum (db);
  g_assert_cmpstr (before, ==, after);

  /* with replace: exactly that year replaced, the same figures */
  options.replace = TRUE;
  g_assert_true (jd_exchange_import (db, path, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (after);
  after = db_checksum (db);
  g_assert_cmpint (query (db, "SELECT sum (n_records) FROM rollup WHERE district_id ="
                              " (SELECT id FROM district WHERE code = '120299');"), ==, 31);
  g_assert_cmpint (query (db, "SELECT sum (valid) FROM officer_count c JOIN agency a ON a.id = c.agency_id"
                              " WHERE a.district_id = (SELECT id FROM district WHERE code = '120299');"), ==, 15);
  g_assert_cmpstr (before, ==, after);   /* the same file replaced gives the same tables */
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);
}

/* A second district's sample, exported by one database, imported by another */
static void
test_second_district (void)
{
  g_autoptr(JdDb) city = open_sample (NULL, NULL);
  g_autoptr(JdDb) other = open_sample ("120299", "第二区");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("second.xml");
  g_autofree char *again = tmp_path ("second-again.xml");
  gint64 local_rows = query (city, "SELECT sum (n_records) FROM rollup;");

  export (other, NULL, 0, path);
  import (city, path, FALSE);
  g_assert_cmpint (query (city, "SELECT count(*) FROM district;"), ==, 2);
  g_assert_cmpint (query (city, "SELECT sum (n_records) FROM rollup;"), ==,
                   local_rows + query (other, "SELECT sum (n_records) FROM rollup;"));
  g_assert_true (jd_db_check_rollups (city, &error));
  g_assert_no_error (error);
  g_assert_true (jd_db_rebuild_rollups (city, &error));
  g_assert_no_error (error);
  g_assert_true (jd_db_check_rollups (city, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (city, "SELECT sum (n_records) FROM rollup;"), ==,
                   local_rows + query (other, "SELECT sum (n_records) FROM rollup;"));

  export (city, "120299", 0, again);
  assert_same_file (path, again);

  /* a summary of the database's own district cannot replace its records */
  {
    g_autofree char *own = tmp_path ("own.xml");
    g_autofree char *before = db_checksum (city);
    g_autofree char *after = NULL;
    JdExchangeImportOptions options = { TRUE };

    export (city, NULL, 0, own);
    g_assert_false (jd_exchange_import (city, own, &options, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_FAILED);
    g_clear_error (&error);
    after = db_checksum (city);
    g_assert_cmpstr (before, ==, after);
  }
}

/* Every bad file is refused with a clear error, and nothing changes */
static void
test_bad_files (void)
{
  static const struct
  {
    const char *name;
    int         code;
  } cases[] = {
    { "not-well-formed.xml", JD_EXCHANGE_ERROR_MALFORMED },
    { "truncated.xml", JD_EXCHANGE_ERROR_MALFORMED },
    { "wrong-namespace.xml", JD_EXCHANGE_ERROR_NOT_EXCHANGE },
    { "version-2.xml", JD_EXCHANGE_ERROR_VERSION },
    { "version-2-same-namespace.xml", JD_EXCHANGE_ERROR_VERSION },
    { "negative-count.xml", JD_EXCHANGE_ERROR_INVALID },
    { "unknown-enum.xml", JD_EXCHANGE_ERROR_INVALID },
    { "duplicate-id.xml", JD_EXCHANGE_ERROR_INVALID },
    { "dangling-reference.xml", JD_EXCHANGE_ERROR_INVALID },
    { "part-larger-than-whole.xml", JD_EXCHANGE_ERROR_INVALID },
    { "officers-beyond-counts.xml", JD_EXCHANGE_ERROR_INVALID },
    { "missing-attribute.xml", JD_EXCHANGE_ERROR_INVALID },
    { "billion-laughs.xml", JD_EXCHANGE_ERROR_MALFORMED },
    { "external-entity.xml", JD_EXCHANGE_ERROR_MALFORMED },
    { "wrong-digest.xml", JD_EXCHANGE_ERROR_DIGEST },
    { "changed-after-digest.xml", JD_EXCHANGE_ERROR_DIGEST },
    { "not-utf8.xml", JD_EXCHANGE_ERROR_MALFORMED },
    { "not-utf8-undeclared.xml", JD_EXCHANGE_ERROR_MALFORMED },
    { "empty.xml", JD_EXCHANGE_ERROR_MALFORMED },
  };
  g_autoptr(JdDb) db = open_memory ();
  g_autofree char *before = NULL;
  Fixture fixture;

  fixture_fill (db, &fixture);
  before = db_checksum (db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "exchange", "bad",
                                                     cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      JdExchangeImportOptions options = { TRUE };

      g_test_message ("%s", cases[i].name);
      g_assert_false (jd_exchange_validate (path, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, JD_EXCHANGE_ERROR, cases[i].code);
      g_clear_error (&error);

      g_assert_false (jd_exchange_import (db, path, &options, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, JD_EXCHANGE_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      /* the message names the file */
      g_assert_nonnull (strstr (error->message, cases[i].name));
      after = db_checksum (db);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A record that fails deep in a section (the records are read in batches by
 * a thread of their own) is named by its line, and nothing is kept. */
static void
check_bad_record (const char *text,
                  int         record,
                  const char *from,
                  const char *to,
                  const char *problem)
{
  g_autoptr(JdDb) db = open_memory ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("bad-record.xml");
  g_autofree char *joined = NULL;
  g_autofree char *where = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JdExchangeImportOptions options = { TRUE };
  Fixture fixture;
  int seen = 0;
  guint line = 0;

  for (guint i = 0; lines[i] != NULL && line == 0; i++)
    {
      if (strstr (lines[i], "<record ") != NULL && strstr (lines[i], from) != NULL &&
          ++seen == record)
        {
          g_autoptr(GString) changed = g_string_new (lines[i]);

          g_string_replace (changed, from, to, 0);
          g_free (lines[i]);
          lines[i] = g_string_free (g_steal_pointer (&changed), FALSE);
          line = i + 1;
        }
    }
  g_assert_cmpuint (line, >, 0);
  joined = g_strjoinv ("\n", lines);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));
  where = g_strdup_printf ("line %u, column ", line);

  fixture_fill (db, &fixture);
  before = db_checksum (db);

  g_assert_false (jd_exchange_validate (path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, where));
  g_assert_nonnull (strstr (error->message, "/records/record"));
  g_assert_nonnull (strstr (error->message, problem));
  g_clear_error (&error);

  g_assert_false (jd_exchange_import (db, path, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, where));
  g_assert_nonnull (strstr (error->message, problem));
  after = db_checksum (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_record (void)
{
  g_autoptr(JdDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("many-records.xml");
  g_autofree char *text = NULL;
  JdSampleOptions options;

  jd_sample_options_init (&options);
  options.records_per_year = 5000;
  options.years = 1;
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  export (db, NULL, WITH_RECORDS, path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  /* in the third batch of 1,024: a penalty without its procedure */
  check_bad_record (text, 2500, "category=\"inspection\"", "category=\"penalty\"",
                    "procedure");
  /* the first record: one closed in another year than its section's */
  check_bad_record (text, 1, "closed=\"2025-", "closed=\"2024-", "does not count");
}

/* A cancelled or failed export leaves no file under the real name */
static void
test_export_atomic (void)
{
  g_autoptr(JdDb) db = open_sample (NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("cancelled.xml");
  g_autoptr(GDir) dir = NULL;
  JdExchangeExportOptions options;
  const char *name;

  jd_exchange_export_options_init (&options);
  g_cancellable_cancel (cancellable);
  g_assert_false (jd_exchange_export (db, &options, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".cancelled.xml."));
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("JIANDU_CLI");
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "exchange",
                                                 "district-120299.xml", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "exchange", "bad",
                                                "wrong-digest.xml", NULL);
  g_autofree char *database = tmp_path ("cli.db");
  g_autofree char *out = tmp_path ("cli.xml");
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("JIANDU_CLI is not set");
      return;
    }

  {
    const char *argv[] = { cli, "validate", good, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &output, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&output, g_free);
  }
  {
    const char *argv[] = { cli, "validate", bad, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &output, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (output, "digest"));
    g_clear_pointer (&output, g_free);
  }
  {
    const char *argv[] = { cli, "--database", database, "import", good, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { cli, "--database", database, "import", good, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));   /* already there */
  }
  {
    const char *argv[] = { cli, "--database", database, "import", "--replace", good, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { cli, "--database", database, "export", "--district", "120299",
                           "--year", "2024", "--out", out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (jd_exchange_validate (out, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *datadir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* the schema from the source tree */
  datadir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("JIANDU_DATADIR", datadir, TRUE);
  tmp_dir = g_dir_make_tmp ("jiandu-exchange-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_data_func ("/exchange/round-trip/summary", GINT_TO_POINTER (0), test_round_trip);
  g_test_add_data_func ("/exchange/round-trip/records", GINT_TO_POINTER (WITH_RECORDS), test_round_trip);
  g_test_add_data_func ("/exchange/round-trip/personal-data",
                        GINT_TO_POINTER (WITH_RECORDS | WITH_PERSONAL_DATA), test_round_trip);
  g_test_add_func ("/exchange/hand-written", test_hand_written);
  g_test_add_func ("/exchange/as-own", test_as_own);
  g_test_add_func ("/exchange/replace-keeps-reviews", test_replace_keeps_reviews);
  g_test_add_func ("/exchange/second-district", test_second_district);
  g_test_add_func ("/exchange/bad-files", test_bad_files);
  g_test_add_func ("/exchange/bad-record", test_bad_record);
  g_test_add_func ("/exchange/export-atomic", test_export_atomic);
  g_test_add_func ("/exchange/cli", test_cli);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return status;
}
