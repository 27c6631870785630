/* test-rollups.c: the rollups equal a fresh recount after any writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "fixture.h"
#include "jd-db-private.h"
#include "jd-stats.h"

static void
random_record (GRand        *rand,
               const Fixture *fx,
               JdRecordInfo *info,
               char          opened[11],
               char          closed[11],
               gint64        officers[2])
{
  const gint64 agencies[] = { fx->market, fx->ecology, fx->town, fx->team };
  int year = g_rand_int_range (rand, 2021, 2026);
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, 29);

  memset (info, 0, sizeof *info);
  info->agency_id = agencies[g_rand_int_range (rand, 0, G_N_ELEMENTS (agencies))];
  info->category = g_rand_int_range (rand, 0, JD_CATEGORY_N);
  if (info->category == JD_CATEGORY_PENALTY)
    {
      info->procedure = g_rand_boolean (rand) ? JD_PROCEDURE_GENERAL : JD_PROCEDURE_SIMPLE;
      info->penalty_type = g_rand_int_range (rand, 1, JD_PENALTY_TYPE_N);
      info->fine_fen = g_rand_int_range (rand, 0, 100000000);
      info->confiscation_fen = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 0, 5000000) : 0;
      info->leniency = g_rand_int_range (rand, 0, JD_LENIENCY_N);
      info->legal_review_required = g_rand_boolean (rand);
      info->legal_review_done = g_rand_boolean (rand);
      info->referred = g_rand_int_range (rand, 0, 20) == 0;
    }
  g_snprintf (opened, 11, "%04d-%02d-%02d", year, month, day);
  info->opened_on = opened;
  /* Some close in the next year, some stay open */
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      info->closed_on = NULL;
      break;
    case 1:
      g_snprintf (closed, 11, "%04d-01-15", year + 1);
      info->closed_on = closed;
      break;
    default:
      g_snprintf (closed, 11, "%04d-%02d-28", year, month);
      info->closed_on = closed;
      break;
    }
  info->publicized = g_rand_boolean (rand);
  info->recorded = g_rand_boolean (rand);
  officers[0] = fx->officers[g_rand_int_range (rand, 0, 3)];
  officers[1] = fx->officers[g_rand_int_range (rand, 3, 6)];
  info->officer_ids = officers;
  info->n_officers = g_rand_int_range (rand, 0, 3);
}

static void
test_random_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241231);
  guint n_inserts = 0, n_updates = 0, n_deletes = 0, n_rolled_back = 0;
  Fixture fx;

  g_assert_no_error (error);
  fixture_fill (db, &fx);
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);

  for (guint step = 0; step < 4000; step++)
    {
      JdRecordInfo info;
      char opened[11], closed[11];
      gint64 officers[2];
      int action = g_rand_int_range (rand, 0, 100);
      gboolean in_doomed_transaction = g_rand_int_range (rand, 0, 25) == 0;

      random_record (rand, &fx, &info, opened, closed, officers);

      if (in_doomed_transaction)
        g_assert_true (jd_db_begin (db, &error));

      if (action < 55 || ids->len == 0)
        {
          gint64 id = 0;

          g_assert_true (jd_db_add_record (db, &info, &id, &error));
          g_assert_no_error (error);
          if (!in_doomed_transaction)
            g_array_append_val (ids, id);
          n_inserts++;
        }
      else if (action < 85)
        {
          gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));

          g_assert_true (jd_db_update_record (db, id, &info, &error));
          g_assert_no_error (error);
          n_updates++;
        }
      else
        {
          guint index = g_rand_int_range (rand, 0, ids->len);
          gint64 id = g_array_index (ids, gint64, index);

          g_assert_true (jd_db_delete_record (db, id, &error));
          g_assert_no_error (error);
          if (!in_doomed_transaction)
            g_array_remove_index_fast (ids, index);
          n_deletes++;
        }

      if (in_doomed_transaction)
        {
          jd_db_rollback (db);
          n_rolled_back++;
        }

      if (step % 250 == 0)
        {
          g_assert_true (jd_db_check_rollups (db, &error));
          g_assert_no_error (error);
        }
    }

  g_test_message ("%u inserts, %u updates, %u deletes, %u rolled back",
                  n_inserts, n_updates, n_deletes, n_rolled_back);
  g_assert_cmpuint (n_updates, >, 500);
  g_assert_cmpuint (n_deletes, >, 300);

  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);

  /* The figures survive a rebuild unchanged */
  {
    JdOverview before, after;

    g_assert_true (jd_stats_overview (db, 0, 2024, &before, &error));
    g_assert_true (jd_db_rebuild_rollups (db, &error));
    g_assert_no_error (error);
    g_assert_true (jd_stats_overview (db, 0, 2024, &after, &error));
    g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  }
}

/* The check is not vacuous: a tampered rollup is caught. */
static void
test_check_detects_drift (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  JdAgencyInfo agency = { .name = "区交通运输局", .active = TRUE };
  JdRecordInfo info = { .category = JD_CATEGORY_INSPECTION, .opened_on = "2024-05-06" };
  JdOverview overview;

  jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, &agency.district_id, &error);
  jd_db_add_agency (db, &agency, &info.agency_id, &error);
  jd_db_add_record (db, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jd_db_check_rollups (db, &error));

  /* Tamper with the rollup behind core's back: the check names it */
  g_assert_cmpint (sqlite3_exec (_jd_db_get_handle (db),
                                 "UPDATE rollup SET n_records = n_records + 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (jd_db_check_rollups (db, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "rollup"));
  g_clear_error (&error);

  /* A rebuild repairs it */
  g_assert_true (jd_db_rebuild_rollups (db, &error));
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);
  g_assert_true (jd_stats_overview (db, 0, 2024, &overview, &error));
  g_assert_cmpint (overview.values[JD_FIGURE_INSPECTIONS], ==, 1);
}

static void
test_year_moves_with_closing_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  JdOverview y2024, y2025;
  JdRecordInfo info;
  gint64 id = 0;
  Fixture fx;

  fixture_fill (db, &fx);

  memset (&info, 0, sizeof info);
  info.agency_id = fx.town;
  info.category = JD_CATEGORY_INSPECTION;
  info.opened_on = "2024-12-30";
  info.officer_ids = fx.officers + 3;
  info.n_officers = 2;
  g_assert_true (jd_db_add_record (db, &info, &id, &error));

  info.closed_on = "2025-01-03";
  g_assert_true (jd_db_update_record (db, id, &info, &error));
  g_assert_no_error (error);

  jd_stats_overview (db, 0, 2024, &y2024, &error);
  jd_stats_overview (db, 0, 2025, &y2025, &error);
  g_assert_cmpint (y2024.values[JD_FIGURE_INSPECTIONS], ==, 6);
  g_assert_cmpint (y2025.values[JD_FIGURE_INSPECTIONS], ==, 1);
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);

  g_assert_true (jd_db_delete_record (db, id, &error));
  jd_stats_overview (db, 0, 2025, &y2025, &error);
  g_assert_cmpint (y2025.values[JD_FIGURE_RECORDS], ==, 0);
  g_assert_true (jd_db_check_rollups (db, &error));

  g_assert_false (jd_db_delete_record (db, id, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
}

static int
count_rollup_triggers (JdDb *db)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  sqlite3_prepare_v2 (_jd_db_get_handle (db),
                      "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                      " AND name LIKE 'rollup%';", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Bulk writes skip the per-row triggers and recount at the end, inside the
 * same transaction. */
static void
test_bulk_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  JdOverview before, after;
  Fixture fx;

  fixture_fill (db, &fx);
  jd_stats_overview (db, 0, 2024, &before, &error);

  /* A bulk write that is rolled back leaves nothing, and normal writes
   * after it are counted again */
  g_assert_true (jd_db_begin_bulk (db, &error));
  for (guint i = 0; i < 50; i++)
    {
      JdRecordInfo info;
      char opened[11], closed[11];
      gint64 officers[2];

      random_record (rand, &fx, &info, opened, closed, officers);
      g_assert_true (jd_db_add_record (db, &info, NULL, &error));
    }
  g_assert_cmpint (count_rollup_triggers (db), ==, 0);
  jd_db_rollback (db);
  g_assert_cmpint (count_rollup_triggers (db), ==, 6);
  jd_stats_overview (db, 0, 2024, &after, &error);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  g_assert_true (jd_db_check_rollups (db, &error));

  g_assert_true (jd_db_begin_bulk (db, &error));
  for (guint i = 0; i < 500; i++)
    {
      JdRecordInfo info;
      char opened[11], closed[11];
      gint64 officers[2];

      random_record (rand, &fx, &info, opened, closed, officers);
      g_assert_true (jd_db_add_record (db, &info, NULL, &error));
    }
  g_assert_true (jd_db_end_bulk (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rollup_triggers (db), ==, 6);
  g_assert_true (jd_db_check_rollups (db, &error));
  g_assert_no_error (error);

  jd_stats_overview (db, 0, 2024, &after, &error);
  g_assert_cmpint (after.values[JD_FIGURE_RECORDS], >, before.values[JD_FIGURE_RECORDS]);

  /* Updates and deletes inside a bulk write cannot be followed by the
   * deltas: the end recounts, and the rollups stay exact */
  {
    gint64 ids[20];

    g_assert_true (jd_db_begin_bulk (db, &error));
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        JdRecordInfo info;
        char opened[11], closed[11];
        gint64 officers[2];

        random_record (rand, &fx, &info, opened, closed, officers);
        g_assert_true (jd_db_add_record (db, &info, &ids[i], &error));
      }
    {
      JdRecordInfo info;
      char opened[11], closed[11];
      gint64 officers[2];

      random_record (rand, &fx, &info, opened, closed, officers);
      g_assert_true (jd_db_update_record (db, ids[3], &info, &error));
    }
    g_assert_true (jd_db_delete_record (db, ids[7], &error));
    g_assert_true (jd_db_end_bulk (db, &error));
    g_assert_no_error (error);
    g_assert_true (jd_db_check_rollups (db, &error));
    g_assert_no_error (error);
    jd_stats_overview (db, 0, 2024, &after, &error);
  }

  /* Foreign keys are checked at the end of a bulk write: a record of an
   * agency that does not exist fails it, and nothing of it stays */
  {
    JdRecordInfo info = { .agency_id = 4242, .category = JD_CATEGORY_INSPECTION,
                          .opened_on = "2024-06-06" };
    JdOverview again;

    g_assert_true (jd_db_begin_bulk (db, &error));
    g_assert_true (jd_db_add_record (db, &info, NULL, &error));
    g_assert_false (jd_db_end_bulk (db, &error));
    g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "record"));
    g_clear_error (&error);

    jd_stats_overview (db, 0, 2024, &again, &error);
    g_assert_cmpmem (&after, sizeof after, &again, sizeof again);

    /* and row-by-row checks are back on */
    g_assert_false (jd_db_add_record (db, &info, NULL, &error));
    g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Back to per-row upkeep */
  {
    JdRecordInfo info = { .agency_id = fx.town, .category = JD_CATEGORY_INSPECTION,
                          .opened_on = "2024-06-06" };
    gint64 records = after.values[JD_FIGURE_RECORDS];

    g_assert_true (jd_db_add_record (db, &info, NULL, &error));
    jd_stats_overview (db, 0, 2024, &after, &error);
    g_assert_cmpint (after.values[JD_FIGURE_RECORDS], ==, records + 1);
    g_assert_true (jd_db_check_rollups (db, &error));
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/rollups/random-writes", test_random_writes);
  g_test_add_func ("/jd/rollups/check-detects-drift", test_check_detects_drift);
  g_test_add_func ("/jd/rollups/bulk-writes", test_bulk_writes);
  g_test_add_func ("/jd/rollups/year-moves-with-closing-date", test_year_moves_with_closing_date);

  return g_test_run ();
}
