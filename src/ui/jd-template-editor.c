/* jd-template-editor.c: the review checklist editor (评查标准)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklists on the left (newest version of each) with the versions of
 * the selected one; on the right, a copy of the selected version to edit:
 * name, scoring mode, total, grade bands, and the items section by section
 * (text, points, rule, typical deductions, veto). Every change validates
 * the copy (jd_review_template_validate) and Save is only possible when it
 * is valid. Saving adds a new version; finished reviews keep theirs.
 */

#define G_LOG_DOMAIN "jd-template-editor"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-template-editor.h"

struct _JdTemplateEditor
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkListBox           *templates_list;
  GtkListBox           *versions_list;
  GtkWidget            *editor_box;
  GtkLabel             *validation_label;
  AdwEntryRow          *name_row;
  AdwComboRow          *mode_row;
  GtkSpinButton        *total_spin;
  AdwPreferencesGroup  *bands_group;
  GtkBox               *items_box;
  GtkButton            *save_button;
  GtkButton            *export_button;

  /* Band widgets, made once */
  GtkSpinButton        *band_spins[JD_GRADE_N];
  GtkCheckButton       *good_check;

  /* Owned */
  JdDb                 *db;
  GPtrArray            *templates;    /* JdReviewTemplate*, newest of each code */
  GPtrArray            *versions;     /* JdReviewTemplate*, of the selected code */
  JdReviewTemplate     *copy;         /* being edited */
  GPtrArray            *item_points;  /* GtkSpinButton*, borrowed, by item index */
  GtkFileChooserNative *chooser;

  gboolean              loading;
  gboolean              dirty;      /* the copy has unsaved edits */
  gboolean              closing;    /* the user chose to discard them */
};

G_DEFINE_FINAL_TYPE (JdTemplateEditor, jd_template_editor, ADW_TYPE_WINDOW)

static void build_items (JdTemplateEditor *self);

/* Helpers --------------------------------------------------------------------- */

static void
show_error (JdTemplateEditor *self,
            const char       *heading,
            const GError     *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_validation (JdTemplateEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  if (self->copy == NULL)
    {
      gtk_label_set_text (self->validation_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      return;
    }

  valid = jd_review_template_validate (self->copy, &error);
  gtk_label_set_text (self->validation_label, valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->validation_label), !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->validation_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->validation_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
}

/* After an edit of the copy */
static void
mark_changed (JdTemplateEditor *self)
{
  self->dirty = TRUE;
  update_validation (self);
}

static char *
format_points (double points)
{
  return g_strdup_printf ("%g", points);
}

static char *
dup_item_subtitle (const JdReviewItem *item)
{
  g_autofree char *points = format_points (item->points);

  if (item->veto != JD_VETO_NONE)
    /* Translators: an item's points and its veto effect */
    return g_strdup_printf (_("%s points · veto: %s"), points, jd_veto_effect_to_label (item->veto));
  /* Translators: an item's points */
  return g_strdup_printf (_("%s points"), points);
}

static char *
dup_typical (const JdReviewItem *item)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < item->n_typical; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ascii_formatd (buffer, sizeof buffer, "%g", item->typical[i]));
    }
  return g_string_free (text, FALSE);
}

static void
parse_typical (JdReviewItem *item,
               const char   *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;，、 ", -1);

  item->n_typical = 0;
  for (guint i = 0; parts[i] != NULL && item->n_typical < JD_REVIEW_MAX_TYPICAL; i++)
    {
      char *end = NULL;
      double value;

      if (*parts[i] == '\0')
        continue;
      value = g_ascii_strtod (parts[i], &end);
      if (end != parts[i] && value > 0)
        item->typical[item->n_typical++] = value;
    }
}

static char *
dup_section_title (const JdReviewTemplate *tmpl,
                   int                     section)
{
  const JdReviewSection *s;

  if (section < 0 || (guint) section >= tmpl->sections->len)
    return g_strdup (_("Items"));
  s = g_ptr_array_index (tmpl->sections, section);
  if (s->parent >= 0 && (guint) s->parent < tmpl->sections->len && s->parent != section)
    {
      const JdReviewSection *parent = g_ptr_array_index (tmpl->sections, s->parent);

      /* Translators: a stage and a document of a checklist, e.g. "立案 › 立案审批表" */
      return g_strdup_printf (_("%s › %s"), parent->title, s->title);
    }
  return g_strdup (s->title);
}

/* Bands ----------------------------------------------------------------------- */

static void
bands_from_widgets (JdTemplateEditor *self)
{
  JdGradeBand band;

  if (self->copy == NULL)
    return;
  g_array_set_size (self->copy->bands, 0);
  band.grade = JD_GRADE_EXCELLENT;
  band.min_score = gtk_spin_button_get_value (self->band_spins[JD_GRADE_EXCELLENT]);
  g_array_append_val (self->copy->bands, band);
  if (gtk_check_button_get_active (self->good_check))
    {
      band.grade = JD_GRADE_GOOD;
      band.min_score = gtk_spin_button_get_value (self->band_spins[JD_GRADE_GOOD]);
      g_array_append_val (self->copy->bands, band);
    }
  band.grade = JD_GRADE_PASS;
  band.min_score = gtk_spin_button_get_value (self->band_spins[JD_GRADE_PASS]);
  g_array_append_val (self->copy->bands, band);
  band.grade = JD_GRADE_FAIL;
  band.min_score = 0;
  g_array_append_val (self->copy->bands, band);
}

static void
bands_to_widgets (JdTemplateEditor *self)
{
  gboolean good = FALSE;

  gtk_spin_button_set_value (self->band_spins[JD_GRADE_EXCELLENT], 90);
  gtk_spin_button_set_value (self->band_spins[JD_GRADE_GOOD], 75);
  gtk_spin_button_set_value (self->band_spins[JD_GRADE_PASS], 60);
  for (guint i = 0; i < self->copy->bands->len; i++)
    {
      const JdGradeBand *band = &g_array_index (self->copy->bands, JdGradeBand, i);

      if (band->grade == JD_GRADE_FAIL)
        continue;
      gtk_spin_button_set_value (self->band_spins[band->grade], band->min_score);
      if (band->grade == JD_GRADE_GOOD)
        good = TRUE;
    }
  gtk_check_button_set_active (self->good_check, good);
  gtk_widget_set_sensitive (GTK_WIDGET (self->band_spins[JD_GRADE_GOOD]), good);
}

static void
on_band_changed_cb (JdTemplateEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->band_spins[JD_GRADE_GOOD]),
                            gtk_check_button_get_active (self->good_check));
  if (self->loading)
    return;
  bands_from_widgets (self);
  mark_changed (self);
}

static GtkSpinButton *
add_band_row (JdTemplateEditor *self,
              JdGrade           grade,
              GtkWidget        *prefix)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1000, 0.5);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jd_grade_to_label (grade));
  /* Translators: the lowest score of a grade band */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Minimum score"));
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* Translators: accessible name of a band's spin button, %s is a grade */
  accessible = g_strdup_printf (_("Minimum score for %s"), jd_grade_to_label (grade));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (prefix != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_band_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->bands_group, row);
  return GTK_SPIN_BUTTON (spin);
}

static void
build_bands (JdTemplateEditor *self)
{
  GtkWidget *fail_row;
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *good = NULL;

  self->band_spins[JD_GRADE_EXCELLENT] = add_band_row (self, JD_GRADE_EXCELLENT, NULL);

  /* Translators: the check box that turns the 良好 band on, %s is the grade */
  good = g_strdup_printf (_("Use the %s band"), jd_grade_to_label (JD_GRADE_GOOD));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, good, -1);
  gtk_widget_set_tooltip_text (check, good);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  self->good_check = GTK_CHECK_BUTTON (check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_band_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->band_spins[JD_GRADE_GOOD] = add_band_row (self, JD_GRADE_GOOD, check);
  self->band_spins[JD_GRADE_PASS] = add_band_row (self, JD_GRADE_PASS, NULL);

  fail_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fail_row), jd_grade_to_label (JD_GRADE_FAIL));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (fail_row), _("Every score below the bands above"));
  adw_preferences_group_add (self->bands_group, fail_row);
}

/* Items ----------------------------------------------------------------------- */

static JdReviewItem *
item_of (JdTemplateEditor *self,
         GObject          *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (widget, "index"));

  if (self->copy == NULL || index >= self->copy->items->len)
    return NULL;
  return g_ptr_array_index (self->copy->items, index);
}

static void
refresh_expander (GObject            *widget,
                  const JdReviewItem *item)
{
  AdwExpanderRow *expander = g_object_get_data (widget, "expander");
  g_autofree char *title = g_markup_escape_text (item->text != NULL ? item->text : "", -1);
  g_autofree char *subtitle = dup_item_subtitle (item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (expander, subtitle);
}

static void
on_item_text_changed_cb (GtkEditable      *editable,
                         JdTemplateEditor *self)
{
  JdReviewItem *item = item_of (self, G_OBJECT (editable));

  if (item == NULL || self->loading)
    return;
  g_free (item->text);
  item->text = g_strdup (gtk_editable_get_text (editable));
  refresh_expander (G_OBJECT (editable), item);
  mark_changed (self);
}

static void
on_item_points_changed_cb (GtkSpinButton    *spin,
                           JdTemplateEditor *self)
{
  JdReviewItem *item = item_of (self, G_OBJECT (spin));

  if (item == NULL || self->loading)
    return;
  item->points = gtk_spin_button_get_value (spin);
  refresh_expander (G_OBJECT (spin), item);
  mark_changed (self);
}

static void
on_item_rule_changed_cb (GtkEditable      *editable,
                         JdTemplateEditor *self)
{
  JdReviewItem *item = item_of (self, G_OBJECT (editable));
  const char *text = gtk_editable_get_text (editable);

  if (item == NULL || self->loading)
    return;
  g_free (item->rule);
  item->rule = *text != '\0' ? g_strdup (text) : NULL;
  mark_changed (self);
}

static void
on_item_typical_changed_cb (GtkEditable      *editable,
                            JdTemplateEditor *self)
{
  JdReviewItem *item = item_of (self, G_OBJECT (editable));

  if (item == NULL || self->loading)
    return;
  parse_typical (item, gtk_editable_get_text (editable));
  mark_changed (self);
}

static void
on_item_veto_changed_cb (AdwComboRow      *row,
                         GParamSpec       *pspec,
                         JdTemplateEditor *self)
{
  JdReviewItem *item = item_of (self, G_OBJECT (row));
  guint selected = adw_combo_row_get_selected (row);

  if (item == NULL || self->loading || selected >= JD_VETO_N)
    return;
  item->veto = (JdVetoEffect) selected;
  refresh_expander (G_OBJECT (row), item);
  mark_changed (self);
}

static void
on_item_remove_clicked_cb (GtkButton        *button,
                           JdTemplateEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  _jd_template_editor_remove_item (self, index);
}

static void
on_add_item_clicked_cb (GtkButton        *button,
                        JdTemplateEditor *self)
{
  _jd_template_editor_add_item (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                          "section")));
}

static void
tag (gpointer   widget,
     guint      index,
     GtkWidget *expander)
{
  g_object_set_data (G_OBJECT (widget), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (widget), "expander", expander);
}

static GtkWidget *
create_item_row (JdTemplateEditor *self,
                 guint             index)
{
  const JdReviewItem *item = g_ptr_array_index (self->copy->items, index);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *row, *spin, *button;
  g_autoptr(GtkStringList) vetoes = gtk_string_list_new (NULL);
  g_autofree char *typical = dup_typical (item);

  tag (expander, index, expander);
  refresh_expander (G_OBJECT (expander), item);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Text"));
  gtk_editable_set_text (GTK_EDITABLE (row), item->text != NULL ? item->text : "");
  tag (row, index, expander);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_item_text_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Points"));
  spin = gtk_spin_button_new_with_range (0, 1000, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), item->points);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Points"), -1);
  tag (spin, index, expander);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_item_points_changed_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_ptr_array_add (self->item_points, spin);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Deduction rule"));
  gtk_editable_set_text (GTK_EDITABLE (row), item->rule != NULL ? item->rule : "");
  tag (row, index, expander);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_item_rule_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  row = adw_entry_row_new ();
  /* Translators: the usual deductions per defect, written "2, 1, 0.5" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Typical deductions (e.g. 2, 1, 0.5)"));
  gtk_editable_set_text (GTK_EDITABLE (row), typical);
  tag (row, index, expander);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_item_typical_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  for (JdVetoEffect veto = JD_VETO_NONE; veto < JD_VETO_N; veto++)
    gtk_string_list_append (vetoes, jd_veto_effect_to_label (veto));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Veto"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (vetoes));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), item->veto);
  tag (row, index, expander);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_item_veto_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  row = adw_action_row_new ();
  button = gtk_button_new_with_mnemonic (_("_Remove Item"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  tag (button, index, expander);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_item_remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  return expander;
}

static GtkWidget *
create_section_group (JdTemplateEditor *self,
                      int               section)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *title = dup_section_title (self->copy, section);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *accessible = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  /* Translators: accessible name of the add button of a section, %s is its title */
  accessible = g_strdup_printf (_("Add an item to %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (add, _("Add an item"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (add), "section", GINT_TO_POINTER (section));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_item_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  return group;
}

static void
build_items (JdTemplateEditor *self)
{
  GtkWidget *child;
  GtkWidget *group = NULL;
  int section = G_MININT;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  g_ptr_array_set_size (self->item_points, 0);
  if (self->copy == NULL)
    return;

  self->loading = TRUE;
  for (guint i = 0; i < self->copy->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->copy->items, i);

      if (group == NULL || item->section != section)
        {
          section = item->section;
          group = create_section_group (self, section);
          gtk_box_append (self->items_box, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_item_row (self, i));
    }
  if (group == NULL)
    gtk_box_append (self->items_box, create_section_group (self, -1));
  self->loading = FALSE;
}

/* Loading --------------------------------------------------------------------- */

static void
show_copy (JdTemplateEditor *self)
{
  g_autofree char *subtitle = NULL;

  self->dirty = FALSE;
  gtk_widget_set_sensitive (self->editor_box, self->copy != NULL);
  if (self->copy == NULL)
    {
      build_items (self);
      update_validation (self);
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->copy->name != NULL ? self->copy->name : "");
  adw_combo_row_set_selected (self->mode_row, self->copy->mode == JD_SCORING_HUNDRED_MINUS ? 1 : 0);
  gtk_spin_button_set_value (self->total_spin, self->copy->total_points);
  bands_to_widgets (self);
  self->loading = FALSE;
  build_items (self);

  /* Translators: the window subtitle, the checklist and the version edited */
  subtitle = g_strdup_printf (_("%s, editing a copy of version %d"), self->copy->name,
                              self->copy->version);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  update_validation (self);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
reload_templates (JdTemplateEditor *self,
                  const char       *select_code)
{
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *select = NULL;

  self->loading = TRUE;
  clear_list (self->templates_list);
  clear_list (self->versions_list);
  self->loading = FALSE;
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->copy, jd_review_template_free);

  self->templates = jd_review_templates_list (self->db, &error);
  if (self->templates == NULL)
    {
      show_error (self, _("Could Not Read the Checklists"), error);
      show_copy (self);
      return;
    }

  for (guint i = 0; i < self->templates->len; i++)
    {
      const JdReviewTemplate *tmpl = g_ptr_array_index (self->templates, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (tmpl->name, -1);
      g_autofree char *subtitle = NULL;

      if (tmpl->builtin)
        /* Translators: kind of review, version; e.g. "行政许可 · version 2 · built in" */
        subtitle = g_strdup_printf (_("%s · version %d · built in"),
                                    jd_review_kind_to_label (tmpl->kind), tmpl->version);
      else
        subtitle = g_strdup_printf (_("%s · version %d"),
                                    jd_review_kind_to_label (tmpl->kind), tmpl->version);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (tmpl->code), g_free);
      gtk_list_box_append (self->templates_list, row);
      if (select == NULL || g_strcmp0 (tmpl->code, select_code) == 0)
        select = GTK_LIST_BOX_ROW (row);
    }

  if (select != NULL)
    gtk_list_box_select_row (self->templates_list, select);
  else
    show_copy (self);
}

static void
on_template_selected_cb (JdTemplateEditor *self,
                         GtkListBoxRow    *row)
{
  g_autoptr(GError) error = NULL;
  const char *code;

  if (self->loading || row == NULL)
    return;

  code = g_object_get_data (G_OBJECT (row), "code");
  self->loading = TRUE;
  clear_list (self->versions_list);
  self->loading = FALSE;
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = jd_review_template_versions (self->db, code, &error);
  if (self->versions == NULL)
    {
      show_error (self, _("Could Not Read the Checklists"), error);
      return;
    }

  for (guint i = 0; i < self->versions->len; i++)
    {
      const JdReviewTemplate *tmpl = g_ptr_array_index (self->versions, i);
      GtkWidget *vrow = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Version %d"), tmpl->version);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (vrow), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (vrow), tmpl->created_on != NULL ? tmpl->created_on : "");
      g_object_set_data (G_OBJECT (vrow), "template", (gpointer) tmpl);
      gtk_list_box_append (self->versions_list, vrow);
    }
  gtk_list_box_select_row (self->versions_list, gtk_list_box_get_row_at_index (self->versions_list, 0));
}

static void
on_version_selected_cb (JdTemplateEditor *self,
                        GtkListBoxRow    *row)
{
  const JdReviewTemplate *tmpl;

  if (self->loading || row == NULL)
    return;
  tmpl = g_object_get_data (G_OBJECT (row), "template");
  g_clear_pointer (&self->copy, jd_review_template_free);
  self->copy = jd_review_template_copy (tmpl);
  show_copy (self);
}

/* Callbacks ------------------------------------------------------------------- */

static void
on_name_changed_cb (JdTemplateEditor *self)
{
  if (self->loading || self->copy == NULL)
    return;
  g_free (self->copy->name);
  self->copy->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  mark_changed (self);
}

static void
on_mode_changed_cb (JdTemplateEditor *self)
{
  if (self->loading || self->copy == NULL)
    return;
  self->copy->mode = adw_combo_row_get_selected (self->mode_row) == 1 ? JD_SCORING_HUNDRED_MINUS
                                                                        : JD_SCORING_SUM;
  mark_changed (self);
}

static void
on_total_changed_cb (JdTemplateEditor *self)
{
  if (self->loading || self->copy == NULL)
    return;
  self->copy->total_points = gtk_spin_button_get_value (self->total_spin);
  mark_changed (self);
}

static void
on_save_clicked_cb (JdTemplateEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (_jd_template_editor_save (self, &error) == 0 && error != NULL)
    show_error (self, _("Could Not Save the Checklist"), error);
}

static void
import_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    JdTemplateEditor *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    _jd_template_editor_import (self, file);
}

static GtkFileFilter *
xml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Checklists (XML)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  return filter;
}

static void
on_import_clicked_cb (JdTemplateEditor *self)
{
  g_autoptr(GtkFileFilter) filter = xml_filter ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import a Checklist"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    JdTemplateEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL || self->copy == NULL)
    return;

  path = g_file_get_path (file);
  base = g_file_get_basename (file);
  if (path == NULL || !jd_review_template_export_xml (self->copy, path, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), base);

      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only local files can be written"));
      show_error (self, heading, error);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), base);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
on_export_clicked_cb (JdTemplateEditor *self)
{
  g_autoptr(GtkFileFilter) filter = xml_filter ();
  g_autofree char *name = NULL;

  if (self->copy == NULL)
    return;
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export the Checklist"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strdup_printf ("%s-v%d.xml", self->copy->code != NULL ? self->copy->code : "checklist",
                          self->copy->version);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GtkWindow ------------------------------------------------------------------- */

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     JdTemplateEditor *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (_jd_template_editor_save (self, &error) == 0)
        {
          if (error != NULL)
            show_error (self, _("Could Not Save the Checklist"), error);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Unsaved edits are not dropped without asking */
static gboolean
jd_template_editor_close_request (GtkWindow *window)
{
  JdTemplateEditor *self = JD_TEMPLATE_EDITOR (window);
  GtkWidget *dialog;

  if (!self->dirty || self->closing || self->copy == NULL)
    return GTK_WINDOW_CLASS (jd_template_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save the Changes?"),
                                   _("The checklist has changes that are not saved as a new version."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject --------------------------------------------------------------------- */

static void
jd_template_editor_dispose (GObject *object)
{
  JdTemplateEditor *self = JD_TEMPLATE_EDITOR (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_TEMPLATE_EDITOR);
  g_clear_pointer (&self->item_points, g_ptr_array_unref);
  g_clear_pointer (&self->copy, jd_review_template_free);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jd_template_editor_parent_class)->dispose (object);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  on_save_clicked_cb (JD_TEMPLATE_EDITOR (widget));
}

static void
jd_template_editor_class_init (JdTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_template_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = jd_template_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/Jiandu/ui/jd-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, templates_list);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, versions_list);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, editor_box);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, validation_label);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, mode_row);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, total_spin);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, bands_group);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, items_box);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, JdTemplateEditor, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_total_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
jd_template_editor_init (JdTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->item_points = g_ptr_array_new ();
  build_bands (self);
  show_copy (self);
}

/* Public ---------------------------------------------------------------------- */

JdTemplateEditor *
_jd_template_editor_new (GtkWindow *parent,
                         JdDb      *db)
{
  g_autoptr(GError) error = NULL;
  JdTemplateEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JD_IS_DB (db), NULL);

  self = g_object_new (JD_TYPE_TEMPLATE_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  if (!jd_review_templates_ensure (db, &error))
    g_warning ("Could not store the built-in checklists: %s", error->message);
  reload_templates (self, NULL);
  return self;
}

void
jd_template_editor_present (GtkWindow *parent,
                            JdDb      *db)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (JD_IS_DB (db));

  gtk_window_present (GTK_WINDOW (_jd_template_editor_new (parent, db)));
}

/* For the tests --------------------------------------------------------------- */

gboolean
_jd_template_editor_select (JdTemplateEditor *self,
                            const char       *code)
{
  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), FALSE);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->templates_list, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "code"), code) == 0)
        {
          if (gtk_list_box_get_selected_row (self->templates_list) == row)
            on_template_selected_cb (self, row);
          else
            gtk_list_box_select_row (self->templates_list, row);
          return TRUE;
        }
    }
}

JdReviewTemplate *
_jd_template_editor_get_template (JdTemplateEditor *self)
{
  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), NULL);

  return self->copy;
}

guint
_jd_template_editor_get_n_versions (JdTemplateEditor *self)
{
  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), 0);

  return self->versions != NULL ? self->versions->len : 0;
}

GtkSpinButton *
_jd_template_editor_get_item_points (JdTemplateEditor *self,
                                     guint             index)
{
  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), NULL);

  return index < self->item_points->len ? g_ptr_array_index (self->item_points, index) : NULL;
}

AdwEntryRow *
_jd_template_editor_get_name_row (JdTemplateEditor *self)
{
  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), NULL);

  return self->name_row;
}

const char *
_jd_template_editor_get_validation_text (JdTemplateEditor *self)
{
  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), NULL);

  return gtk_label_get_text (self->validation_label);
}

int
_jd_template_editor_save (JdTemplateEditor  *self,
                          GError           **error)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  int version;

  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), 0);

  if (self->copy == NULL)
    return 0;
  /* An edited version is the bureau's own, not the built-in one */
  self->copy->builtin = FALSE;
  if (!jd_review_template_save (self->db, self->copy, error))
    return 0;

  version = self->copy->version;
  code = g_strdup (self->copy->code);
  message = g_strdup_printf (_("Saved as version %d; finished reviews keep the version they used"),
                             version);
  reload_templates (self, code);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  return version;
}

gboolean
_jd_template_editor_import (JdTemplateEditor *self,
                            GFile            *file)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  g_autoptr(JdReviewTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JD_IS_TEMPLATE_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  base = g_file_get_basename (file);
  tmpl = path != NULL ? jd_review_template_import_xml (path, &error) : NULL;
  if (tmpl == NULL || !jd_review_template_save (self->db, tmpl, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), base);

      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only local files can be imported"));
      show_error (self, heading, error);
      return FALSE;
    }

  message = g_strdup_printf (_("Imported “%s” as version %d"), tmpl->name, tmpl->version);
  reload_templates (self, tmpl->code);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  return TRUE;
}

void
_jd_template_editor_add_item (JdTemplateEditor *self,
                              int               section)
{
  int index, last = -1;

  g_return_if_fail (JD_IS_TEMPLATE_EDITOR (self));

  if (self->copy == NULL)
    return;
  index = jd_review_template_add_item (self->copy, section, _("New item"), 1, NULL, NULL, 0,
                                       JD_VETO_NONE);
  /* Keep the checklist order: after the section's last item */
  for (int i = 0; i < index; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (self->copy->items, i);

      if (item->section == section)
        last = i;
    }
  if (last >= 0 && last + 1 < index)
    {
      gpointer item = g_ptr_array_steal_index (self->copy->items, index);

      g_ptr_array_insert (self->copy->items, last + 1, item);
    }
  build_items (self);
  mark_changed (self);
}

void
_jd_template_editor_remove_item (JdTemplateEditor *self,
                                 guint             index)
{
  g_return_if_fail (JD_IS_TEMPLATE_EDITOR (self));

  if (self->copy == NULL || index >= self->copy->items->len)
    return;
  g_ptr_array_remove_index (self->copy->items, index);
  build_items (self);
  mark_changed (self);
}
