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

/* review: a batch drawn with a seed, its files, results, letters and PDFs */
static void
test_review (Fixture_      *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *files = NULL;

  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "sample", "--records-per-year", "2000",
             "--years", "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "create", "--name", "2025年度评查",
             "--year", "2025", "--kind", "cross", "--size", "20", "--seed", "7",
             "--reviewer", "张律师", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Created batch 1:"));
    g_assert_nonnull (strstr (run.out, "seed 7"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "files", "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "1\t"));
    g_assert_nonnull (strstr (run.out, "not started"));
    files = g_steal_pointer (&run.out);
  }
  {
    /* The same spec and seed draw the same files */
    g_auto(Run) create = { 0 };
    g_auto(Run) run = { 0 };
    g_auto(GStrv) first = g_strsplit (files, "\n", -1);
    g_auto(GStrv) second = NULL;

    run_cli (&create, "--database", f->db_path, "review", "create", "--name", "again",
             "--year", "2025", "--kind", "cross", "--size", "20", "--seed", "7", NULL);
    g_assert_cmpint (create.status, ==, 0);
    g_assert_nonnull (strstr (create.out, "Created batch 2:"));
    run_cli (&run, "--database", f->db_path, "review", "files", "2", NULL);
    g_assert_cmpint (run.status, ==, 0);
    second = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (first), ==, g_strv_length (second));
    for (guint i = 0; first[i] != NULL && first[i][0] != '\0'; i++)
      {
        /* seq, file id, agency, decision no., party, closed on: all but the file id */
        g_auto(GStrv) a = g_strsplit (first[i], "\t", -1);
        g_auto(GStrv) b = g_strsplit (second[i], "\t", -1);

        g_assert_cmpstr (a[0], ==, b[0]);
        g_assert_cmpstr (a[2], ==, b[2]);
        g_assert_cmpstr (a[5], ==, b[5]);
      }
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "2025年度评查"));
    g_assert_nonnull (strstr (run.out, "again"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "results", "1", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"batch\": 1,"));
    g_assert_nonnull (strstr (run.out, "\"reviewed\": 0,"));
    g_assert_nonnull (strstr (run.out, "\"agencies\": ["));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "letters", "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
    /* Nothing scored yet: no defect, no letter */
    g_assert_nonnull (strstr (run.out, "Drafted 0 letters"));
  }
  {
    const char *docs[] = { "blank", "results", "letters", "filled" };

    for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
      {
        g_auto(Run) run = { 0 };
        g_autofree char *contents = NULL;

        run_cli (&run, "--database", f->db_path, "review", "print", "--doc", docs[i],
                 "--batch", "1", "--out", pdf, NULL);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
        g_unlink (pdf);
      }
  }

  /* Usage errors (2) and data errors (1) */
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "create", "--name", "x", "--year", "2025",
             NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--size"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "create", "--name", "x", "--year", "2025",
             "--size", "3", "--kind", "audit", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "audit"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "create", "--name", "x", "--year", "2025",
             "--size", "3", "--from", "2025-13-01", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--from"));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "files", "99", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, f->db_path));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "print", "--doc", "results", "--out", pdf,
             NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--batch"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "print", "--doc", "poster", "--batch", "1",
             "--out", pdf, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_cli (&run, "--database", f->db_path, "review", "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
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
  g_test_add ("/jd/cli/review", Fixture_, NULL, setup, test_review, teardown);

  return g_test_run ();
}
