/* jd-application.c: the Jiandu application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Picks the database (--database, else the database-path setting, else the
 * default path), opens one window on it, and owns the app-wide actions:
 * preferences, about and quit.
 */

#define G_LOG_DOMAIN "jd-application"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jd-application.h"
#include "jd-db.h"
#include "jd-preferences-window.h"
#include "jd-window.h"

struct _JdApplication
{
  AdwApplication  parent_instance;

  char           *database_path;   /* from --database, or NULL */
  gint64          start_time;
};

G_DEFINE_FINAL_TYPE (JdApplication, jd_application, ADW_TYPE_APPLICATION)

static char *
dup_database_path (JdApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  g_assert (JD_IS_APPLICATION (self));

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  settings = g_settings_new (BASE_ID);
  path = g_settings_get_string (settings, "database-path");
  if (path != NULL && path[0] != '\0')
    return g_steal_pointer (&path);

  return jd_db_default_path ();
}

static gint64
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

static void
on_first_frame_cb (GdkFrameClock *frame_clock,
                   JdApplication *self)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - self->start_time) / 1000;

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_cb, self);

  printf ("first-frame-ms %" G_GINT64_FORMAT "\n", elapsed_ms);
  printf ("rss-kb %" G_GINT64_FORMAT "\n", read_rss_kb ());
  fflush (stdout);

  g_application_quit (G_APPLICATION (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (application);
  GtkWidget *preferences;

  if (!JD_IS_WINDOW (window))
    return;

  preferences = jd_preferences_window_new (JD_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Jiandu developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "modal", TRUE,
                        "application-name", _("Jiandu"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Jiandu developers"),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2025 The Jiandu developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/jiandu/jiandu",
                        "issue-url", "https://github.com/jiandu/jiandu/issues",
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes",
                        _("<p>The first version of Jiandu:</p>"
                          "<ul>"
                          "<li>An overview of a year: agencies, officers, enforcement records, "
                          "penalties, fines and confiscations, each with its change from the year "
                          "before</li>"
                          "<li>A sample district to explore</li>"
                          "</ul>"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static int
jd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  JdApplication *self = JD_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;

      /* Jiandu already runs: it opens the database in a window of its own
       * (or shows the window that has it) instead of ignoring it. */
      if (g_application_register (application, NULL, &error) &&
          g_application_get_is_remote (application))
        {
          g_application_open (application, &file, 1, "database");
          return 0;
        }

      g_clear_pointer (&self->database_path, g_free);
      self->database_path = g_file_get_path (file);
    }

  /* Go on with the default handling */
  return -1;
}

/* Another "jiandu --database PATH" while this one runs */
static void
jd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      GtkWindow *window = NULL;

      if (path == NULL)
        continue;
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
        if (JD_IS_WINDOW (l->data) &&
            g_strcmp0 (jd_window_get_database_path (JD_WINDOW (l->data)), path) == 0)
          {
            window = l->data;
            break;
          }

      if (window == NULL)
        {
          window = GTK_WINDOW (jd_window_new (GTK_APPLICATION (application)));
          jd_window_open_database_or_report (JD_WINDOW (window), path);
        }
      gtk_window_present (window);
    }
}

static void
jd_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (jd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close",
                                         close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
jd_application_activate (GApplication *application)
{
  JdApplication *self = JD_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    {
      g_autofree char *path = dup_database_path (self);

      window = GTK_WINDOW (jd_window_new (GTK_APPLICATION (application)));
      jd_window_open_database_or_report (JD_WINDOW (window), path);
    }

  gtk_window_present (window);

  if (g_getenv ("JIANDU_BENCH_FIRST_FRAME") != NULL)
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      if (frame_clock != NULL)
        g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_first_frame_cb), self);
    }
}

static void
jd_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (jd_application_parent_class)->constructed (object);

  /* Not the one derived from the id: .Devel shares the resources */
  g_application_set_resource_base_path (G_APPLICATION (object), RESOURCE_BASE);
}

static void
jd_application_finalize (GObject *object)
{
  JdApplication *self = JD_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (jd_application_parent_class)->finalize (object);
}

static void
jd_application_class_init (JdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = jd_application_constructed;
  object_class->finalize = jd_application_finalize;

  application_class->handle_local_options = jd_application_handle_local_options;
  application_class->startup = jd_application_startup;
  application_class->activate = jd_application_activate;
  application_class->open = jd_application_open;
}

static void
jd_application_init (JdApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "database", 'd',
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Open the database at PATH"), _("PATH"));
}

JdApplication *
jd_application_new (const char *application_id,
                    gint64      start_time)
{
  JdApplication *self;

  g_return_val_if_fail (application_id != NULL, NULL);

  self = g_object_new (JD_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
  self->start_time = start_time;

  return self;
}
