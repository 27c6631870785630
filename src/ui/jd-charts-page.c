/* jd-charts-page.c: charts of the district, with export, printing and meeting packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar picks a chart and its scope; the chart is rebuilt from the
 * rollups on every change (a handful of queries). Export and the meeting
 * pack go through jd-chart-builder, as jiandu-cli does; printing draws the
 * same pages through GtkPrintOperation.
 */

#define G_LOG_DOMAIN "jd-charts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-charts-page.h"
#include "jd-format.h"
#include "jd-registry.h"
#include "jd-window.h"

struct _JdChartsPage
{
  AdwBin          parent_instance;

  AdwComboRow    *chart_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *agency_row;
  AdwComboRow    *domain_row;
  GtkSpinButton  *from_spin;
  GtkSpinButton  *to_spin;
  JdChartView    *chart_view;

  JdDb           *db;
  GArray         *agency_ids;     /* gint64, parallel to agency_row's model after "whole district" */
  GArray         *domain_ids;     /* gint64, parallel to domain_row's model after "all domains" */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (JdChartsPage, jd_charts_page, ADW_TYPE_BIN)

static const char *
window_toast (JdChartsPage *self,
              const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The window shows it; without one (tests), the log does. */
  if (JD_IS_WINDOW (root))
    jd_window_add_toast (JD_WINDOW (root), message);
  else
    g_message ("%s", message);
  return message;
}

void
jd_charts_page_get_scope (JdChartsPage *self,
                          JdChartScope *out)
{
  guint kind, agency, domain;

  g_return_if_fail (JD_IS_CHARTS_PAGE (self));

  memset (out, 0, sizeof *out);
  out->choice = MIN (adw_combo_row_get_selected (self->chart_row), JD_CHART_CHOICE_N - 1);
  out->year_from = gtk_spin_button_get_value_as_int (self->from_spin);
  out->year_to = gtk_spin_button_get_value_as_int (self->to_spin);
  if (out->year_from > out->year_to)
    out->year_from = out->year_to;
  kind = adw_combo_row_get_selected (self->kind_row);
  out->agency_kind = kind == 0 || kind == GTK_INVALID_LIST_POSITION ? -1 : (int) kind - 1;
  domain = adw_combo_row_get_selected (self->domain_row);
  if (domain != GTK_INVALID_LIST_POSITION && domain > 0 && self->domain_ids != NULL &&
      domain - 1 < self->domain_ids->len)
    out->domain_id = g_array_index (self->domain_ids, gint64, domain - 1);
  agency = adw_combo_row_get_selected (self->agency_row);
  if (agency != GTK_INVALID_LIST_POSITION && agency > 0 && self->agency_ids != NULL &&
      agency - 1 < self->agency_ids->len)
    out->agency_id = g_array_index (self->agency_ids, gint64, agency - 1);
}

static JdChartData *
build_chart (JdChartsPage   *self,
             JdChartChoice   choice,
             GError        **error)
{
  JdChartScope scope;

  jd_charts_page_get_scope (self, &scope);
  scope.choice = choice;
  return jd_chart_build (self->db, &scope, error);
}

static void
rebuild (JdChartsPage *self)
{
  g_autoptr(GError) error = NULL;
  JdChartScope scope;
  JdChartData *data;

  if (self->db == NULL || self->loading)
    return;

  jd_charts_page_get_scope (self, &scope);
  data = jd_chart_build (self->db, &scope, &error);
  if (data == NULL)
    {
      window_toast (self, error->message);
      return;
    }
  jd_chart_view_take_data (self->chart_view, data);
}

static void
on_scope_changed_cb (JdChartsPage *self)
{
  rebuild (self);
}

void
jd_charts_page_set_choice (JdChartsPage  *self,
                           JdChartChoice  choice)
{
  g_return_if_fail (JD_IS_CHARTS_PAGE (self));
  g_return_if_fail (choice < JD_CHART_CHOICE_N);

  adw_combo_row_set_selected (self->chart_row, choice);
}

JdChartView *
jd_charts_page_get_chart_view (JdChartsPage *self)
{
  g_return_val_if_fail (JD_IS_CHARTS_PAGE (self), NULL);
  return self->chart_view;
}

gboolean
jd_charts_page_load (JdChartsPage  *self,
                     JdDb          *db,
                     int            year,
                     GError       **error)
{
  g_autoptr(GtkStringList) agencies = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) years = NULL;
  int first = year - 4;

  g_return_val_if_fail (JD_IS_CHARTS_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  (void) error;

  g_set_object (&self->db, db);
  self->loading = TRUE;

  years = jd_db_list_years (db);
  if (years != NULL && years->len > 0)
    first = MAX (first, MIN (year, g_array_index (years, int, 0)));
  gtk_spin_button_set_value (self->to_spin, year);
  gtk_spin_button_set_value (self->from_spin, first);

  g_array_set_size (self->agency_ids, 0);
  gtk_string_list_append (agencies, _("Whole district"));
  list = jd_registry_list_agencies (db, jd_db_get_local_district (db));
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const JdAgency *agency = g_ptr_array_index (list, i);

      gtk_string_list_append (agencies, agency->name);
      g_array_append_val (self->agency_ids, agency->id);
    }
  adw_combo_row_set_model (self->agency_row, G_LIST_MODEL (agencies));
  adw_combo_row_set_selected (self->agency_row, 0);

  {
    g_autoptr(GtkStringList) domains = gtk_string_list_new (NULL);
    g_autoptr(GPtrArray) domain_items = jd_registry_list_domains (db);

    g_array_set_size (self->domain_ids, 0);
    gtk_string_list_append (domains, _("All domains"));
    for (guint i = 0; domain_items != NULL && i < domain_items->len; i++)
      {
        const JdNamedItem *item = g_ptr_array_index (domain_items, i);

        gtk_string_list_append (domains, item->name);
        g_array_append_val (self->domain_ids, item->id);
      }
    adw_combo_row_set_model (self->domain_row, G_LIST_MODEL (domains));
    adw_combo_row_set_selected (self->domain_row, 0);
  }

  self->loading = FALSE;
  rebuild (self);
  return TRUE;
}

/* Export -------------------------------------------------------------------- */

static void
parse_size (const char *text,
            int        *width,
            int        *height)
{
  /* "1600x900" */
  if (text != NULL && sscanf (text, "%dx%d", width, height) == 2)
    return;
  *width = 1600;
  *height = 900;
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    JdChartsPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  const JdChartData *data = jd_chart_view_get_data (self->chart_view);
  JdChartFormat format;
  JdChartStyle style;
  int width, height;
  double dpi;

  if (response != GTK_RESPONSE_ACCEPT || data == NULL)
    goto out;

  file = gtk_file_chooser_get_file (chooser);
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;
  if (!jd_chart_format_from_path (path, &format))
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
      const char *name = filter != NULL ? g_object_get_data (G_OBJECT (filter), "jd-extension") : NULL;
      char *with_extension = g_strconcat (path, name != NULL ? name : ".png", NULL);

      g_free (path);
      path = with_extension;
      jd_chart_format_from_path (path, &format);
    }

  parse_size (gtk_file_chooser_get_choice (chooser, "size"), &width, &height);
  dpi = g_ascii_strtod (gtk_file_chooser_get_choice (chooser, "dpi") != NULL
                        ? gtk_file_chooser_get_choice (chooser, "dpi") : "144", NULL);

  jd_chart_builder_style_init (&style, format == JD_CHART_FORMAT_PDF ? JD_CHART_THEME_PRINT
                                                                     : JD_CHART_THEME_LIGHT);
  if (!jd_chart_export (data, &style, path, width, height, dpi, &error))
    window_toast (self, error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), base);

      window_toast (self, message);
    }

out:
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data_full (G_OBJECT (filter), "jd-extension", g_strdup (pattern + 1), g_free);
  gtk_file_chooser_add_filter (chooser, filter);
}

static char *
suggested_name (JdChartsPage *self,
                const char   *extension)
{
  JdChartScope scope;

  jd_charts_page_get_scope (self, &scope);
  return g_strdup_printf ("%s-%d-%d%s", jd_chart_choice_to_id (scope.choice),
                          scope.year_from, scope.year_to, extension);
}

static void
on_export_clicked_cb (JdChartsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  g_autofree char *name = suggested_name (self, ".png");
  const char *sizes[] = { "1600x900", "1920x1080", "1200x800", "3200x1800", NULL };
  const char *size_labels[] = { "1600 × 900", "1920 × 1080", "1200 × 800", "3200 × 1800", NULL };
  const char *dpis[] = { "96", "144", "192", "300", NULL };
  const char *dpi_labels[] = { "96", "144", "192", "300", NULL };

  if (jd_chart_view_get_data (self->chart_view) == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  add_filter (chooser, _("PNG image"), "*.png", "image/png");
  add_filter (chooser, _("SVG image"), "*.svg", "image/svg+xml");
  add_filter (chooser, _("PDF document"), "*.pdf", "application/pdf");
  /* Translators: the pixel size of an exported PNG */
  gtk_file_chooser_add_choice (chooser, "size", _("Size (PNG)"), sizes, size_labels);
  gtk_file_chooser_set_choice (chooser, "size", "1600x900");
  /* Translators: dots per inch of an exported PNG */
  gtk_file_chooser_add_choice (chooser, "dpi", _("DPI (PNG)"), dpis, dpi_labels);
  gtk_file_chooser_set_choice (chooser, "dpi", "144");
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Printing ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *charts;      /* JdChartData */
  char      *district;
  char      *date;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_ptr_array_unref (job->charts);
  g_free (job->district);
  g_free (job->date);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  (void) context;
  gtk_print_operation_set_n_pages (operation, (int) job->charts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  JdChartStyle style;

  (void) operation;
  jd_chart_builder_style_init (&style, JD_CHART_THEME_PRINT);
  jd_chart_draw_page (gtk_print_context_get_cairo_context (context),
                      g_ptr_array_index (job->charts, page), &style, job->district, job->date,
                      (guint) page + 1, job->charts->len,
                      gtk_print_context_get_width (context),
                      gtk_print_context_get_height (context));
}

static GPtrArray *
build_charts (JdChartsPage  *self,
              GArray        *choices,
              GError       **error)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_chart_data_free);
  JdChartScope scope;

  jd_charts_page_get_scope (self, &scope);
  for (guint i = 0; i < (choices != NULL ? choices->len : 1); i++)
    {
      JdChartChoice choice = choices != NULL ? g_array_index (choices, JdChartChoice, i) : scope.choice;
      JdChartData *data = build_chart (self, choice, error);

      if (data == NULL)
        return NULL;
      g_ptr_array_add (charts, data);
    }
  return g_steal_pointer (&charts);
}

gboolean
jd_charts_page_print (JdChartsPage  *self,
                      GArray        *choices,
                      const char    *export_path,
                      GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkPrintOperationResult result;
  PrintJob *job;
  GPtrArray *charts;

  g_return_val_if_fail (JD_IS_CHARTS_PAGE (self), FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No database is open"));
      return FALSE;
    }
  charts = build_charts (self, choices, error);
  if (charts == NULL)
    return FALSE;

  job = g_new0 (PrintJob, 1);
  job->charts = charts;
  job->district = jd_db_dup_local_district_name (self->db);
  job->date = g_date_time_format (now, "%Y-%m-%d");

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 15, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, jd_chart_data_get_title (g_ptr_array_index (charts, 0)));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  print_job_free (job);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
on_print_clicked_cb (JdChartsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!jd_charts_page_print (self, NULL, NULL, &error))
    window_toast (self, error->message);
}

/* Meeting pack -------------------------------------------------------------- */

typedef struct
{
  JdChartsPage *page;
  GtkWidget    *checks[JD_CHART_CHOICE_N];
} PackDialog;

static GArray *
pack_choices (PackDialog *pack)
{
  GArray *choices = g_array_new (FALSE, FALSE, sizeof (JdChartChoice));

  for (JdChartChoice i = 0; i < JD_CHART_CHOICE_N; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (pack->checks[i])))
      g_array_append_val (choices, i);
  return choices;
}

static void
pack_export_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         GArray          *choices)
{
  JdChartsPage *self = g_object_get_data (G_OBJECT (dialog), "jd-page");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *district = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }

  charts = build_charts (self, choices, &error);
  district = jd_db_dup_local_district_name (self->db);
  if (charts == NULL || !jd_chart_export_pack (charts, district, path, &error))
    window_toast (self, error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), base);

      window_toast (self, message);
    }

out:
  g_array_unref (choices);
  g_object_unref (dialog);
}

static void
pack_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PackDialog       *pack)
{
  g_autoptr(GArray) choices = pack_choices (pack);
  JdChartsPage *self = pack->page;

  (void) dialog;
  if (choices->len == 0 || g_strcmp0 (response, "cancel") == 0)
    return;

  if (g_strcmp0 (response, "print") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!jd_charts_page_print (self, choices, NULL, &error))
        window_toast (self, error->message);
    }
  else if (g_strcmp0 (response, "export") == 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkFileChooserNative *native;
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      JdChartScope scope;
      g_autofree char *name = NULL;

      jd_charts_page_get_scope (self, &scope);
      /* Translators: the suggested file name of a meeting pack; keep the .pdf */
      name = g_strdup_printf (_("meeting-pack-%d.pdf"), scope.year_to);
      native = gtk_file_chooser_native_new (_("Export Meeting Pack"),
                                            GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      gtk_file_filter_set_name (filter, _("PDF document"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
      g_object_set_data (G_OBJECT (native), "jd-page", self);
      g_signal_connect (native, "response", G_CALLBACK (pack_export_response_cb),
                        g_steal_pointer (&choices));
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
    }
}

static void
on_pack_clicked_cb (JdChartsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PackDialog *pack = g_new0 (PackDialog, 1);
  GtkWidget *dialog, *box;

  pack->page = self;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Meeting Pack"),
                                   _("Choose the charts to print, one per page, in the scope set on the left."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (JdChartChoice i = 0; i < JD_CHART_CHOICE_N; i++)
    {
      pack->checks[i] = gtk_check_button_new_with_label (jd_chart_choice_to_label (i));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (pack->checks[i]), TRUE);
      gtk_box_append (GTK_BOX (box), pack->checks[i]);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Save as PDF…"),
                                    "print", _("_Print…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (pack_response_cb), pack,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -------------------------------------------------------------------------- */

static void
jd_charts_page_dispose (GObject *object)
{
  JdChartsPage *self = JD_CHARTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_CHARTS_PAGE);
  g_clear_object (&self->db);
  g_clear_pointer (&self->agency_ids, g_array_unref);
  g_clear_pointer (&self->domain_ids, g_array_unref);

  G_OBJECT_CLASS (jd_charts_page_parent_class)->dispose (object);
}

static void
jd_charts_page_class_init (JdChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_charts_page_dispose;

  g_type_ensure (JD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/Jiandu/ui/jd-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdChartsPage, chart_row);
  gtk_widget_class_bind_template_child (widget_class, JdChartsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JdChartsPage, agency_row);
  gtk_widget_class_bind_template_child (widget_class, JdChartsPage, domain_row);
  gtk_widget_class_bind_template_child (widget_class, JdChartsPage, from_spin);
  gtk_widget_class_bind_template_child (widget_class, JdChartsPage, to_spin);
  gtk_widget_class_bind_template_child (widget_class, JdChartsPage, chart_view);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pack_clicked_cb);
}

static void
jd_charts_page_init (JdChartsPage *self)
{
  g_autoptr(GtkStringList) charts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->domain_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (JdChartChoice i = 0; i < JD_CHART_CHOICE_N; i++)
    gtk_string_list_append (charts, jd_chart_choice_to_label (i));
  adw_combo_row_set_model (self->chart_row, G_LIST_MODEL (charts));

  gtk_string_list_append (kinds, _("All kinds"));
  for (JdAgencyKind i = 0; i < JD_AGENCY_KIND_N; i++)
    gtk_string_list_append (kinds, jd_agency_kind_to_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->loading = FALSE;
}
