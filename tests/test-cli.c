/* test-cli.c: jiandu-cli's commands, output and exit codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <glib/gstdio.h>

#include "fixture.h"

typedef struct
{
  char *dir;
  char *db_path;
} Fixture_;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("JIANDU_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

static void
setup (Fixture_      *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jd-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "district.db", NULL);
}

static void
teardown (Fixture_      *f,
          gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->db_path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static void
fill_fixture_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (path, &error);
  Fixture fx;

  g_assert_no_error (error);
  fixture_fill (db, &fx);
}

static void
test_usage (Fixture_      *f,
            gconstpointer  data)
{
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "sample"));
    g_assert_nonnull (strstr (run.out, "stats"));
    g_assert_nonnull (strstr (run.out, "--database"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "stats", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--year"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "stats", "--year", "2024", "--bogus", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "sample", "--years", "0", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_stats_json (Fixture_      *f,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fill_fixture_db (f->db_path);
  run_cli (&run, "--database", f->db_path, "stats", "--year", "2024", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"district\": \"示例区\""));
  g_assert_nonnull (strstr (run.out, "\"year\": 2024"));
  g_assert_nonnull (strstr (run.out, "\"records\": { \"value\": 12, \"previous\": 7 }"));
  g_assert_nonnull (strstr (run.out, "\"inspections\": { \"value\": 6, \"previous\": 4 }"));
  g_assert_nonnull (strstr (run.out, "\"penalties_general\": { \"value\": 2, \"previous\": 1 }"));
  g_assert_nonnull (strstr (run.out, "\"fines\": { \"value\": 1210050, \"previous\": 520000 }"));
  g_assert_nonnull (strstr (run.out, "\"officers_valid\": { \"value\": 5, \"previous\": 5 }"));
  g_assert_nonnull (strstr (run.out, "\"agencies\": { \"value\": 4, \"previous\": 3 }"));
}

static void
test_stats_table (Fixture_      *f,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fill_fixture_db (f->db_path);
  run_cli (&run, "--database", f->db_path, "stats", "--year", "2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "示例区, 2024 (change against 2023)"));
  g_assert_nonnull (strstr (run.out, "Enforcement records"));
  g_assert_nonnull (strstr (run.out, "+5 (+71.4%)"));
}

static void
test_bad_database (Fixture_      *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  g_file_set_contents (f->db_path, "not a database, just text\n", -1, NULL);
  run_cli (&run, "--database", f->db_path, "stats", "--year", "2024", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, f->db_path));
  g_assert_nonnull (strstr (run.err, "not an SQLite file"));
}

static void
test_empty_database (Fixture_      *f,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--database", f->db_path, "stats", "--year", "2024", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no district"));
}

static void
test_sample_then_stats (Fixture_      *f,
                        gconstpointer  data)
{
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "sample", "--records-per-year", "2000",
             "--years", "2", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    /* A second sample into the same database is refused */
    run_cli (&run, "--database", f->db_path, "sample", "--records-per-year", "2000",
             "--years", "2", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, f->db_path));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "stats", "--year", "2025", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"year\": 2025"));
    g_assert_null (strstr (run.out, "\"records\": { \"value\": 0,"));
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/jd/cli/usage", Fixture_, NULL, setup, test_usage, teardown);
  g_test_add ("/jd/cli/stats-json", Fixture_, NULL, setup, test_stats_json, teardown);
  g_test_add ("/jd/cli/stats-table", Fixture_, NULL, setup, test_stats_table, teardown);
  g_test_add ("/jd/cli/bad-database", Fixture_, NULL, setup, test_bad_database, teardown);
  g_test_add ("/jd/cli/empty-database", Fixture_, NULL, setup, test_empty_database, teardown);
  g_test_add ("/jd/cli/sample-then-stats", Fixture_, NULL, setup, test_sample_then_stats, teardown);

  return g_test_run ();
}
