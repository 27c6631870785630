/* test-migrations.c: every earlier schema version upgrades to the current one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each version v below JD_DB_SCHEMA_VERSION, a database is brought to v
 * with the migrations as they shipped, given the data that version can hold
 * (fill_at_version), and then opened by the current code: the upgrade must
 * keep every row, keep the rollups exact, and leave a copy of the old file.
 * When you add a migration, add what the new version stores to
 * fill_at_version and check_after_upgrade.
 */

#include <locale.h>
#include <glib/gstdio.h>

#include "fixture.h"
#include "jd-db-private.h"
#include "jd-stats.h"

static void
fill_at_version (JdDb *db,
                 int   version)
{
  Fixture fx;

  if (version >= 1)
    fixture_fill (db, &fx);
}

/* The copy left aside is the old file as it was: its version, its records. */
static void
check_backup (const char *backup_path,
              int         from_version,
              int         n_records)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (backup_path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA user_version;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, from_version);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM record;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, n_records);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

static void
check_after_upgrade (JdDb *db,
                     int   from_version)
{
  g_autoptr(GError) error = NULL;
  JdOverview overview;

  g_assert_cmpint (jd_db_get_schema_version (db), ==, JD_DB_SCHEMA_VERSION);
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);

  if (from_version >= 1)
    {
      g_assert_true (jd_stats_overview (db, 0, 2024, &overview, &error));
      g_assert_cmpint (overview.values[JD_FIGURE_RECORDS], ==, 12);
      g_assert_cmpint (overview.values[JD_FIGURE_OFFICERS_VALID], ==, 5);
      g_assert_nonnull (jd_db_get_backup_path (db));
      g_assert_true (g_file_test (jd_db_get_backup_path (db), G_FILE_TEST_IS_REGULAR));
      {
        g_autoptr(sqlite3_stmt) count = _jd_db_prepare (db, "SELECT count(*) FROM record;", &error);

        g_assert_no_error (error);
        g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (count, 0), >, 0);
        check_backup (jd_db_get_backup_path (db), from_version, sqlite3_column_int (count, 0));
      }
    }

  else
    {
      g_assert_true (jd_db_is_empty (db));
      g_assert_null (jd_db_get_backup_path (db));
    }

  /* Version 2: the review tables are there, and empty after an upgrade. */
  {
    g_autoptr(sqlite3_stmt) stmt =
      _jd_db_prepare (db, "SELECT (SELECT count(*) FROM review_template)"
                          " + (SELECT count(*) FROM review_batch)"
                          " + (SELECT count(*) FROM review_sheet);", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  }
}

static void
test_from_version (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jd-test-migrations-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "jiandu.db", NULL);

  g_assert_no_error (error);

  {
    g_autoptr(JdDb) old = _jd_db_open_at_version (path, version, &error);

    g_assert_no_error (error);
    g_assert_cmpint (jd_db_get_schema_version (old), ==, version);
    fill_at_version (old, version);
  }

  {
    g_autoptr(JdDb) db = jd_db_open (path, &error);

    g_assert_no_error (error);
    check_after_upgrade (db, version);

    if (jd_db_get_backup_path (db) != NULL)
      g_unlink (jd_db_get_backup_path (db));
  }

  /* Opening again is a no-op */
  {
    g_autoptr(JdDb) db = jd_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_null (jd_db_get_backup_path (db));
  }

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_migrations_are_ordered (void)
{
  const JdMigration *steps;
  guint n;

  steps = _jd_db_get_migrations (&n);
  g_assert_cmpuint (n, ==, JD_DB_SCHEMA_VERSION);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (steps[i].version, ==, (int) i + 1);
      g_assert_nonnull (steps[i].sql);
    }
}

/* A step that fails is undone, the version stays, and the file keeps its
 * content: here the schema's tables exist already but user_version says 0. */
static void
test_failed_step_is_undone (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jd-test-migrations-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "jiandu.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;

  {
    g_autoptr(JdDb) db = jd_db_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (_jd_db_get_handle (db),
                                   "INSERT INTO district (code, name, level, is_local)"
                                   " VALUES ('120199', '示例区', 0, 1);"
                                   "PRAGMA user_version = 0;"
                                   "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL),
                     ==, SQLITE_OK);
  }

  g_file_get_contents (path, &before, &before_len, NULL);
  {
    g_autoptr(JdDb) db = jd_db_open (path, &error);

    g_assert_null (db);
    g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_MIGRATION);
    g_assert_nonnull (strstr (error->message, path));
  }
  g_file_get_contents (path, &after, &after_len, NULL);
  g_assert_cmpmem (before, before_len, after, after_len);

  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_unlink (journal);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (int v = 0; v < JD_DB_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("/jd/migrations/from-v%d", v);
      g_test_add_data_func (name, GINT_TO_POINTER (v), test_from_version);
    }
  g_test_add_func ("/jd/migrations/ordered", test_migrations_are_ordered);
  g_test_add_func ("/jd/migrations/failed-step-is-undone", test_failed_step_is_undone);

  return g_test_run ();
}
