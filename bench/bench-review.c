/* bench-review.c: drawing and working through a case-file review batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-review [--rows] [--runs N] [--moves N] DATABASE
 *
 * On DATABASE (bench/run: a million records), for the last year that has
 * records:
 *   - jd_review_sample_draw of 1,000 files, a different seed each run, the
 *     median of N runs (default 5) after one warm-up; target (issue 6) < 200 ms;
 *   - jd_review_batch_create of that sample (templates, scope, draw, the
 *     drawn files written), once;
 *   - moving to the next file: jd_review_file_load + jd_review_sheet_open
 *     (created on the first visit) + the file's template from the cache,
 *     the median over the first N moves (default 200); target < 30 ms;
 *     and the same with the reviewer's place saved (jd_review_cursor_set).
 * The batch and its sheets are deleted at the end; the built-in templates
 * and the reviewer "bench-review reviewer" stay.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "jd-review-batch.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The process's CPU time in ms: the machine's other load aside */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static const char *
verdict (double measured,
         double target)
{
  return measured < target ? "pass" : "**FAIL**";
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-review: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(JdReviewBatchSpec) spec = NULL;
  g_autoptr(GPtrArray) files = NULL;
  gboolean rows = FALSE;
  guint runs = 5, moves = 200;
  const char *database = NULL;
  double *draw_ms, *draw_cpu_ms, *move_ms, *cursor_ms;
  double create_ms;
  guint drawn = 0;
  gint64 batch_id = 0, reviewer_id = 0, start;
  int year;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--rows"))
        rows = TRUE;
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);
          runs = n > 0 ? (guint) n : 1;
        }
      else if (g_str_equal (argv[i], "--moves") && i + 1 < argc)
        {
          int n = atoi (argv[++i]);
          moves = n > 0 ? (guint) n : 1;
        }
      else
        database = argv[i];
    }
  if (database == NULL)
    {
      g_printerr ("usage: bench-review [--rows] [--runs N] [--moves N] DATABASE\n");
      return 2;
    }

  db = jd_db_open (database, &error);
  if (db == NULL)
    die (database, error);
  years = jd_db_list_years (db);
  if (years->len == 0)
    {
      g_printerr ("bench-review: %s has no records\n", database);
      return 1;
    }
  year = g_array_index (years, int, years->len - 1);

  spec = jd_review_batch_spec_new ();
  spec->name = g_strdup ("bench-review");
  spec->year = year;
  spec->sample_size = 1000;
  g_ptr_array_add (spec->reviewers, g_strdup ("bench-review reviewer"));

  /* 1. Drawing */
  draw_ms = g_new0 (double, runs);
  draw_cpu_ms = g_new0 (double, runs);
  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr(GArray) ids = NULL;
      double cpu_start;

      spec->seed = 1000 + run;
      cpu_start = cpu_ms ();
      start = g_get_monotonic_time ();
      ids = jd_review_sample_draw (db, spec, &error);
      if (ids == NULL)
        die ("jd_review_sample_draw", error);
      if (run > 0)   /* run 0 warms the cache */
        {
          draw_ms[run - 1] = (g_get_monotonic_time () - start) / 1000.0;
          draw_cpu_ms[run - 1] = cpu_ms () - cpu_start;
        }
      drawn = ids->len;
    }

  /* 2. Creating the batch */
  if (!jd_review_templates_ensure (db, &error))
    die ("jd_review_templates_ensure", error);
  start = g_get_monotonic_time ();
  if (!jd_review_batch_create (db, spec, &batch_id, &error))
    die ("jd_review_batch_create", error);
  create_ms = (g_get_monotonic_time () - start) / 1000.0;

  files = jd_review_batch_files (db, batch_id, &error);
  if (files == NULL)
    die ("jd_review_batch_files", error);
  if (!jd_review_reviewer_ensure (db, "bench-review reviewer", &reviewer_id, &error))
    die ("jd_review_reviewer_ensure", error);
  moves = MIN (moves, files->len / 2);
  if (moves == 0)
    {
      g_printerr ("bench-review: the batch has too few files\n");
      return 1;
    }

  /* 3. Moving to the next file, as the scoring page does */
  move_ms = g_new0 (double, moves);
  cursor_ms = g_new0 (double, moves);
  for (guint i = 0; i < 2 * moves; i++)
    {
      gint64 file_id = ((JdReviewFile *) g_ptr_array_index (files, i))->id;
      g_autoptr(JdReviewFile) file = NULL;
      g_autoptr(JdReviewSheet) sheet = NULL;
      const JdReviewTemplate *template;

      start = g_get_monotonic_time ();
      file = jd_review_file_load (db, file_id, &error);
      if (file == NULL)
        die ("jd_review_file_load", error);
      sheet = jd_review_sheet_open (db, file_id, reviewer_id, &error);
      if (sheet == NULL)
        die ("jd_review_sheet_open", error);
      template = jd_review_batch_template (db, file->template_id, &error);
      if (template == NULL)
        die ("jd_review_batch_template", error);
      /* the second half also saves where the reviewer is */
      if (i >= moves && !jd_review_cursor_set (db, batch_id, reviewer_id, file_id, &error))
        die ("jd_review_cursor_set", error);

      if (i < moves)
        move_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      else
        cursor_ms[i - moves] = (g_get_monotonic_time () - start) / 1000.0;
    }

  if (!rows)
    printf ("| measure | target | measured | |\n|---|---|---|---|\n");
  printf ("| review sample of %u files drawn from the %d records (median of %u) | < 200 ms | %.1f ms (CPU %.1f ms) | %s |\n",
          drawn, year, runs, median (draw_ms, runs), median (draw_cpu_ms, runs),
          verdict (median (draw_ms, runs), 200));
  printf ("| review batch created with that sample (one transaction) | | %.1f ms | |\n", create_ms);
  printf ("| review: next file (file + sheet + cached template; median of %u moves) | < 30 ms | %.2f ms | %s |\n",
          moves, median (move_ms, moves), verdict (median (move_ms, moves), 30));
  printf ("| review: next file and its place saved (median of %u moves) | < 30 ms | %.2f ms | %s |\n",
          moves, median (cursor_ms, moves), verdict (median (cursor_ms, moves), 30));

  /* Leave the database as it was, but for the templates */
  if (!jd_review_batch_delete (db, batch_id, &error))
    die ("jd_review_batch_delete", error);

  g_free (draw_ms);
  g_free (draw_cpu_ms);
  g_free (move_ms);
  g_free (cursor_ms);
  return 0;
}
