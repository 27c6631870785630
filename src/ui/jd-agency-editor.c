/* jd-agency-editor.c: add or edit an enforcement agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is checked by core as the user types; the problems show under
 * the fields and Save stays insensitive until there are none. Core checks
 * again when saving and its error lands in a toast.
 */

#define G_LOG_DOMAIN "jd-agency-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-agency-editor.h"
#include "jd-registry.h"
#include "jd-registry-form.h"

struct _JdAgencyEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkButton         *save_button;
  AdwEntryRow       *name_row;
  AdwComboRow       *district_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *domain_row;
  AdwEntryRow       *established_row;
  AdwActionRow      *active_row;
  GtkSwitch         *active_switch;
  AdwEntryRow       *dissolved_row;
  GtkLabel          *error_label;
  AdwPreferencesGroup *delete_group;

  /* Owned references */
  JdDb              *db;
  GArray            *district_ids;   /* gint64, in the order of district_row */
  GArray            *domain_ids;     /* gint64, 0 first ("None") */
  char              *name;           /* the agency's name when opened */

  gint64             agency_id;
  gboolean           loading;
  gboolean           touched;        /* show problems only once the user edits */
  gboolean           valid;
};

G_DEFINE_FINAL_TYPE (JdAgencyEditor, jd_agency_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

/* Reads the fields into INFO (NAME owned by the caller); FALSE when a year
 * does not parse, with the problems in ERRORS. */
static void
read_fields (JdAgencyEditor *self,
             JdAgencyInfo   *info,
             char          **out_name,
             GPtrArray      *errors)
{
  g_autofree char *established = NULL;
  g_autofree char *dissolved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) years_error = NULL;
  const char *name_error = NULL;

  g_assert (JD_IS_AGENCY_EDITOR (self));

  *out_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  established = _jd_registry_form_dup_text (GTK_EDITABLE (self->established_row));
  dissolved = _jd_registry_form_dup_text (GTK_EDITABLE (self->dissolved_row));

  *info = (JdAgencyInfo) {
    .district_id = selected_id (self->district_row, self->district_ids),
    .name = *out_name,
    .kind = adw_combo_row_get_selected (self->kind_row),
    .domain_id = selected_id (self->domain_row, self->domain_ids),
    .active = gtk_switch_get_active (self->active_switch),
  };

  if (!jd_registry_check_agency_name (self->db, info->district_id, info->name, self->agency_id,
                                      &error))
    {
      g_ptr_array_add (errors, g_strdup (error->message));
      name_error = error->message;
    }
  _jd_registry_form_set_row_error (GTK_WIDGET (self->name_row), name_error);
  g_clear_error (&error);

  if (!jd_registry_parse_year (established, _("Established"), &info->established_year, &error))
    {
      g_ptr_array_add (errors, g_strdup (error->message));
      _jd_registry_form_set_row_error (GTK_WIDGET (self->established_row), error->message);
      g_clear_error (&error);
    }
  else
    _jd_registry_form_set_row_error (GTK_WIDGET (self->established_row), NULL);

  if (!info->active &&
      !jd_registry_parse_year (dissolved, _("Dissolved"), &info->dissolved_year, &error))
    {
      g_ptr_array_add (errors, g_strdup (error->message));
      _jd_registry_form_set_row_error (GTK_WIDGET (self->dissolved_row), error->message);
      return;
    }

  if (!jd_registry_check_agency_years (info->established_year, info->dissolved_year, info->active,
                                       &years_error))
    g_ptr_array_add (errors, g_strdup (years_error->message));
  _jd_registry_form_set_row_error (GTK_WIDGET (self->dissolved_row),
                                   years_error != NULL ? years_error->message : NULL);
}

static void
validate (JdAgencyEditor *self)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  JdAgencyInfo info;

  g_assert (JD_IS_AGENCY_EDITOR (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->dissolved_row),
                            !gtk_switch_get_active (self->active_switch));

  read_fields (self, &info, &name, errors);
  self->valid = errors->len == 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid);

  if (!self->touched)
    {
      /* a new, empty form: no reproaches before the user typed anything */
      _jd_registry_form_set_row_error (GTK_WIDGET (self->name_row), NULL);
      g_ptr_array_set_size (errors, 0);
    }

  _jd_registry_form_show_errors (self->error_label, errors);
}

static void
on_field_changed_cb (JdAgencyEditor *self)
{
  g_assert (JD_IS_AGENCY_EDITOR (self));

  if (self->loading)
    return;

  self->touched = TRUE;
  validate (self);
}

static void
on_save_clicked_cb (JdAgencyEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (JD_IS_AGENCY_EDITOR (self));

  if (jd_agency_editor_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
}

static void
delete_confirmed (JdAgencyEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->agency_id;

  g_assert (JD_IS_AGENCY_EDITOR (self));

  if (!jd_registry_delete_agency (self->db, id, &error))
    {
      _jd_registry_form_toast_error (self->toast_overlay, error);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_delete_clicked_cb (JdAgencyEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_assert (JD_IS_AGENCY_EDITOR (self));

  if (!jd_registry_can_delete_agency (self->db, self->agency_id, &error))
    {
      _jd_registry_form_toast_error (self->toast_overlay, error);
      return;
    }

  /* Translators: %s is an agency's name */
  body = g_strdup_printf (_("“%s” and its supervision figures will be removed. This cannot be undone."),
                          self->name);
  _jd_registry_form_confirm_delete (GTK_WINDOW (self), _("Delete Agency?"), body, _("_Delete"),
                                    G_CALLBACK (delete_confirmed), G_OBJECT (self));
}

static void
load (JdAgencyEditor *self)
{
  g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) domains = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) district_items = jd_registry_list_districts (self->db);
  g_autoptr(GPtrArray) domain_items = jd_registry_list_domains (self->db);
  g_autoptr(JdAgency) agency = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;

  g_assert (JD_IS_AGENCY_EDITOR (self));

  self->loading = TRUE;

  for (guint i = 0; i < district_items->len; i++)
    {
      JdNamedItem *item = g_ptr_array_index (district_items, i);

      gtk_string_list_append (districts, item->name);
      g_array_append_val (self->district_ids, item->id);
    }
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (districts));
  gtk_widget_set_visible (GTK_WIDGET (self->district_row), district_items->len > 1);

  for (guint i = 0; i < JD_AGENCY_KIND_N; i++)
    gtk_string_list_append (kinds, jd_agency_kind_to_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  gtk_string_list_append (domains, C_("domain", "None"));
  g_array_append_val (self->domain_ids, none);
  for (guint i = 0; i < domain_items->len; i++)
    {
      JdNamedItem *item = g_ptr_array_index (domain_items, i);

      gtk_string_list_append (domains, item->name);
      g_array_append_val (self->domain_ids, item->id);
    }
  adw_combo_row_set_model (self->domain_row, G_LIST_MODEL (domains));

  if (self->agency_id != 0)
    agency = jd_registry_get_agency (self->db, self->agency_id, &error);

  if (agency != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Agency"));
      self->name = g_strdup (agency->name);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), agency->name);
      select_id (self->district_row, self->district_ids, agency->district_id);
      adw_combo_row_set_selected (self->kind_row, agency->kind);
      select_id (self->domain_row, self->domain_ids, agency->domain_id);
      if (agency->established_year != 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", agency->established_year);
          gtk_editable_set_text (GTK_EDITABLE (self->established_row), text);
        }
      if (agency->dissolved_year != 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", agency->dissolved_year);
          gtk_editable_set_text (GTK_EDITABLE (self->dissolved_row), text);
        }
      gtk_switch_set_active (self->active_switch, agency->active);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
      self->touched = TRUE;
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Agency"));
      self->agency_id = 0;
      select_id (self->district_row, self->district_ids, jd_db_get_local_district (self->db));
      if (error != NULL)
        _jd_registry_form_toast_error (self->toast_overlay, error);
    }

  self->loading = FALSE;
  validate (self);
}

static void
jd_agency_editor_dispose (GObject *object)
{
  JdAgencyEditor *self = JD_AGENCY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_AGENCY_EDITOR);

  G_OBJECT_CLASS (jd_agency_editor_parent_class)->dispose (object);
}

static void
jd_agency_editor_finalize (GObject *object)
{
  JdAgencyEditor *self = JD_AGENCY_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->district_ids, g_array_unref);
  g_clear_pointer (&self->domain_ids, g_array_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (jd_agency_editor_parent_class)->finalize (object);
}

static void
jd_agency_editor_class_init (JdAgencyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_agency_editor_dispose;
  object_class->finalize = jd_agency_editor_finalize;

  /**
   * JdAgencyEditor::saved:
   * @agency_id: the agency written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * JdAgencyEditor::deleted:
   * @agency_id: the agency removed
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/jd-agency-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, domain_row);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, established_row);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, active_row);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, dissolved_row);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, JdAgencyEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);

  _jd_registry_form_add_bindings (widget_class);
}

static void
jd_agency_editor_init (JdAgencyEditor *self)
{
  self->district_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->domain_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

JdAgencyEditor *
jd_agency_editor_new (JdDb      *db,
                      gint64     agency_id,
                      GtkWindow *parent)
{
  JdAgencyEditor *self;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JD_TYPE_AGENCY_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->agency_id = agency_id;
  load (self);

  return self;
}

gint64
jd_agency_editor_get_agency_id (JdAgencyEditor *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_EDITOR (self), 0);

  return self->agency_id;
}

gboolean
jd_agency_editor_is_valid (JdAgencyEditor *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_EDITOR (self), FALSE);

  return self->valid;
}

const char *
jd_agency_editor_get_error_text (JdAgencyEditor *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_EDITOR (self), NULL);

  return gtk_label_get_text (self->error_label);
}

gboolean
jd_agency_editor_save (JdAgencyEditor  *self,
                       GError         **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  JdAgencyInfo info;
  gint64 id = self->agency_id;
  gboolean ok;

  g_return_val_if_fail (JD_IS_AGENCY_EDITOR (self), FALSE);

  read_fields (self, &info, &name, errors);
  if (errors->len > 0)
    {
      self->touched = TRUE;
      validate (self);
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           g_ptr_array_index (errors, 0));
      return FALSE;
    }

  if (id == 0)
    ok = jd_registry_add_agency (self->db, &info, &id, &local_error);
  else
    ok = jd_registry_update_agency (self->db, id, &info, &local_error);

  if (!ok)
    {
      _jd_registry_form_toast_error (self->toast_overlay, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->agency_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}
