/* jd-review-letters-view.c: the supervision letters of a review batch (执法监督建议书)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The batch's letters on the left with their standing (draft, issued and
 * due, overdue, replied); the selected letter on the right, its problems and
 * measures editable. Edits are written when a text view loses the focus,
 * with Save, when another letter is selected and when the view goes away.
 * Issuing sets the reply deadline 15 days on (DOMAIN.md §13).
 */

#define G_LOG_DOMAIN "jd-review-letters-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-format.h"
#include "jd-review-batch.h"
#include "jd-review-letters-view.h"
#include "jd-review-print-dialog.h"

struct _JdReviewLettersView
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *letters_list;
  GtkWidget       *editor_box;
  GtkLabel        *number_label;
  GtkLabel        *agency_label;
  GtkLabel        *status_label;
  GtkTextView     *problems_view;
  GtkTextView     *measures_view;
  GtkLabel        *reply_heading;
  GtkLabel        *reply_label;
  GtkButton       *issue_button;
  GtkButton       *reply_button;

  /* Owned */
  JdDb            *db;
  GPtrArray       *letters;    /* JdReviewLetter* */
  char            *today;      /* NULL: the real today */
  gint64           batch_id;

  /* Borrowed from letters */
  JdReviewLetter  *current;
  gboolean         dirty;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (JdReviewLettersView, jd_review_letters_view, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_today (JdReviewLettersView *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->today != NULL)
    return g_strdup (self->today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
letter_is_overdue (JdReviewLettersView  *self,
                   const JdReviewLetter *letter)
{
  g_autofree char *today = dup_today (self);

  return letter->issued_on != NULL && letter->replied_on == NULL &&
         letter->due_on != NULL && strcmp (letter->due_on, today) < 0;
}

static char *
dup_status (JdReviewLettersView  *self,
            const JdReviewLetter *letter)
{
  if (letter->issued_on == NULL)
    return g_strdup (C_("letter status", "Draft"));
  if (letter->replied_on != NULL)
    return g_strdup_printf (_("Replied on %s"), letter->replied_on);
  if (letter_is_overdue (self, letter))
    return g_strdup_printf (_("Overdue, due %s"), letter->due_on);
  return g_strdup_printf (_("Issued, due %s"), letter->due_on != NULL ? letter->due_on : "");
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (JdReviewLettersView *self,
            const char          *heading,
            const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writes the edits of the current letter, if any. */
static gboolean
save_current (JdReviewLettersView  *self,
              GError              **error)
{
  g_autofree char *problems = NULL;
  g_autofree char *measures = NULL;

  if (self->current == NULL || !self->dirty || self->db == NULL)
    return TRUE;

  problems = dup_buffer_text (self->problems_view);
  measures = dup_buffer_text (self->measures_view);
  g_free (self->current->problems);
  self->current->problems = g_steal_pointer (&problems);
  g_free (self->current->measures);
  self->current->measures = g_steal_pointer (&measures);
  if (!jd_review_letter_update (self->db, self->current, error))
    return FALSE;
  self->dirty = FALSE;
  return TRUE;
}

static void
save_or_complain (JdReviewLettersView *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_current (self, &error))
    show_error (self, _("Could Not Save the Letter"), error);
}

static void
show_letter (JdReviewLettersView *self,
             JdReviewLetter      *letter)
{
  g_autofree char *status = NULL;

  self->current = letter;
  self->dirty = FALSE;
  gtk_widget_set_sensitive (self->editor_box, letter != NULL);
  if (letter == NULL)
    {
      self->loading = TRUE;
      gtk_label_set_text (self->number_label, _("No letter selected"));
      gtk_label_set_text (self->agency_label, "");
      gtk_label_set_text (self->status_label, "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->problems_view), "", -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->measures_view), "", -1);
      gtk_widget_set_visible (GTK_WIDGET (self->reply_heading), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->reply_label), FALSE);
      self->loading = FALSE;
      return;
    }

  self->loading = TRUE;
  gtk_label_set_text (self->number_label, letter->number != NULL ? letter->number : "");
  gtk_label_set_text (self->agency_label, letter->agency_name);
  status = dup_status (self, letter);
  gtk_label_set_text (self->status_label, status);
  if (letter_is_overdue (self, letter))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->problems_view),
                            letter->problems != NULL ? letter->problems : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->measures_view),
                            letter->measures != NULL ? letter->measures : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->reply_heading), letter->replied_on != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reply_label), letter->replied_on != NULL);
  gtk_label_set_text (self->reply_label, letter->reply != NULL ? letter->reply : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->issue_button), letter->issued_on == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reply_button),
                            letter->issued_on != NULL && letter->replied_on == NULL);
  self->loading = FALSE;
}

static GtkWidget *
create_row (JdReviewLettersView *self,
            JdReviewLetter      *letter)
{
  g_autofree char *status = dup_status (self, letter);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), letter->agency_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), letter->number != NULL ? letter->number : "");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption");
  if (letter_is_overdue (self, letter))
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (row, "error");
    }
  else if (letter->issued_on == NULL || letter->replied_on != NULL)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "status-label", label);
  g_object_set_data (G_OBJECT (row), "letter", letter);
  return row;
}

/* Reads the letters again, keeping the selected one (by id) selected. */
static void
reload (JdReviewLettersView *self,
        gint64               select_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkListBoxRow *select = NULL;

  save_or_complain (self);
  self->current = NULL;
  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->letters_list))) != NULL)
    gtk_list_box_remove (self->letters_list, child);
  self->loading = FALSE;
  g_clear_pointer (&self->letters, g_ptr_array_unref);

  if (self->db != NULL && self->batch_id > 0)
    {
      self->letters = jd_review_letters_list (self->db, self->batch_id, &error);
      if (self->letters == NULL)
        g_warning ("Could not read the letters: %s", error->message);
    }

  if (self->letters == NULL || self->letters->len == 0)
    {
      show_letter (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < self->letters->len; i++)
    {
      JdReviewLetter *letter = g_ptr_array_index (self->letters, i);
      GtkWidget *row = create_row (self, letter);

      gtk_list_box_append (self->letters_list, row);
      if (letter->id == select_id || select == NULL)
        select = GTK_LIST_BOX_ROW (row);
    }
  gtk_stack_set_visible_child_name (self->stack, "letters");
  gtk_list_box_select_row (self->letters_list, select);
  show_letter (self, g_object_get_data (G_OBJECT (select), "letter"));
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  int y, m, d;

  if (!jd_parse_iso_date (date, &y, &m, &d))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), date);
      return FALSE;
    }
  return TRUE;
}

/* Callbacks ------------------------------------------------------------------- */

static void
on_letter_selected_cb (JdReviewLettersView *self,
                       GtkListBoxRow       *row)
{
  if (self->loading)
    return;
  save_or_complain (self);
  if (row != NULL)
    show_letter (self, g_object_get_data (G_OBJECT (row), "letter"));
}

static void
on_buffer_changed_cb (JdReviewLettersView *self)
{
  if (!self->loading && self->current != NULL)
    self->dirty = TRUE;
}

static void
on_focus_leave_cb (JdReviewLettersView *self)
{
  save_or_complain (self);
}

static void
on_save_clicked_cb (JdReviewLettersView *self)
{
  g_autoptr(GError) error = NULL;

  self->dirty = TRUE;
  if (!save_current (self, &error))
    show_error (self, _("Could Not Save the Letter"), error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Letter saved")));
}

static void
on_print_clicked_cb (JdReviewLettersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->current == NULL)
    return;
  save_or_complain (self);
  jd_review_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                       JD_REVIEW_DOC_LETTERS, self->batch_id, self->current->id);
}

static void
on_print_all_clicked_cb (JdReviewLettersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->db == NULL || self->batch_id == 0)
    return;
  save_or_complain (self);
  jd_review_print_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                       JD_REVIEW_DOC_LETTERS, self->batch_id, 0);
}

static void
issue_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   JdReviewLettersView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "date-entry");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "issue") != 0)
    return;
  if (!_jd_review_letters_view_issue (self, gtk_editable_get_text (entry), &error))
    show_error (self, _("Could Not Issue the Letter"), error);
}

static GtkWidget *
create_date_entry (JdReviewLettersView *self,
                   const char          *accessible_name)
{
  g_autofree char *today = dup_today (self);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return entry;
}

static void
on_issue_clicked_cb (JdReviewLettersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *entry;

  if (self->current == NULL)
    return;
  save_or_complain (self);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Issue the Letter?"),
                                   _("The agency must reply within 15 days of the date of issue."));
  entry = create_date_entry (self, _("Date of issue"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "date-entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "issue", _("_Issue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reply_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   JdReviewLettersView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "date-entry");
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "reply-view");
  g_autofree char *reply = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0)
    return;
  reply = dup_buffer_text (view);
  if (!_jd_review_letters_view_record_reply (self, gtk_editable_get_text (entry), reply, &error))
    show_error (self, _("Could Not Record the Reply"), error);
}

static void
on_reply_clicked_cb (JdReviewLettersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *box, *entry, *label, *frame, *view;

  if (self->current == NULL)
    return;
  save_or_complain (self);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Record the Reply"), self->current->agency_name);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = create_date_entry (self, _("Date of the reply"));
  label = gtk_label_new_with_mnemonic (_("What the agency _did"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, 320, 120);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "date-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "reply-view", view);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reply_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkWidget ------------------------------------------------------------------- */

/* Letters drafted from the results tab show when this one comes back. */
static void
jd_review_letters_view_map (GtkWidget *widget)
{
  JdReviewLettersView *self = JD_REVIEW_LETTERS_VIEW (widget);

  GTK_WIDGET_CLASS (jd_review_letters_view_parent_class)->map (widget);
  if (self->db != NULL && self->batch_id > 0)
    reload (self, self->current != NULL ? self->current->id : 0);
}

static void
jd_review_letters_view_unmap (GtkWidget *widget)
{
  save_or_complain (JD_REVIEW_LETTERS_VIEW (widget));
  GTK_WIDGET_CLASS (jd_review_letters_view_parent_class)->unmap (widget);
}

/* GObject --------------------------------------------------------------------- */

static void
jd_review_letters_view_dispose (GObject *object)
{
  JdReviewLettersView *self = JD_REVIEW_LETTERS_VIEW (object);
  g_autoptr(GError) error = NULL;

  /* Nothing is lost on close */
  if (!save_current (self, &error))
    g_warning ("Could not save the letter: %s", error->message);
  self->current = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REVIEW_LETTERS_VIEW);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jd_review_letters_view_parent_class)->dispose (object);
}

static void
jd_review_letters_view_class_init (JdReviewLettersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_review_letters_view_dispose;
  widget_class->map = jd_review_letters_view_map;

  /* A letter was issued or its reply recorded: its deadline alert changed */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  widget_class->unmap = jd_review_letters_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/Jiandu/ui/jd-review-letters-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, stack);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, letters_list);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, editor_box);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, number_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, agency_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, status_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, problems_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, measures_view);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, reply_heading);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, reply_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, issue_button);
  gtk_widget_class_bind_template_child (widget_class, JdReviewLettersView, reply_button);
  gtk_widget_class_bind_template_callback (widget_class, on_letter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reply_clicked_cb);
}

static void
jd_review_letters_view_init (JdReviewLettersView *self)
{
  GtkTextView *views[] = { NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  views[0] = self->problems_view;
  views[1] = self->measures_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                               G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (views[i]), focus);
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
  show_letter (self, NULL);
}

/* Public ---------------------------------------------------------------------- */

GtkWidget *
jd_review_letters_view_new (void)
{
  return g_object_new (JD_TYPE_REVIEW_LETTERS_VIEW, NULL);
}

void
jd_review_letters_view_load (JdReviewLettersView *self,
                             JdDb                *db,
                             gint64               batch_id)
{
  g_return_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self));
  g_return_if_fail (db == NULL || JD_IS_DB (db));

  /* Edits of the letter shown go to the database they came from */
  save_or_complain (self);
  self->current = NULL;
  g_set_object (&self->db, db);
  self->batch_id = batch_id;
  reload (self, 0);
}

/* For the tests (and the dialogs) --------------------------------------------- */

void
_jd_review_letters_view_set_today (JdReviewLettersView *self,
                                   const char          *today)
{
  g_return_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self));

  g_free (self->today);
  self->today = g_strdup (today);
  reload (self, self->current != NULL ? self->current->id : 0);
}

guint
_jd_review_letters_view_get_n_letters (JdReviewLettersView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self), 0);

  return self->letters != NULL ? self->letters->len : 0;
}

const char *
_jd_review_letters_view_get_status_text (JdReviewLettersView *self,
                                         guint                position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->letters_list, (int) position);
  if (row == NULL)
    return NULL;
  return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "status-label"));
}

gboolean
_jd_review_letters_view_row_is_overdue (JdReviewLettersView *self,
                                        guint                position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->letters_list, (int) position);
  return row != NULL && gtk_widget_has_css_class (g_object_get_data (G_OBJECT (row), "status-label"),
                                                  "error");
}

void
_jd_review_letters_view_select (JdReviewLettersView *self,
                                guint                position)
{
  GtkListBoxRow *row;

  g_return_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->letters_list, (int) position);
  gtk_list_box_select_row (self->letters_list, row);
}

GtkTextView *
_jd_review_letters_view_get_problems_view (JdReviewLettersView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self), NULL);

  return self->problems_view;
}

gboolean
_jd_review_letters_view_save (JdReviewLettersView  *self,
                              GError              **error)
{
  g_return_val_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self), FALSE);

  return save_current (self, error);
}

gboolean
_jd_review_letters_view_issue (JdReviewLettersView  *self,
                               const char           *date,
                               GError              **error)
{
  gint64 id;

  g_return_val_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  if (!check_date (date, error) || !save_current (self, error))
    return FALSE;
  id = self->current->id;
  if (!jd_review_letter_issue (self->db, id, date, error))
    return FALSE;
  reload (self, id);
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->current != NULL && self->current->due_on != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reply deadline, a date */
      message = g_strdup_printf (_("Letter issued: reply due %s"), self->current->due_on);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  return TRUE;
}

gboolean
_jd_review_letters_view_record_reply (JdReviewLettersView  *self,
                                      const char           *date,
                                      const char           *reply,
                                      GError              **error)
{
  gint64 id;

  g_return_val_if_fail (JD_IS_REVIEW_LETTERS_VIEW (self), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);

  if (!check_date (date, error) || !save_current (self, error))
    return FALSE;
  id = self->current->id;
  if (!jd_review_letter_record_reply (self->db, id, date, reply, error))
    return FALSE;
  reload (self, id);
  g_signal_emit (self, signals[CHANGED], 0);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Reply recorded")));
  return TRUE;
}
