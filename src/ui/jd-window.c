/* jd-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the open database and shows one of three pages: "empty"
 * when no database could be opened, "welcome" on an empty database (where the
 * sample district can be generated in a worker thread), and "content", the
 * view stack of the year picked in the header bar: the district's dashboard,
 * the agencies (with one agency's dashboard pushed over the list) and the
 * alerts. A ranking row or an alert opens the agency it names; Alt+1 to Alt+6
 * switch the views and Ctrl+F searches the agencies.
 */

#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-agencies-page.h"
#include "jd-alerts-page.h"
#include "jd-charts-page.h"
#include "jd-db.h"
#include "jd-districts-page.h"
#include "jd-overview-page.h"
#include "jd-review-page.h"
#include "jd-csv-import-dialog.h"
#include "jd-exchange-dialog.h"
#include "jd-sample.h"
#include "jd-welcome-page.h"
#include "jd-window-private.h"

/* Shared between the window and the generating thread (an atomic rc box). */
typedef struct
{
  JdDb            *db;
  JdSampleOptions  options;
  int              permille;   /* progress, written by the worker */
} GenerateJob;

struct _JdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown          *year_dropdown;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *main_stack;
  JdWelcomePage        *welcome_page;
  JdOverviewPage       *overview_page;
  AdwViewStack         *view_stack;
  JdAgenciesPage       *agencies_page;
  JdAlertsPage         *alerts_page;
  JdChartsPage         *charts_page;
  JdDistrictsPage      *districts_page;
  JdReviewPage         *review_page;
  guint                 alerts_source;   /* reloads the alerts after review work */
  AdwViewStackPage     *alerts_stack_page;
  AdwViewStackPage     *districts_stack_page;

  /* Owned references */
  GSettings            *settings;
  JdDb                 *db;
  GArray               *years;
  GCancellable         *generate_cancellable;
  GenerateJob          *job;
  GApplication         *held_application;
  GtkNativeDialog      *chooser;
  guint                 pages_source;      /* loads the hidden pages after the first frame */
  gboolean              pages_stale;       /* Agencies and Alerts show another year */
  GError               *pending_error;
  guint                 progress_source;
  guint                 pending_error_source;

  /* Weak references */
  AdwMessageDialog     *error_dialog;

  JdSampleOptions       sample_options;
  int                   year;
  gboolean              filling_years;
};

G_DEFINE_FINAL_TYPE (JdWindow, jd_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
generate_job_clear (gpointer data)
{
  GenerateJob *job = data;

  g_clear_object (&job->db);
}

static void
generate_job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, generate_job_clear);
}

/* What to do about ERROR, when its message does not say it already (the
 * refusals of jd_db_open() name the file and say what to do). */
static const char *
advice_for_error (const GError *error)
{
  if (error->domain == JD_DB_ERROR)
    {
      switch (error->code)
        {
        case JD_DB_ERROR_TOO_NEW:
        case JD_DB_ERROR_FOREIGN:
        case JD_DB_ERROR_NOT_DATABASE:
        case JD_DB_ERROR_CORRUPT:
        case JD_DB_ERROR_MIGRATION:
        case JD_DB_ERROR_BACKUP:
          return NULL;

        case JD_DB_ERROR_OPEN:
          return _("Make sure the folder exists and that you may write to it, or use another "
                   "database.");

        default:
          break;
        }
    }

  return _("Use another database, or quit and try again later.");
}

static gboolean
has_year (JdWindow *self,
          int       year)
{
  g_assert (JD_IS_WINDOW (self));

  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    {
      if (g_array_index (self->years, int, i) == year)
        return TRUE;
    }

  return FALSE;
}

static void
update_actions (JdWindow *self)
{
  gboolean generating = self->generate_cancellable != NULL;
  gboolean empty = self->db != NULL && jd_db_is_empty (self->db);

  g_assert (JD_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", empty && !generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-sample", generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-database", !generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-database", !generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv",
                                 self->db != NULL && !empty && !generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-exchange",
                                 self->db != NULL && !empty && !generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-exchange",
                                 self->db != NULL && !generating);
}

static void
set_visible_page (JdWindow   *self,
                  const char *name)
{
  g_assert (JD_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), g_str_equal (name, "content"));
}

/* The Agencies and Alerts pages are filled after the dashboard has been
 * drawn, or as soon as they are needed: the window shows sooner. */
static gboolean
ensure_pages_loaded (JdWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean compare;

  g_assert (JD_IS_WINDOW (self));

  g_clear_handle_id (&self->pages_source, g_source_remove);

  if (!self->pages_stale || self->db == NULL || self->year == 0)
    return TRUE;
  self->pages_stale = FALSE;

  compare = has_year (self, self->year - 1);
  if (!jd_agencies_page_load (self->agencies_page, self->db, self->year, compare, &error) ||
      !jd_alerts_page_load (self->alerts_page, self->db, self->year, &error) ||
      !jd_charts_page_load (self->charts_page, self->db, self->year, &error) ||
      (adw_view_stack_page_get_visible (self->districts_stack_page) &&
       !jd_districts_page_load (self->districts_page, self->db, self->year, &error)) ||
      !jd_review_page_load (self->review_page, self->db, &error))
    {
      g_warning ("Cannot list the agencies of %d: %s", self->year, error->message);
      jd_window_add_toast (self, error->message);
      return FALSE;
    }

  adw_view_stack_page_set_badge_number (self->alerts_stack_page,
                                        jd_alerts_page_get_n_alerts (self->alerts_page));
  return TRUE;
}

/* Review work changes the alerts (agencies with failing files): reload them
 * once the reviewer pauses, not at every mark. */
static gboolean
reload_alerts_cb (gpointer user_data)
{
  JdWindow *self = JD_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  self->alerts_source = 0;
  if (self->db == NULL || self->year == 0)
    return G_SOURCE_REMOVE;
  if (!jd_alerts_page_load (self->alerts_page, self->db, self->year, &error))
    {
      jd_window_add_toast (self, error->message);
      return G_SOURCE_REMOVE;
    }
  adw_view_stack_page_set_badge_number (self->alerts_stack_page,
                                        jd_alerts_page_get_n_alerts (self->alerts_page));
  return G_SOURCE_REMOVE;
}

static void
on_review_changed_cb (JdWindow *self)
{
  g_clear_handle_id (&self->alerts_source, g_source_remove);
  self->alerts_source = g_timeout_add_full (G_PRIORITY_LOW, 300, reload_alerts_cb, self, NULL);
}

static gboolean
load_pages_cb (gpointer user_data)
{
  JdWindow *self = JD_WINDOW (user_data);

  self->pages_source = 0;
  ensure_pages_loaded (self);

  return G_SOURCE_REMOVE;
}

static void
on_visible_view_changed_cb (JdWindow     *self,
                            GParamSpec   *pspec,
                            AdwViewStack *view_stack)
{
  const char *name = adw_view_stack_get_visible_child_name (view_stack);

  if (g_strcmp0 (name, "agencies") == 0 || g_strcmp0 (name, "alerts") == 0 ||
      g_strcmp0 (name, "charts") == 0 || g_strcmp0 (name, "districts") == 0 ||
      g_strcmp0 (name, "review") == 0)
    ensure_pages_loaded (self);
}

static void
show_year (JdWindow *self,
           int       year)
{
  g_autoptr(GError) error = NULL;
  gboolean compare, own;
  const char *view;

  g_assert (JD_IS_WINDOW (self));

  compare = has_year (self, year - 1);

  if (!jd_overview_page_load (self->overview_page, self->db, year, compare, &error))
    {
      g_warning ("Cannot compute the dashboard of %d: %s", year, error->message);
      jd_window_add_toast (self, error->message);
      return;
    }

  self->year = year;
  self->pages_stale = TRUE;

  /* The city's view: shown once other districts have been imported. A
   * database of imported districts only (the city bureau's) has no dashboard
   * of its own to show: it opens on the comparison. */
  own = jd_db_get_local_district (self->db) > 0;
  adw_view_stack_page_set_visible (self->districts_stack_page,
                                   jd_districts_count (self->db) > 1 || !own);

  view = adw_view_stack_get_visible_child_name (self->view_stack);
  if (!own && g_strcmp0 (view, "overview") == 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "districts");
      view = "districts";
    }
  if (g_strcmp0 (view, "agencies") == 0 || g_strcmp0 (view, "alerts") == 0 ||
      g_strcmp0 (view, "charts") == 0 || g_strcmp0 (view, "districts") == 0 ||
      g_strcmp0 (view, "review") == 0)
    ensure_pages_loaded (self);
  else if (self->pages_source == 0)
    self->pages_source = g_timeout_add_full (G_PRIORITY_LOW, 50, load_pages_cb, self, NULL);
}

static void
open_agency (JdWindow *self,
             gint64    agency_id,
             gint64    officer_id)
{
  g_autoptr(GError) error = NULL;

  g_assert (JD_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "agencies");
  ensure_pages_loaded (self);
  if (!jd_agencies_page_open_agency (self->agencies_page, agency_id, officer_id, &error))
    {
      g_warning ("Cannot show agency %" G_GINT64_FORMAT ": %s", agency_id, error->message);
      jd_window_add_toast (self, error->message);
    }
}

static void update_view (JdWindow *self);

static void
on_registry_changed_cb (JdWindow       *self,
                        JdAgenciesPage *page)
{
  g_assert (JD_IS_WINDOW (self));

  /* Figures follow the registry: recount what is on show */
  if (self->db == NULL || jd_db_is_empty (self->db) || self->year == 0)
    update_view (self);
  else
    show_year (self, self->year);
}

static void
on_agency_activated_cb (JdWindow       *self,
                        gint64          agency_id,
                        JdOverviewPage *page)
{
  open_agency (self, agency_id, 0);
}

static void
on_alert_activated_cb (JdWindow     *self,
                       gint64        agency_id,
                       gint64        officer_id,
                       JdAlertsPage *page)
{
  open_agency (self, agency_id, officer_id);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  AdwViewStackPage *page;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content"))
    return;

  page = adw_view_stack_get_page (self->view_stack,
                                  adw_view_stack_get_child_by_name (self->view_stack,
                                                                    g_variant_get_string (parameter, NULL)));
  if (page == NULL || !adw_view_stack_page_get_visible (page))
    return;   /* the Districts page before other districts are imported */
  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content"))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "agencies");
  jd_agencies_page_focus_search (self->agencies_page);
}

static void
fill_years (JdWindow *self)
{
  g_autoptr(GtkStringList) model = NULL;
  int wanted;
  guint selected;

  g_assert (JD_IS_WINDOW (self));
  g_assert (self->db != NULL);

  g_clear_pointer (&self->years, g_array_unref);
  self->years = jd_db_list_years (self->db);
  if (self->years == NULL)
    self->years = g_array_new (FALSE, FALSE, sizeof (int));

  /* Agencies but no records yet: show this year's registry figures */
  if (self->years->len == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int this_year = g_date_time_get_year (now);

      g_array_append_val (self->years, this_year);
    }

  model = gtk_string_list_new (NULL);
  wanted = g_settings_get_int (self->settings, "last-year");
  selected = self->years->len - 1;

  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);
      g_autofree char *text = NULL;

      /* Translators: a year in the year selector; "%d年" in Chinese */
      text = g_strdup_printf (C_("year selector", "%d"), year);
      gtk_string_list_append (model, text);

      if (year == wanted)
        selected = i;
    }

  self->filling_years = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->filling_years = FALSE;

  show_year (self, g_array_index (self->years, int, selected));
}

static void
update_view (JdWindow *self)
{
  g_autofree char *district = NULL;

  g_assert (JD_IS_WINDOW (self));

  update_actions (self);

  if (self->db == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      set_visible_page (self, "empty");
      return;
    }

  if (self->generate_cancellable != NULL || jd_db_is_empty (self->db))
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      jd_welcome_page_set_generating (self->welcome_page, self->generate_cancellable != NULL);
      set_visible_page (self, "welcome");
      return;
    }

  district = jd_db_dup_local_district_name (self->db);
  adw_view_switcher_title_set_subtitle (self->switcher_title, district);
  fill_years (self);
  set_visible_page (self, "content");
}

static void on_error_dialog_response_cb (AdwMessageDialog *dialog,
                                         const char       *response,
                                         JdWindow         *self);

static void
show_error_dialog (JdWindow     *self,
                   const GError *error)
{
  AdwMessageDialog *dialog;
  const char *advice;
  g_autofree char *body = NULL;

  g_assert (JD_IS_WINDOW (self));

  if (self->error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->error_dialog));

  /* The message names the file and, mostly, says what to do about it */
  advice = advice_for_error (error);
  if (advice != NULL)
    body = g_strdup_printf ("%s\n\n%s", error->message, advice);
  else
    body = g_strdup (error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Cannot Open the Database"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "quit", _("_Quit"),
                                    "new", _("_New Database…"),
                                    "open", _("_Use Another Database…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  /* Escape just closes it: the "No Database Open" page stays behind. */
  adw_message_dialog_set_close_response (dialog, "dismiss");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_error_dialog_response_cb), self, 0);

  g_set_weak_pointer (&self->error_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
show_pending_error_cb (gpointer user_data)
{
  JdWindow *self = JD_WINDOW (user_data);
  g_autoptr(GError) error = g_steal_pointer (&self->pending_error);

  self->pending_error_source = 0;

  if (error != NULL)
    show_error_dialog (self, error);

  return G_SOURCE_REMOVE;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        JdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (JD_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  g_clear_object (&self->chooser);

  if (path == NULL)
    return;

  if (!jd_window_open_database (self, path, &error))
    {
      show_error_dialog (self, error);
      return;
    }

  /* Remember the choice: it is where the next start looks first. */
  g_settings_set_string (self->settings, "database-path", path);
}

static void
choose_database (JdWindow             *self,
                 GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) db_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;
  GtkFileChooserNative *chooser;
  gboolean create = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  g_assert (JD_IS_WINDOW (self));

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"),
                                         GTK_WINDOW (self),
                                         action,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  db_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (db_filter, _("Jiandu Databases"));
  gtk_file_filter_add_suffix (db_filter, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), db_filter);

  all_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "jiandu.db");

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, 0);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             JdWindow         *self)
{
  g_assert (JD_IS_WINDOW (self));

  if (g_str_equal (response, "quit"))
    gtk_window_close (GTK_WINDOW (self));
  else if (g_str_equal (response, "open"))
    choose_database (self, GTK_FILE_CHOOSER_ACTION_OPEN);
  else if (g_str_equal (response, "new"))
    choose_database (self, GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
on_year_selected_cb (JdWindow   *self,
                     GParamSpec *pspec,
                     GtkDropDown *dropdown)
{
  guint selected;
  int year;

  g_assert (JD_IS_WINDOW (self));

  if (self->filling_years || self->years == NULL || self->db == NULL)
    return;

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->years->len)
    return;

  year = g_array_index (self->years, int, selected);
  /* 0 follows the latest year, so next year's data shows by default */
  g_settings_set_int (self->settings, "last-year", selected + 1 == self->years->len ? 0 : year);
  show_year (self, year);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JdWindow *self = JD_WINDOW (user_data);

  if (self->job != NULL)
    jd_welcome_page_set_fraction (self->welcome_page,
                                  g_atomic_int_get (&self->job->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
generate_progress_cb (double   fraction,
                      gpointer user_data)
{
  GenerateJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GenerateJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!jd_sample_generate (job->db, &job->options, cancellable,
                           generate_progress_cb, job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_generate_done_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  JdWindow *self = JD_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GApplication) application = g_steal_pointer (&self->held_application);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->job, generate_job_unref);
  g_clear_object (&self->generate_cancellable);

  if (application != NULL)
    g_application_release (application);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot create the sample district: %s", error->message);
    }

  /* Closed while generating: nothing left to show */
  if (self->main_stack == NULL)
    return;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Cannot create the sample district: %s"), error->message);
      jd_window_add_toast (self, message);
    }

  /* All or nothing: the database is either still empty or complete */
  jd_welcome_page_set_generating (self->welcome_page, FALSE);
  update_view (self);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  GtkApplication *application;
  GenerateJob *job;

  if (self->db == NULL || self->generate_cancellable != NULL || !jd_db_is_empty (self->db))
    return;

  job = g_atomic_rc_box_new0 (GenerateJob);
  job->db = g_object_ref (self->db);
  job->options = self->sample_options;
  self->job = g_atomic_rc_box_acquire (job);
  self->generate_cancellable = g_cancellable_new ();

  /* Keep the process alive until the worker has rolled back or committed */
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    {
      self->held_application = G_APPLICATION (g_object_ref (application));
      g_application_hold (self->held_application);
    }

  task = g_task_new (self, self->generate_cancellable, on_generate_done_cb, NULL);
  g_task_set_source_tag (task, open_sample_action);
  g_task_set_name (task, "[jiandu] generate sample district");
  /* The result decides, not a late click on Cancel: generate is all or nothing */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, generate_job_unref);
  g_task_run_in_thread (task, generate_thread);

  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  jd_welcome_page_set_generating (self->welcome_page, TRUE);
  update_actions (self);
}

static void
cancel_sample_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (self->generate_cancellable != NULL)
    g_cancellable_cancel (self->generate_cancellable);
}

static void
on_csv_imported_cb (JdWindow          *self,
                    guint              n_imported,
                    JdCsvImportDialog *dialog)
{
  g_autofree char *message = NULL;

  g_assert (JD_IS_WINDOW (self));

  jd_window_reload (self);
  /* Translators: a toast after a CSV import */
  message = g_strdup_printf (ngettext ("Imported %u record", "Imported %u records", n_imported),
                             n_imported);
  jd_window_add_toast (self, message);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdCsvImportDialog *dialog;

  if (self->db == NULL || self->generate_cancellable != NULL)
    return;

  dialog = jd_csv_import_dialog_new (self->db, NULL, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_csv_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_exchange_exported_cb (JdWindow         *self,
                         const char       *path,
                         JdExchangeDialog *dialog)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *message = NULL;

  /* Translators: a toast after an export; %s is a file name */
  message = g_strdup_printf (_("Exported to %s"), basename);
  jd_window_add_toast (self, message);
}

static void
on_exchange_imported_cb (JdWindow         *self,
                         const char       *message,
                         JdExchangeDialog *dialog)
{
  jd_window_reload (self);
  jd_window_add_toast (self, message);
}

static void
export_exchange_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdExchangeDialog *dialog;

  if (self->db == NULL || self->generate_cancellable != NULL)
    return;

  dialog = jd_exchange_dialog_new_export (self->db, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exchange_exported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_exchange_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdExchangeDialog *dialog;

  if (self->db == NULL || self->generate_cancellable != NULL)
    return;

  dialog = jd_exchange_dialog_new_import (self->db, GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_exchange_imported_cb), self,
                           G_CONNECT_SWAPPED);
  jd_exchange_dialog_choose_file (dialog);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_database (JD_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_database (JD_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
save_window_state (JdWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  gboolean maximized = gtk_window_is_maximized (window);
  int width;
  int height;

  g_assert (JD_IS_WINDOW (self));

  if (!maximized)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static gboolean
jd_window_close_request (GtkWindow *window)
{
  JdWindow *self = JD_WINDOW (window);

  save_window_state (self);

  if (self->generate_cancellable != NULL)
    g_cancellable_cancel (self->generate_cancellable);

  return GTK_WINDOW_CLASS (jd_window_parent_class)->close_request (window);
}

static void
jd_window_map (GtkWidget *widget)
{
  JdWindow *self = JD_WINDOW (widget);

  GTK_WIDGET_CLASS (jd_window_parent_class)->map (widget);

  /* A dialog must come after its parent, or it would map beneath it */
  if (self->pending_error != NULL && self->pending_error_source == 0)
    self->pending_error_source = g_idle_add (show_pending_error_cb, self);
}

static void
jd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JdWindow *self = JD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, jd_window_get_database_path (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_window_dispose (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  if (self->generate_cancellable != NULL)
    g_cancellable_cancel (self->generate_cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_handle_id (&self->pending_error_source, g_source_remove);
  g_clear_handle_id (&self->alerts_source, g_source_remove);
  g_clear_handle_id (&self->pages_source, g_source_remove);
  g_clear_weak_pointer (&self->error_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WINDOW);

  G_OBJECT_CLASS (jd_window_parent_class)->dispose (object);
}

static void
jd_window_finalize (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  g_clear_pointer (&self->job, generate_job_unref);
  g_clear_object (&self->generate_cancellable);
  g_clear_object (&self->held_application);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_error (&self->pending_error);

  G_OBJECT_CLASS (jd_window_parent_class)->finalize (object);
}

static void
jd_window_class_init (JdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_window_dispose;
  object_class->finalize = jd_window_finalize;
  object_class->get_property = jd_window_get_property;

  widget_class->map = jd_window_map;

  window_class->close_request = jd_window_close_request;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_AGENCIES_PAGE);
  g_type_ensure (JD_TYPE_ALERTS_PAGE);
  g_type_ensure (JD_TYPE_CHARTS_PAGE);
  g_type_ensure (JD_TYPE_DISTRICTS_PAGE);
  g_type_ensure (JD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (JD_TYPE_REVIEW_PAGE);
  g_type_ensure (JD_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, agencies_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, alerts_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, charts_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, alerts_stack_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, districts_stack_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, districts_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, review_page);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agency_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_registry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_alert_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-sample", NULL, cancel_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-csv", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-exchange", NULL, export_exchange_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-exchange", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-exchange", NULL, import_exchange_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-exchange", NULL);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "agencies");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "alerts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-view", "s", "review");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-view", "s", "districts");
}

static void
jd_window_init (JdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  jd_sample_options_init (&self->sample_options);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "changed",
                           G_CALLBACK (on_review_changed_cb), self, G_CONNECT_SWAPPED);

  update_view (self);
}

JdWindow *
jd_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (JD_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

gboolean
jd_window_open_database (JdWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(JdDb) db = NULL;

  g_return_val_if_fail (JD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->generate_cancellable != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The sample district is still being created"));
      return FALSE;
    }

  db = jd_db_open (path, error);
  if (db == NULL)
    return FALSE;

  g_set_object (&self->db, db);
  g_clear_pointer (&self->years, g_array_unref);
  update_view (self);

  if (jd_db_get_backup_path (db) != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the path of the copy of the database before an upgrade */
      message = g_strdup_printf (_("The database was upgraded; a copy of the old one is in %s"),
                                 jd_db_get_backup_path (db));
      jd_window_add_toast (self, message);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);

  return TRUE;
}

void
jd_window_open_database_or_report (JdWindow   *self,
                                   const char *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (jd_window_open_database (self, path, &error))
    return;

  g_debug ("Cannot open %s: %s", path, error->message);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      show_error_dialog (self, error);
      return;
    }

  g_clear_error (&self->pending_error);
  self->pending_error = g_steal_pointer (&error);
}

const char *
jd_window_get_database_path (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->db != NULL ? jd_db_get_path (self->db) : NULL;
}

void
jd_window_reload (JdWindow *self)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  /* New records may bring a new year: the selector is filled again */
  update_view (self);
}

void
jd_window_add_toast (JdWindow   *self,
                     const char *title)
{
  AdwToast *toast;

  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
_jd_window_get_visible_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

JdOverviewPage *
_jd_window_get_overview_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->overview_page;
}

JdWelcomePage *
_jd_window_get_welcome_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->welcome_page;
}

JdAgenciesPage *
_jd_window_get_agencies_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  ensure_pages_loaded (self);
  return self->agencies_page;
}

JdAlertsPage *
_jd_window_get_alerts_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  ensure_pages_loaded (self);
  return self->alerts_page;
}

JdChartsPage *
_jd_window_get_charts_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  ensure_pages_loaded (self);
  return self->charts_page;
}

const char *
_jd_window_get_visible_view (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkDropDown *
_jd_window_get_year_dropdown (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->year_dropdown;
}

GtkMenuButton *
_jd_window_get_primary_menu_button (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->primary_menu_button;
}

AdwMessageDialog *
_jd_window_get_error_dialog (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->error_dialog;
}

int
_jd_window_get_year (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), 0);

  return self->year;
}

gboolean
_jd_window_select_year (JdWindow *self,
                        int       year)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), FALSE);

  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    {
      if (g_array_index (self->years, int, i) == year)
        {
          gtk_drop_down_set_selected (self->year_dropdown, i);
          return TRUE;
        }
    }

  return FALSE;
}

void
_jd_window_set_sample_options (JdWindow              *self,
                               const JdSampleOptions *options)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (options != NULL);

  self->sample_options = *options;
}

gboolean
_jd_window_get_generating (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), FALSE);

  return self->generate_cancellable != NULL;
}
