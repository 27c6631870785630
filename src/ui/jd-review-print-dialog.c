/* jd-review-print-dialog.c: printing review documents through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document (jd-review-print) is read from the database first, laid out
 * for the print context's page size a piece at a time (::paginate), then
 * drawn page by page, as the charts page prints its charts. The test variant exports the
 * same pages to a PDF without a dialog.
 */

#define G_LOG_DOMAIN "jd-review-print-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-review-print-dialog.h"

typedef struct
{
  JdReviewDoc *doc;
  char        *date;
  GtkWindow   *parent;   /* for an error of an asynchronous print */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->doc, jd_review_doc_free);
  g_free (job->date);
  g_free (job);
}

/* Blocks (paragraphs, tables) laid out per ::paginate: about 15 ms */
#define BLOCKS_PER_STEP 40

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  jd_review_doc_paginate_begin (job->doc,
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
}

/* Hundreds of sheets take a second or more to lay out: a piece at a time
 * from the main loop, so the window and the progress's Cancel stay alive. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintJob          *job)
{
  if (!jd_review_doc_paginate_step (job->doc, BLOCKS_PER_STEP))
    return FALSE;
  gtk_print_operation_set_n_pages (operation, (int) jd_review_doc_get_n_pages (job->doc));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  jd_review_doc_draw_page (job->doc, gtk_print_context_get_cairo_context (context),
                           (guint) page, job->date);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An asynchronous print has ended */
static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (job->parent, error);
    }
  g_clear_object (&job->parent);
  print_job_free (job);
  g_object_unref (operation);
}

static gboolean
run_operation (GtkWindow        *parent,
               JdDb             *db,
               JdReviewDocKind   kind,
               gint64            batch_id,
               gint64            file_id,
               const char       *export_path,
               GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkPrintOperationResult result;
  JdReviewDoc *doc;
  PrintJob *job;

  doc = jd_review_doc_new (db, kind, batch_id,
                           kind == JD_REVIEW_DOC_FILLED_SHEETS ? file_id : 0,
                           kind == JD_REVIEW_DOC_LETTERS ? file_id : 0,
                           error);
  if (doc == NULL)
    return FALSE;

  job = g_new0 (PrintJob, 1);
  job->doc = doc;
  job->date = g_date_time_format (now, "%Y-%m-%d");

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 15, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, jd_review_doc_get_title (doc));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  else
    {
      /* Hundreds of filled sheets take seconds to draw: page by page from
       * the main loop, with progress and Cancel, the window stays alive. */
      gtk_print_operation_set_allow_async (operation, TRUE);
      gtk_print_operation_set_show_progress (operation, TRUE);
      g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), job);
    }

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* "done" frees the job and the operation */
      job->parent = parent != NULL ? g_object_ref (parent) : NULL;
      g_object_ref (operation);
      return TRUE;
    }
  if (export_path == NULL)
    g_signal_handlers_disconnect_by_func (operation, on_done_cb, job);
  print_job_free (job);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
jd_review_print_run (GtkWindow       *parent,
                     JdDb            *db,
                     JdReviewDocKind  kind,
                     gint64           batch_id,
                     gint64           file_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (JD_IS_DB (db));

  if (!run_operation (parent, db, kind, batch_id, file_id, NULL, &error))
    show_error (parent, error);
}

gboolean
_jd_review_print_to_file (JdDb             *db,
                          JdReviewDocKind   kind,
                          gint64            batch_id,
                          gint64            file_id,
                          const char       *pdf_path,
                          GError          **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);

  return run_operation (NULL, db, kind, batch_id, file_id, pdf_path, error);
}
