/* jd-preferences-window.c: where the database lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changing the database reopens it in the main window at once. Picking a
 * file goes through the main window's own actions, so the same checks and
 * the same error dialog apply.
 */

#define G_LOG_DOMAIN "jd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-db.h"
#include "jd-preferences-window.h"

struct _JdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *location_row;
  AdwActionRow         *default_row;
  GtkButton            *use_default_button;
  GtkSpinButton        *department_threshold_spin;
  GtkSpinButton        *town_threshold_spin;
  GtkSpinButton        *top_n_spin;
  GtkSpinButton        *expiring_days_spin;
  GtkSpinButton        *records_fall_spin;
  GtkSpinButton        *three_systems_spin;

  /* Owned references */
  GSettings            *settings;
  JdWindow             *main_window;
  char                 *default_path;
};

G_DEFINE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_MAIN_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_rows (JdPreferencesWindow *self)
{
  const char *path = NULL;

  g_assert (JD_IS_PREFERENCES_WINDOW (self));

  if (self->main_window != NULL)
    path = jd_window_get_database_path (self->main_window);

  adw_action_row_set_subtitle (self->location_row,
                               path != NULL ? path : _("No database is open"));
  adw_action_row_set_subtitle (self->default_row, self->default_path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.use-default",
                                 self->main_window != NULL &&
                                 g_strcmp0 (path, self->default_path) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.open", self->main_window != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.new", self->main_window != NULL);
}

static void
on_database_path_changed_cb (JdPreferencesWindow *self,
                             GParamSpec          *pspec,
                             JdWindow            *main_window)
{
  g_autofree char *message = NULL;
  const char *path;

  g_assert (JD_IS_PREFERENCES_WINDOW (self));

  update_rows (self);

  path = jd_window_get_database_path (main_window);
  if (path == NULL)
    return;

  /* Translators: %s is the path of the database now shown */
  message = g_strdup_printf (_("Opened %s"), path);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (widget);

  if (self->main_window == NULL)
    return;

  /* prefs.open -> win.open-database, prefs.new -> win.new-database */
  gtk_widget_activate_action (GTK_WIDGET (self->main_window),
                              g_str_equal (action_name, "prefs.new") ? "win.new-database"
                                                                    : "win.open-database",
                              NULL);
}

static void
use_default_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->main_window == NULL)
    return;

  if (!jd_window_open_database (self->main_window, self->default_path, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }

  g_settings_set_string (self->settings, "database-path", "");
}

/* Shares are kept as 0..1 and shown as percentages */
static gboolean
share_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_share (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static void
bind_spin (JdPreferencesWindow *self,
           const char          *key,
           GtkSpinButton       *spin,
           gboolean             percent)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

  if (percent)
    g_settings_bind_with_mapping (self->settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                  share_to_percent, percent_to_share, NULL, NULL);
  else
    g_settings_bind (self->settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
jd_preferences_window_set_main_window (JdPreferencesWindow *self,
                                       JdWindow            *main_window)
{
  g_assert (JD_IS_PREFERENCES_WINDOW (self));

  if (!g_set_object (&self->main_window, main_window))
    return;

  if (main_window != NULL)
    g_signal_connect_object (main_window, "notify::database-path",
                             G_CALLBACK (on_database_path_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update_rows (self);
}

static void
jd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MAIN_WINDOW:
      g_value_set_object (value, self->main_window);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MAIN_WINDOW:
      jd_preferences_window_set_main_window (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_preferences_window_dispose (GObject *object)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->main_window);

  G_OBJECT_CLASS (jd_preferences_window_parent_class)->dispose (object);
}

static void
jd_preferences_window_finalize (GObject *object)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->default_path, g_free);

  G_OBJECT_CLASS (jd_preferences_window_parent_class)->finalize (object);
}

static void
jd_preferences_window_class_init (JdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_preferences_window_dispose;
  object_class->finalize = jd_preferences_window_finalize;
  object_class->get_property = jd_preferences_window_get_property;
  object_class->set_property = jd_preferences_window_set_property;

  properties[PROP_MAIN_WINDOW] =
    g_param_spec_object ("main-window", NULL, NULL,
                         JD_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/jd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, default_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, use_default_button);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, department_threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, town_threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, top_n_spin);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, expiring_days_spin);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, records_fall_spin);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, three_systems_spin);

  gtk_widget_class_install_action (widget_class, "prefs.open", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "prefs.new", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "prefs.use-default", NULL, use_default_action);
}

static void
jd_preferences_window_init (JdPreferencesWindow *self)
{
  self->settings = g_settings_new (BASE_ID);
  self->default_path = jd_db_default_path ();

  gtk_widget_init_template (GTK_WIDGET (self));

  bind_spin (self, "ranking-department-threshold", self->department_threshold_spin, FALSE);
  bind_spin (self, "ranking-town-threshold", self->town_threshold_spin, FALSE);
  bind_spin (self, "ranking-top-n", self->top_n_spin, FALSE);
  bind_spin (self, "alert-expiring-days", self->expiring_days_spin, FALSE);
  bind_spin (self, "alert-records-fall", self->records_fall_spin, TRUE);
  bind_spin (self, "alert-three-systems-minimum", self->three_systems_spin, TRUE);

  update_rows (self);
}

GtkWidget *
jd_preferences_window_new (JdWindow *main_window)
{
  g_return_val_if_fail (JD_IS_WINDOW (main_window), NULL);

  return g_object_new (JD_TYPE_PREFERENCES_WINDOW,
                       "main-window", main_window,
                       "transient-for", main_window,
                       "application", gtk_window_get_application (GTK_WINDOW (main_window)),
                       NULL);
}
