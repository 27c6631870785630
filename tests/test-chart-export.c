/* test-chart-export.c: the app's charts built from a sample district and
 * exported as PNG, SVG and PDF, through the functions jiandu-cli uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF checks (pdftotext, pdffonts) skip when poppler-utils is missing.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "jd-db.h"
#include "jd-dashboard.h"
#include "jd-sample.h"
#include "jd-stats.h"
#include "src/jd-chart-builder.h"

typedef struct
{
  JdDb *db;
  char *dir;
} Fixture;

static JdDb *sample_db;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = g_object_ref (sample_db);
  f->dir = g_dir_make_tmp ("jd-chart-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  remove_all (f->dir);
  g_free (f->dir);
  g_clear_object (&f->db);
}

static JdChartData *
build (Fixture       *f,
       JdChartChoice  choice)
{
  g_autoptr(GError) error = NULL;
  JdChartScope scope = { .choice = choice, .year_from = 2023, .year_to = 2025, .agency_kind = -1 };
  JdChartData *data = jd_chart_build (f->db, &scope, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

/* Runs ARGV; FALSE when the program is not installed. */
static gboolean
run_tool (const char * const *argv,
          char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  int status = 0;

  if (program == NULL)
    return FALSE;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
png_size (const char *path,
          guint32    *width,
          guint32    *height)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  const guchar *p;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 24);
  p = (const guchar *) contents;
  g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (p + 12, 4, "IHDR", 4);
  *width = (guint32) p[16] << 24 | (guint32) p[17] << 16 | (guint32) p[18] << 8 | p[19];
  *height = (guint32) p[20] << 24 | (guint32) p[21] << 16 | (guint32) p[22] << 8 | p[23];
}

static void
test_build_each (Fixture       *f,
                 gconstpointer  data)
{
  for (JdChartChoice choice = 0; choice < JD_CHART_CHOICE_N; choice++)
    {
      g_autoptr(JdChartData) chart = build (f, choice);
      JdChartChoice back;

      g_assert_true (jd_chart_choice_from_id (jd_chart_choice_to_id (choice), &back));
      g_assert_cmpint (back, ==, choice);
      if (choice != JD_CHART_CHOICE_RANKING)
        g_assert_cmpstr (jd_chart_data_get_title (chart), ==, jd_chart_choice_to_label (choice));
      else
        g_assert_cmpstr (jd_chart_data_get_title (chart), ==, "Departments by Enforcement Records");
      g_assert_cmpuint (jd_chart_data_get_n_series (chart), >, 0);
      g_assert_cmpuint (jd_chart_data_get_n_categories (chart), >, 0);

      if (choice == JD_CHART_CHOICE_RANKING)
        {
          /* Most records first */
          for (guint i = 1; i < jd_chart_data_get_n_categories (chart); i++)
            g_assert_cmpfloat (jd_chart_data_get_value (chart, 0, i - 1), >=,
                               jd_chart_data_get_value (chart, 0, i));
        }
      else
        {
          g_assert_cmpuint (jd_chart_data_get_n_categories (chart), ==, 3);
          g_assert_cmpstr (jd_chart_data_get_category (chart, 0), ==, "2023");
          g_assert_cmpstr (jd_chart_data_get_category (chart, 2), ==, "2025");
        }
    }
}

static void
test_trend_matches_overview (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JdChartData) chart = build (f, JD_CHART_CHOICE_TREND);
  g_autoptr(GError) error = NULL;
  JdOverview overview;

  g_assert_true (jd_stats_overview (f->db, 0, 2025, &overview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_chart_data_get_n_series (chart), ==, 3);
  g_assert_cmpfloat (jd_chart_data_get_value (chart, 0, 2), ==, overview.values[JD_FIGURE_RECORDS]);
  g_assert_cmpfloat (jd_chart_data_get_value (chart, 1, 2), ==, overview.values[JD_FIGURE_INSPECTIONS]);
  g_assert_cmpfloat (jd_chart_data_get_value (chart, 2, 2), ==, overview.values[JD_FIGURE_PENALTIES]);
  g_assert_cmpfloat (overview.values[JD_FIGURE_RECORDS], >, 0);
}

/* A domain narrows the trend and the ranking to the agencies of that domain */
static void
test_domain_scope (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(JdChartData) trend = NULL;
  g_autoptr(JdChartData) ranking = NULL;
  JdChartScope scope = { .choice = JD_CHART_CHOICE_TREND, .year_from = 2023, .year_to = 2025,
                         .agency_kind = -1 };
  gint64 records = 0, inspections = 0;
  guint n_departments = 0;

  scope.domain_id = jd_db_lookup_domain (f->db, "market_regulation");
  g_assert_cmpint (scope.domain_id, >, 0);

  agencies = jd_dashboard_list_agencies (f->db, 0, 2025, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agencies->len; i++)
    {
      const JdAgencyYear *row = g_ptr_array_index (agencies, i);

      if (row->domain_id != scope.domain_id)
        continue;
      records += row->records;
      inspections += row->inspections;
      if (row->kind == JD_AGENCY_KIND_DISTRICT_DEPARTMENT && row->records > 0)
        n_departments++;
    }
  g_assert_cmpint (records, >, 0);

  trend = jd_chart_build (f->db, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (jd_chart_data_get_value (trend, 0, 2), ==, records);
  g_assert_cmpfloat (jd_chart_data_get_value (trend, 1, 2), ==, inspections);

  scope.choice = JD_CHART_CHOICE_RANKING;
  ranking = jd_chart_build (f->db, &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_chart_data_get_n_categories (ranking), ==, n_departments);
}

static void
test_export_png_svg_pdf (Fixture       *f,
                         gconstpointer  data)
{
  for (JdChartChoice choice = 0; choice < JD_CHART_CHOICE_N; choice++)
    {
      g_autoptr(JdChartData) chart = build (f, choice);
      const char *extensions[] = { "png", "svg", "pdf" };

      for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *name = g_strdup_printf ("%s.%s", jd_chart_choice_to_id (choice), extensions[e]);
          g_autofree char *path = g_build_filename (f->dir, name, NULL);
          JdChartStyle style;
          GStatBuf st;

          jd_chart_builder_style_init (&style, e == 2 ? JD_CHART_THEME_PRINT : JD_CHART_THEME_LIGHT);
          g_assert_true (jd_chart_export (chart, &style, path, 1200, 700, 192, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_stat (path, &st), ==, 0);
          g_assert_cmpint (st.st_size, >, 100);

          if (e == 0)
            {
              guint32 w, h;

              png_size (path, &w, &h);
              g_assert_cmpuint (w, ==, 1200);
              g_assert_cmpuint (h, ==, 700);
            }
        }
    }
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JdChartData) chart = build (f, JD_CHART_CHOICE_FINES);
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "chart.gif", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "dir.png", NULL);
  JdChartStyle style;

  jd_chart_builder_style_init (&style, JD_CHART_THEME_LIGHT);
  g_assert_false (jd_chart_export (chart, &style, bad, 800, 600, 96, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (jd_chart_export (chart, &style, missing, 800, 600, 96, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_pdf_text_and_fonts (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JdChartData) chart = build (f, JD_CHART_CHOICE_TREND);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "trend.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  const char *title = "执法趋势 示例";
  JdChartStyle style;

  jd_chart_data_set_title (chart, title);
  jd_chart_builder_style_init (&style, JD_CHART_THEME_PRINT);
  g_assert_true (jd_chart_export (chart, &style, path, 1600, 900, 144, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdftotext", path, "-", NULL };

    if (!run_tool (argv, &text))
      {
        g_test_skip ("pdftotext is not installed");
        return;
      }
  }
  g_assert_nonnull (strstr (text, title));

  {
    const char *argv[] = { "pdffonts", path, NULL };
    g_auto(GStrv) lines = NULL;
    gboolean found = FALSE;

    if (!run_tool (argv, &fonts))
      {
        g_test_skip ("pdffonts is not installed");
        return;
      }
    lines = g_strsplit (fonts, "\n", -1);
    /* name type encoding emb sub uni: every font embedded, one of them CJK */
    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        if (lines[i][0] == '\0')
          continue;
        for (guint w = 0; fields[w] != NULL; w++)
          if (fields[w][0] != '\0')
            g_ptr_array_add (words, fields[w]);
        g_assert_cmpuint (words->len, >=, 7);
        /* emb is the fourth column from the end (emb sub uni object ID) */
        g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
        if (strstr (g_ptr_array_index (words, 0), "NotoSansCJK") != NULL)
          found = TRUE;
      }
    g_assert_true (found);
  }
}

static void
test_pack (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_chart_data_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };

  for (JdChartChoice choice = 0; choice < JD_CHART_CHOICE_N; choice++)
    g_ptr_array_add (charts, build (f, choice));
  g_assert_true (jd_chart_export_pack (charts, "示例区", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (!run_tool (argv, &info))
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (atoi (strstr (info, "Pages:") + strlen ("Pages:")), ==, JD_CHART_CHOICE_N);
  /* A4 landscape */
  g_assert_nonnull (strstr (info, "841.89 x 595.28"));
}

/* jiandu-cli chart, on a database file written by jiandu-cli sample */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *cli = g_getenv ("JIANDU_CLI");
  g_autofree char *db = g_build_filename (f->dir, "sample.db", NULL);
  const char *kinds[] = { "trend", "composition", "ranking", "procedure", "fines" };
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("JIANDU_CLI is not set");
      return;
    }

  {
    const char *argv[] = { cli, "--database", db, "sample", "--records-per-year", "2000",
                           "--years", "3", NULL };
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("cli-%s.png", kinds[i]);
      g_autofree char *out = g_build_filename (f->dir, name, NULL);
      const char *argv[] = { cli, "--database", db, "chart", "--kind", kinds[i], "--year", "2025",
                             "--from", "2023", "--out", out, "--width", "800", "--height", "500",
                             "--dpi", "96", NULL };
      g_autoptr(GError) error = NULL;
      guint32 w, h;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      png_size (out, &w, &h);
      g_assert_cmpuint (w, ==, 800);
      g_assert_cmpuint (h, ==, 500);
    }

  {
    /* A kind it does not know, and a file type it cannot write: usage errors (2) */
    g_autofree char *out = g_build_filename (f->dir, "chart.gif", NULL);
    const char *bad_kind[] = { cli, "--database", db, "chart", "--kind", "pie", "--year", "2025",
                               "--out", out, NULL };
    const char *bad_out[] = { cli, "--database", db, "chart", "--kind", "trend", "--year", "2025",
                              "--out", out, NULL };
    const char **argvs[] = { bad_kind, bad_out };

    for (guint i = 0; i < G_N_ELEMENTS (argvs); i++)
      {
        g_autoptr(GError) error = NULL;

        g_spawn_sync (NULL, (char **) argvs[i], NULL,
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, NULL, &status, &error);
        g_assert_no_error (error);
        g_assert_true (WIFEXITED (status));
        g_assert_cmpint (WEXITSTATUS (status), ==, 2);
        g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  JdSampleOptions options;
  int status;

  g_test_init (&argc, &argv, NULL);

  sample_db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);
  jd_sample_options_init (&options);
  options.records_per_year = 2000;
  options.years = 3;
  options.last_year = 2025;
  g_assert_true (jd_sample_generate (sample_db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/jd/chart-export/" path, Fixture, NULL, setup, func, teardown)

  ADD ("build-each", test_build_each);
  ADD ("trend-matches-overview", test_trend_matches_overview);
  ADD ("domain-scope", test_domain_scope);
  ADD ("png-svg-pdf", test_export_png_svg_pdf);
  ADD ("errors", test_export_errors);
  ADD ("pdf-text-and-fonts", test_pdf_text_and_fonts);
  ADD ("pack", test_pack);
  ADD ("cli", test_cli);

#undef ADD

  status = g_test_run ();
  g_clear_object (&sample_db);
  return status;
}
