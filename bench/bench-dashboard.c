/* bench-dashboard.c: the core time of the dashboards on a large database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-dashboard [--rows] [--runs N] DATABASE
 *
 * Times, as the median of N runs (default 20): jd_dashboard_compute for the
 * district in each of the last five years, for the agency with the most
 * records, jd_dashboard_list_agencies, sorting that list by records, and
 * jd_dashboard_alerts. Prints a markdown table (--rows: its rows only, for
 * bench/run to append to its own table).
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "jd-dashboard.h"
#include "jd-format.h"

#define TARGET_MS 20.0
#define N_YEARS 5

typedef gboolean (*BenchFunc) (gpointer data);

typedef struct
{
  JdDb       *db;
  int         year;
  gint64      agency_id;
  GPtrArray  *agencies;   /* for the sort */
  GPtrArray  *scratch;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The median of RUNS timings of FUNC, in ms; -1 when FUNC fails. */
static double
median_ms (BenchFunc  func,
           gpointer   data,
           guint      runs)
{
  g_autofree double *ms = g_new0 (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!func (data))
        return -1.0;
      ms[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (ms, runs, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2.0;
}

static gboolean
run_district (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  JdDashboard dash;

  if (!jd_dashboard_compute (bench->db, 0, 0, bench->year, &dash, &error))
    {
      g_printerr ("bench-dashboard: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_agency (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  JdDashboard dash;

  if (!jd_dashboard_compute (bench->db, 0, bench->agency_id, bench->year, &dash, &error))
    {
      g_printerr ("bench-dashboard: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_list (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = jd_dashboard_list_agencies (bench->db, 0, bench->year, &error);

  if (agencies == NULL)
    {
      g_printerr ("bench-dashboard: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_alerts (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = jd_dashboard_alerts (bench->db, 0, bench->year, NULL, &error);

  if (alerts == NULL)
    {
      g_printerr ("bench-dashboard: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Most records first, then by name: what the agencies page does when the
 * records column is clicked. */
static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const JdAgencyYear *ra = *(JdAgencyYear * const *) a;
  const JdAgencyYear *rb = *(JdAgencyYear * const *) b;

  if (ra->records != rb->records)
    return ra->records > rb->records ? -1 : 1;
  return g_utf8_collate (ra->name, rb->name);
}

static gboolean
run_sort (gpointer data)
{
  Bench *bench = data;

  /* From the order by name each time; the copy is part of the cost */
  g_ptr_array_set_size (bench->scratch, 0);
  for (guint i = 0; i < bench->agencies->len; i++)
    g_ptr_array_add (bench->scratch, g_ptr_array_index (bench->agencies, i));
  g_ptr_array_sort (bench->scratch, compare_records);

  return TRUE;
}

static void
print_row (const char *measure,
           double      ms)
{
  if (ms < 0)
    g_print ("| %s | < %.0f ms | failed | **FAIL** |\n", measure, TARGET_MS);
  else
    g_print ("| %s | < %.0f ms | %.*f ms | %s |\n", measure, TARGET_MS, ms < 1.0 ? 3 : 2, ms,
             ms < TARGET_MS ? "pass" : "**FAIL**");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) scratch = NULL;
  gboolean rows_only = FALSE;
  int runs = 20;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_NONE, &rows_only, "Print the table rows only", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (20)", "N" },
    { NULL }
  };
  JdAgencyYear *largest = NULL;
  Bench bench = { 0 };
  char measure[256];
  guint first;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("DATABASE");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("bench-dashboard: %s\n", error != NULL ? error->message
                                                         : "usage: bench-dashboard [--rows] [--runs N] DATABASE");
      return 2;
    }

  db = jd_db_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("bench-dashboard: %s\n", error->message);
      return 1;
    }

  years = jd_db_list_years (db);
  if (years->len == 0)
    {
      g_printerr ("bench-dashboard: %s has no records\n", argv[1]);
      return 1;
    }

  bench.db = db;
  bench.year = g_array_index (years, int, years->len - 1);
  agencies = jd_dashboard_list_agencies (db, 0, bench.year, &error);
  if (agencies == NULL)
    {
      g_printerr ("bench-dashboard: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyYear *row = g_ptr_array_index (agencies, i);

      if (largest == NULL || row->records > largest->records)
        largest = row;
    }

  if (!rows_only)
    {
      g_print ("| measure | target | measured | |\n");
      g_print ("|---|---|---|---|\n");
    }

  first = years->len > N_YEARS ? years->len - N_YEARS : 0;
  for (guint i = first; i < years->len; i++)
    {
      bench.year = g_array_index (years, int, i);
      g_snprintf (measure, sizeof measure, "dashboard, district, %d (median of %d)", bench.year, runs);
      print_row (measure, median_ms (run_district, &bench, (guint) runs));
    }

  bench.year = g_array_index (years, int, years->len - 1);
  if (largest != NULL)
    {
      g_autofree char *records = jd_format_count (largest->records);

      bench.agency_id = largest->id;
      g_snprintf (measure, sizeof measure, "dashboard, largest agency (%s records), %d",
                  records, bench.year);
      print_row (measure, median_ms (run_agency, &bench, (guint) runs));
    }

  g_snprintf (measure, sizeof measure, "agencies list, %u agencies, %d", agencies->len, bench.year);
  print_row (measure, median_ms (run_list, &bench, (guint) runs));

  bench.agencies = agencies;
  bench.scratch = scratch = g_ptr_array_sized_new (agencies->len);
  g_snprintf (measure, sizeof measure, "sorting the agencies list by records");
  print_row (measure, median_ms (run_sort, &bench, (guint) runs));

  g_snprintf (measure, sizeof measure, "alerts, %d", bench.year);
  print_row (measure, median_ms (run_alerts, &bench, (guint) runs));

  return 0;
}
