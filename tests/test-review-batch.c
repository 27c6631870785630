/* test-review-batch.c: review batches, sampling, sheets, results and letters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district of these tests (all records closed in 2025 unless said):
 *   甲局 (A): 90 inspections, closed on 2025-M-D with M = i % 12 + 1 and
 *            D = i / 12 + 1 (i = 0..89): 8 of them in June; 10 general
 *            penalties closed on the 15th of January to October (1 in June);
 *            5 inspections still open; 5 levies (not reviewed);
 *            30 inspections closed in 2024.
 *   乙局 (B): 50 inspections, the same way (i = 0..49): 4 in June.
 *   丙街道 (C): 10 licensing files closed on the 20th of January to October
 *            (1 in June).
 *   丁局 (D), of another district: 20 inspections.
 * So the 2025 files in scope of the local district are 100 + 50 + 10 = 160,
 * 14 of them closed in June.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "jd-dashboard.h"
#include "jd-review-batch.h"

typedef struct
{
  gint64 agency;
  int    category;
  char  *closed_on;
} RecordFacts;

typedef struct
{
  JdDb       *db;
  gint64      a, b, c, d;
  GHashTable *records;   /* record id → RecordFacts */
} District;

static void
record_facts_free (gpointer data)
{
  RecordFacts *facts = data;

  g_free (facts->closed_on);
  g_free (facts);
}

static gint64
add_agency (JdDb         *db,
            gint64        district,
            const char   *name,
            JdAgencyKind  kind)
{
  g_autoptr(GError) error = NULL;
  JdAgencyInfo info = { .district_id = district, .name = name, .kind = kind, .active = TRUE };
  gint64 id = 0;

  jd_db_add_agency (db, &info, &id, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_record (District         *district,
            gint64            agency,
            JdActionCategory  category,
            const char       *opened,
            const char       *closed)
{
  g_autoptr(GError) error = NULL;
  gboolean penalty = category == JD_CATEGORY_PENALTY;
  JdRecordInfo info = {
    .agency_id = agency, .category = category,
    .procedure = penalty ? JD_PROCEDURE_GENERAL : JD_PROCEDURE_NONE,
    .penalty_type = penalty ? JD_PENALTY_TYPE_FINE : JD_PENALTY_TYPE_NONE,
    .opened_on = opened, .closed_on = closed, .party = "某公司",
    .fine_fen = penalty ? 100000 : 0, .decision_no = penalty ? "罚字〔2025〕1号" : NULL,
  };
  RecordFacts *facts;
  gint64 id = 0;

  jd_db_add_record (district->db, &info, &id, &error);
  g_assert_no_error (error);

  facts = g_new0 (RecordFacts, 1);
  facts->agency = agency;
  facts->category = category;
  facts->closed_on = g_strdup (closed);
  g_hash_table_insert (district->records, g_memdup2 (&id, sizeof id), facts);
}

static void
add_spread (District   *district,
            gint64      agency,
            guint       n,
            int         year)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = g_strdup_printf ("%d-%02u-%02u", year, i % 12 + 1, i / 12 + 1);

      add_record (district, agency, JD_CATEGORY_INSPECTION, date, date);
    }
}

static void
district_setup (District *district)
{
  g_autoptr(GError) error = NULL;
  gint64 local = 0, other = 0;

  district->db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);
  district->records = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, record_facts_free);

  jd_db_add_district (district->db, "330100", "测试区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, &local, &error);
  g_assert_no_error (error);
  jd_db_add_district (district->db, "330200", "邻区", JD_DISTRICT_LEVEL_DISTRICT, FALSE, &other, &error);
  g_assert_no_error (error);

  district->a = add_agency (district->db, local, "甲局", JD_AGENCY_KIND_DISTRICT_DEPARTMENT);
  district->b = add_agency (district->db, local, "乙局", JD_AGENCY_KIND_DISTRICT_DEPARTMENT);
  district->c = add_agency (district->db, local, "丙街道", JD_AGENCY_KIND_SUBDISTRICT_TOWN);
  district->d = add_agency (district->db, other, "丁局", JD_AGENCY_KIND_DISTRICT_DEPARTMENT);

  add_spread (district, district->a, 90, 2025);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-15", i + 1);
      add_record (district, district->a, JD_CATEGORY_PENALTY, date, date);
    }
  for (guint i = 0; i < 5; i++)
    add_record (district, district->a, JD_CATEGORY_INSPECTION, "2025-03-01", NULL);
  for (guint i = 0; i < 5; i++)
    add_record (district, district->a, JD_CATEGORY_LEVY, "2025-04-01", "2025-04-02");
  add_spread (district, district->a, 30, 2024);

  add_spread (district, district->b, 50, 2025);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-20", i + 1);
      add_record (district, district->c, JD_CATEGORY_LICENSING, date, date);
    }
  add_spread (district, district->d, 20, 2025);
}

static void
district_teardown (District *district)
{
  g_clear_object (&district->db);
  g_clear_pointer (&district->records, g_hash_table_unref);
}

static JdReviewBatchSpec *
spec_new (int     year,
          guint   size,
          double  percent,
          guint64 seed)
{
  JdReviewBatchSpec *spec = jd_review_batch_spec_new ();

  spec->name = g_strdup ("2025年度案卷评查");
  spec->year = year;
  spec->sample_size = size;
  spec->sample_percent = percent;
  spec->seed = seed;
  return spec;
}

static const RecordFacts *
facts_of (District *district,
          gint64    record_id)
{
  const RecordFacts *facts = g_hash_table_lookup (district->records, &record_id);

  g_assert_nonnull (facts);
  return facts;
}

/* Counts the drawn records by agency (a, b, c, d) and checks they are distinct */
static void
count_by_agency (District *district,
                 GArray   *ids,
                 guint     counts[4])
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  memset (counts, 0, 4 * sizeof (guint));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);
      const RecordFacts *facts = facts_of (district, *id);

      g_assert_true (g_hash_table_add (seen, id));
      if (facts->agency == district->a)
        counts[0]++;
      else if (facts->agency == district->b)
        counts[1]++;
      else if (facts->agency == district->c)
        counts[2]++;
      else if (facts->agency == district->d)
        counts[3]++;
    }
}

static GArray *
draw (District          *district,
      JdReviewBatchSpec *spec)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = jd_review_sample_draw (district->db, spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

/* Sampling -------------------------------------------------------------------- */

static void
test_sample_reproducible (void)
{
  District district;
  g_autoptr(JdReviewBatchSpec) spec = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) other = NULL;

  district_setup (&district);
  spec = spec_new (2025, 16, 0, 20250101);

  first = draw (&district, spec);
  again = draw (&district, spec);
  g_assert_cmpuint (first->len, ==, 16);
  g_assert_cmpuint (again->len, ==, 16);
  g_assert_cmpmem (first->data, first->len * sizeof (gint64), again->data, again->len * sizeof (gint64));

  spec->seed = 20250102;
  other = draw (&district, spec);
  g_assert_cmpuint (other->len, ==, 16);
  g_assert_true (memcmp (first->data, other->data, 16 * sizeof (gint64)) != 0);

  district_teardown (&district);
}

static void
test_sample_stratified (void)
{
  District district;
  guint counts[4];

  district_setup (&district);

  /* 10% of 160 = 16, in proportion: 100 → 10, 50 → 5, 10 → 1 */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 0, 10.0, 7);
    g_autoptr(GArray) ids = draw (&district, spec);

    g_assert_cmpuint (ids->len, ==, 16);
    count_by_agency (&district, ids, counts);
    g_assert_cmpuint (counts[0], ==, 10);
    g_assert_cmpuint (counts[1], ==, 5);
    g_assert_cmpuint (counts[2], ==, 1);
    g_assert_cmpuint (counts[3], ==, 0);
  }

  /* 4 files: C's share (0.25) is held at 1, then 3 over 150 files: A 2, B 1 */
  for (guint64 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 4, 0, seed);
      g_autoptr(GArray) ids = draw (&district, spec);

      count_by_agency (&district, ids, counts);
      g_assert_cmpuint (counts[0], ==, 2);
      g_assert_cmpuint (counts[1], ==, 1);
      g_assert_cmpuint (counts[2], ==, 1);
    }

  /* Fewer than the agencies: one each all the same */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 2, 0, 3);
    g_autoptr(GArray) ids = draw (&district, spec);

    g_assert_cmpuint (ids->len, ==, 3);
    count_by_agency (&district, ids, counts);
    g_assert_cmpuint (counts[0], ==, 1);
    g_assert_cmpuint (counts[1], ==, 1);
    g_assert_cmpuint (counts[2], ==, 1);
  }

  /* A tiny percentage rounds to 0, but every agency gets one */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 0, 0.1, 3);
    g_autoptr(GArray) ids = draw (&district, spec);

    g_assert_cmpuint (ids->len, ==, 3);
  }

  /* 3.3% of 160 = 5.28 rounds to 5; 6.6% = 10.56 rounds to 11 */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 0, 3.3, 3);
    g_autoptr(GArray) ids = draw (&district, spec);

    g_assert_cmpuint (ids->len, ==, 5);
    spec->sample_percent = 6.6;
    g_clear_pointer (&ids, g_array_unref);
    ids = draw (&district, spec);
    g_assert_cmpuint (ids->len, ==, 11);
  }

  /* More than there are, or 100%: everything, the open and the levies left out */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 1000, 0, 3);
    g_autoptr(GArray) ids = draw (&district, spec);

    g_assert_cmpuint (ids->len, ==, 160);
    count_by_agency (&district, ids, counts);
    g_assert_cmpuint (counts[0], ==, 100);
    g_assert_cmpuint (counts[1], ==, 50);
    g_assert_cmpuint (counts[2], ==, 10);
    for (guint i = 0; i < ids->len; i++)
      {
        const RecordFacts *facts = facts_of (&district, g_array_index (ids, gint64, i));

        g_assert_nonnull (facts->closed_on);
        g_assert_true (g_str_has_prefix (facts->closed_on, "2025-"));
        g_assert_cmpint (facts->category, !=, JD_CATEGORY_LEVY);
      }

    spec->sample_size = 0;
    spec->sample_percent = 100;
    g_clear_pointer (&ids, g_array_unref);
    ids = draw (&district, spec);
    g_assert_cmpuint (ids->len, ==, 160);
  }

  district_teardown (&district);
}

static void
test_sample_scope (void)
{
  District district;
  guint counts[4];

  district_setup (&district);

  /* Closed in June: 8 + 1 (A) + 4 (B) + 1 (C) */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 1000, 0, 11);
    g_autoptr(GArray) ids = NULL;

    spec->closed_from = g_strdup ("2025-06-01");
    spec->closed_to = g_strdup ("2025-06-30");
    ids = draw (&district, spec);
    g_assert_cmpuint (ids->len, ==, 14);
    count_by_agency (&district, ids, counts);
    g_assert_cmpuint (counts[0], ==, 9);
    g_assert_cmpuint (counts[1], ==, 4);
    g_assert_cmpuint (counts[2], ==, 1);
    for (guint i = 0; i < ids->len; i++)
      g_assert_true (g_str_has_prefix (facts_of (&district, g_array_index (ids, gint64, i))->closed_on,
                                       "2025-06-"));
  }

  /* Penalties only: A's 10; the other agencies have none and are left out */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 3, 0, 11);
    g_autoptr(GArray) ids = NULL;
    int category = JD_CATEGORY_PENALTY;

    g_array_append_val (spec->categories, category);
    ids = draw (&district, spec);
    g_assert_cmpuint (ids->len, ==, 3);
    for (guint i = 0; i < ids->len; i++)
      {
        const RecordFacts *facts = facts_of (&district, g_array_index (ids, gint64, i));

        g_assert_cmpint (facts->agency, ==, district.a);
        g_assert_cmpint (facts->category, ==, JD_CATEGORY_PENALTY);
      }

    /* Levies are not reviewed: nothing to draw */
    g_array_index (spec->categories, int, 0) = JD_CATEGORY_LEVY;
    g_clear_pointer (&ids, g_array_unref);
    ids = draw (&district, spec);
    g_assert_cmpuint (ids->len, ==, 0);
  }

  /* Named agencies, even of another district */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 5, 0, 11);
    g_autoptr(GArray) ids = NULL;

    g_array_append_val (spec->agency_ids, district.d);
    ids = draw (&district, spec);
    count_by_agency (&district, ids, counts);
    g_assert_cmpuint (ids->len, ==, 5);
    g_assert_cmpuint (counts[3], ==, 5);

    g_array_index (spec->agency_ids, gint64, 0) = district.b;
    spec->sample_size = 1000;
    g_clear_pointer (&ids, g_array_unref);
    ids = draw (&district, spec);
    count_by_agency (&district, ids, counts);
    g_assert_cmpuint (ids->len, ==, 50);
    g_assert_cmpuint (counts[1], ==, 50);
  }

  /* Another year: A's 30 files of 2024 */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2024, 0, 100, 11);
    g_autoptr(GArray) ids = draw (&district, spec);

    g_assert_cmpuint (ids->len, ==, 30);
    count_by_agency (&district, ids, counts);
    g_assert_cmpuint (counts[0], ==, 30);
  }

  /* Errors */
  {
    g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 0, 0, 11);
    g_autoptr(GError) error = NULL;
    GArray *ids;

    ids = jd_review_sample_draw (district.db, spec, &error);
    g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
    g_assert_null (ids);
    g_clear_error (&error);

    spec->sample_size = 10;
    spec->closed_from = g_strdup ("2025-02-30");
    ids = jd_review_sample_draw (district.db, spec, &error);
    g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
    g_assert_null (ids);
    g_clear_error (&error);

    g_free (spec->closed_from);
    spec->closed_from = g_strdup ("2025-07-01");
    spec->closed_to = g_strdup ("2025-06-01");
    ids = jd_review_sample_draw (district.db, spec, &error);
    g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
    g_assert_null (ids);
  }

  district_teardown (&district);
}

/* Batches --------------------------------------------------------------------- */

static gint64
create_batch (District          *district,
              JdReviewBatchSpec *spec)
{
  g_autoptr(GError) error = NULL;
  gint64 batch_id = 0;

  g_assert_true (jd_review_batch_create (district->db, spec, &batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (batch_id, >, 0);
  return batch_id;
}

static void
test_batch_create (void)
{
  District district;
  g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 16, 0, 4242);
  g_autoptr(JdReviewBatchSpec) loaded = NULL;
  g_autoptr(GArray) drawn = NULL;
  g_autoptr(GArray) redrawn = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  const JdReviewBatchInfo *info;
  gint64 batch_id, reviewer_id = 0;

  district_setup (&district);
  spec->kind = JD_REVIEW_BATCH_CROSS;
  g_ptr_array_add (spec->reviewers, g_strdup ("张三"));
  g_ptr_array_add (spec->reviewers, g_strdup ("李四"));

  drawn = draw (&district, spec);
  batch_id = create_batch (&district, spec);

  /* The drawn list is saved in drawn order, with the record's details */
  files = jd_review_batch_files (district.db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 16);
  for (guint i = 0; i < files->len; i++)
    {
      const JdReviewFile *file = g_ptr_array_index (files, i);
      const RecordFacts *facts = facts_of (&district, file->record_id);
      const JdReviewTemplate *template;

      g_assert_cmpint (file->record_id, ==, g_array_index (drawn, gint64, i));
      g_assert_cmpuint (file->seq, ==, i + 1);
      g_assert_cmpint (file->batch_id, ==, batch_id);
      g_assert_cmpint (file->agency_id, ==, facts->agency);
      g_assert_cmpint (file->category, ==, facts->category);
      g_assert_cmpstr (file->closed_on, ==, facts->closed_on);
      g_assert_cmpstr (file->party, ==, "某公司");
      g_assert_cmpint (file->status, ==, 0);
      g_assert_cmpuint (file->n_sheets, ==, 0);
      g_assert_nonnull (file->agency_name);

      /* The template pinned for the record's kind */
      template = jd_review_batch_template (district.db, file->template_id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (template->kind, ==, jd_review_kind_for_record (file->category, file->procedure));
      if (file->category == JD_CATEGORY_PENALTY)
        {
          g_assert_cmpint (file->fine_fen, ==, 100000);
          g_assert_cmpstr (file->decision_no, ==, "罚字〔2025〕1号");
        }
    }

  /* The saved spec redraws the same list */
  loaded = jd_review_batch_load_spec (district.db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "2025年度案卷评查");
  g_assert_cmpint (loaded->year, ==, 2025);
  g_assert_cmpint (loaded->kind, ==, JD_REVIEW_BATCH_CROSS);
  g_assert_cmpuint (loaded->seed, ==, 4242);
  g_assert_cmpuint (loaded->sample_size, ==, 16);
  g_assert_cmpuint (loaded->agency_ids->len, ==, 3);   /* the local district, resolved */
  g_assert_cmpint (g_array_index (loaded->agency_ids, gint64, 0), ==, district.a);
  g_assert_cmpint (g_array_index (loaded->agency_ids, gint64, 2), ==, district.c);
  g_assert_cmpuint (loaded->categories->len, ==, 0);
  g_assert_cmpuint (loaded->reviewers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (loaded->reviewers, 0), ==, "张三");
  redrawn = draw (&district, loaded);
  g_assert_cmpmem (drawn->data, drawn->len * sizeof (gint64), redrawn->data, redrawn->len * sizeof (gint64));

  /* The reviewers exist */
  g_assert_true (jd_review_reviewer_ensure (district.db, " 李四 ", &reviewer_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reviewer_id, >, 0);

  batches = jd_review_batches_list (district.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  info = g_ptr_array_index (batches, 0);
  g_assert_cmpint (info->id, ==, batch_id);
  g_assert_cmpstr (info->name, ==, "2025年度案卷评查");
  g_assert_cmpint (info->kind, ==, JD_REVIEW_BATCH_CROSS);
  g_assert_cmpuint (info->seed, ==, 4242);
  g_assert_cmpuint (info->n_files, ==, 16);
  g_assert_cmpuint (info->n_finished, ==, 0);
  g_assert_nonnull (info->created_on);

  /* A batch without a name is refused, and leaves nothing behind */
  g_clear_pointer (&spec->name, g_free);
  g_assert_false (jd_review_batch_create (district.db, spec, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  spec->name = g_strdup ("空");
  spec->sample_size = 0;
  g_assert_false (jd_review_batch_create (district.db, spec, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&batches, g_ptr_array_unref);
  batches = jd_review_batches_list (district.db, &error);
  g_assert_cmpuint (batches->len, ==, 1);

  /* Delete */
  g_assert_true (jd_review_batch_delete (district.db, batch_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&batches, g_ptr_array_unref);
  batches = jd_review_batches_list (district.db, &error);
  g_assert_cmpuint (batches->len, ==, 0);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = jd_review_batch_files (district.db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 0);
  g_assert_false (jd_review_batch_delete (district.db, batch_id, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);

  district_teardown (&district);
}

/* Scoring --------------------------------------------------------------------- */

/* The Nth item of TEMPLATE without a veto and with at least 2 points */
static const JdReviewItem *
plain_item (const JdReviewTemplate *template,
            guint                   n)
{
  for (guint i = 0; i < template->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (template->items, i);

      if (item->veto == JD_VETO_NONE && item->points >= 2 && n-- == 0)
        return item;
    }
  g_assert_not_reached ();
  return NULL;
}

static const JdReviewItem *
veto_item (const JdReviewTemplate *template,
           JdVetoEffect            effect)
{
  for (guint i = 0; i < template->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (template->items, i);

      if (item->veto == effect)
        return item;
    }
  return NULL;
}

static const JdReviewTemplate *
template_of (District           *district,
             const JdReviewFile *file)
{
  g_autoptr(GError) error = NULL;
  const JdReviewTemplate *template = jd_review_batch_template (district->db, file->template_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  g_assert_cmpfloat (template->total_points, ==, 100);
  return template;
}

static gint64
reviewer (District   *district,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (jd_review_reviewer_ensure (district->db, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

static JdReviewSheet *
open_sheet (District *district,
            gint64    file_id,
            gint64    reviewer_id)
{
  g_autoptr(GError) error = NULL;
  JdReviewSheet *sheet = jd_review_sheet_open (district->db, file_id, reviewer_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
set_mark (District       *district,
          JdReviewSheet  *sheet,
          gint64          item_id,
          double          deducted,
          gboolean        veto_hit,
          const char     *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_review_sheet_set_mark (district->db, sheet, item_id, deducted, veto_hit, note,
                                           &error));
  g_assert_no_error (error);
}

static void
finish (District      *district,
        JdReviewSheet *sheet)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_review_sheet_set_finished (district->db, sheet, TRUE, &error));
  g_assert_no_error (error);
}

/* A batch of 6 inspection and licensing files: A 3, B 2, C 1 (see
 * test_sample_stratified for the shares). */
static gint64
create_scoring_batch (District   *district,
                      GPtrArray **out_files)
{
  g_autoptr(JdReviewBatchSpec) spec = spec_new (2025, 6, 0, 99);
  g_autoptr(GError) error = NULL;
  int inspection = JD_CATEGORY_INSPECTION, licensing = JD_CATEGORY_LICENSING;
  gint64 batch_id;

  g_array_append_val (spec->categories, inspection);
  g_array_append_val (spec->categories, licensing);
  batch_id = create_batch (district, spec);

  *out_files = jd_review_batch_files (district->db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*out_files)->len, ==, 6);
  return batch_id;
}

/* The files of AGENCY, in drawn order */
static GPtrArray *
files_of (GPtrArray *files,
          gint64     agency)
{
  GPtrArray *mine = g_ptr_array_new ();

  for (guint i = 0; i < files->len; i++)
    if (((JdReviewFile *) g_ptr_array_index (files, i))->agency_id == agency)
      g_ptr_array_add (mine, g_ptr_array_index (files, i));
  return mine;
}

static void
test_sheet_marks (void)
{
  District district;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JdReviewSheet) sheet = NULL;
  g_autoptr(JdReviewSheet) reopened = NULL;
  g_autoptr(JdReviewFile) loaded = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  const JdReviewTemplate *template;
  const JdReviewItem *x, *y, *veto;
  const JdReviewFile *file;
  gint64 batch_id, zhang;

  district_setup (&district);
  batch_id = create_scoring_batch (&district, &files);
  zhang = reviewer (&district, "张三");

  file = g_ptr_array_index (files, 0);
  template = template_of (&district, file);
  x = plain_item (template, 0);
  y = plain_item (template, 1);

  /* A new sheet: not started, full marks */
  sheet = open_sheet (&district, file->id, zhang);
  g_assert_cmpint (sheet->status, ==, 0);
  g_assert_cmpint (sheet->reviewer_id, ==, zhang);
  g_assert_cmpstr (sheet->reviewer_name, ==, "张三");
  g_assert_cmpuint (sheet->marks->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 100, 1e-9);
  g_assert_cmpint (sheet->score.grade, ==, JD_GRADE_EXCELLENT);

  /* Each mark is written at once and rescored */
  set_mark (&district, sheet, x->id, 2, FALSE, "缺少送达回证");
  g_assert_cmpint (sheet->status, ==, 1);
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 98, 1e-9);
  g_assert_cmpuint (sheet->score.n_defects, ==, 1);
  set_mark (&district, sheet, y->id, 1.5, FALSE, NULL);
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 96.5, 1e-9);
  set_mark (&district, sheet, x->id, 1, FALSE, "缺少送达回证");   /* changed */
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 97.5, 1e-9);
  g_assert_cmpuint (sheet->marks->len, ==, 2);

  /* Errors leave the sheet as it was */
  g_assert_false (jd_review_sheet_set_mark (district.db, sheet, x->id, -1, FALSE, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jd_review_sheet_set_mark (district.db, sheet, x->id, x->points + 0.5, FALSE, NULL,
                                            &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jd_review_sheet_set_mark (district.db, sheet, x->id, 0, TRUE, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jd_review_sheet_set_mark (district.db, sheet, 999999, 1, FALSE, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 97.5, 1e-9);

  /* A deduction of the whole item is fine */
  set_mark (&district, sheet, y->id, y->points, FALSE, NULL);
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 99 - y->points, 1e-9);
  set_mark (&district, sheet, y->id, 1.5, FALSE, NULL);

  /* A veto of the template's own kind */
  veto = veto_item (template, JD_VETO_ZERO);
  if (veto != NULL)
    {
      set_mark (&district, sheet, veto->id, 0, TRUE, "主体不适格");
      g_assert_cmpfloat (sheet->score.score, ==, 0);
      g_assert_cmpint (sheet->score.grade, ==, JD_GRADE_FAIL);
      g_assert_cmpint (sheet->score.veto, ==, JD_VETO_ZERO);
      set_mark (&district, sheet, veto->id, 0, FALSE, NULL);   /* removed */
      g_assert_cmpfloat_with_epsilon (sheet->score.score, 97.5, 1e-9);
    }

  /* A note alone stays; zero, no veto and no note removes the mark */
  set_mark (&district, sheet, y->id, 0, FALSE, "待核实");
  g_assert_cmpuint (sheet->marks->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 99, 1e-9);
  set_mark (&district, sheet, y->id, 0, FALSE, "");
  g_assert_cmpuint (sheet->marks->len, ==, 1);

  /* Cursor and comment */
  g_assert_true (jd_review_sheet_set_cursor (district.db, sheet, 7, &error));
  g_assert_no_error (error);
  g_assert_true (jd_review_sheet_set_comment (district.db, sheet, "卷面整洁", &error));
  g_assert_no_error (error);

  /* Reopened: everything as it was left */
  reopened = open_sheet (&district, file->id, zhang);
  g_assert_cmpint (reopened->id, ==, sheet->id);
  g_assert_cmpint (reopened->status, ==, 1);
  g_assert_cmpuint (reopened->cursor, ==, 7);
  g_assert_cmpstr (reopened->comment, ==, "卷面整洁");
  g_assert_cmpuint (reopened->marks->len, ==, 1);
  g_assert_cmpint (g_array_index (reopened->marks, JdReviewMark, 0).item_id, ==, x->id);
  g_assert_cmpfloat (g_array_index (reopened->marks, JdReviewMark, 0).deducted, ==, 1);
  g_assert_cmpstr (g_array_index (reopened->marks, JdReviewMark, 0).note, ==, "缺少送达回证");
  g_assert_cmpfloat_with_epsilon (reopened->score.score, 99, 1e-9);

  /* The file in progress, then finished */
  loaded = jd_review_file_load (district.db, file->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->status, ==, 1);
  g_assert_cmpuint (loaded->n_sheets, ==, 1);
  finish (&district, reopened);
  g_clear_pointer (&loaded, jd_review_file_free);
  loaded = jd_review_file_load (district.db, file->id, &error);
  g_assert_cmpint (loaded->status, ==, 2);
  g_assert_cmpfloat_with_epsilon (loaded->score, 99, 1e-9);
  g_assert_cmpint (loaded->grade, ==, JD_GRADE_EXCELLENT);
  g_assert_cmpstr (loaded->agency_name, ==, file->agency_name);

  batches = jd_review_batches_list (district.db, &error);
  g_assert_cmpuint (((JdReviewBatchInfo *) g_ptr_array_index (batches, 0))->n_finished, ==, 1);

  /* Back in progress */
  g_assert_true (jd_review_sheet_set_finished (district.db, reopened, FALSE, &error));
  g_assert_cmpint (reopened->status, ==, 1);

  /* Where the reviewer was */
  g_assert_cmpint (jd_review_cursor_get (district.db, batch_id, zhang), ==, 0);
  g_assert_true (jd_review_cursor_set (district.db, batch_id, zhang,
                                       ((JdReviewFile *) g_ptr_array_index (files, 3))->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_review_cursor_get (district.db, batch_id, zhang), ==,
                   ((JdReviewFile *) g_ptr_array_index (files, 3))->id);
  g_assert_true (jd_review_cursor_set (district.db, batch_id, zhang,
                                       ((JdReviewFile *) g_ptr_array_index (files, 4))->id, &error));
  g_assert_cmpint (jd_review_cursor_get (district.db, batch_id, zhang), ==,
                   ((JdReviewFile *) g_ptr_array_index (files, 4))->id);
  g_assert_false (jd_review_cursor_set (district.db, batch_id + 1, zhang,
                                        ((JdReviewFile *) g_ptr_array_index (files, 4))->id, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No reconciled sheet yet; an unknown file */
  g_assert_null (jd_review_sheet_open (district.db, file->id, 0, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (jd_review_sheet_open (district.db, 999999, zhang, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);

  district_teardown (&district);
}

static void
test_reconcile (void)
{
  District district;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JdReviewSheet) one = NULL;
  g_autoptr(JdReviewSheet) two = NULL;
  g_autoptr(GArray) differences = NULL;
  g_autoptr(JdReviewFile) loaded = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  const JdReviewTemplate *template;
  const JdReviewItem *x, *y;
  const JdReviewFile *file;
  const JdReviewDifference *difference;
  const JdReviewSheet *last;
  JdReviewMark marks[2];

  district_setup (&district);
  create_scoring_batch (&district, &files);
  file = g_ptr_array_index (files, 0);
  template = template_of (&district, file);
  x = plain_item (template, 0);
  y = plain_item (template, 1);

  /* 张三 deducts 2 on X (98); 李四 1 on X and 1 on Y (98) */
  one = open_sheet (&district, file->id, reviewer (&district, "张三"));
  set_mark (&district, one, x->id, 2, FALSE, NULL);
  finish (&district, one);
  two = open_sheet (&district, file->id, reviewer (&district, "李四"));
  set_mark (&district, two, x->id, 1, FALSE, NULL);
  set_mark (&district, two, y->id, 1, FALSE, NULL);

  /* One finished sheet stands alone */
  loaded = jd_review_file_load (district.db, file->id, &error);
  g_assert_cmpint (loaded->status, ==, 2);
  g_assert_cmpfloat_with_epsilon (loaded->score, 98, 1e-9);
  g_assert_cmpuint (loaded->n_sheets, ==, 2);
  finish (&district, two);

  differences = jd_review_sheets_compare (one, two);
  g_assert_cmpuint (differences->len, ==, 2);
  difference = &g_array_index (differences, JdReviewDifference, 0);
  g_assert_cmpint (difference->item_id, ==, MIN (x->id, y->id));
  difference = &g_array_index (differences, JdReviewDifference, x->id < y->id ? 0 : 1);
  g_assert_cmpfloat (difference->deducted[0], ==, 2);
  g_assert_cmpfloat (difference->deducted[1], ==, 1);
  difference = &g_array_index (differences, JdReviewDifference, x->id < y->id ? 1 : 0);
  g_assert_cmpfloat (difference->deducted[0], ==, 0);
  g_assert_cmpfloat (difference->deducted[1], ==, 1);
  g_clear_pointer (&differences, g_array_unref);
  differences = jd_review_sheets_compare (one, one);
  g_assert_cmpuint (differences->len, ==, 0);

  /* Two finished sheets: the mean */
  g_clear_pointer (&loaded, jd_review_file_free);
  loaded = jd_review_file_load (district.db, file->id, &error);
  g_assert_cmpfloat_with_epsilon (loaded->score, 98, 1e-9);
  g_assert_false (loaded->reconciled);

  /* Reconciled: X 2 and Y 1, 97; it stands for the file */
  marks[0] = (JdReviewMark) { x->id, 2, FALSE, (char *) "两人一致" };
  marks[1] = (JdReviewMark) { y->id, 1, FALSE, NULL };
  g_assert_true (jd_review_file_reconcile (district.db, file->id, marks, 2, "合议", &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, jd_review_file_free);
  loaded = jd_review_file_load (district.db, file->id, &error);
  g_assert_true (loaded->reconciled);
  g_assert_cmpint (loaded->status, ==, 2);
  g_assert_cmpfloat_with_epsilon (loaded->score, 97, 1e-9);
  g_assert_cmpuint (loaded->n_sheets, ==, 3);

  /* Again, replacing it */
  marks[0].deducted = 1;
  g_assert_true (jd_review_file_reconcile (district.db, file->id, marks, 2, NULL, &error));
  sheets = jd_review_file_sheets (district.db, file->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 3);
  last = g_ptr_array_index (sheets, 2);
  g_assert_cmpint (last->reviewer_id, ==, 0);
  g_assert_null (last->reviewer_name);
  g_assert_cmpint (last->status, ==, 2);
  g_assert_cmpfloat_with_epsilon (last->score.score, 98, 1e-9);
  g_assert_cmpuint (last->marks->len, ==, 2);
  g_assert_cmpstr (((JdReviewSheet *) g_ptr_array_index (sheets, 0))->reviewer_name, ==, "张三");

  /* Invalid marks are refused */
  marks[1].item_id = marks[0].item_id;
  g_assert_false (jd_review_file_reconcile (district.db, file->id, marks, 2, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);

  district_teardown (&district);
}

/* With several finished sheets and no reconciliation, the worst grade */
static void
test_standing_worst_grade (void)
{
  District district;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JdReviewSheet) one = NULL;
  g_autoptr(JdReviewSheet) two = NULL;
  g_autoptr(JdReviewFile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const JdReviewTemplate *template;
  const JdReviewItem *veto;
  const JdReviewFile *file;

  district_setup (&district);
  create_scoring_batch (&district, &files);
  file = g_ptr_array_index (files, 0);
  template = template_of (&district, file);
  veto = veto_item (template, JD_VETO_ZERO);
  if (veto == NULL)
    {
      g_test_skip ("The template has no zeroing veto");
      district_teardown (&district);
      return;
    }

  one = open_sheet (&district, file->id, reviewer (&district, "张三"));
  set_mark (&district, one, veto->id, 0, TRUE, NULL);
  finish (&district, one);
  two = open_sheet (&district, file->id, reviewer (&district, "李四"));
  finish (&district, two);

  loaded = jd_review_file_load (district.db, file->id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (loaded->score, 50, 1e-9);
  g_assert_cmpint (loaded->grade, ==, JD_GRADE_FAIL);

  district_teardown (&district);
}

/* Results, letters and alerts ------------------------------------------------- */

/* Scores one file: D0 off its template's first plain item, D1 off its second */
static void
score_file (District           *district,
            const JdReviewFile *file,
            gint64              reviewer_id,
            double              d0,
            double              d1)
{
  g_autoptr(JdReviewSheet) sheet = open_sheet (district, file->id, reviewer_id);
  const JdReviewTemplate *template = template_of (district, file);

  set_mark (district, sheet, plain_item (template, 0)->id, d0, FALSE, NULL);
  set_mark (district, sheet, plain_item (template, 1)->id, d1, FALSE, NULL);
  finish (district, sheet);
  g_assert_cmpfloat_with_epsilon (sheet->score.score, 100 - d0 - d1, 1e-9);
}

/* A's 3 inspections: (2, 1), (2, 1), (1, 2): 97 each, total 291;
 * B's 2 inspections: (2, 1), (1, 2): 97 each, total 194 (ranked after A);
 * C's licensing file: a zeroing veto: 0, 不合格.
 * Batch: 6 reviewed, average 485 / 6; 5 优秀 and 1 不合格. Defects: the
 * inspection's first item in 5 files (8 points), its second in 5 (7 points),
 * then the veto in 1 file. */
static gint64
score_batch (District  *district,
             GPtrArray *files,
             gint64    *out_veto_item)
{
  g_autoptr(GPtrArray) a = files_of (files, district->a);
  g_autoptr(GPtrArray) b = files_of (files, district->b);
  g_autoptr(GPtrArray) c = files_of (files, district->c);
  g_autoptr(JdReviewSheet) sheet = NULL;
  const JdReviewItem *veto;
  gint64 zhang = reviewer (district, "张三");

  g_assert_cmpuint (a->len, ==, 3);
  g_assert_cmpuint (b->len, ==, 2);
  g_assert_cmpuint (c->len, ==, 1);

  score_file (district, g_ptr_array_index (a, 0), zhang, 2, 1);
  score_file (district, g_ptr_array_index (a, 1), zhang, 2, 1);
  score_file (district, g_ptr_array_index (a, 2), zhang, 1, 2);
  score_file (district, g_ptr_array_index (b, 0), zhang, 2, 1);
  score_file (district, g_ptr_array_index (b, 1), zhang, 1, 2);

  veto = veto_item (template_of (district, g_ptr_array_index (c, 0)), JD_VETO_ZERO);
  g_assert_nonnull (veto);
  sheet = open_sheet (district, ((JdReviewFile *) g_ptr_array_index (c, 0))->id, zhang);
  set_mark (district, sheet, veto->id, 0, TRUE, "超越职权");
  finish (district, sheet);
  g_assert_cmpfloat (sheet->score.score, ==, 0);
  *out_veto_item = veto->id;

  return zhang;
}

static void
test_results (void)
{
  District district;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JdReviewResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) failing = NULL;
  g_autoptr(GArray) n_failed = NULL;
  g_autoptr(GPtrArray) a_files = NULL;
  const JdReviewTemplate *inspection;
  const JdReviewAgencyResult *agency;
  const JdReviewDefect *defect;
  gint64 batch_id, veto_item_id;

  district_setup (&district);
  batch_id = create_scoring_batch (&district, &files);
  score_batch (&district, files, &veto_item_id);
  a_files = files_of (files, district.a);
  inspection = template_of (&district, g_ptr_array_index (a_files, 0));

  results = jd_review_batch_results (district.db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->n_files, ==, 6);
  g_assert_cmpuint (results->n_reviewed, ==, 6);
  g_assert_cmpfloat_with_epsilon (results->average, 485.0 / 6, 1e-9);
  g_assert_cmpuint (results->n_by_grade[JD_GRADE_EXCELLENT], ==, 5);
  g_assert_cmpuint (results->n_by_grade[JD_GRADE_GOOD], ==, 0);
  g_assert_cmpuint (results->n_by_grade[JD_GRADE_PASS], ==, 0);
  g_assert_cmpuint (results->n_by_grade[JD_GRADE_FAIL], ==, 1);

  g_assert_cmpuint (results->defects->len, ==, 3);
  defect = g_ptr_array_index (results->defects, 0);
  g_assert_cmpint (defect->item_id, ==, plain_item (inspection, 0)->id);
  g_assert_cmpuint (defect->n_files, ==, 5);
  g_assert_cmpfloat_with_epsilon (defect->points, 8, 1e-9);
  g_assert_cmpstr (defect->text, ==, plain_item (inspection, 0)->text);
  g_assert_nonnull (defect->section);
  defect = g_ptr_array_index (results->defects, 1);
  g_assert_cmpint (defect->item_id, ==, plain_item (inspection, 1)->id);
  g_assert_cmpuint (defect->n_files, ==, 5);
  g_assert_cmpfloat_with_epsilon (defect->points, 7, 1e-9);
  defect = g_ptr_array_index (results->defects, 2);
  g_assert_cmpint (defect->item_id, ==, veto_item_id);
  g_assert_cmpuint (defect->n_files, ==, 1);
  g_assert_cmpuint (defect->n_vetoes, ==, 1);   /* shown as a veto, not as 0 points */
  g_assert_cmpfloat (defect->points, ==, 0);
  g_assert_cmpuint (((JdReviewDefect *) g_ptr_array_index (results->defects, 0))->n_vetoes, ==, 0);

  /* Ranked by average, the tie broken by total */
  g_assert_cmpuint (results->agencies->len, ==, 3);
  agency = g_ptr_array_index (results->agencies, 0);
  g_assert_cmpint (agency->agency_id, ==, district.a);
  g_assert_cmpstr (agency->agency_name, ==, "甲局");
  g_assert_cmpuint (agency->rank, ==, 1);
  g_assert_cmpuint (agency->n_files, ==, 3);
  g_assert_cmpuint (agency->n_reviewed, ==, 3);
  g_assert_cmpfloat_with_epsilon (agency->average, 97, 1e-9);
  g_assert_cmpfloat_with_epsilon (agency->total, 291, 1e-9);
  g_assert_cmpint (agency->grade, ==, JD_GRADE_EXCELLENT);
  g_assert_cmpuint (agency->n_by_grade[JD_GRADE_EXCELLENT], ==, 3);
  g_assert_cmpuint (agency->defects->len, ==, 2);
  defect = g_ptr_array_index (agency->defects, 0);
  g_assert_cmpfloat_with_epsilon (defect->points, 5, 1e-9);   /* 2 + 2 + 1 */
  g_assert_cmpuint (defect->n_files, ==, 3);

  agency = g_ptr_array_index (results->agencies, 1);
  g_assert_cmpint (agency->agency_id, ==, district.b);
  g_assert_cmpuint (agency->rank, ==, 2);
  g_assert_cmpfloat_with_epsilon (agency->average, 97, 1e-9);
  g_assert_cmpfloat_with_epsilon (agency->total, 194, 1e-9);
  /* B's two items tie on files and points: by item */
  g_assert_cmpuint (agency->defects->len, ==, 2);
  g_assert_cmpint (((JdReviewDefect *) g_ptr_array_index (agency->defects, 0))->item_id, ==,
                   plain_item (inspection, 0)->id);

  agency = g_ptr_array_index (results->agencies, 2);
  g_assert_cmpint (agency->agency_id, ==, district.c);
  g_assert_cmpuint (agency->rank, ==, 3);
  g_assert_cmpfloat (agency->average, ==, 0);
  g_assert_cmpint (agency->grade, ==, JD_GRADE_FAIL);
  g_assert_cmpuint (agency->n_by_grade[JD_GRADE_FAIL], ==, 1);

  /* For the dashboard: C has a failing file in 2025, nobody in 2024 */
  failing = jd_review_failing_agencies (district.db, 2025, &n_failed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (failing->len, ==, 1);
  g_assert_cmpint (g_array_index (failing, gint64, 0), ==, district.c);
  g_assert_cmpuint (g_array_index (n_failed, guint, 0), ==, 1);
  g_clear_pointer (&failing, g_array_unref);
  failing = jd_review_failing_agencies (district.db, 2024, NULL, &error);
  g_assert_cmpuint (failing->len, ==, 0);

  district_teardown (&district);
}

static const JdReviewLetter *
letter_for (GPtrArray *letters,
            gint64     agency)
{
  for (guint i = 0; i < letters->len; i++)
    if (((JdReviewLetter *) g_ptr_array_index (letters, i))->agency_id == agency)
      return g_ptr_array_index (letters, i);
  g_assert_not_reached ();
  return NULL;
}

static guint
count_alerts (GPtrArray   *alerts,
              JdAlertKind  kind,
              gint64       agency,
              double      *out_value)
{
  guint n = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const JdAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->kind != kind || alert->agency_id != agency)
        continue;
      n++;
      if (out_value != NULL)
        *out_value = alert->value;
    }
  return n;
}

static GPtrArray *
alerts_on (District   *district,
           const char *date)
{
  g_autoptr(GError) error = NULL;
  JdAlertOptions options;
  GPtrArray *alerts;

  jd_alert_options_init (&options);
  options.reference_date = (char *) date;
  alerts = jd_dashboard_alerts (district->db, 0, 2025, &options, &error);
  g_assert_no_error (error);
  return alerts;
}

static void
test_letters_and_alerts (void)
{
  District district;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewLetter) edited = NULL;
  const JdReviewLetter *letter;
  gint64 batch_id, veto_item_id, letter_c;
  guint n = 99;
  double value = 0;

  district_setup (&district);
  batch_id = create_scoring_batch (&district, &files);
  score_batch (&district, files, &veto_item_id);

  /* One draft per agency with defects, numbered in rank order */
  g_assert_true (jd_review_letters_draft (district.db, batch_id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (jd_review_letters_draft (district.db, batch_id, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  letters = jd_review_letters_list (district.db, batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 3);
  letter = letter_for (letters, district.a);
  g_assert_cmpstr (letter->number, ==, "Supervision Proposal [2025] No. 1");
  g_assert_cmpstr (letter->agency_name, ==, "甲局");
  g_assert_null (letter->issued_on);
  g_assert_null (letter->due_on);
  g_assert_nonnull (strstr (letter->problems, "(3 files)"));
  g_assert_nonnull (strchr (letter->problems, '\n'));     /* two defects, two lines */
  letter = letter_for (letters, district.c);
  g_assert_cmpstr (letter->number, ==, "Supervision Proposal [2025] No. 3");
  g_assert_nonnull (strstr (letter->problems, "(1 file)"));
  g_assert_null (strchr (letter->problems, '\n'));
  letter_c = letter->id;

  /* No overdue letters while none is issued */
  alerts = alerts_on (&district, "2025-12-31");
  g_assert_cmpuint (count_alerts (alerts, JD_ALERT_REVIEW_FAILED, district.c, &value), ==, 1);
  g_assert_cmpfloat (value, ==, 1);
  g_assert_cmpuint (count_alerts (alerts, JD_ALERT_REVIEW_FAILED, district.a, NULL), ==, 0);
  g_assert_cmpuint (count_alerts (alerts, JD_ALERT_LETTER_OVERDUE, district.c, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* Issued on 1 December: due 15 days later */
  g_assert_true (jd_review_letter_issue (district.db, letter_c, "2025-12-01", &error));
  g_assert_no_error (error);
  g_assert_false (jd_review_letter_issue (district.db, letter_c, "2025-13-01", &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = jd_review_letters_list (district.db, 0, &error);
  g_assert_cmpuint (letters->len, ==, 3);
  letter = letter_for (letters, district.c);
  g_assert_cmpstr (letter->issued_on, ==, "2025-12-01");
  g_assert_cmpstr (letter->due_on, ==, "2025-12-16");

  overdue = jd_review_letters_overdue (district.db, "2025-12-16", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 0);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = jd_review_letters_overdue (district.db, "2025-12-17", &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpint (((JdReviewLetter *) g_ptr_array_index (overdue, 0))->id, ==, letter_c);

  alerts = alerts_on (&district, "2025-12-31");
  g_assert_cmpuint (count_alerts (alerts, JD_ALERT_LETTER_OVERDUE, district.c, &value), ==, 1);
  g_assert_cmpfloat (value, ==, 15);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = alerts_on (&district, "2025-12-16");
  g_assert_cmpuint (count_alerts (alerts, JD_ALERT_LETTER_OVERDUE, district.c, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* The reply on 20 December ends it, from then on */
  g_assert_true (jd_review_letter_record_reply (district.db, letter_c, "2025-12-20", "已整改", &error));
  g_assert_no_error (error);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = jd_review_letters_overdue (district.db, "2026-01-31", &error);
  g_assert_cmpuint (overdue->len, ==, 0);
  alerts = alerts_on (&district, "2025-12-31");
  g_assert_cmpuint (count_alerts (alerts, JD_ALERT_LETTER_OVERDUE, district.c, NULL), ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  alerts = alerts_on (&district, "2025-12-18");
  g_assert_cmpuint (count_alerts (alerts, JD_ALERT_LETTER_OVERDUE, district.c, &value), ==, 1);
  g_assert_cmpfloat (value, ==, 2);

  /* Edited: measures written; issued on 20 December, due across the new year */
  letter = letter_for (letters, district.a);
  g_assert_false (jd_review_letter_record_reply (district.db, letter->id, "2025-12-20", "x", &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  edited = g_new0 (JdReviewLetter, 1);
  edited->id = letter->id;
  edited->number = g_strdup ("监督建议〔2025〕1号");
  edited->problems = g_strdup (letter->problems);
  edited->measures = g_strdup ("三十日内完成整改");
  g_assert_true (jd_review_letter_update (district.db, edited, &error));
  g_assert_no_error (error);
  g_assert_true (jd_review_letter_issue (district.db, letter->id, "2025-12-20", &error));
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = jd_review_letters_list (district.db, batch_id, &error);
  letter = letter_for (letters, district.a);
  g_assert_cmpstr (letter->number, ==, "监督建议〔2025〕1号");
  g_assert_cmpstr (letter->measures, ==, "三十日内完成整改");
  g_assert_cmpstr (letter->due_on, ==, "2026-01-04");
  edited->id = 999999;
  g_assert_false (jd_review_letter_update (district.db, edited, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);

  district_teardown (&district);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-batch/sample/reproducible", test_sample_reproducible);
  g_test_add_func ("/review-batch/sample/stratified", test_sample_stratified);
  g_test_add_func ("/review-batch/sample/scope", test_sample_scope);
  g_test_add_func ("/review-batch/create", test_batch_create);
  g_test_add_func ("/review-batch/sheet/marks", test_sheet_marks);
  g_test_add_func ("/review-batch/sheet/reconcile", test_reconcile);
  g_test_add_func ("/review-batch/sheet/worst-grade", test_standing_worst_grade);
  g_test_add_func ("/review-batch/results", test_results);
  g_test_add_func ("/review-batch/letters", test_letters_and_alerts);

  return g_test_run ();
}
