/* test-ui-registry.c: the registry dialogs, driven headlessly (suite ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display: run with `meson test --setup=headless --suite ui`. Without
 * one it exits 77 (skipped).
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "fixture.h"
#include "jd-agency-editor.h"
#include "jd-certificate-event-dialog.h"
#include "jd-officer-editor.h"
#include "jd-registry.h"
#include "jd-supervision-figures-dialog.h"

typedef struct
{
  JdDb    *db;
  Fixture  fx;
  gint64   saved_id;
  guint    n_saved;
} UiFixture;

static void
spin (guint ms)
{
  gint64 end_time = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end_time)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
ui_setup (UiFixture     *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = jd_db_open (":memory:", &error);
  g_assert_no_error (error);
  fixture_fill (f->db, &f->fx);
}

static void
ui_teardown (UiFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_db_check_rollups (f->db, &error));
  g_assert_no_error (error);
  g_clear_object (&f->db);
}

static void
on_saved_cb (GtkWidget *dialog,
             gint64     id,
             UiFixture *f)
{
  f->saved_id = id;
  f->n_saved++;
}

/* The first descendant of ROOT of TYPE whose accessible label, title or
 * button label is LABEL (or any, with NULL). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (label == NULL)
        return root;
      if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
        return root;
      if (ADW_IS_PREFERENCES_ROW (root) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
save_button (GtkWidget *dialog)
{
  GtkWidget *button = find_widget (dialog, GTK_TYPE_BUTTON, "_Save");

  if (button == NULL)
    button = find_widget (dialog, GTK_TYPE_BUTTON, "_Record");
  g_assert_nonnull (button);
  return button;
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = find_widget (root, ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_agency_editor (UiFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(JdAgency) agency = NULL;
  g_autoptr(GError) error = NULL;
  JdAgencyEditor *editor = jd_agency_editor_new (f->db, 0, NULL);
  GtkWidget *save;
  GtkWidget *name_row;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  spin (50);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Add Agency");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  save = save_button (GTK_WIDGET (editor));
  name_row = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Name");

  /* empty: Save off, but no reproach yet */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_agency_editor_get_error_text (editor), ==, "");

  /* a duplicate name: said under the field, naming it */
  type_into (GTK_WIDGET (editor), "Name", "新华街道");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_agency_editor_get_error_text (editor), ==,
                   "Name: another agency of this district is already called “新华街道”");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  type_into (GTK_WIDGET (editor), "Name", "");
  g_assert_cmpstr (jd_agency_editor_get_error_text (editor), ==, "Name: an agency needs a name");

  /* valid */
  type_into (GTK_WIDGET (editor), "Name", "区交通运输局");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_agency_editor_get_error_text (editor), ==, "");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* a bad year, then a good one */
  type_into (GTK_WIDGET (editor), "Established (year, optional)", "19x");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (g_str_has_prefix (jd_agency_editor_get_error_text (editor), "Established:"));
  type_into (GTK_WIDGET (editor), "Established (year, optional)", "2003");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* the accessible names of the fields */
  gtk_test_accessible_assert_property (name_row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Name");
  gtk_test_accessible_assert_property (find_widget (GTK_WIDGET (editor), GTK_TYPE_SWITCH, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Active");
  gtk_test_accessible_assert_property (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Kind"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Kind");

  g_object_ref (editor);
  g_signal_emit_by_name (save, "clicked");
  spin (20);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  agency = jd_registry_get_agency (f->db, f->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agency->name, ==, "区交通运输局");
  g_assert_cmpint (agency->established_year, ==, 2003);
  g_assert_cmpint (agency->district_id, ==, f->fx.district);
  g_assert_true (agency->active);

  /* editing: deactivate without a year is refused, with one it is saved */
  editor = jd_agency_editor_new (f->db, f->fx.town, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  save = save_button (GTK_WIDGET (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Agency");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (editor), GTK_TYPE_SWITCH, NULL)), FALSE);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (g_str_has_prefix (jd_agency_editor_get_error_text (editor), "Dissolved:"));
  type_into (GTK_WIDGET (editor), "Dissolved (year)", "2025");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_true (jd_agency_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_pointer (&agency, jd_agency_free);
  agency = jd_registry_get_agency (f->db, f->fx.town, &error);
  g_assert_false (agency->active);
  g_assert_cmpint (agency->dissolved_year, ==, 2025);
  spin (20);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* What a click on a response button does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_agency_delete (UiFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JdAgencyEditor *editor = jd_agency_editor_new (f->db, f->fx.team, NULL);
  AdwMessageDialog *dialog;

  g_signal_connect (editor, "deleted", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  spin (20);

  g_signal_emit_by_name (find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Delete Agency…"), "clicked");
  spin (20);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Agency?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "区城市管理综合行政执法大队"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");

  respond (dialog, "delete");
  spin (50);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (f->saved_id, ==, f->fx.team);
  g_assert_null (jd_registry_get_agency (f->db, f->fx.team, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
}

static void
test_officer_editor (UiFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(JdOfficer) officer = NULL;
  g_autoptr(GError) error = NULL;
  JdOfficerEditor *editor = jd_officer_editor_new (f->db, 0, f->fx.team, NULL);
  GtkWidget *save;

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  save = save_button (GTK_WIDGET (editor));
  g_assert_false (gtk_widget_get_sensitive (save));

  type_into (GTK_WIDGET (editor), "Name", "孙悦");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* a number someone holds; then one without its dates */
  type_into (GTK_WIDGET (editor), "Certificate Number (empty before one is issued)", "1201920190003");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_officer_editor_get_error_text (editor), ==,
                   "Certificate number: already held by 李强\n"
                   "Issued on: a date is required\nExpires on: a date is required");
  type_into (GTK_WIDGET (editor), "Certificate Number (empty before one is issued)", "1201920250007");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_officer_editor_get_error_text (editor), ==,
                   "Issued on: a date is required\nExpires on: a date is required");
  type_into (GTK_WIDGET (editor), "Issued On (YYYY-MM-DD)", "2025-02-30");
  g_assert_true (g_str_has_prefix (jd_officer_editor_get_error_text (editor), "Issued on: enter a date"));
  type_into (GTK_WIDGET (editor), "Issued On (YYYY-MM-DD)", "2025-02-03");
  type_into (GTK_WIDGET (editor), "Expires On (YYYY-MM-DD)", "2024-02-03");
  g_assert_cmpstr (jd_officer_editor_get_error_text (editor), ==,
                   "Expires on: must be after the issue date");
  type_into (GTK_WIDGET (editor), "Expires On (YYYY-MM-DD)", "2030-02-02");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_officer_editor_get_error_text (editor), ==, "");

  gtk_test_accessible_assert_property (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Agency"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Agency");
  gtk_test_accessible_assert_property (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                    "Issued On (YYYY-MM-DD)"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Issued on");

  g_assert_true (jd_officer_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_saved, ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));

  officer = jd_registry_get_officer (f->db, f->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (officer->name, ==, "孙悦");
  g_assert_cmpint (officer->agency_id, ==, f->fx.team);
  g_assert_cmpstr (officer->certificate_no, ==, "1201920250007");
  g_assert_cmpstr (officer->expires_on, ==, "2030-02-02");

  /* an officer with records cannot be deleted: the toast says why, nothing asks */
  editor = jd_officer_editor_new (f->db, f->fx.officers[0], 0, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Officer");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Delete Officer…"), "clicked");
  spin (20);
  g_assert_null (find_message_dialog ());
  g_assert_nonnull (jd_registry_get_officer (f->db, f->fx.officers[0], NULL));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* one without: asked first, by name */
  editor = jd_officer_editor_new (f->db, f->saved_id, 0, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Delete Officer…"), "clicked");
  spin (20);
  g_assert_cmpstr (adw_message_dialog_get_heading (find_message_dialog ()), ==, "Delete Officer 孙悦?");
  respond (find_message_dialog (), "cancel");
  spin (20);
  g_clear_pointer (&officer, jd_officer_free);
  officer = jd_registry_get_officer (f->db, f->saved_id, NULL);
  g_assert_nonnull (officer);
  gtk_window_destroy (GTK_WINDOW (editor));
  spin (20);
}

static void
test_certificate_event (UiFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(JdOfficer) officer = NULL;
  g_autoptr(GError) error = NULL;
  JdCertificateEventDialog *dialog = jd_certificate_event_dialog_new (f->db, f->fx.officers[4], NULL);
  GtkWidget *save;

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  save = save_button (GTK_WIDGET (dialog));

  /* a valid certificate: renewal first, wanting a new expiry */
  g_assert_cmpint (jd_certificate_event_dialog_get_kind (dialog), ==, JD_CERT_EVENT_RENEW);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_certificate_event_dialog_get_error_text (dialog), ==,
                   "New expiry: a date is required");

  jd_certificate_event_dialog_set_kind (dialog, JD_CERT_EVENT_REINSTATE);
  g_assert_true (g_str_has_prefix (jd_certificate_event_dialog_get_error_text (dialog), "Event:"));
  g_assert_false (gtk_widget_get_sensitive (save));

  jd_certificate_event_dialog_set_kind (dialog, JD_CERT_EVENT_CANCEL);
  type_into (GTK_WIDGET (dialog), "Date (YYYY-MM-DD)", "2025-1-5");
  g_assert_true (g_str_has_prefix (jd_certificate_event_dialog_get_error_text (dialog), "Date:"));
  type_into (GTK_WIDGET (dialog), "Date (YYYY-MM-DD)", "2025-01-05");
  g_assert_true (gtk_widget_get_sensitive (save));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                          "Reason")), 1);   /* transferred */

  gtk_test_accessible_assert_property (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Event"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Event");

  g_assert_true (jd_certificate_event_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->saved_id, ==, f->fx.officers[4]);
  gtk_window_destroy (GTK_WINDOW (dialog));

  officer = jd_registry_get_officer (f->db, f->fx.officers[4], &error);
  g_assert_cmpint (officer->status, ==, JD_CERT_STATUS_CANCELLED);
  g_assert_cmpint (officer->cancel_reason, ==, JD_CANCEL_REASON_TRANSFERRED);
  g_assert_cmpstr (officer->status_changed_on, ==, "2025-01-05");
  spin (20);
}

static void
set_spin (GtkWidget  *dialog,
          const char *row_title,
          const char *text)
{
  GtkWidget *row = find_widget (dialog, ADW_TYPE_ACTION_ROW, row_title);
  GtkWidget *spin_button;

  g_assert_nonnull (row);
  spin_button = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin_button);
  gtk_editable_set_text (GTK_EDITABLE (spin_button), text);
}

static void
test_supervision_figures (UiFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JdSupervisionFiguresDialog *dialog = jd_supervision_figures_dialog_new (f->db, f->fx.market, 2024, NULL);
  JdSupervisionFigures figures;
  GtkWidget *save;
  gboolean stored = FALSE;

  gtk_window_present (GTK_WINDOW (dialog));
  save = save_button (GTK_WIDGET (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "区市场监督管理局, 2024");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* checked as typed, before the spin button commits */
  set_spin (GTK_WIDGET (dialog), "Received", "3");
  set_spin (GTK_WIDGET (dialog), "Corrected", "4");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_supervision_figures_dialog_get_error_text (dialog), ==,
                   "Corrected: cannot exceed the reconsiderations received");
  g_assert_true (gtk_widget_has_css_class (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                        "Corrected"), "error"));
  set_spin (GTK_WIDGET (dialog), "Corrected", "1");
  set_spin (GTK_WIDGET (dialog), "Lawsuits Concluded", "2");
  set_spin (GTK_WIDGET (dialog), "Lawsuits Lost", "1");
  set_spin (GTK_WIDGET (dialog), "Court Hearings", "2");
  set_spin (GTK_WIDGET (dialog), "Head Appearances", "2");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_cmpstr (jd_supervision_figures_dialog_get_error_text (dialog), ==, "");

  gtk_test_accessible_assert_property (find_widget (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                                 "Lawsuits Lost"),
                                                    GTK_TYPE_SPIN_BUTTON, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Lawsuits lost");

  g_assert_true (jd_supervision_figures_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (jd_registry_get_supervision_figures (f->db, f->fx.market, 2024, &figures, &stored, &error));
  g_assert_true (stored);
  g_assert_cmpint (figures.reconsiderations, ==, 3);
  g_assert_cmpint (figures.reconsiderations_corrected, ==, 1);
  g_assert_cmpint (figures.lawsuits_concluded, ==, 2);
  g_assert_cmpint (figures.lawsuits_lost, ==, 1);
  g_assert_cmpint (figures.hearings, ==, 2);
  g_assert_cmpint (figures.head_appearances, ==, 2);

  /* reopened, the stored figures show */
  dialog = jd_supervision_figures_dialog_new (f->db, f->fx.market, 2024, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (
    find_widget (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Received"),
                 GTK_TYPE_SPIN_BUTTON, NULL))), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (20);
}

static void
test_escape_closes (UiFixture     *f,
                    gconstpointer  data)
{
  JdAgencyEditor *editor = jd_agency_editor_new (f->db, 0, NULL);

  gtk_window_present (GTK_WINDOW (editor));
  spin (20);
  g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  spin (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (jd_db_is_empty (f->db) == FALSE);
  g_object_unref (editor);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the UI tests\n");
      return 77;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/jd/ui-registry/" path, UiFixture, NULL, ui_setup, func, ui_teardown)

  ADD ("agency-editor", test_agency_editor);
  ADD ("agency-delete", test_agency_delete);
  ADD ("officer-editor", test_officer_editor);
  ADD ("certificate-event", test_certificate_event);
  ADD ("supervision-figures", test_supervision_figures);
  ADD ("escape-closes", test_escape_closes);

#undef ADD

  return g_test_run ();
}
