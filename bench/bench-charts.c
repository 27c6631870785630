/* bench-charts.c: laying out and rendering a large stacked bar chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-charts [--rows] [--runs N] [--png FILE]
 *
 * Times, as the median of N runs (default 50), jd_chart_layout and
 * jd_chart_render of a 60-category × 10-series stacked bar chart (Chinese
 * title, category and series names, values in the tens of thousands) at
 * 1600×900 on an ARGB32 image surface: layout and render together, then
 * each alone. Prints a markdown table (--rows: its rows only, for bench/run
 * to append to its own table); --png writes the chart once to FILE.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "jd-chart.h"

#define TARGET_MS 5.0
#define WIDTH 1600
#define HEIGHT 900
#define N_CATEGORIES 60
#define N_SERIES 10

typedef struct
{
  JdChartData     *data;
  JdChartStyle     style;
  cairo_surface_t *surface;
  cairo_t         *cr;
  JdChartLayout   *layout;  /* for the render-only timing */
} Bench;

typedef void (*BenchFunc) (Bench *bench);

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median_ms (BenchFunc func,
           Bench    *bench,
           guint     runs)
{
  g_autofree double *ms = g_new0 (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (bench);
      cairo_surface_flush (bench->surface);
      ms[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (ms, runs, sizeof (double), compare_doubles);
  return runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2.0;
}

static void
run_both (Bench *bench)
{
  g_autoptr (JdChartLayout) layout = jd_chart_layout (bench->data, &bench->style, WIDTH, HEIGHT);

  jd_chart_render (layout, bench->data, &bench->style, bench->cr);
}

static void
run_layout (Bench *bench)
{
  g_autoptr (JdChartLayout) layout = jd_chart_layout (bench->data, &bench->style, WIDTH, HEIGHT);
}

static void
run_render (Bench *bench)
{
  jd_chart_render (bench->layout, bench->data, &bench->style, bench->cr);
}

static JdChartData *
make_data (void)
{
  static const char *kinds[N_SERIES] = {
    "行政许可", "行政处罚", "行政强制措施", "行政强制执行", "行政征收",
    "行政收费", "行政检查", "行政确认", "行政给付", "其他行政执法行为",
  };
  JdChartData *data = jd_chart_data_new (JD_CHART_STACKED_BAR);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double values[N_CATEGORIES];

  jd_chart_data_set_title (data, "各行政执法主体执法行为构成");
  jd_chart_data_set_subtitle (data, "示例区 · 2025年 · 执法监督平台");
  for (guint c = 0; c < N_CATEGORIES; c++)
    g_ptr_array_add (names, g_strdup_printf ("执法主体%02u", c + 1));
  jd_chart_data_set_categories (data, (const char * const *) names->pdata, N_CATEGORIES);

  for (guint s = 0; s < N_SERIES; s++)
    {
      for (guint c = 0; c < N_CATEGORIES; c++)
        values[c] = 1000 + (double) ((c * 7919 + s * 104729) % 9000);
      jd_chart_data_add_series (data, kinds[s], values, N_CATEGORIES);
    }

  return data;
}

static void
print_row (const char *measure,
           double      ms,
           gboolean    target)
{
  if (target)
    g_print ("| %s | < %.0f ms | %.2f ms | %s |\n", measure, TARGET_MS, ms,
             ms < TARGET_MS ? "pass" : "**FAIL**");
  else
    g_print ("| %s | | %.2f ms | |\n", measure, ms);
}

int
main (int   argc,
      char *argv[])
{
  gboolean rows_only = FALSE;
  int runs = 50;
  g_autofree char *png = NULL;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_NONE, &rows_only, "Print the table rows only", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (50)", "N" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, "Write the chart to FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  char measure[160];
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("bench-charts: %s\n", error != NULL ? error->message
                                                      : "usage: bench-charts [--rows] [--runs N] [--png FILE]");
      return 2;
    }

  bench.data = make_data ();
  jd_chart_style_init (&bench.style, JD_CHART_THEME_LIGHT, NULL);
  bench.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  bench.cr = cairo_create (bench.surface);

  /* warm up the font caches once, as an app that has drawn before */
  run_both (&bench);

  if (!rows_only)
    {
      g_print ("| measure | target | measured | |\n");
      g_print ("|---|---|---|---|\n");
    }

  g_snprintf (measure, sizeof measure,
              "chart layout + render, stacked bars %d × %d at %d×%d, image surface (median of %d)",
              N_CATEGORIES, N_SERIES, WIDTH, HEIGHT, runs);
  print_row (measure, median_ms (run_both, &bench, (guint) runs), TRUE);

  g_snprintf (measure, sizeof measure, "… of which layout (all text measured)");
  print_row (measure, median_ms (run_layout, &bench, (guint) runs), FALSE);

  bench.layout = jd_chart_layout (bench.data, &bench.style, WIDTH, HEIGHT);
  g_snprintf (measure, sizeof measure, "… of which render");
  print_row (measure, median_ms (run_render, &bench, (guint) runs), FALSE);

  if (png != NULL && cairo_surface_write_to_png (bench.surface, png) != CAIRO_STATUS_SUCCESS)
    g_printerr ("bench-charts: could not write %s\n", png);

  jd_chart_layout_free (bench.layout);
  cairo_destroy (bench.cr);
  cairo_surface_destroy (bench.surface);
  jd_chart_data_free (bench.data);

  return 0;
}
