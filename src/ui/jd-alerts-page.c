/* jd-alerts-page.c: the alerts (预警) of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One boxed list of jd_dashboard_alerts(), agency alerts first, each with an
 * icon for its kind. Activating one emits "alert-activated" with the agency
 * (and officer) it names; the window opens that agency.
 */

#define G_LOG_DOMAIN "jd-alerts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "jd-alerts-page.h"
#include "jd-dashboard.h"

/* Rows shown per kind before a "Show all" row */
#define FOLDED_ROWS 12

struct _JdAlertsPage
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkStack    *stack;
  GtkLabel    *summary_label;
  GtkBox      *kinds_box;

  /* Owned references */
  GSettings   *settings;
  JdDb        *db;
  GPtrArray   *alerts;                /* JdAlert* */
  GPtrArray   *rows;                  /* GtkListBoxRow* per alert, NULL while folded */

  /* Borrowed: the lists live in kinds_box */
  GtkListBox  *lists[JD_ALERT_N];

  int          year;
};

G_DEFINE_FINAL_TYPE (JdAlertsPage, jd_alerts_page, ADW_TYPE_BIN)

enum
{
  SIGNAL_ALERT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *icon_name;
  const char *label;
  const char *css_class;
} AlertKindInfo;

static const AlertKindInfo alert_kinds[JD_ALERT_N] = {
  [JD_ALERT_NO_RECORDS]            = { "action-unavailable-symbolic", N_("No records"), "error" },
  [JD_ALERT_NO_PENALTIES]          = { "dialog-information-symbolic", N_("No penalties"), "warning" },
  [JD_ALERT_OFFICER_IDLE]          = { "avatar-default-symbolic", N_("Officers without records"), "warning" },
  [JD_ALERT_CERTIFICATE_EXPIRED]   = { "dialog-error-symbolic", N_("Certificates expired"), "error" },
  [JD_ALERT_CERTIFICATE_EXPIRING]  = { "alarm-symbolic", N_("Certificates expiring"), "warning" },
  [JD_ALERT_RECORDS_FELL]          = { "go-down-symbolic", N_("Records fell"), "warning" },
  [JD_ALERT_THREE_SYSTEMS]         = { "dialog-warning-symbolic", N_("Three systems below the minimum"), "warning" },
  [JD_ALERT_REVIEW_FAILED]         = { "emblem-important-symbolic", N_("Failed case-file reviews"), "error" },
  [JD_ALERT_LETTER_OVERDUE]        = { "mail-unread-symbolic", N_("Supervision letters overdue"), "warning" },
};

static void unfold (JdAlertsPage *self,
                    JdAlertKind   kind);

static void
on_row_activated_cb (JdAlertsPage  *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list_box)
{
  gint64 agency_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jd-agency-id"));
  gint64 officer_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jd-officer-id"));
  gpointer more = g_object_get_data (G_OBJECT (row), "jd-show-all");

  if (more != NULL)
    {
      unfold (self, GPOINTER_TO_INT (more) - 1);
      return;
    }

  if (agency_id > 0)
    g_signal_emit (self, signals[SIGNAL_ALERT_ACTIVATED], 0, agency_id, officer_id);
}

static GtkWidget *
make_row (const JdAlert *alert)
{
  const AlertKindInfo *info = &alert_kinds[alert->kind];
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (info->icon_name);
  g_autofree char *spoken = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alert->subject);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), alert->message);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (icon, info->css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(info->label), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  /* Translators: an alert as a screen reader says it: kind, subject, message */
  spoken = g_strdup_printf (_("%s: %s, %s"), _(info->label), alert->subject, alert->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  g_object_set_data (G_OBJECT (row), "jd-agency-id", GINT_TO_POINTER ((int) alert->agency_id));
  g_object_set_data (G_OBJECT (row), "jd-officer-id", GINT_TO_POINTER ((int) alert->officer_id));

  return row;
}

/* Appends the rows of KIND's alerts not shown yet, up to LIMIT in all;
 * then a "Show all" row when some are left. */
static void
fill_kind (JdAlertsPage *self,
           JdAlertKind   kind,
           guint         limit)
{
  GtkListBox *list_box = self->lists[kind];
  guint shown = 0;
  guint total = 0;

  for (guint i = 0; i < self->alerts->len; i++)
    {
      const JdAlert *alert = g_ptr_array_index (self->alerts, i);

      if (alert->kind != kind)
        continue;
      total++;
      if (self->rows->pdata[i] != NULL)
        {
          shown++;
          continue;
        }
      if (shown >= limit)
        continue;

      self->rows->pdata[i] = make_row (alert);
      gtk_list_box_append (list_box, self->rows->pdata[i]);
      shown++;
    }

  if (shown < total)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: the last row of a folded list of alerts; %u is how many are hidden */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Alert", "Show %u More Alerts",
                                            total - shown),
                               total - shown);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("pan-down-symbolic"));
      gtk_widget_add_css_class (row, "alerts-show-all");
      g_object_set_data (G_OBJECT (row), "jd-show-all", GINT_TO_POINTER (kind + 1));
      gtk_list_box_append (list_box, row);
    }
}

static void
unfold (JdAlertsPage *self,
        JdAlertKind   kind)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->lists[kind]));

  if (last != NULL && g_object_get_data (G_OBJECT (last), "jd-show-all") != NULL)
    gtk_list_box_remove (self->lists[kind], last);

  fill_kind (self, kind, G_MAXUINT);
}

static void
on_setting_changed_cb (JdAlertsPage *self,
                       const char   *key,
                       GSettings    *settings)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || !g_str_has_prefix (key, "alert-"))
    return;

  if (!jd_alerts_page_load (self, self->db, self->year, &error))
    g_warning ("Cannot list the alerts of %d: %s", self->year, error->message);
}

static void
jd_alerts_page_dispose (GObject *object)
{
  JdAlertsPage *self = JD_ALERTS_PAGE (object);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_ALERTS_PAGE);
  memset (self->lists, 0, sizeof self->lists);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_alerts_page_parent_class)->dispose (object);
}

static void
jd_alerts_page_class_init (JdAlertsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_alerts_page_dispose;

  /* An alert was activated: the agency's id, and the officer's or 0 */
  signals[SIGNAL_ALERT_ACTIVATED] =
    g_signal_new ("alert-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-alerts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdAlertsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JdAlertsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JdAlertsPage, kinds_box);
}

static void
jd_alerts_page_init (JdAlertsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_setting_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
jd_alerts_page_new (void)
{
  return g_object_new (JD_TYPE_ALERTS_PAGE, NULL);
}

gboolean
jd_alerts_page_load (JdAlertsPage  *self,
                     JdDb          *db,
                     int            year,
                     GError       **error)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *summary = NULL;
  JdAlertOptions options;
  GtkWidget *child;

  g_return_val_if_fail (JD_IS_ALERTS_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  jd_alert_options_init (&options);
  options.expiring_days = g_settings_get_int (self->settings, "alert-expiring-days");
  options.records_fall = g_settings_get_double (self->settings, "alert-records-fall");
  options.three_systems_minimum = g_settings_get_double (self->settings, "alert-three-systems-minimum");

  alerts = jd_dashboard_alerts (db, 0, year, &options, error);
  if (alerts == NULL)
    return FALSE;

  g_set_object (&self->db, db);
  self->year = year;
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_ptr_array_ref (alerts);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_ptr_array_new ();
  g_ptr_array_set_size (self->rows, alerts->len);

  memset (self->lists, 0, sizeof self->lists);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kinds_box))) != NULL)
    gtk_box_remove (self->kinds_box, child);

  /* One boxed list per kind, in the order of the alerts */
  for (guint i = 0; i < alerts->len; i++)
    {
      const JdAlert *alert = g_ptr_array_index (alerts, i);
      JdAlertKind kind = alert->kind;
      g_autofree char *heading_text = NULL;
      GtkWidget *heading;
      GtkWidget *list_box;
      guint n = 0;

      if (self->lists[kind] != NULL)
        continue;

      for (guint j = i; j < alerts->len; j++)
        if (((const JdAlert *) g_ptr_array_index (alerts, j))->kind == kind)
          n++;

      /* Translators: the heading of one kind of alerts and how many there are, "Records fell (3)" */
      heading_text = g_strdup_printf (_("%s (%u)"), _(alert_kinds[kind].label), n);
      heading = gtk_label_new (heading_text);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, 12);
      gtk_box_append (self->kinds_box, heading);

      list_box = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list_box, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(alert_kinds[kind].label), -1);
      g_signal_connect_object (list_box, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->kinds_box, list_box);
      self->lists[kind] = GTK_LIST_BOX (list_box);

      fill_kind (self, kind, FOLDED_ROWS);
    }

  /* Translators: the heading of the alerts page; %u alerts in the year %d */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Alert in %d", "%u Alerts in %d",
                                          alerts->len),
                             alerts->len, year);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, alerts->len > 0 ? "list" : "none");

  return TRUE;
}

guint
jd_alerts_page_get_n_alerts (JdAlertsPage *self)
{
  g_return_val_if_fail (JD_IS_ALERTS_PAGE (self), 0);

  return self->alerts != NULL ? self->alerts->len : 0;
}

GtkListBoxRow *
_jd_alerts_page_get_row (JdAlertsPage *self,
                         guint         index)
{
  g_return_val_if_fail (JD_IS_ALERTS_PAGE (self), NULL);
  g_return_val_if_fail (self->alerts != NULL && index < self->alerts->len, NULL);

  if (self->rows->pdata[index] == NULL)
    unfold (self, ((const JdAlert *) g_ptr_array_index (self->alerts, index))->kind);

  return self->rows->pdata[index];
}
