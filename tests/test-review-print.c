/* test-review-print.c: the printed review documents: pagination, and each
 * kind written as PDF from a sample district with a scored batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF checks (pdftotext, pdfinfo, pdffonts) skip when poppler-utils is
 * missing.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo.h>

#include "jd-db.h"
#include "jd-review-batch.h"
#include "jd-review-template.h"
#include "jd-sample.h"
#include "src/jd-review-print.h"

/* A4 portrait less 40-point margins, as jd_review_doc_export_pdf lays out */
#define BODY_W (595.28 - 80)
#define BODY_H (841.89 - 80)

static JdDb *sample_db;
static gint64 sample_batch;
static char *tmp_dir;

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

static guint
paginate (JdReviewDoc *doc)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint n = jd_review_doc_paginate (doc, cr, BODY_W, BODY_H);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

/* Every box inside the body, boxes stacked down each page, pages in order */
static void
assert_boxes_sane (JdReviewDoc *doc,
                   guint        n_pages)
{
  double top, bottom;
  const JdReviewBox *previous = NULL;

  jd_review_doc_get_body (doc, &top, &bottom);
  g_assert_cmpfloat (top, >, 0);
  g_assert_cmpfloat (bottom, <, BODY_H);
  for (guint i = 0; i < jd_review_doc_get_n_boxes (doc); i++)
    {
      const JdReviewBox *box = jd_review_doc_get_box (doc, i);

      g_assert_cmpuint (box->page, <, n_pages);
      g_assert_cmpfloat (box->y, >=, top - 0.01);
      g_assert_cmpfloat (box->y + box->height, <=, bottom + 0.01);
      g_assert_cmpfloat (box->x, >=, -0.01);
      g_assert_cmpfloat (box->x + box->width, <=, BODY_W + 0.01);
      g_assert_cmpfloat (box->height, >, 0);
      if (previous != NULL)
        {
          g_assert_cmpuint (box->page, >=, previous->page);
          if (box->page == previous->page)
            g_assert_cmpfloat (box->y, >=, previous->y + previous->height - 0.01);
        }
      previous = box;
    }
}

static JdReviewTemplate *
long_template (guint n_items)
{
  JdReviewTemplate *tmpl = jd_review_template_new ();
  int stage, doc_section = -1;

  tmpl->code = g_strdup ("test-long");
  tmpl->name = g_strdup ("长清单测试评查表");
  tmpl->version = 2;
  tmpl->kind = JD_REVIEW_KIND_PENALTY_GENERAL;
  tmpl->mode = JD_SCORING_SUM;
  stage = jd_review_template_add_section (tmpl, -1, "调查取证阶段", 100);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u项 检查笔录记载检查的起止时间、地点，内容清楚，"
                                               "被检查人签名确认", i + 1);
      const double typical[] = { 0.5, 1 };

      if (i % 10 == 0)
        {
          g_autofree char *title = g_strdup_printf ("检查(勘验)笔录 %u", i / 10 + 1);

          doc_section = jd_review_template_add_section (tmpl, stage, title, 10);
        }
      jd_review_template_add_item (tmpl, doc_section, text, 100.0 / n_items,
                                   i % 3 == 0 ? "每缺一项扣0.5分" : NULL, typical,
                                   i % 2 == 0 ? 2 : 0,
                                   i == 0 ? JD_VETO_ZERO : JD_VETO_NONE);
    }
  tmpl->total_points = 100;
  jd_review_template_set_default_bands (tmpl);
  return tmpl;
}

static void
test_kind_ids (void)
{
  for (JdReviewDocKind kind = 0; kind < JD_REVIEW_DOC_N; kind++)
    {
      JdReviewDocKind back = JD_REVIEW_DOC_N;

      g_assert_true (jd_review_doc_kind_from_id (jd_review_doc_kind_to_id (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_nonnull (jd_review_doc_kind_to_label (kind));
    }
  {
    JdReviewDocKind back;

    g_assert_false (jd_review_doc_kind_from_id ("poster", &back));
  }
}

/* A long checklist spans pages: the header row atop each of them, no row
 * cut or below the bottom, the next template on a page of its own */
static void
test_pagination (void)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);
  g_autoptr(JdReviewDoc) doc = NULL;
  g_autoptr(GHashTable) pages_with_rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) pages_with_header = g_hash_table_new (NULL, NULL);
  guint n_pages, first_of_second = G_MAXUINT, last_of_first = 0;

  g_ptr_array_add (templates, long_template (80));
  g_ptr_array_add (templates, long_template (5));
  g_free (((JdReviewTemplate *) templates->pdata[1])->name);
  ((JdReviewTemplate *) templates->pdata[1])->name = g_strdup ("短清单");

  doc = jd_review_doc_new_for_templates (templates, "示例区");
  n_pages = paginate (doc);
  g_assert_cmpuint (n_pages, >=, 4);
  assert_boxes_sane (doc, n_pages);

  for (guint i = 0; i < jd_review_doc_get_n_boxes (doc); i++)
    {
      const JdReviewBox *box = jd_review_doc_get_box (doc, i);

      if (box->kind == JD_REVIEW_BOX_HEADER_ROW)
        {
          g_assert_nonnull (strstr (box->text, "Item"));
          /* The header comes before any row of its page */
          g_assert_false (g_hash_table_contains (pages_with_rows, GUINT_TO_POINTER (box->page + 1)));
          g_hash_table_add (pages_with_header, GUINT_TO_POINTER (box->page + 1));
        }
      else if (box->kind == JD_REVIEW_BOX_ROW && strstr (box->text, "检查笔录记载") != NULL)
        {
          g_assert_true (g_hash_table_contains (pages_with_header, GUINT_TO_POINTER (box->page + 1)));
          g_hash_table_add (pages_with_rows, GUINT_TO_POINTER (box->page + 1));
        }
      else if (box->kind == JD_REVIEW_BOX_TEXT && strstr (box->text, "短清单") != NULL)
        first_of_second = MIN (first_of_second, box->page);
      if (strstr (box->text, "第80项") != NULL)
        last_of_first = box->page;
    }
  /* The long table ran over at least three pages, each with its header */
  g_assert_cmpuint (g_hash_table_size (pages_with_rows), >=, 3);
  g_assert_cmpuint (first_of_second, ==, last_of_first + 1);

  /* Each item row placed exactly once (none split) */
  for (guint item = 1; item <= 80; item++)
    {
      g_autofree char *needle = g_strdup_printf ("第%u项 ", item);
      guint found = 0;

      for (guint i = 0; i < jd_review_doc_get_n_boxes (doc); i++)
        {
          const JdReviewBox *box = jd_review_doc_get_box (doc, i);

          if (box->kind == JD_REVIEW_BOX_ROW && strstr (box->text, needle) != NULL)
            found++;
        }
      g_assert_cmpuint (found, ==, item <= 5 ? 2 : 1);
    }

  /* Paginating again gives the same pages */
  g_assert_cmpuint (paginate (doc), ==, n_pages);
}

/* A row taller than a page is cut between lines over several pages */
/* Laid out a block at a time (as GtkPrintOperation's ::paginate does it),
 * the document has the same pages and boxes as in one pass */
static void
test_pagination_steps (void)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);
  g_autoptr(JdReviewDoc) doc = NULL;
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (JdReviewBox));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_pages, steps = 0;

  g_ptr_array_add (templates, long_template (80));
  g_ptr_array_add (templates, long_template (5));
  doc = jd_review_doc_new_for_templates (templates, "示例区");
  n_pages = paginate (doc);
  for (guint i = 0; i < jd_review_doc_get_n_boxes (doc); i++)
    {
      g_array_append_val (whole, *jd_review_doc_get_box (doc, i));
      g_ptr_array_add (texts, g_strdup (jd_review_doc_get_box (doc, i)->text));
    }

  jd_review_doc_paginate_begin (doc, BODY_W, BODY_H);
  while (!jd_review_doc_paginate_step (doc, 1))
    steps++;
  /* one block a step: many steps, each returning to the caller */
  g_assert_cmpuint (steps, >, 10);
  g_assert_cmpuint (jd_review_doc_get_n_pages (doc), ==, n_pages);
  g_assert_cmpuint (jd_review_doc_get_n_boxes (doc), ==, whole->len);
  for (guint i = 0; i < whole->len; i++)
    {
      const JdReviewBox *a = &g_array_index (whole, JdReviewBox, i);
      const JdReviewBox *b = jd_review_doc_get_box (doc, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->page, ==, b->page);
      g_assert_cmpfloat_with_epsilon (a->y, b->y, 0.001);
      g_assert_cmpfloat_with_epsilon (a->height, b->height, 0.001);
      g_assert_cmpstr (texts->pdata[i], ==, b->text);
    }
}

static void
test_tall_row (void)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);
  g_autoptr(JdReviewDoc) doc = NULL;
  g_autoptr(GString) text = g_string_new ("超长项");
  JdReviewTemplate *tmpl = jd_review_template_new ();
  guint n_pages, slices = 0;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "\n第%u行 询问笔录逐页签名", i + 1);
  tmpl->name = g_strdup ("超长");
  tmpl->total_points = 10;
  jd_review_template_add_item (tmpl, -1, text->str, 10, NULL, NULL, 0, JD_VETO_NONE);
  jd_review_template_set_default_bands (tmpl);
  g_ptr_array_add (templates, tmpl);

  doc = jd_review_doc_new_for_templates (templates, NULL);
  n_pages = paginate (doc);
  g_assert_cmpuint (n_pages, >=, 2);
  assert_boxes_sane (doc, n_pages);
  for (guint i = 0; i < jd_review_doc_get_n_boxes (doc); i++)
    {
      const JdReviewBox *box = jd_review_doc_get_box (doc, i);

      if (box->kind == JD_REVIEW_BOX_ROW && strstr (box->text, "超长项") != NULL)
        slices++;
    }
  g_assert_cmpuint (slices, >=, 2);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = NULL;

  if (!run_tool (argv, &info))
    return 0;
  g_assert_nonnull (strstr (info, "595.28 x 841.89"));
  g_assert_nonnull (strstr (info, "Pages:"));
  return (guint) atoi (strstr (info, "Pages:") + strlen ("Pages:"));
}

static void
assert_fonts_embedded (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean cjk = FALSE;

  if (!run_tool (argv, &fonts))
    return;
  lines = g_strsplit (fonts, "\n", -1);
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
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      cjk |= strstr (g_ptr_array_index (words, 0), "NotoSansCJK") != NULL;
    }
  g_assert_true (cjk);
}

/* Exports DOC; checks the page count against paginate and returns the text
 * (NULL when poppler-utils is missing). */
static char *
export_and_read (JdReviewDoc *doc,
                 const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *text = NULL;
  guint pages;

  g_assert_true (jd_review_doc_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  pages = pdf_pages (path);
  if (pages == 0)
    return NULL;
  g_assert_cmpuint (pages, ==, paginate (doc));
  assert_fonts_embedded (path);
  if (!run_tool (argv, &text))
    return NULL;
  return text;
}

static gboolean
use_chinese (void)
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (localedir == NULL)
    return FALSE;
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  return TRUE;
}

/* Letters held in memory: one page each, the problems and the due date in */
static void
test_letters_memory (void)
{
  JdReviewLetter letters[2] = {
    { .id = 1, .agency_name = (char *) "区市场监督管理局", .number = (char *) "监督建议〔2025〕3号",
      .issued_on = (char *) "2025-11-01", .due_on = (char *) "2025-11-16",
      .problems = (char *) "询问笔录未逐页签名（3件）\n处罚决定书未载明救济途径（1件）" },
    { .id = 2, .agency_name = (char *) "区生态环境局", .number = (char *) "监督建议〔2025〕4号",
      .problems = (char *) "立案审批表缺负责人意见（2件）" },
  };
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  g_autoptr(JdReviewDoc) doc = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (array, &letters[0]);
  g_ptr_array_add (array, &letters[1]);
  doc = jd_review_doc_new_for_letters (array, "2025年度行政处罚案卷评查", "示例区");
  g_assert_cmpuint (paginate (doc), ==, 2);
  assert_boxes_sane (doc, 2);

  text = export_and_read (doc, "letters-memory.pdf");
  if (text == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "区市场监督管理局"));
  g_assert_nonnull (strstr (text, "询问笔录未逐页签名"));
  g_assert_nonnull (strstr (text, "监督建议〔2025〕4号"));
  g_assert_nonnull (strstr (text, "2025-11-16"));
}

/* The sample district: a batch drawn, a few files scored, letters drafted */
static void
score_some_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewBatchSpec) spec = jd_review_batch_spec_new ();
  g_autoptr(GPtrArray) files = NULL;
  gint64 reviewer = 0;
  guint drafted = 0;

  g_assert_true (jd_review_templates_ensure (sample_db, &error));
  g_assert_no_error (error);
  spec->name = g_strdup ("2025年度案卷评查");
  spec->year = 2025;
  spec->kind = JD_REVIEW_BATCH_CROSS;
  spec->sample_size = 12;
  spec->seed = 20251101;
  g_ptr_array_add (spec->reviewers, g_strdup ("张律师"));
  g_assert_true (jd_review_batch_create (sample_db, spec, &sample_batch, &error));
  g_assert_no_error (error);
  g_assert_true (jd_review_reviewer_ensure (sample_db, "张律师", &reviewer, &error));

  files = jd_review_batch_files (sample_db, sample_batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, >, 3);
  for (guint i = 0; i < 4; i++)
    {
      const JdReviewFile *file = g_ptr_array_index (files, i);
      g_autoptr(JdReviewSheet) sheet = jd_review_sheet_open (sample_db, file->id, reviewer, &error);
      g_autoptr(JdReviewTemplate) tmpl = NULL;
      const JdReviewItem *item;

      g_assert_no_error (error);
      tmpl = jd_review_template_load (sample_db, file->template_id, &error);
      g_assert_no_error (error);
      /* the last item loses its points, with a note */
      item = g_ptr_array_index (tmpl->items, tmpl->items->len - 1);
      g_assert_true (jd_review_sheet_set_mark (sample_db, sheet, item->id, item->points, FALSE,
                                               "未装订目录", &error));
      g_assert_no_error (error);
      g_assert_true (jd_review_sheet_set_finished (sample_db, sheet, TRUE, &error));
      g_assert_no_error (error);
    }
  g_assert_true (jd_review_letters_draft (sample_db, sample_batch, &drafted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (drafted, >, 0);
}

static void
test_db_documents (void)
{
  g_autofree char *district = jd_db_dup_local_district_name (sample_db);

  for (JdReviewDocKind kind = 0; kind < JD_REVIEW_DOC_N; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdReviewDoc) doc = jd_review_doc_new (sample_db, kind, sample_batch, 0, 0, &error);
      g_autofree char *name = g_strdup_printf ("%s.pdf", jd_review_doc_kind_to_id (kind));
      g_autofree char *text = NULL;
      guint n_pages;

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      n_pages = paginate (doc);
      assert_boxes_sane (doc, n_pages);

      text = export_and_read (doc, name);
      if (text == NULL)
        {
          g_test_skip ("poppler-utils is not installed");
          return;
        }
      g_assert_nonnull (strstr (text, district));
      switch (kind)
        {
        case JD_REVIEW_DOC_BLANK_SHEETS:
          g_assert_cmpuint (n_pages, >=, 3);
          /* the legality items are marked with their veto */
          g_assert_nonnull (strstr (text, "★"));
          g_assert_nonnull (strstr (text, jd_grade_to_label (JD_GRADE_FAIL)));
          break;
        case JD_REVIEW_DOC_FILLED_SHEETS:
          g_assert_cmpuint (n_pages, >=, 4);
          g_assert_nonnull (strstr (text, "张律师"));
          g_assert_nonnull (strstr (text, "未装订目录"));
          break;
        case JD_REVIEW_DOC_RESULTS:
          g_assert_nonnull (strstr (text, "2025年度案卷评查"));
          g_assert_nonnull (strstr (text, _("Agencies by rank")));
          g_assert_nonnull (strstr (text, "20251101"));
          break;
        case JD_REVIEW_DOC_LETTERS:
          {
            g_autoptr(GPtrArray) letters = jd_review_letters_list (sample_db, sample_batch, &error);
            const JdReviewLetter *letter;

            g_assert_no_error (error);
            g_assert_cmpuint (letters->len, >, 0);
            /* one page a letter here: the problems are few */
            g_assert_cmpuint (n_pages, ==, letters->len);
            letter = g_ptr_array_index (letters, 0);
            g_assert_nonnull (strstr (text, letter->agency_name));
            g_assert_nonnull (strstr (text, _("Law Enforcement Supervision Recommendation")));
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Last: switches the process to the zh_CN catalogue */
static void
test_chinese (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewDoc) doc = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);
  g_autofree char *text = NULL;

  if (!use_chinese ())
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return;
    }
  g_ptr_array_add (templates, long_template (12));
  doc = jd_review_doc_new_for_templates (templates, "示例区");
  text = export_and_read (doc, "zh.pdf");
  if (text == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  /* The labels as the catalogue has them (English until translated) */
  g_assert_nonnull (strstr (text, C_("review sheet column", "Deducted")));
  g_assert_nonnull (strstr (text, jd_grade_to_label (JD_GRADE_EXCELLENT)));
  g_assert_nonnull (strstr (text, "长清单测试评查表"));
  g_assert_nonnull (strstr (text, "第12项"));
  g_assert_nonnull (strstr (text, "示例区"));
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  JdSampleOptions options;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("jd-review-print-XXXXXX", &error);
  g_assert_no_error (error);
  sample_db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);
  jd_sample_options_init (&options);
  options.records_per_year = 2000;
  options.years = 1;
  options.last_year = 2025;
  g_assert_true (jd_sample_generate (sample_db, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  score_some_files ();

  g_test_add_func ("/jd/review-print/kind-ids", test_kind_ids);
  g_test_add_func ("/jd/review-print/pagination", test_pagination);
  g_test_add_func ("/jd/review-print/pagination-steps", test_pagination_steps);
  g_test_add_func ("/jd/review-print/tall-row", test_tall_row);
  g_test_add_func ("/jd/review-print/letters-memory", test_letters_memory);
  g_test_add_func ("/jd/review-print/db-documents", test_db_documents);
  g_test_add_func ("/jd/review-print/chinese", test_chinese);

  status = g_test_run ();
  g_clear_object (&sample_db);
  remove_all (tmp_dir);
  g_free (tmp_dir);
  return status;
}
