/* bench-pack.c: exporting a four-chart meeting pack as one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-pack [--rows] [--runs N] DATABASE
 *
 * Builds the trend, composition, ranking and procedure charts from DATABASE
 * (what the Charts page does) and writes them as an A4 meeting pack, the
 * median of N runs (default 10). Target (issue 4): under 500 ms.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "jd-db.h"
#include "src/jd-chart-builder.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  static const JdChartChoice choices[] = {
    JD_CHART_CHOICE_TREND, JD_CHART_CHOICE_COMPOSITION,
    JD_CHART_CHOICE_RANKING, JD_CHART_CHOICE_PROCEDURE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *district = NULL;
  gboolean rows = FALSE;
  guint runs = 10;
  double *ms;
  const char *database = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--rows"))
        rows = TRUE;
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);
          runs = n > 0 ? (guint) n : 1;
        }
      else
        database = argv[i];
    }
  if (database == NULL)
    {
      g_printerr ("usage: bench-pack [--rows] [--runs N] DATABASE\n");
      return 2;
    }

  db = jd_db_open (database, &error);
  if (db == NULL)
    {
      g_printerr ("bench-pack: %s\n", error->message);
      return 1;
    }
  years = jd_db_list_years (db);
  if (years->len == 0)
    {
      g_printerr ("bench-pack: %s has no records\n", database);
      return 1;
    }
  district = jd_db_dup_local_district_name (db);
  dir = g_dir_make_tmp ("jd-bench-pack-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "pack.pdf", NULL);

  ms = g_new0 (double, runs);
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_chart_data_free);
      gint64 start = g_get_monotonic_time ();

      for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
        {
          JdChartScope scope = {
            .choice = choices[c],
            .year_from = g_array_index (years, int, 0),
            .year_to = g_array_index (years, int, years->len - 1),
            .agency_kind = -1,
          };
          JdChartData *data = jd_chart_build (db, &scope, &error);

          g_assert_no_error (error);
          g_ptr_array_add (charts, data);
        }

      if (!jd_chart_export_pack (charts, district, path, &error))
        {
          g_printerr ("bench-pack: %s\n", error->message);
          return 1;
        }
      ms[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (ms, runs, sizeof (double), compare_doubles);

  if (!rows)
    printf ("| measure | target | measured | |\n|---|---|---|---|\n");
  printf ("| meeting pack of 4 charts built and written as one PDF (median of %u) | < 500 ms | %.1f ms | %s |\n",
          runs, ms[runs / 2], ms[runs / 2] < 500 ? "pass" : "**FAIL**");

  g_unlink (path);
  g_rmdir (dir);
  g_free (ms);
  return 0;
}
