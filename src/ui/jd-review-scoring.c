/* jd-review-scoring.c: scoring the drawn files of a review batch (评查打分)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reviewer works through the batch file by file: the record's details on
 * the left, the checklist in the middle, the live total, grade and vetoes on
 * top. Every change is written at once with jd_review_sheet_set_mark(); the
 * file and item worked on are written too (the batch cursor and the sheet
 * cursor), so that opening the batch again resumes where the reviewer was.
 *
 * Keyboard: Ctrl+Page Down/Up (or Alt+Right/Left) next and previous file,
 * J/K (or Down/Up) next and previous item, 1–4 the item's typical
 * deductions, 0 clears the item, V toggles its veto, N goes to its note,
 * Ctrl+Enter finishes the file and goes to the next, Escape goes back.
 */

#define G_LOG_DOMAIN "jd-review-scoring"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "jd-format.h"
#include "jd-review-scoring.h"

/* The widgets of one checklist item */
typedef struct
{
  GtkWidget       *row;
  GtkSpinButton   *spin;
  GtkToggleButton *veto;    /* NULL: the item has no veto */
  GtkEntry        *note;
  GtkLabel        *points;
} ItemRow;

struct _JdReviewScoring
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkLabel           *position_label;
  GtkLabel           *score_label;
  GtkLabel           *grade_label;
  GtkLabel           *veto_label;
  GtkLabel           *status_label;
  GtkLabel           *error_label;
  GtkWidget          *compare_button;
  GtkWidget          *finish_button;
  GtkDropDown        *reviewer_dropdown;
  GtkGrid            *details_grid;
  GtkListBox         *checklist;

  /* Owned references */
  JdDb               *db;
  GPtrArray          *files;        /* JdReviewFile*, drawn order */
  GHashTable         *templates;    /* template id → JdReviewTemplate* */
  GtkStringList      *reviewers;
  JdReviewSheet      *sheet;
  GArray             *item_rows;    /* ItemRow, by item index */
  char               *reviewer_name;

  /* Borrowed references */
  JdReviewTemplate   *template;     /* of the current file, in templates */
  GtkWindow          *compare_window;   /* weak */
  GtkLabel           *detail_values[9];

  gint64              batch_id;
  gint64              reviewer_id;
  guint               file_index;
  guint               item;
  gboolean            updating;     /* the widgets are being set from the sheet */
};

G_DEFINE_FINAL_TYPE (JdReviewScoring, jd_review_scoring, ADW_TYPE_BIN)

enum
{
  CLOSED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  DETAIL_AGENCY,
  DETAIL_CATEGORY,
  DETAIL_PROCEDURE,
  DETAIL_PENALTY,
  DETAIL_DECISION,
  DETAIL_PARTY,
  DETAIL_OPENED,
  DETAIL_CLOSED,
  DETAIL_FINE,
  N_DETAILS
};

/* Points as the tables write them: 5, 2.5 */
static char *
format_points (double points)
{
  if (fabs (points - round (points)) < 0.001)
    return g_strdup_printf ("%.0f", points);
  return g_strdup_printf ("%.1f", points);
}

static const JdReviewFile *
current_file (JdReviewScoring *self)
{
  if (self->files == NULL || self->file_index >= self->files->len)
    return NULL;
  return g_ptr_array_index (self->files, self->file_index);
}

static const JdReviewMark *
find_mark (JdReviewScoring *self,
           gint64           item_id)
{
  if (self->sheet == NULL || self->sheet->marks == NULL)
    return NULL;

  for (guint i = 0; i < self->sheet->marks->len; i++)
    {
      const JdReviewMark *mark = &g_array_index (self->sheet->marks, JdReviewMark, i);

      if (mark->item_id == item_id)
        return mark;
    }

  return NULL;
}

static void
show_error (JdReviewScoring *self,
            const GError    *error)
{
  g_assert (JD_IS_REVIEW_SCORING (self));

  if (error == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }

  g_warning ("%s", error->message);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
update_score (JdReviewScoring *self)
{
  g_autofree char *score = NULL;
  g_autofree char *summary = NULL;
  const char *status;

  g_assert (JD_IS_REVIEW_SCORING (self));

  if (self->sheet == NULL)
    {
      gtk_label_set_text (self->score_label, "");
      gtk_label_set_text (self->grade_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->veto_label), FALSE);
      return;
    }

  score = format_points (self->sheet->score.score);
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->grade_label, jd_grade_to_label (self->sheet->score.grade));

  if (self->sheet->score.veto != JD_VETO_NONE)
    {
      g_autofree char *veto = NULL;

      /* Translators: %s says what the veto does, e.g. “Fails the file” */
      veto = g_strdup_printf (_("Veto: %s"), jd_veto_effect_to_label (self->sheet->score.veto));
      gtk_label_set_text (self->veto_label, veto);
      gtk_widget_set_visible (GTK_WIDGET (self->veto_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->veto_label), FALSE);

  switch (self->sheet->status)
    {
    case 2:
      status = _("Finished");
      break;
    case 1:
      status = _("In progress");
      break;
    default:
      status = _("Not started");
      break;
    }
  gtk_label_set_text (self->status_label, status);

  /* Read out as it changes: the score, the grade, the vetoes */
  if (self->sheet->score.veto != JD_VETO_NONE)
    /* Translators: the live score, read by screen readers: score, grade, veto effect */
    summary = g_strdup_printf (_("Score %s, %s, veto: %s"), score,
                               jd_grade_to_label (self->sheet->score.grade),
                               jd_veto_effect_to_label (self->sheet->score.veto));
  else
    /* Translators: the live score, read by screen readers: score, grade */
    summary = g_strdup_printf (_("Score %s, %s"), score,
                               jd_grade_to_label (self->sheet->score.grade));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);
}

/* The widgets of every item from the sheet's marks */
static void
update_items (JdReviewScoring *self)
{
  g_assert (JD_IS_REVIEW_SCORING (self));

  if (self->template == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < self->item_rows->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->template->items, i);
      const ItemRow *ir = &g_array_index (self->item_rows, ItemRow, i);
      const JdReviewMark *mark = find_mark (self, item->id);
      const char *note = mark != NULL && mark->note != NULL ? mark->note : "";

      gtk_spin_button_set_value (ir->spin, mark != NULL ? mark->deducted : 0);
      if (ir->veto != NULL)
        gtk_toggle_button_set_active (ir->veto, mark != NULL && mark->veto_hit);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (ir->note)), note) != 0)
        gtk_editable_set_text (GTK_EDITABLE (ir->note), note);

      /* What the item keeps, in red once something was deducted */
      if (mark != NULL && (mark->deducted > 0 || mark->veto_hit))
        {
          g_autofree char *deducted = format_points (mark->deducted);
          g_autofree char *points = format_points (item->points);
          g_autofree char *text = NULL;

          if (mark->veto_hit)
            /* Translators: an item whose veto was hit */
            text = g_strdup (_("Veto"));
          else
            /* Translators: points deducted of an item's points */
            text = g_strdup_printf (_("−%s of %s points"), deducted, points);
          gtk_label_set_text (ir->points, text);
          gtk_widget_add_css_class (GTK_WIDGET (ir->points), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (ir->points), "dim-label");
        }
      else if (item->points <= 0 && item->veto != JD_VETO_NONE)
        {
          /* A legality item: worth nothing, it only vetoes */
          gtk_label_set_text (ir->points, jd_veto_effect_to_label (item->veto));
          gtk_widget_remove_css_class (GTK_WIDGET (ir->points), "error");
          gtk_widget_add_css_class (GTK_WIDGET (ir->points), "dim-label");
        }
      else
        {
          g_autofree char *points = format_points (item->points);
          g_autofree char *text = g_strdup_printf (_("%s points"), points);

          gtk_label_set_text (ir->points, text);
          gtk_widget_remove_css_class (GTK_WIDGET (ir->points), "error");
          gtk_widget_add_css_class (GTK_WIDGET (ir->points), "dim-label");
        }
      if (ir->veto != NULL && gtk_toggle_button_get_active (ir->veto))
        gtk_widget_add_css_class (GTK_WIDGET (ir->veto), "destructive-action");
      else if (ir->veto != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (ir->veto), "destructive-action");
    }
  self->updating = FALSE;
}

static gboolean update_compare (JdReviewScoring *self,
                                GError         **error);

static void
save_mark (JdReviewScoring *self,
           guint            index,
           double           deducted,
           gboolean         veto_hit,
           const char      *note)
{
  g_autoptr(GError) error = NULL;
  const JdReviewItem *item;
  const JdReviewFile *file;
  int status_before;

  g_assert (JD_IS_REVIEW_SCORING (self));

  if (self->sheet == NULL || self->template == NULL || index >= self->template->items->len)
    return;

  item = g_ptr_array_index (self->template->items, index);
  deducted = CLAMP (deducted, 0, item->points);
  if (item->veto == JD_VETO_NONE)
    veto_hit = FALSE;
  if (note != NULL && *note == '\0')
    note = NULL;

  status_before = self->sheet->status;
  if (!jd_review_sheet_set_mark (self->db, self->sheet, item->id, deducted, veto_hit, note, &error))
    show_error (self, error);
  else
    show_error (self, NULL);

  update_items (self);
  update_score (self);

  file = current_file (self);
  if (file != NULL && status_before != self->sheet->status)
    {
      /* A sheet started: there may now be two to compare */
      g_clear_error (&error);
      if (!update_compare (self, &error))
        show_error (self, error);
      g_signal_emit (self, signals[CHANGED], 0, file->id);
    }
}

static void
get_mark_values (JdReviewScoring *self,
                 guint            index,
                 double          *deducted,
                 gboolean        *veto_hit,
                 const char     **note)
{
  const ItemRow *ir = &g_array_index (self->item_rows, ItemRow, index);

  *deducted = gtk_spin_button_get_value (ir->spin);
  *veto_hit = ir->veto != NULL && gtk_toggle_button_get_active (ir->veto);
  *note = gtk_editable_get_text (GTK_EDITABLE (ir->note));
}

static void
set_item (JdReviewScoring *self,
          guint            index,
          gboolean         focus)
{
  GtkWidget *row;

  g_assert (JD_IS_REVIEW_SCORING (self));

  if (self->item_rows == NULL || self->item_rows->len == 0)
    return;

  index = MIN (index, self->item_rows->len - 1);
  row = g_array_index (self->item_rows, ItemRow, index).row;
  self->item = index;

  if (gtk_list_box_get_selected_row (self->checklist) != GTK_LIST_BOX_ROW (row))
    gtk_list_box_select_row (self->checklist, GTK_LIST_BOX_ROW (row));
  if (focus)
    gtk_widget_grab_focus (row);

  if (self->sheet != NULL && self->sheet->cursor != index)
    {
      g_autoptr(GError) error = NULL;

      if (!jd_review_sheet_set_cursor (self->db, self->sheet, index, &error))
        show_error (self, error);
    }
}

static int
row_item_index (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  if (row == NULL)
    return -1;
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jd-item-index")) - 1;
}

static void
on_spin_value_changed_cb (JdReviewScoring *self,
                          GtkSpinButton   *spin)
{
  double deducted;
  gboolean veto_hit;
  const char *note;
  int index = row_item_index (GTK_WIDGET (spin));

  if (self->updating || index < 0)
    return;

  get_mark_values (self, index, &deducted, &veto_hit, &note);
  save_mark (self, index, deducted, veto_hit, note);
}

static void
on_veto_toggled_cb (JdReviewScoring *self,
                    GtkToggleButton *button)
{
  double deducted;
  gboolean veto_hit;
  const char *note;
  int index = row_item_index (GTK_WIDGET (button));

  if (self->updating || index < 0)
    return;

  get_mark_values (self, index, &deducted, &veto_hit, &note);
  save_mark (self, index, deducted, veto_hit, note);
}

static void
on_note_changed_cb (JdReviewScoring *self,
                    GtkEditable     *entry)
{
  double deducted;
  gboolean veto_hit;
  const char *note;
  int index = row_item_index (GTK_WIDGET (entry));

  if (self->updating || index < 0)
    return;

  get_mark_values (self, index, &deducted, &veto_hit, &note);
  save_mark (self, index, deducted, veto_hit, note);
}

static void
on_typical_clicked_cb (JdReviewScoring *self,
                       GtkButton       *button)
{
  int index = row_item_index (GTK_WIDGET (button));
  guint which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jd-typical"));

  if (index < 0)
    return;

  set_item (self, index, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "scoring.deduct", "i", (int) which);
}

static void
on_row_selected_cb (JdReviewScoring *self,
                    GtkListBoxRow   *row,
                    GtkListBox      *list)
{
  int index;

  if (row == NULL || self->updating)
    return;

  index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jd-item-index")) - 1;
  if (index >= 0 && (guint) index != self->item)
    set_item (self, index, FALSE);
}

static GtkWidget *
make_section_row (const JdReviewTemplate *template,
                  int                     section)
{
  const JdReviewSection *s = g_ptr_array_index (template->sections, section);
  g_autofree char *title = NULL;
  GtkWidget *row, *label;

  if (s->parent >= 0 && (guint) s->parent < template->sections->len)
    {
      const JdReviewSection *parent = g_ptr_array_index (template->sections, s->parent);

      title = g_strdup_printf ("%s › %s", parent->title, s->title);
    }
  else
    title = g_strdup (s->title);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
make_item_row (JdReviewScoring    *self,
               const JdReviewItem *item,
               guint               index,
               ItemRow            *ir)
{
  g_autofree char *points = format_points (item->points);
  g_autofree char *points_text = NULL;
  GtkWidget *row, *box, *top, *text, *points_label, *controls, *spin, *note;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), top);

  text = gtk_label_new (item->text);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (top), text);

  /* Translators: an item's points in the checklist */
  points_text = g_strdup_printf (_("%s points"), points);
  points_label = gtk_label_new (points_text);
  gtk_widget_add_css_class (points_label, "numeric");
  gtk_widget_add_css_class (points_label, "dim-label");
  gtk_widget_set_valign (points_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), points_label);
  ir->points = GTK_LABEL (points_label);

  if (item->rule != NULL && *item->rule != '\0')
    {
      GtkWidget *rule = gtk_label_new (item->rule);

      gtk_label_set_wrap (GTK_LABEL (rule), TRUE);
      gtk_label_set_xalign (GTK_LABEL (rule), 0);
      gtk_widget_add_css_class (rule, "dim-label");
      gtk_widget_add_css_class (rule, "caption");
      gtk_box_append (GTK_BOX (box), rule);
    }

  controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), controls);

  for (guint t = 0; t < item->n_typical && t < JD_REVIEW_MAX_TYPICAL; t++)
    {
      g_autofree char *amount = format_points (item->typical[t]);
      g_autofree char *label = g_strdup_printf ("−%s", amount);
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_button_new_with_label (label);

      /* Translators: a typical deduction's button; %1$s points, %2$u its key (1–4) */
      tooltip = g_strdup_printf (_("Deduct %1$s points (%2$u)"), amount, t + 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "numeric");
      g_object_set_data (G_OBJECT (button), "jd-typical", GUINT_TO_POINTER (t + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_typical_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (controls), button);
    }

  spin = gtk_spin_button_new_with_range (0, MAX (item->points, 0.5), 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_tooltip_text (spin, _("Points deducted (0 clears)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Points deducted"), -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (controls), spin);
  /* Items worth nothing (the legality items) only veto */
  gtk_widget_set_visible (spin, item->points > 0);
  ir->spin = GTK_SPIN_BUTTON (spin);

  ir->veto = NULL;
  if (item->veto != JD_VETO_NONE)
    {
      g_autofree char *tooltip = NULL;
      GtkWidget *veto = gtk_toggle_button_new_with_label (_("Veto"));

      /* Translators: %s says what the veto does */
      tooltip = g_strdup_printf (_("Veto (V): %s"), jd_veto_effect_to_label (item->veto));
      gtk_widget_set_tooltip_text (veto, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (veto), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      g_signal_connect_object (veto, "toggled", G_CALLBACK (on_veto_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (controls), veto);
      ir->veto = GTK_TOGGLE_BUTTON (veto);
    }

  note = gtk_entry_new ();
  gtk_widget_set_hexpand (note, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note (N)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note on the defect"), -1);
  g_signal_connect_object (note, "changed", G_CALLBACK (on_note_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (controls), note);
  ir->note = GTK_ENTRY (note);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "jd-item-index", GINT_TO_POINTER (index + 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item->text, -1);
  ir->row = row;

  return row;
}

/* The checklist of TEMPLATE: section headers and item rows */
static void
build_checklist (JdReviewScoring  *self,
                 JdReviewTemplate *template)
{
  GtkWidget *child;
  int section = -2;

  g_assert (JD_IS_REVIEW_SCORING (self));

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist))) != NULL)
    gtk_list_box_remove (self->checklist, child);
  g_array_set_size (self->item_rows, 0);

  self->template = template;
  for (guint i = 0; template != NULL && i < template->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (template->items, i);
      ItemRow ir = { 0 };

      if (item->section != section)
        {
          section = item->section;
          if (section >= 0 && (guint) section < template->sections->len)
            gtk_list_box_append (self->checklist, make_section_row (template, section));
        }

      gtk_list_box_append (self->checklist, make_item_row (self, item, i, &ir));
      g_array_append_val (self->item_rows, ir);
    }
  self->updating = FALSE;
}

static void
set_detail (JdReviewScoring *self,
            guint            detail,
            const char      *value)
{
  gtk_label_set_text (self->detail_values[detail], value != NULL && *value != '\0' ? value : "—");
}

static void
update_details (JdReviewScoring    *self,
                const JdReviewFile *file)
{
  g_autofree char *position = NULL;
  g_autofree char *fine = NULL;

  /* Translators: where the reviewer is in the drawn list */
  position = g_strdup_printf (_("File %u of %u"), self->file_index + 1, self->files->len);
  gtk_label_set_text (self->position_label, position);

  set_detail (self, DETAIL_AGENCY, file->agency_name);
  set_detail (self, DETAIL_CATEGORY, jd_category_to_label (file->category));
  set_detail (self, DETAIL_PROCEDURE,
              file->procedure != JD_PROCEDURE_NONE ? jd_procedure_to_label (file->procedure) : NULL);
  set_detail (self, DETAIL_PENALTY,
              file->penalty_type != JD_PENALTY_TYPE_NONE ? jd_penalty_type_to_label (file->penalty_type) : NULL);
  set_detail (self, DETAIL_DECISION, file->decision_no);
  set_detail (self, DETAIL_PARTY, file->party);
  set_detail (self, DETAIL_OPENED, file->opened_on);
  set_detail (self, DETAIL_CLOSED, file->closed_on);
  if (file->fine_fen > 0)
    fine = jd_format_amount (file->fine_fen);
  set_detail (self, DETAIL_FINE, fine);
}

static gboolean
update_compare (JdReviewScoring *self,
                GError         **error)
{
  g_autoptr(GPtrArray) sheets = NULL;
  const JdReviewFile *file = current_file (self);
  guint n = 0;

  if (file == NULL)
    {
      gtk_widget_set_visible (self->compare_button, FALSE);
      return TRUE;
    }

  sheets = jd_review_file_sheets (self->db, file->id, error);
  if (sheets == NULL)
    return FALSE;
  for (guint i = 0; i < sheets->len; i++)
    {
      const JdReviewSheet *sheet = g_ptr_array_index (sheets, i);

      /* Sheets merely opened do not count */
      if (sheet->reviewer_id != 0 && sheet->status > 0)
        n++;
    }
  gtk_widget_set_visible (self->compare_button, n >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scoring.compare", n >= 2);
  return TRUE;
}

/* Shows file INDEX of the drawn list, with the reviewer's sheet */
static gboolean
show_file (JdReviewScoring *self,
           guint            index,
           GError         **error)
{
  g_autoptr(JdReviewSheet) sheet = NULL;
  JdReviewTemplate *template;
  const JdReviewFile *file;

  g_assert (JD_IS_REVIEW_SCORING (self));

  if (self->files == NULL || self->files->len == 0)
    return TRUE;

  index = MIN (index, self->files->len - 1);
  file = g_ptr_array_index (self->files, index);

  sheet = jd_review_sheet_open (self->db, file->id, self->reviewer_id, error);
  if (sheet == NULL)
    return FALSE;

  template = g_hash_table_lookup (self->templates, &file->template_id);
  if (template == NULL)
    {
      template = jd_review_template_load (self->db, file->template_id, error);
      if (template == NULL)
        return FALSE;
      g_hash_table_insert (self->templates, &template->id, template);
    }

  self->file_index = index;
  g_clear_pointer (&self->sheet, jd_review_sheet_free);
  self->sheet = g_steal_pointer (&sheet);

  if (template != self->template)
    build_checklist (self, template);

  update_details (self, file);
  update_items (self);
  update_score (self);
  show_error (self, NULL);

  if (!jd_review_cursor_set (self->db, self->batch_id, self->reviewer_id, file->id, error))
    return FALSE;
  if (!update_compare (self, error))
    return FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scoring.previous-file", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scoring.next-file", index + 1 < self->files->len);

  self->item = G_MAXUINT;
  set_item (self, self->sheet->cursor, gtk_widget_get_mapped (GTK_WIDGET (self)));

  return TRUE;
}

/* Goes to the file the reviewer was on (or FILE_ID when not 0) */
static gboolean
open_reviewer (JdReviewScoring *self,
               const char      *name,
               gint64           file_id,
               GError         **error)
{
  gint64 reviewer_id;
  guint index = 0;

  g_assert (JD_IS_REVIEW_SCORING (self));

  if (!jd_review_reviewer_ensure (self->db, name, &reviewer_id, error))
    return FALSE;

  self->reviewer_id = reviewer_id;
  g_free (self->reviewer_name);
  self->reviewer_name = g_strdup (name);

  if (file_id == 0)
    file_id = jd_review_cursor_get (self->db, self->batch_id, reviewer_id);
  for (guint i = 0; file_id != 0 && i < self->files->len; i++)
    {
      const JdReviewFile *file = g_ptr_array_index (self->files, i);

      if (file->id == file_id)
        index = i;
    }

  return show_file (self, index, error);
}

static void
on_reviewer_selected_cb (JdReviewScoring *self,
                         GParamSpec      *pspec,
                         GtkDropDown     *dropdown)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *name;

  if (self->updating || self->db == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  name = gtk_string_list_get_string (self->reviewers, selected);
  if (name == NULL || g_strcmp0 (name, self->reviewer_name) == 0)
    return;

  if (!open_reviewer (self, name, 0, &error))
    show_error (self, error);
}

static void
move_file (JdReviewScoring *self,
           int              delta)
{
  g_autoptr(GError) error = NULL;
  int index;

  if (self->files == NULL || self->files->len == 0)
    return;

  index = (int) self->file_index + delta;
  if (index < 0 || index >= (int) self->files->len)
    return;

  if (!show_file (self, index, &error))
    show_error (self, error);
}

/* Compare dialog ---------------------------------------------------------------- */

typedef struct
{
  JdReviewScoring *self;      /* borrowed: the dialog is modal to it */
  JdReviewSheet   *a;
  JdReviewSheet   *b;
  GArray          *differences;
  GPtrArray       *choices;   /* GtkCheckButton* of sheet B, per difference */
  GtkWindow       *window;
} CompareDialog;

static void
compare_dialog_free (gpointer data)
{
  CompareDialog *cd = data;

  g_clear_pointer (&cd->a, jd_review_sheet_free);
  g_clear_pointer (&cd->b, jd_review_sheet_free);
  g_clear_pointer (&cd->differences, g_array_unref);
  g_clear_pointer (&cd->choices, g_ptr_array_unref);
  g_free (cd);
}

static void
on_reconcile_clicked_cb (GtkButton *button,
                         gpointer   user_data)
{
  CompareDialog *cd = user_data;
  JdReviewScoring *self = cd->self;
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (JdReviewMark));
  g_autoptr(GError) error = NULL;
  const JdReviewFile *file = current_file (self);

  /* What both agree on comes from A; each differing item from the chosen sheet */
  for (guint i = 0; i < cd->a->marks->len; i++)
    g_array_append_val (marks, g_array_index (cd->a->marks, JdReviewMark, i));

  for (guint d = 0; d < cd->differences->len; d++)
    {
      const JdReviewDifference *diff = &g_array_index (cd->differences, JdReviewDifference, d);
      gboolean use_b = gtk_check_button_get_active (g_ptr_array_index (cd->choices, d));
      JdReviewMark mark = { .item_id = diff->item_id };
      guint j;

      mark.deducted = diff->deducted[use_b ? 1 : 0];
      mark.veto_hit = diff->veto_hit[use_b ? 1 : 0];

      for (j = 0; j < marks->len; j++)
        {
          if (g_array_index (marks, JdReviewMark, j).item_id == diff->item_id)
            break;
        }
      if (j < marks->len)
        {
          mark.note = g_array_index (marks, JdReviewMark, j).note;
          g_array_index (marks, JdReviewMark, j) = mark;
        }
      else
        g_array_append_val (marks, mark);
    }

  if (file == NULL ||
      !jd_review_file_reconcile (self->db, file->id, (JdReviewMark *) (gpointer) marks->data,
                                 marks->len, NULL, &error))
    {
      show_error (self, error);
    }
  else
    g_signal_emit (self, signals[CHANGED], 0, file->id);

  gtk_window_destroy (cd->window);
}

static char *
describe_mark (double   deducted,
               gboolean veto_hit)
{
  g_autofree char *points = format_points (deducted);

  if (veto_hit)
    /* Translators: one reviewer's mark on an item: points deducted and a veto */
    return g_strdup_printf (_("−%s, veto"), points);
  if (deducted > 0)
    return g_strdup_printf ("−%s", points);
  return g_strdup (_("Compliant"));
}

static void
compare_sheets (JdReviewScoring *self)
{
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  const JdReviewFile *file = current_file (self);
  CompareDialog *cd;
  GtkWidget *window, *box, *header, *scroller, *list, *save, *cancel, *title;

  if (file == NULL)
    return;

  sheets = jd_review_file_sheets (self->db, file->id, &error);
  if (sheets == NULL)
    {
      show_error (self, error);
      return;
    }

  cd = g_new0 (CompareDialog, 1);
  cd->self = self;
  for (guint i = 0; i < sheets->len; i++)
    {
      JdReviewSheet *sheet = g_ptr_array_index (sheets, i);

      if (sheet->reviewer_id == 0 || sheet->status == 0)
        continue;
      if (cd->a == NULL)
        cd->a = g_ptr_array_steal_index (sheets, i--);
      else if (cd->b == NULL)
        cd->b = g_ptr_array_steal_index (sheets, i--);
    }
  if (cd->b == NULL)
    {
      compare_dialog_free (cd);
      return;
    }

  cd->differences = jd_review_sheets_compare (cd->a, cd->b);
  cd->choices = g_ptr_array_new ();

  window = adw_window_new ();
  cd->window = GTK_WINDOW (window);
  g_set_weak_pointer (&self->compare_window, GTK_WINDOW (window));
  g_object_set_data_full (G_OBJECT (window), "jd-compare", cd, compare_dialog_free);
  gtk_window_set_title (GTK_WINDOW (window), _("Compare Sheets"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 520);
  if (GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (window), box);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save Reconciled Sheet"));
  gtk_widget_set_name (save, "reconcile-button");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (on_reconcile_clicked_cb), cd);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  {
    g_autofree char *text = NULL;

    /* Translators: the two reviewers compared */
    text = g_strdup_printf (_("Items where %s and %s differ: choose whose mark stands."),
                            cd->a->reviewer_name, cd->b->reviewer_name);
    title = gtk_label_new (text);
    gtk_label_set_wrap (GTK_LABEL (title), TRUE);
    gtk_label_set_xalign (GTK_LABEL (title), 0);
    gtk_widget_set_margin_start (title, 12);
    gtk_widget_set_margin_end (title, 12);
    gtk_widget_set_margin_top (title, 12);
    gtk_widget_set_margin_bottom (title, 6);
    gtk_box_append (GTK_BOX (box), title);
  }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Differing items"), -1);

  for (guint d = 0; d < cd->differences->len; d++)
    {
      const JdReviewDifference *diff = &g_array_index (cd->differences, JdReviewDifference, d);
      int index = jd_review_template_find_item (self->template, diff->item_id);
      const JdReviewItem *item = index >= 0 ? g_ptr_array_index (self->template->items, index) : NULL;
      g_autofree char *mark_a = describe_mark (diff->deducted[0], diff->veto_hit[0]);
      g_autofree char *mark_b = describe_mark (diff->deducted[1], diff->veto_hit[1]);
      g_autofree char *label_a = g_strdup_printf ("%s: %s", cd->a->reviewer_name, mark_a);
      g_autofree char *label_b = g_strdup_printf ("%s: %s", cd->b->reviewer_name, mark_b);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check_a = gtk_check_button_new_with_label (label_a);
      GtkWidget *check_b = gtk_check_button_new_with_label (label_b);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item != NULL ? item->text : "?");
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check_b), GTK_CHECK_BUTTON (check_a));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check_a), TRUE);
      gtk_widget_set_valign (check_a, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (check_b, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check_a);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check_b);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_widget_set_name (check_b, "second-sheet-choice");
      g_ptr_array_add (cd->choices, check_b);
    }

  if (cd->differences->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The two sheets agree on every item"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), scroller);

  gtk_window_present (GTK_WINDOW (window));
}

/* Actions ----------------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_file (JD_REVIEW_SCORING (widget), g_str_equal (action_name, "scoring.next-file") ? 1 : -1);
}

static void
item_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdReviewScoring *self = JD_REVIEW_SCORING (widget);

  if (self->item_rows->len == 0)
    return;

  if (g_str_equal (action_name, "scoring.next-item"))
    set_item (self, MIN (self->item + 1, self->item_rows->len - 1), TRUE);
  else
    set_item (self, self->item > 0 ? self->item - 1 : 0, TRUE);
}

static void
deduct_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdReviewScoring *self = JD_REVIEW_SCORING (widget);
  int which = g_variant_get_int32 (parameter);
  const JdReviewItem *item;
  double deducted;
  gboolean veto_hit;
  const char *note;

  if (self->template == NULL || self->item >= self->item_rows->len)
    return;

  item = g_ptr_array_index (self->template->items, self->item);
  get_mark_values (self, self->item, &deducted, &veto_hit, &note);

  if (which == 0)
    save_mark (self, self->item, 0, FALSE, note);
  else if (which > 0 && (guint) which <= item->n_typical)
    save_mark (self, self->item, item->typical[which - 1], veto_hit, note);
}

static void
veto_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdReviewScoring *self = JD_REVIEW_SCORING (widget);
  double deducted;
  gboolean veto_hit;
  const char *note;

  if (self->template == NULL || self->item >= self->item_rows->len ||
      g_array_index (self->item_rows, ItemRow, self->item).veto == NULL)
    return;

  get_mark_values (self, self->item, &deducted, &veto_hit, &note);
  save_mark (self, self->item, deducted, !veto_hit, note);
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdReviewScoring *self = JD_REVIEW_SCORING (widget);

  if (self->item < self->item_rows->len)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->item_rows, ItemRow, self->item).note));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdReviewScoring *self = JD_REVIEW_SCORING (widget);
  g_autoptr(GError) error = NULL;
  const JdReviewFile *file = current_file (self);

  if (self->sheet == NULL || file == NULL)
    return;

  if (!jd_review_sheet_set_finished (self->db, self->sheet, TRUE, &error))
    {
      show_error (self, error);
      return;
    }
  update_score (self);
  g_signal_emit (self, signals[CHANGED], 0, file->id);

  if (self->file_index + 1 < self->files->len)
    move_file (self, 1);
  else if (!update_compare (self, &error))
    show_error (self, error);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  compare_sheets (JD_REVIEW_SCORING (widget));
}

/* GObject ----------------------------------------------------------------------- */

static void
jd_review_scoring_dispose (GObject *object)
{
  JdReviewScoring *self = JD_REVIEW_SCORING (object);

  if (self->compare_window != NULL)
    gtk_window_destroy (self->compare_window);
  g_clear_weak_pointer (&self->compare_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REVIEW_SCORING);

  G_OBJECT_CLASS (jd_review_scoring_parent_class)->dispose (object);
}

static void
jd_review_scoring_finalize (GObject *object)
{
  JdReviewScoring *self = JD_REVIEW_SCORING (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_hash_table_unref);
  g_clear_object (&self->reviewers);
  g_clear_pointer (&self->sheet, jd_review_sheet_free);
  g_clear_pointer (&self->item_rows, g_array_unref);
  g_clear_pointer (&self->reviewer_name, g_free);

  G_OBJECT_CLASS (jd_review_scoring_parent_class)->finalize (object);
}

static void
jd_review_scoring_class_init (JdReviewScoringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_review_scoring_dispose;
  object_class->finalize = jd_review_scoring_finalize;

  /* Back to the batch */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A file's standing changed (started, finished, reconciled); its id */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-review-scoring.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, position_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, score_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, grade_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, veto_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, status_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, error_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, compare_button);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, finish_button);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, reviewer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, details_grid);
  gtk_widget_class_bind_template_child (widget_class, JdReviewScoring, checklist);

  gtk_widget_class_install_action (widget_class, "scoring.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "scoring.back", NULL);

  gtk_widget_class_install_action (widget_class, "scoring.next-file", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "scoring.previous-file", NULL, file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "scoring.next-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "scoring.previous-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "scoring.next-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "scoring.previous-file", NULL);

  gtk_widget_class_install_action (widget_class, "scoring.next-item", NULL, item_action);
  gtk_widget_class_install_action (widget_class, "scoring.previous-item", NULL, item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "scoring.next-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "scoring.previous-item", NULL);

  gtk_widget_class_install_action (widget_class, "scoring.deduct", "i", deduct_action);
  for (int d = 0; d <= JD_REVIEW_MAX_TYPICAL; d++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + d, 0, "scoring.deduct", "i", d);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + d, 0, "scoring.deduct", "i", d);
    }

  gtk_widget_class_install_action (widget_class, "scoring.toggle-veto", NULL, veto_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, 0, "scoring.toggle-veto", NULL);
  gtk_widget_class_install_action (widget_class, "scoring.focus-note", NULL, note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "scoring.focus-note", NULL);
  gtk_widget_class_install_action (widget_class, "scoring.finish", NULL, finish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "scoring.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "scoring.finish", NULL);
  gtk_widget_class_install_action (widget_class, "scoring.compare", NULL, compare_action);
}

static void
jd_review_scoring_init (JdReviewScoring *self)
{
  const char *keys[N_DETAILS] = {
    N_("Agency"), N_("Category"), N_("Procedure"), N_("Penalty type"), N_("Decision No."),
    N_("Party"), N_("Opened"), N_("Closed"), N_("Fine"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                           (GDestroyNotify) jd_review_template_free);
  self->item_rows = g_array_new (FALSE, TRUE, sizeof (ItemRow));
  self->reviewers = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->reviewer_dropdown, G_LIST_MODEL (self->reviewers));

  for (guint i = 0; i < N_DETAILS; i++)
    {
      GtkWidget *key = gtk_label_new (_(keys[i]));
      GtkWidget *value = gtk_label_new ("—");

      gtk_label_set_xalign (GTK_LABEL (key), 0);
      gtk_label_set_yalign (GTK_LABEL (key), 0);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, key, NULL, -1);
      gtk_grid_attach (self->details_grid, key, 0, i, 1, 1);
      gtk_grid_attach (self->details_grid, value, 1, i, 1, 1);
      self->detail_values[i] = GTK_LABEL (value);
    }

  g_signal_connect_object (self->reviewer_dropdown, "notify::selected",
                           G_CALLBACK (on_reviewer_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checklist, "row-selected",
                           G_CALLBACK (on_row_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scoring.compare", FALSE);
}

GtkWidget *
jd_review_scoring_new (void)
{
  return g_object_new (JD_TYPE_REVIEW_SCORING, NULL);
}

gboolean
jd_review_scoring_load (JdReviewScoring  *self,
                        JdDb             *db,
                        gint64            batch_id,
                        const char       *reviewer,
                        gint64            file_id,
                        GError          **error)
{
  g_autoptr(JdReviewBatchSpec) spec = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *fallback = NULL;
  guint selected = 0;

  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spec = jd_review_batch_load_spec (db, batch_id, error);
  if (spec == NULL)
    return FALSE;
  files = jd_review_batch_files (db, batch_id, error);
  if (files == NULL)
    return FALSE;

  if (self->db != db)
    {
      g_set_object (&self->db, db);
      g_hash_table_remove_all (self->templates);
      build_checklist (self, NULL);
    }
  self->batch_id = batch_id;
  g_clear_pointer (&self->files, g_ptr_array_unref);
  self->files = g_steal_pointer (&files);
  g_clear_pointer (&self->sheet, jd_review_sheet_free);
  g_clear_pointer (&self->reviewer_name, g_free);

  /* The batch's reviewers; a batch without any is scored under the user's name */
  self->updating = TRUE;
  gtk_string_list_splice (self->reviewers, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->reviewers)), NULL);
  for (guint i = 0; spec->reviewers != NULL && i < spec->reviewers->len; i++)
    {
      const char *name = g_ptr_array_index (spec->reviewers, i);

      gtk_string_list_append (self->reviewers, name);
      if (g_strcmp0 (name, reviewer) == 0)
        selected = i;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->reviewers)) == 0)
    {
      fallback = g_strdup (reviewer != NULL ? reviewer : g_get_real_name ());
      gtk_string_list_append (self->reviewers, fallback);
    }
  gtk_drop_down_set_selected (self->reviewer_dropdown, selected);
  self->updating = FALSE;

  gtk_widget_set_sensitive (self->finish_button, self->files->len > 0);
  if (self->files->len == 0)
    {
      gtk_label_set_text (self->position_label, _("No files drawn"));
      build_checklist (self, NULL);
      update_score (self);
      return TRUE;
    }

  return open_reviewer (self, gtk_string_list_get_string (self->reviewers, selected), file_id, error);
}

gint64
jd_review_scoring_get_batch_id (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), 0);

  return self->batch_id;
}

gint64
jd_review_scoring_get_file_id (JdReviewScoring *self)
{
  const JdReviewFile *file;

  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), 0);

  file = current_file (self);
  return file != NULL ? file->id : 0;
}

const char *
jd_review_scoring_get_reviewer (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), NULL);

  return self->reviewer_name;
}

guint
jd_review_scoring_get_item (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), 0);

  return self->item;
}

const char *
_jd_review_scoring_get_score_text (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), NULL);

  return gtk_label_get_text (self->score_label);
}

const char *
_jd_review_scoring_get_position_text (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), NULL);

  return gtk_label_get_text (self->position_label);
}

const JdReviewSheet *
_jd_review_scoring_get_sheet (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), NULL);

  return self->sheet;
}

GtkWidget *
_jd_review_scoring_get_score_label (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), NULL);

  return GTK_WIDGET (self->score_label);
}

GtkWidget *
_jd_review_scoring_get_item_row (JdReviewScoring *self,
                                 guint            item)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), NULL);

  if (item >= self->item_rows->len)
    return NULL;
  return g_array_index (self->item_rows, ItemRow, item).row;
}

GtkWindow *
_jd_review_scoring_get_compare_window (JdReviewScoring *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_SCORING (self), NULL);

  return self->compare_window;
}
