/* jd-districts-page.c: every district of the database side by side (the city's view)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per district with the figures of its dashboard for the year
 * (jd_dashboard_compute), the change in records against the year before,
 * and a bar chart of records per district under the table. Column headers
 * sort; the sort menu does the same from the keyboard.
 */

#define G_LOG_DOMAIN "jd-districts-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-dashboard.h"
#include "jd-districts-page.h"
#include "jd-column-sort.h"
#include "jd-format.h"
#include "jd-registry.h"

/* One district, as a list item ----------------------------------------------- */

#define JD_TYPE_DISTRICT_ROW (jd_district_row_get_type ())
G_DECLARE_FINAL_TYPE (JdDistrictRow, jd_district_row, JD, DISTRICT_ROW, GObject)

struct _JdDistrictRow
{
  GObject      parent_instance;

  gint64       id;
  char        *name;
  JdDashboard  current;
  gint64       records_previous;
};

G_DEFINE_FINAL_TYPE (JdDistrictRow, jd_district_row, G_TYPE_OBJECT)

static void
jd_district_row_finalize (GObject *object)
{
  JdDistrictRow *self = JD_DISTRICT_ROW (object);

  g_free (self->name);

  G_OBJECT_CLASS (jd_district_row_parent_class)->finalize (object);
}

static void
jd_district_row_class_init (JdDistrictRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_district_row_finalize;
}

static void
jd_district_row_init (JdDistrictRow *self)
{
}

/* The page -------------------------------------------------------------------- */

struct _JdDistrictsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkColumnView       *column_view;
  GtkMenuButton       *sort_button;
  JdChartView         *chart_view;
  GtkLabel            *year_label;

  /* Borrowed: the column view owns its columns */
  GtkColumnViewColumn *columns[JD_DISTRICT_COLUMN_N];

  GListStore          *store;
  GtkSortListModel    *sorted;
  int                  year;
  JdColumnSort         menu_sort;
};

G_DEFINE_FINAL_TYPE (JdDistrictsPage, jd_districts_page, ADW_TYPE_BIN)

typedef struct
{
  const char *title;       /* NULL: the label of RATE */
  JdRate      rate;        /* for rate columns */
  gboolean    numeric;
  gboolean    expand;
} ColumnSpec;

static const ColumnSpec column_specs[JD_DISTRICT_COLUMN_N] = {
  [JD_DISTRICT_COLUMN_NAME]          = { NULL, 0, FALSE, TRUE },      /* see column_title () */
  [JD_DISTRICT_COLUMN_RECORDS]       = { N_("Records"), 0, TRUE, FALSE },
  [JD_DISTRICT_COLUMN_CHANGE]        = { N_("Change in Records"), 0, TRUE, FALSE },
  [JD_DISTRICT_COLUMN_INSPECTIONS]   = { N_("Inspections"), 0, TRUE, FALSE },
  [JD_DISTRICT_COLUMN_PENALTIES]     = { N_("Penalties"), 0, TRUE, FALSE },
  [JD_DISTRICT_COLUMN_CERTIFICATE]   = { NULL, JD_RATE_CERTIFICATE, TRUE, FALSE },
  [JD_DISTRICT_COLUMN_PARTICIPATION] = { NULL, JD_RATE_PARTICIPATION, TRUE, FALSE },
  [JD_DISTRICT_COLUMN_CORRECTION]    = { NULL, JD_RATE_RECONSIDERATION_CORRECTION, TRUE, FALSE },
  [JD_DISTRICT_COLUMN_LOSS]          = { NULL, JD_RATE_LITIGATION_LOSS, TRUE, FALSE },
};

static const char *
column_title (JdDistrictColumn column)
{
  if (column == JD_DISTRICT_COLUMN_NAME)
    /* Translators: the column of district names on the Districts page (区县) */
    return C_("districts page", "District");
  if (column_specs[column].title != NULL)
    return _(column_specs[column].title);
  return jd_rate_to_label (column_specs[column].rate);
}

static gboolean
column_is_rate (JdDistrictColumn column)
{
  return column != JD_DISTRICT_COLUMN_NAME && column_specs[column].title == NULL;
}

/* Cells ----------------------------------------------------------------------- */

static char *
cell_text (const JdDistrictRow *row,
           JdDistrictColumn     column)
{
  const JdOverview *overview = &row->current.overview;

  if (column_is_rate (column))
    {
      const JdRatio *ratio = &row->current.rates[column_specs[column].rate];

      return ratio->defined ? jd_format_percent (ratio->value) : g_strdup ("—");
    }

  switch (column)
    {
    case JD_DISTRICT_COLUMN_NAME:
      return g_strdup (row->name);
    case JD_DISTRICT_COLUMN_RECORDS:
      return jd_format_count (overview->values[JD_FIGURE_RECORDS]);
    case JD_DISTRICT_COLUMN_CHANGE:
      return jd_format_change (overview->values[JD_FIGURE_RECORDS], row->records_previous, FALSE);
    case JD_DISTRICT_COLUMN_INSPECTIONS:
      return jd_format_count (overview->values[JD_FIGURE_INSPECTIONS]);
    case JD_DISTRICT_COLUMN_PENALTIES:
      return jd_format_count (overview->values[JD_FIGURE_PENALTIES]);
    case JD_DISTRICT_COLUMN_CERTIFICATE:
    case JD_DISTRICT_COLUMN_PARTICIPATION:
    case JD_DISTRICT_COLUMN_CORRECTION:
    case JD_DISTRICT_COLUMN_LOSS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  JdDistrictColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), column == JD_DISTRICT_COLUMN_NAME
                                              ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), column_specs[column].numeric ? 1 : 0);
  if (column_specs[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  JdDistrictColumn column = GPOINTER_TO_INT (user_data);
  JdDistrictRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text);

  if (column == JD_DISTRICT_COLUMN_CHANGE)
    {
      gint64 change = row->current.overview.values[JD_FIGURE_RECORDS] - row->records_previous;

      gtk_widget_remove_css_class (label, "success");
      gtk_widget_remove_css_class (label, "error");
      if (change != 0)
        gtk_widget_add_css_class (label, change > 0 ? "success" : "error");
    }
  else if (column_is_rate (column))
    {
      const JdRatio *ratio = &row->current.rates[column_specs[column].rate];
      g_autofree char *numerator = jd_format_count (ratio->numerator);
      g_autofree char *denominator = jd_format_count (ratio->denominator);
      /* Translators: a rate's parts, then its formula: "12 / 15 (valid certificates ÷ …)" */
      g_autofree char *tooltip = g_strdup_printf (_("%s / %s (%s)"), numerator, denominator,
                                                  jd_rate_to_formula (column_specs[column].rate));

      gtk_widget_set_tooltip_text (label, tooltip);
    }
}

/* Sorting --------------------------------------------------------------------- */

static double
numeric_key (const JdDistrictRow *row,
             JdDistrictColumn     column)
{
  const JdOverview *overview = &row->current.overview;

  if (column_is_rate (column))
    {
      const JdRatio *ratio = &row->current.rates[column_specs[column].rate];

      /* An undefined rate sorts below every defined one */
      return ratio->defined ? ratio->value : -1.0;
    }

  switch (column)
    {
    case JD_DISTRICT_COLUMN_RECORDS:
      return overview->values[JD_FIGURE_RECORDS];
    case JD_DISTRICT_COLUMN_CHANGE:
      return overview->values[JD_FIGURE_RECORDS] - row->records_previous;
    case JD_DISTRICT_COLUMN_INSPECTIONS:
      return overview->values[JD_FIGURE_INSPECTIONS];
    case JD_DISTRICT_COLUMN_PENALTIES:
      return overview->values[JD_FIGURE_PENALTIES];
    case JD_DISTRICT_COLUMN_NAME:
    case JD_DISTRICT_COLUMN_CERTIFICATE:
    case JD_DISTRICT_COLUMN_PARTICIPATION:
    case JD_DISTRICT_COLUMN_CORRECTION:
    case JD_DISTRICT_COLUMN_LOSS:
    default:
      return 0;
    }
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  JdDistrictColumn column = GPOINTER_TO_INT (user_data);
  const JdDistrictRow *x = a;
  const JdDistrictRow *y = b;
  int result;

  if (column == JD_DISTRICT_COLUMN_NAME)
    result = g_utf8_collate (x->name, y->name);
  else
    {
      double p = numeric_key (x, column);
      double q = numeric_key (y, column);

      result = (p > q) - (p < q);
    }

  /* Ties keep the order of the names */
  if (result == 0 && column != JD_DISTRICT_COLUMN_NAME)
    result = g_utf8_collate (x->name, y->name);
  if (result == 0)
    result = (x->id > y->id) - (x->id < y->id);

  return result;
}

/* Sorting by the same column again from the menu reverses the order. */
static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdDistrictsPage *self = JD_DISTRICTS_PAGE (widget);
  int column = g_variant_get_int32 (parameter);

  if (column < 0 || column >= JD_DISTRICT_COLUMN_N)
    return;

  jd_column_sort_apply (&self->menu_sort, self->column_view, self->columns[column], column,
                        column_specs[column].numeric);
}

static void
build_sort_menu (JdDistrictsPage *self)
{
  const char *titles[JD_DISTRICT_COLUMN_N];
  g_autoptr(GMenuModel) menu = NULL;

  for (guint i = 0; i < JD_DISTRICT_COLUMN_N; i++)
    titles[i] = column_title (i);
  menu = jd_column_sort_menu_new ("districts.sort", titles, JD_DISTRICT_COLUMN_N);
  gtk_menu_button_set_menu_model (self->sort_button, menu);
}

static void
build_columns (JdDistrictsPage *self)
{
  for (guint i = 0; i < JD_DISTRICT_COLUMN_N; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));

      column = gtk_column_view_column_new (column_title (i), g_object_ref (factory));
      gtk_column_view_column_set_expand (column, column_specs[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
    }
}

/* The chart ------------------------------------------------------------------- */

static int
compare_records_desc (gconstpointer a,
                      gconstpointer b)
{
  /* Most records first, as the rankings are drawn */
  return -compare_rows_cb (*(JdDistrictRow * const *) a, *(JdDistrictRow * const *) b,
                           GINT_TO_POINTER (JD_DISTRICT_COLUMN_RECORDS));
}

static JdChartData *
build_chart (JdDistrictsPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *subtitle = g_strdup_printf ("%d", self->year);
  /* Translators: %d is a year */
  g_autofree char *empty = g_strdup_printf (_("No districts with records in %d"), self->year);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  JdChartData *data = jd_chart_data_new (JD_CHART_HBAR);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->store), i));
  g_ptr_array_sort (rows, compare_records_desc);

  for (guint i = 0; i < rows->len; i++)
    {
      const JdDistrictRow *row = g_ptr_array_index (rows, i);
      double value = row->current.overview.values[JD_FIGURE_RECORDS];

      g_ptr_array_add (labels, row->name);
      g_array_append_val (values, value);
    }

  jd_chart_data_set_title (data, _("Records by District"));
  jd_chart_data_set_subtitle (data, subtitle);
  jd_chart_data_set_unit (data, JD_CHART_UNIT_COUNT);
  jd_chart_data_set_empty_text (data, empty);
  jd_chart_data_set_categories (data, (const char * const *) labels->pdata, labels->len);
  if (values->len > 0)
    jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_RECORDS),
                              (const double *) values->data, values->len);
  return data;
}

/* Public ---------------------------------------------------------------------- */

guint
jd_districts_count (JdDb *db)
{
  g_autoptr(GPtrArray) districts = NULL;

  g_return_val_if_fail (JD_IS_DB (db), 0);

  districts = jd_registry_list_districts (db);
  return districts != NULL ? districts->len : 0;
}

gboolean
jd_districts_page_load (JdDistrictsPage  *self,
                        JdDb             *db,
                        int               year,
                        GError          **error)
{
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;

  g_return_val_if_fail (JD_IS_DISTRICTS_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  districts = jd_registry_list_districts (db);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      const JdNamedItem *district = g_ptr_array_index (districts, i);
      g_autoptr(JdDistrictRow) row = g_object_new (JD_TYPE_DISTRICT_ROW, NULL);
      JdDashboard previous;

      if (!jd_dashboard_compute (db, district->id, 0, year, &row->current, error) ||
          !jd_dashboard_compute (db, district->id, 0, year - 1, &previous, error))
        return FALSE;

      row->id = district->id;
      row->name = g_strdup (district->name);
      row->records_previous = previous.overview.values[JD_FIGURE_RECORDS];
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }

  self->year = year;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);

  /* Translators: %d is a year; the heading of the Districts page */
  heading = g_strdup_printf (_("All Districts in %d"), year);
  gtk_label_set_text (self->year_label, heading);

  jd_chart_view_take_data (self->chart_view, build_chart (self));
  return TRUE;
}

guint
jd_districts_page_get_n_districts (JdDistrictsPage *self)
{
  g_return_val_if_fail (JD_IS_DISTRICTS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

JdChartView *
jd_districts_page_get_chart_view (JdDistrictsPage *self)
{
  g_return_val_if_fail (JD_IS_DISTRICTS_PAGE (self), NULL);
  return self->chart_view;
}

GtkColumnView *
_jd_districts_page_get_column_view (JdDistrictsPage *self)
{
  g_return_val_if_fail (JD_IS_DISTRICTS_PAGE (self), NULL);
  return self->column_view;
}

GtkColumnViewColumn *
_jd_districts_page_get_column (JdDistrictsPage  *self,
                               JdDistrictColumn  column)
{
  g_return_val_if_fail (JD_IS_DISTRICTS_PAGE (self), NULL);
  g_return_val_if_fail ((int) column >= 0 && column < JD_DISTRICT_COLUMN_N, NULL);
  return self->columns[column];
}

gint64
_jd_districts_page_get_district_id (JdDistrictsPage *self,
                                    guint            position)
{
  g_autoptr(JdDistrictRow) row = NULL;

  g_return_val_if_fail (JD_IS_DISTRICTS_PAGE (self), 0);

  row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return row != NULL ? row->id : 0;
}

char *
_jd_districts_page_dup_cell_text (JdDistrictsPage  *self,
                                  guint             position,
                                  JdDistrictColumn  column)
{
  g_autoptr(JdDistrictRow) row = NULL;

  g_return_val_if_fail (JD_IS_DISTRICTS_PAGE (self), NULL);
  g_return_val_if_fail ((int) column >= 0 && column < JD_DISTRICT_COLUMN_N, NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return row != NULL ? cell_text (row, column) : NULL;
}

/* GObject --------------------------------------------------------------------- */

static void
jd_districts_page_dispose (GObject *object)
{
  JdDistrictsPage *self = JD_DISTRICTS_PAGE (object);

  memset (self->columns, 0, sizeof self->columns);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_DISTRICTS_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jd_districts_page_parent_class)->dispose (object);
}

static void
jd_districts_page_class_init (JdDistrictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_districts_page_dispose;

  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-districts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdDistrictsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JdDistrictsPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, JdDistrictsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, JdDistrictsPage, year_label);

  gtk_widget_class_install_action (widget_class, "districts.sort", "i", sort_action);
}

static void
jd_districts_page_init (JdDistrictsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  build_columns (self);
  build_sort_menu (self);
  jd_column_sort_init (&self->menu_sort);

  self->store = g_list_store_new (JD_TYPE_DISTRICT_ROW);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  gtk_column_view_sort_by_column (self->column_view, self->columns[JD_DISTRICT_COLUMN_RECORDS],
                                  GTK_SORT_DESCENDING);
}
