/* jd-supervision-figures-dialog.c: an agency's reconsideration and litigation figures for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts are read from the spin buttons' text as the user types, so a
 * "corrected" larger than "received" shows before the field is left.
 */

#define G_LOG_DOMAIN "jd-supervision-figures-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-registry.h"
#include "jd-registry-form.h"
#include "jd-supervision-figures-dialog.h"

enum
{
  FIELD_RECONSIDERATIONS,
  FIELD_CORRECTED,
  FIELD_CONCLUDED,
  FIELD_LOST,
  FIELD_HEARINGS,
  FIELD_APPEARANCES,
  N_FIELDS
};

struct _JdSupervisionFiguresDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkButton           *save_button;
  AdwPreferencesGroup *reconsideration_group;
  GtkLabel            *error_label;
  AdwActionRow        *rows[N_FIELDS];
  GtkSpinButton       *spins[N_FIELDS];

  /* Owned references */
  JdDb                *db;

  gint64               agency_id;
  int                  year;
  gboolean             loading;
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (JdSupervisionFiguresDialog, jd_supervision_figures_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The field names as the messages start (core's messages name them so). */
static const char *
field_name (guint field)
{
  switch (field)
    {
    case FIELD_RECONSIDERATIONS:
      return _("Reconsiderations");
    case FIELD_CORRECTED:
      return _("Corrected");
    case FIELD_CONCLUDED:
      return _("Lawsuits concluded");
    case FIELD_LOST:
      return _("Lawsuits lost");
    case FIELD_HEARINGS:
      return _("Court hearings");
    case FIELD_APPEARANCES:
      return _("Head appearances");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_fields (JdSupervisionFiguresDialog *self,
             JdSupervisionFigures       *figures,
             GPtrArray                  *errors)
{
  g_autoptr(GError) error = NULL;
  int values[N_FIELDS] = { 0 };
  int bad_field = -1;

  g_assert (JD_IS_SUPERVISION_FIGURES_DIALOG (self));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = _jd_registry_form_dup_text (GTK_EDITABLE (self->spins[i]));
      gint64 value = 0;

      if (*text != '\0' && !g_ascii_string_to_signed (text, 10, 0, 1000000, &value, NULL))
        {
          g_autofree char *message =
            /* Translators: %s is a field, e.g. “Corrected” */
            g_strdup_printf (_("%s: enter a whole number, 0 or more"), field_name (i));

          g_ptr_array_add (errors, g_steal_pointer (&message));
          _jd_registry_form_set_row_error (GTK_WIDGET (self->rows[i]),
                                           g_ptr_array_index (errors, errors->len - 1));
          bad_field = i;
          continue;
        }
      values[i] = (int) value;
      _jd_registry_form_set_row_error (GTK_WIDGET (self->rows[i]), NULL);
    }

  *figures = (JdSupervisionFigures) {
    .agency_id = self->agency_id,
    .year = self->year,
    .reconsiderations = values[FIELD_RECONSIDERATIONS],
    .reconsiderations_corrected = values[FIELD_CORRECTED],
    .lawsuits_concluded = values[FIELD_CONCLUDED],
    .lawsuits_lost = values[FIELD_LOST],
    .hearings = values[FIELD_HEARINGS],
    .head_appearances = values[FIELD_APPEARANCES],
  };

  if (bad_field >= 0)
    return FALSE;

  if (!jd_registry_check_supervision_figures (figures, &error))
    {
      for (guint i = 0; i < N_FIELDS; i++)
        {
          if (g_str_has_prefix (error->message, field_name (i)))
            _jd_registry_form_set_row_error (GTK_WIDGET (self->rows[i]), error->message);
        }
      g_ptr_array_add (errors, g_strdup (error->message));
      return FALSE;
    }

  return TRUE;
}

static void
validate (JdSupervisionFiguresDialog *self)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  JdSupervisionFigures figures;

  g_assert (JD_IS_SUPERVISION_FIGURES_DIALOG (self));

  self->valid = read_fields (self, &figures, errors);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->valid);
  _jd_registry_form_show_errors (self->error_label, errors);
}

static void
on_field_changed_cb (JdSupervisionFiguresDialog *self)
{
  g_assert (JD_IS_SUPERVISION_FIGURES_DIALOG (self));

  if (!self->loading)
    validate (self);
}

static void
on_save_clicked_cb (JdSupervisionFiguresDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (JD_IS_SUPERVISION_FIGURES_DIALOG (self));

  if (jd_supervision_figures_dialog_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
}

static void
load (JdSupervisionFiguresDialog *self)
{
  g_autoptr(JdAgency) agency = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  JdSupervisionFigures figures;
  int values[N_FIELDS];

  g_assert (JD_IS_SUPERVISION_FIGURES_DIALOG (self));

  self->loading = TRUE;

  agency = jd_registry_get_agency (self->db, self->agency_id, &error);
  if (agency == NULL ||
      !jd_registry_get_supervision_figures (self->db, self->agency_id, self->year, &figures,
                                            NULL, &error))
    {
      _jd_registry_form_toast_error (self->toast_overlay, error);
      figures = (JdSupervisionFigures) { .agency_id = self->agency_id, .year = self->year };
    }

  /* Translators: the title of the figures dialog: an agency's name and a year */
  title = g_strdup_printf (_("%s, %d"), agency != NULL ? agency->name : "—", self->year);
  gtk_window_set_title (GTK_WINDOW (self), title);

  values[FIELD_RECONSIDERATIONS] = figures.reconsiderations;
  values[FIELD_CORRECTED] = figures.reconsiderations_corrected;
  values[FIELD_CONCLUDED] = figures.lawsuits_concluded;
  values[FIELD_LOST] = figures.lawsuits_lost;
  values[FIELD_HEARINGS] = figures.hearings;
  values[FIELD_APPEARANCES] = figures.head_appearances;
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_spin_button_set_value (self->spins[i], values[i]);

  self->loading = FALSE;
  validate (self);
}

static void
jd_supervision_figures_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_SUPERVISION_FIGURES_DIALOG);

  G_OBJECT_CLASS (jd_supervision_figures_dialog_parent_class)->dispose (object);
}

static void
jd_supervision_figures_dialog_finalize (GObject *object)
{
  JdSupervisionFiguresDialog *self = JD_SUPERVISION_FIGURES_DIALOG (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (jd_supervision_figures_dialog_parent_class)->finalize (object);
}

#define BIND_FIELD(field, name) \
  gtk_widget_class_bind_template_child_full (widget_class, name "_row", FALSE, \
    G_STRUCT_OFFSET (JdSupervisionFiguresDialog, rows) + (field) * sizeof (gpointer)); \
  gtk_widget_class_bind_template_child_full (widget_class, name "_spin", FALSE, \
    G_STRUCT_OFFSET (JdSupervisionFiguresDialog, spins) + (field) * sizeof (gpointer))

static void
jd_supervision_figures_dialog_class_init (JdSupervisionFiguresDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_supervision_figures_dialog_dispose;
  object_class->finalize = jd_supervision_figures_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/jd-supervision-figures-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionFiguresDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionFiguresDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionFiguresDialog, reconsideration_group);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionFiguresDialog, error_label);
  BIND_FIELD (FIELD_RECONSIDERATIONS, "reconsiderations");
  BIND_FIELD (FIELD_CORRECTED, "corrected");
  BIND_FIELD (FIELD_CONCLUDED, "concluded");
  BIND_FIELD (FIELD_LOST, "lost");
  BIND_FIELD (FIELD_HEARINGS, "hearings");
  BIND_FIELD (FIELD_APPEARANCES, "appearances");
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  _jd_registry_form_add_bindings (widget_class);
}

static void
jd_supervision_figures_dialog_init (JdSupervisionFiguresDialog *self)
{
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  /* GtkSpinButton has no activates-default in GTK 4.8: its text has */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->spins[i]));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_TEXT (child))
            gtk_text_set_activates_default (GTK_TEXT (child), TRUE);
        }
    }
}

JdSupervisionFiguresDialog *
jd_supervision_figures_dialog_new (JdDb      *db,
                                   gint64     agency_id,
                                   int        year,
                                   GtkWindow *parent)
{
  JdSupervisionFiguresDialog *self;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JD_TYPE_SUPERVISION_FIGURES_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->agency_id = agency_id;
  self->year = year;
  load (self);

  return self;
}

gboolean
jd_supervision_figures_dialog_is_valid (JdSupervisionFiguresDialog *self)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_FIGURES_DIALOG (self), FALSE);

  return self->valid;
}

const char *
jd_supervision_figures_dialog_get_error_text (JdSupervisionFiguresDialog *self)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_FIGURES_DIALOG (self), NULL);

  return gtk_label_get_text (self->error_label);
}

gboolean
jd_supervision_figures_dialog_save (JdSupervisionFiguresDialog  *self,
                                    GError                     **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  JdSupervisionFigures figures;

  g_return_val_if_fail (JD_IS_SUPERVISION_FIGURES_DIALOG (self), FALSE);

  if (!read_fields (self, &figures, errors))
    {
      validate (self);
      g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                           g_ptr_array_index (errors, 0));
      return FALSE;
    }

  if (!jd_registry_set_supervision_figures (self->db, &figures, &local_error))
    {
      _jd_registry_form_toast_error (self->toast_overlay, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->agency_id);
  return TRUE;
}
