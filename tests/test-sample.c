/* test-sample.c: the deterministic sample district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "jd-db.h"
#include "jd-sample.h"
#include "jd-stats.h"

#define RECORDS_PER_YEAR 3000
#define YEARS            3
#define LAST_YEAR        2025
#define FIRST_YEAR       (LAST_YEAR - YEARS + 1)

typedef struct
{
  char *dir;
} TempDir;

static void
small_options (JdSampleOptions *options,
               guint32          seed)
{
  jd_sample_options_init (options);
  options->records_per_year = RECORDS_PER_YEAR;
  options->years = YEARS;
  options->last_year = LAST_YEAR;
  options->seed = seed;
}

static void
temp_dir_setup (TempDir       *tmp,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tmp->dir = g_dir_make_tmp ("jd-sample-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
temp_dir_teardown (TempDir       *tmp,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (tmp->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp->dir);
  g_free (tmp->dir);
}

static char *
temp_path (TempDir    *tmp,
           const char *name)
{
  return g_build_filename (tmp->dir, name, NULL);
}

/* Generates into a new database file at PATH and closes it. */
static void
generate_file (const char *path,
               guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (path, &error);
  JdSampleOptions options;

  g_assert_no_error (error);
  small_options (&options, seed);
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Direct SQLite access, read-only, for what the public API does not show */

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return handle;
}

static gint64
query_int (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (handle));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* SHA-256 over every table, rows in the order of all their columns */
static char *
checksum_database (const char *path)
{
  sqlite3 *handle = open_raw (path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                   "SELECT name FROM sqlite_master WHERE type = 'table'"
                   " AND name NOT LIKE 'sqlite_%' ORDER BY name;", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >=, 8);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\" LIMIT 0;", table);
      g_autoptr(GString) sql = g_string_new (NULL);
      int n_columns;
      guint n_rows = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);

      g_string_printf (sql, "SELECT * FROM \"%s\" ORDER BY ", table);
      for (int c = 1; c <= n_columns; c++)
        g_string_append_printf (sql, c > 1 ? ", %d" : "%d", c);

      g_checksum_update (checksum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n_columns; c++)
            {
              guchar type = (guchar) sqlite3_column_type (stmt, c);
              const guchar *text = sqlite3_column_text (stmt, c);

              g_checksum_update (checksum, &type, 1);
              if (text != NULL)
                g_checksum_update (checksum, text, sqlite3_column_bytes (stmt, c) + 1);
            }
          n_rows++;
        }
      sqlite3_finalize (stmt);
      g_checksum_update (checksum, (const guchar *) &n_rows, sizeof n_rows);
    }

  sqlite3_close (handle);
  result = g_strdup (g_checksum_get_string (checksum));
  return result;
}

/* Tests ---------------------------------------------------------------------- */

static void
test_deterministic (TempDir       *tmp,
                    gconstpointer  data)
{
  g_autofree char *path_a = temp_path (tmp, "a.db");
  g_autofree char *path_b = temp_path (tmp, "b.db");
  g_autofree char *path_c = temp_path (tmp, "c.db");
  g_autofree char *sum_a = NULL;
  g_autofree char *sum_b = NULL;
  g_autofree char *sum_c = NULL;

  generate_file (path_a, 7);
  generate_file (path_b, 7);
  generate_file (path_c, 8);

  sum_a = checksum_database (path_a);
  sum_b = checksum_database (path_b);
  sum_c = checksum_database (path_c);

  g_assert_cmpstr (sum_a, ==, sum_b);
  g_assert_cmpstr (sum_a, !=, sum_c);
}

typedef struct
{
  double last;
  guint  calls;
  gboolean monotonic;
} ProgressLog;

static void
log_progress (double   fraction,
              gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  if (fraction < log->last)
    log->monotonic = FALSE;
  log->last = fraction;
  log->calls++;
}

static void
test_shape (TempDir       *tmp,
            gconstpointer  data)
{
  g_autofree char *path = temp_path (tmp, "shape.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (path, &error);
  g_autoptr(GArray) years = NULL;
  g_autofree char *name = NULL;
  JdSampleOptions options;
  JdOverview last, first;
  ProgressLog log = { 0, 0, TRUE };
  sqlite3 *raw;

  g_assert_no_error (error);
  small_options (&options, 1234);
  g_assert_true (jd_db_is_empty (db));
  g_assert_true (jd_sample_generate (db, &options, NULL, log_progress, &log, &error));
  g_assert_no_error (error);

  /* Progress: from the start to 1.0, in about 1 % steps, never backwards */
  g_assert_true (log.monotonic);
  g_assert_cmpfloat (log.last, ==, 1.0);
  g_assert_cmpuint (log.calls, >=, 20);
  g_assert_cmpuint (log.calls, <=, 150);

  g_assert_false (jd_db_is_empty (db));
  g_assert_cmpint (jd_db_get_local_district (db), >, 0);
  name = jd_db_dup_local_district_name (db);
  g_assert_cmpstr (name, ==, "示例区");
  g_assert_cmpint (jd_db_lookup_domain (db, "market_regulation"), >, 0);
  g_assert_cmpint (jd_db_lookup_domain (db, "civil_affairs"), >, 0);
  g_assert_cmpint (jd_db_lookup_domain (db, "other"), >, 0);

  years = jd_db_list_years (db);
  g_assert_cmpuint (years->len, ==, YEARS);
  g_assert_cmpint (g_array_index (years, int, 0), ==, FIRST_YEAR);
  g_assert_cmpint (g_array_index (years, int, YEARS - 1), ==, LAST_YEAR);

  g_assert_true (jd_stats_overview (db, 0, LAST_YEAR, &last, &error));
  g_assert_no_error (error);
  g_assert_true (jd_stats_overview (db, 0, FIRST_YEAR, &first, &error));
  g_assert_no_error (error);

  /* 32 departments, 24 streets and towns, a team (the other was dissolved) */
  g_assert_cmpint (last.values[JD_FIGURE_AGENCIES_DEPARTMENTS], ==, 32);
  g_assert_cmpint (last.values[JD_FIGURE_AGENCIES_TOWNS], ==, 24);
  g_assert_cmpint (last.values[JD_FIGURE_AGENCIES_TEAMS], >=, 1);

  /* About 1,400 officers, about 99 new and 165 cancelled a year */
  g_assert_cmpint (last.values[JD_FIGURE_OFFICERS_VALID], >=, 1300);
  g_assert_cmpint (last.values[JD_FIGURE_OFFICERS_VALID], <=, 1500);
  g_assert_cmpint (last.values[JD_FIGURE_OFFICERS_NEW], >=, 70);
  g_assert_cmpint (last.values[JD_FIGURE_OFFICERS_NEW], <=, 160);
  g_assert_cmpint (last.values[JD_FIGURE_OFFICERS_CANCELLED], >=, 130);
  g_assert_cmpint (last.values[JD_FIGURE_OFFICERS_CANCELLED], <=, 200);

  /* Records: about records_per_year in the last year, growing */
  g_assert_cmpint (last.values[JD_FIGURE_RECORDS], >=, RECORDS_PER_YEAR * 9 / 10);
  g_assert_cmpint (last.values[JD_FIGURE_RECORDS], <=, RECORDS_PER_YEAR * 11 / 10);
  g_assert_cmpint (last.values[JD_FIGURE_RECORDS], >, first.values[JD_FIGURE_RECORDS]);

  /* The mix: inspections far above penalties, both procedures, some of everything */
  g_assert_cmpint (last.values[JD_FIGURE_INSPECTIONS], >, 3 * last.values[JD_FIGURE_PENALTIES]);
  g_assert_cmpint (last.values[JD_FIGURE_PENALTIES], >, last.values[JD_FIGURE_RECORDS] / 20);
  g_assert_cmpint (last.values[JD_FIGURE_PENALTIES_GENERAL], >, 0);
  g_assert_cmpint (last.values[JD_FIGURE_PENALTIES_SIMPLE], >, 0);
  g_assert_cmpint (last.values[JD_FIGURE_PENALTIES_GENERAL] + last.values[JD_FIGURE_PENALTIES_SIMPLE],
                   ==, last.values[JD_FIGURE_PENALTIES]);
  g_assert_cmpint (last.values[JD_FIGURE_LICENSING], >, 0);
  g_assert_cmpint (last.values[JD_FIGURE_COERCION], >, 0);
  g_assert_cmpint (last.values[JD_FIGURE_FINES], >, 0);

  /* The triggers kept the rollups exact */
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);

  g_clear_object (&db);
  raw = open_raw (path);

  /* Busy and quiet agencies; some with records but no penalty at all */
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM (SELECT agency_id FROM record GROUP BY agency_id"
    " HAVING sum (category = 1) = 0);"), >=, 1);
  g_assert_cmpint (query_int (raw,
    "SELECT max (n) FROM (SELECT count(*) AS n FROM record WHERE year = 2025"
    " GROUP BY agency_id);"), >, 10 * query_int (raw,
    "SELECT min (n) FROM (SELECT count(*) AS n FROM record WHERE year = 2025"
    " GROUP BY agency_id);"));

  /* Fewer records in February (Spring Festival) than in April (campaigns) */
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE substr (opened_on, 6, 2) = '02';"), <,
    query_int (raw, "SELECT count(*) FROM record WHERE substr (opened_on, 6, 2) = '04';"));

  /* Every record: one or two officers of its own agency, valid on that day */
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record r WHERE (SELECT count(*) FROM record_officer ro"
    " WHERE ro.record_id = r.id) NOT BETWEEN 1 AND 2;"), ==, 0);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record_officer ro JOIN record r ON r.id = ro.record_id"
    " JOIN officer o ON o.id = ro.officer_id"
    " WHERE o.agency_id != r.agency_id OR o.issued_on > r.opened_on"
    " OR EXISTS (SELECT 1 FROM certificate_event e WHERE e.officer_id = o.id"
    "            AND e.kind = 3 AND e.event_on <= r.opened_on);"), ==, 0);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM record_officer;"), >,
                   query_int (raw, "SELECT count(*) FROM record;") * 19 / 10);

  /* Amounts: simple procedure at most 3,000 yuan, general 1,000-200,000 yuan */
  g_assert_cmpint (query_int (raw,
    "SELECT max (fine_fen) FROM record WHERE procedure = 2;"), <=, 300000);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE procedure = 1 AND fine_fen > 0"
    " AND fine_fen NOT BETWEEN 100000 AND 20000000;"), ==, 0);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE category != 1 AND (fine_fen != 0 OR procedure != 0"
    " OR penalty_type != 0);"), ==, 0);

  /* Decisions are numbered once decided: 示市监罚〔2025〕1号 */
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE category = 1 AND closed_on IS NOT NULL"
    " AND (decision_no IS NULL OR decision_no NOT LIKE '示%罚〔' || year || '〕%号');"), ==, 0);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE decision_no IS NOT NULL"
    " GROUP BY decision_no ORDER BY count(*) DESC LIMIT 1;"), ==, 1);

  /* Closed after opened; late December cases close in January */
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE closed_on < opened_on;"), ==, 0);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE substr (opened_on, 1, 4) != substr (closed_on, 1, 4);"), >, 0);

  /* Three systems: mostly publicized and recorded; reviews where required */
  g_assert_cmpint (query_int (raw, "SELECT 100 * sum (publicized) / count(*) FROM record;"),
                   >=, 94);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM record WHERE legal_review_required;"),
                   >, 0);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record WHERE legal_review_done AND NOT legal_review_required;"), ==, 0);

  /* Certificates: unique numbers, a history for everyone, dashboards' alerts */
  g_assert_cmpint (query_int (raw,
    "SELECT count(DISTINCT certificate_no) = count(*) FROM officer;"), ==, 1);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM officer o WHERE NOT EXISTS (SELECT 1 FROM certificate_event e"
    " WHERE e.officer_id = o.id AND e.kind = 0);"), ==, 0);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM certificate_event WHERE kind = 1;"), >, 100);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM officer WHERE status = 0 AND expires_on < '2025-12-31';"), >=, 1);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM officer WHERE status = 0 AND expires_on > '2025-12-31'"
    " AND expires_on <= '2026-03-31';"), >=, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM officer WHERE status = 1;"), >=, 1);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM officer WHERE exam_year > substr (issued_on, 1, 4);"), ==, 0);

  /* One team founded and one dissolved during the years */
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM agency WHERE established_year IS NOT NULL;"), ==, 1);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM agency WHERE dissolved_year IS NOT NULL AND active = 0;"), ==, 1);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM record r JOIN agency a ON a.id = r.agency_id"
    " WHERE substr (r.opened_on, 1, 4) < a.established_year"
    " OR substr (r.opened_on, 1, 4) > a.dissolved_year;"), ==, 0);

  /* Supervision figures for every agency and year it existed, mostly zero */
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM supervision_figures;"), >=, 56 * YEARS);
  g_assert_cmpint (query_int (raw,
    "SELECT count(*) FROM supervision_figures WHERE reconsiderations > 0;"), <,
    query_int (raw, "SELECT count(*) FROM supervision_figures;") / 2);

  sqlite3_close (raw);
}

static void
test_refuses_non_empty (TempDir       *tmp,
                        gconstpointer  data)
{
  g_autofree char *path = temp_path (tmp, "twice.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  JdSampleOptions options;

  generate_file (path, 3);
  before = checksum_database (path);

  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  small_options (&options, 3);
  g_assert_false (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
  g_clear_object (&db);

  after = checksum_database (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_bad_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  JdSampleOptions options;

  g_assert_no_error (error);

  small_options (&options, 1);
  options.years = 0;
  g_assert_false (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  small_options (&options, 1);
  options.records_per_year = 0;
  g_assert_false (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_assert_true (jd_db_is_empty (db));
}

static void
cancel_midway (double   fraction,
               gpointer user_data)
{
  GCancellable *cancellable = user_data;

  if (fraction >= 0.5)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (TempDir       *tmp,
             gconstpointer  data)
{
  g_autofree char *path = temp_path (tmp, "cancel.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (path, &error);
  g_autoptr(GArray) years = NULL;
  JdSampleOptions options;
  sqlite3 *raw;

  g_assert_no_error (error);
  small_options (&options, 5);

  /* Cancelled halfway through the records: nothing stays */
  g_assert_false (jd_sample_generate (db, &options, cancellable, cancel_midway, cancellable,
                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (jd_db_is_empty (db));
  g_assert_cmpint (jd_db_get_local_district (db), ==, 0);
  years = jd_db_list_years (db);
  g_assert_cmpuint (years->len, ==, 0);

  /* Cancelled before it starts */
  g_assert_false (jd_sample_generate (db, &options, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The database is still usable: a later run succeeds */
  g_assert_true (jd_sample_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  raw = open_raw (path);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM district;"), ==, 1);
  g_assert_cmpint (query_int (raw, "SELECT count(*) FROM domain;"), ==, 18);
  sqlite3_close (raw);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sample/deterministic", TempDir, NULL,
              temp_dir_setup, test_deterministic, temp_dir_teardown);
  g_test_add ("/sample/shape", TempDir, NULL, temp_dir_setup, test_shape, temp_dir_teardown);
  g_test_add ("/sample/refuses-non-empty", TempDir, NULL,
              temp_dir_setup, test_refuses_non_empty, temp_dir_teardown);
  g_test_add_func ("/sample/refuses-bad-options", test_refuses_bad_options);
  g_test_add ("/sample/cancel", TempDir, NULL, temp_dir_setup, test_cancel, temp_dir_teardown);

  return g_test_run ();
}
