/* jd-agencies-page.c: every agency of the year, and one agency's dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListStore of JdAgencyRowItem, filtered by name, kind and domain, sorted
 * by the column view's sorter. Activating a row pushes the agency's
 * dashboard (a JdOverviewPage in agency mode) onto the page's stack; the
 * back button or Alt+Left returns to the list.
 */

#define G_LOG_DOMAIN "jd-agencies-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-agencies-page-private.h"
#include "jd-agency-editor.h"
#include "jd-agency-row-item.h"
#include "jd-certificate-event-dialog.h"
#include "jd-column-sort.h"
#include "jd-officer-editor.h"
#include "jd-supervision-figures-dialog.h"
#include "jd-dashboard.h"
#include "jd-format.h"

struct _JdAgenciesPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *domain_dropdown;
  GtkColumnView       *column_view;
  GtkButton           *back_button;
  GtkMenuButton       *sort_button;
  JdOverviewPage      *agency_page;

  /* Owned references */
  GListStore          *store;
  GtkFilter           *filter;
  GtkSortListModel    *sorted;
  JdDb                *db;
  char                *search_key;   /* casefolded */

  /* Borrowed: the column view owns its columns */
  GtkColumnViewColumn *columns[JD_AGENCY_COLUMN_N];

  int                  year;
  gboolean             compare;
  gint64               agency_id;    /* the dashboard on show, or 0 */
  JdColumnSort         menu_sort;
};

G_DEFINE_FINAL_TYPE (JdAgenciesPage, jd_agencies_page, ADW_TYPE_BIN)

enum {
  SIGNAL_REGISTRY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *title;
  gboolean    numeric;
  gboolean    expand;
} ColumnSpec;

static const ColumnSpec column_specs[JD_AGENCY_COLUMN_N] = {
  [JD_AGENCY_COLUMN_NAME]        = { N_("Name"), FALSE, TRUE },
  [JD_AGENCY_COLUMN_KIND]        = { N_("Kind"), FALSE, FALSE },
  [JD_AGENCY_COLUMN_DOMAIN]      = { N_("Domain"), FALSE, FALSE },
  [JD_AGENCY_COLUMN_OFFICERS]    = { N_("Officers"), TRUE, FALSE },
  [JD_AGENCY_COLUMN_RECORDS]     = { N_("Records"), TRUE, FALSE },
  [JD_AGENCY_COLUMN_INSPECTIONS] = { N_("Inspections"), TRUE, FALSE },
  [JD_AGENCY_COLUMN_PENALTIES]   = { N_("Penalties"), TRUE, FALSE },
  [JD_AGENCY_COLUMN_CHANGE]      = { N_("Change in Records"), TRUE, FALSE },
};

/* Cells ----------------------------------------------------------------------- */

static char *
cell_text (const JdAgencyYear *row,
           JdAgencyColumn      column)
{
  switch (column)
    {
    case JD_AGENCY_COLUMN_NAME:
      return g_strdup (row->name);
    case JD_AGENCY_COLUMN_KIND:
      return g_strdup (jd_agency_kind_to_label (row->kind));
    case JD_AGENCY_COLUMN_DOMAIN:
      return g_strdup (row->domain_name != NULL ? row->domain_name : "—");
    case JD_AGENCY_COLUMN_OFFICERS:
      return jd_format_count (row->officers_valid);
    case JD_AGENCY_COLUMN_RECORDS:
      return jd_format_count (row->records);
    case JD_AGENCY_COLUMN_INSPECTIONS:
      return jd_format_count (row->inspections);
    case JD_AGENCY_COLUMN_PENALTIES:
      return jd_format_count (row->penalties);
    case JD_AGENCY_COLUMN_CHANGE:
      return jd_format_change (row->records, row->records_previous, FALSE);
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  JdAgencyColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), column == JD_AGENCY_COLUMN_NAME
                                              ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), column_specs[column].numeric ? 1 : 0);
  if (column_specs[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (column == JD_AGENCY_COLUMN_KIND || column == JD_AGENCY_COLUMN_DOMAIN)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  JdAgencyColumn column = GPOINTER_TO_INT (user_data);
  JdAgencyRowItem *item = gtk_list_item_get_item (list_item);
  const JdAgencyYear *row = jd_agency_row_item_get_row (item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text);

  if (column == JD_AGENCY_COLUMN_CHANGE)
    {
      gint64 change = row->records - row->records_previous;

      gtk_widget_remove_css_class (label, "success");
      gtk_widget_remove_css_class (label, "error");
      if (change != 0)
        gtk_widget_add_css_class (label, change > 0 ? "success" : "error");
    }
}

/* Sorting and filtering ------------------------------------------------------- */

static gint64
numeric_key (const JdAgencyYear *row,
             JdAgencyColumn      column)
{
  switch (column)
    {
    case JD_AGENCY_COLUMN_OFFICERS:
      return row->officers_valid;
    case JD_AGENCY_COLUMN_RECORDS:
      return row->records;
    case JD_AGENCY_COLUMN_INSPECTIONS:
      return row->inspections;
    case JD_AGENCY_COLUMN_PENALTIES:
      return row->penalties;
    case JD_AGENCY_COLUMN_CHANGE:
      return row->records - row->records_previous;
    case JD_AGENCY_COLUMN_KIND:
      return row->kind;
    case JD_AGENCY_COLUMN_NAME:
    case JD_AGENCY_COLUMN_DOMAIN:
    default:
      return 0;
    }
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  JdAgencyColumn column = GPOINTER_TO_INT (user_data);
  const JdAgencyYear *x = jd_agency_row_item_get_row ((JdAgencyRowItem *) a);
  const JdAgencyYear *y = jd_agency_row_item_get_row ((JdAgencyRowItem *) b);
  int result;

  switch (column)
    {
    case JD_AGENCY_COLUMN_NAME:
      result = g_utf8_collate (x->name, y->name);
      break;

    case JD_AGENCY_COLUMN_DOMAIN:
      result = g_utf8_collate (x->domain_name != NULL ? x->domain_name : "",
                               y->domain_name != NULL ? y->domain_name : "");
      break;

    case JD_AGENCY_COLUMN_KIND:
    case JD_AGENCY_COLUMN_OFFICERS:
    case JD_AGENCY_COLUMN_RECORDS:
    case JD_AGENCY_COLUMN_INSPECTIONS:
    case JD_AGENCY_COLUMN_PENALTIES:
    case JD_AGENCY_COLUMN_CHANGE:
    default:
      {
        gint64 p = numeric_key (x, column);
        gint64 q = numeric_key (y, column);

        result = (p > q) - (p < q);
      }
      break;
    }

  /* Ties keep the order of the names */
  if (result == 0 && column != JD_AGENCY_COLUMN_NAME)
    result = g_utf8_collate (x->name, y->name);

  return result;
}

static const char *
selected_domain (JdAgenciesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->domain_dropdown);
  GListModel *model = gtk_drop_down_get_model (self->domain_dropdown);

  if (model == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (user_data);
  const JdAgencyYear *row = jd_agency_row_item_get_row (item);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  const char *domain = selected_domain (self);

  if (kind != 0 && kind != GTK_INVALID_LIST_POSITION && row->kind != (JdAgencyKind) (kind - 1))
    return FALSE;

  if (domain != NULL && g_strcmp0 (row->domain_name, domain) != 0)
    return FALSE;

  if (self->search_key != NULL && *self->search_key != '\0')
    {
      g_autofree char *name = g_utf8_casefold (row->name, -1);

      if (strstr (name, self->search_key) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
on_filter_changed_cb (JdAgenciesPage *self)
{
  const char *text;

  g_assert (JD_IS_AGENCIES_PAGE (self));

  if (self->filter == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_clear_pointer (&self->search_key, g_free);
  self->search_key = g_utf8_casefold (g_strstrip (g_strdup (text)) , -1);

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Editing the registry ------------------------------------------------------- */

static GtkWindow *
parent_window (JdAgenciesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_registry_saved_cb (GtkWidget      *dialog,
                      gint64          id,
                      JdAgenciesPage *self)
{
  g_signal_emit (self, signals[SIGNAL_REGISTRY_CHANGED], 0);
}

static void
on_agency_deleted_cb (GtkWidget      *dialog,
                      gint64          id,
                      JdAgenciesPage *self)
{
  if (self->agency_id == id)
    jd_agencies_page_show_list (self);
  g_signal_emit (self, signals[SIGNAL_REGISTRY_CHANGED], 0);
}

static void
present_editor (JdAgenciesPage *self,
                gpointer        dialog,
                GCallback       deleted_cb)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_registry_saved_cb), self, 0);
  if (deleted_cb != NULL)
    g_signal_connect_object (dialog, "deleted", deleted_cb, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_agency_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (widget);

  if (self->db != NULL)
    present_editor (self, jd_agency_editor_new (self->db, 0, parent_window (self)), NULL);
}

static void
edit_agency_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (widget);

  if (self->db != NULL && self->agency_id > 0)
    present_editor (self, jd_agency_editor_new (self->db, self->agency_id, parent_window (self)),
                    G_CALLBACK (on_agency_deleted_cb));
}

static void
add_officer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (widget);

  if (self->db != NULL)
    present_editor (self, jd_officer_editor_new (self->db, 0, self->agency_id, parent_window (self)),
                    G_CALLBACK (on_registry_saved_cb));
}

static void
supervision_figures_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (widget);

  if (self->db != NULL && self->agency_id > 0)
    present_editor (self, jd_supervision_figures_dialog_new (self->db, self->agency_id, self->year,
                                                             parent_window (self)),
                    NULL);
}

static void
on_officer_activated_cb (JdAgenciesPage *self,
                         gint64          officer_id,
                         JdOverviewPage *page)
{
  if (self->db != NULL)
    present_editor (self, jd_officer_editor_new (self->db, officer_id, self->agency_id,
                                                 parent_window (self)),
                    G_CALLBACK (on_registry_saved_cb));
}

static void
on_officer_certificate_cb (JdAgenciesPage *self,
                           gint64          officer_id,
                           JdOverviewPage *page)
{
  if (self->db != NULL)
    present_editor (self, jd_certificate_event_dialog_new (self->db, officer_id, parent_window (self)),
                    NULL);
}

/* Navigation ------------------------------------------------------------------ */

static void
on_column_view_activate_cb (JdAgenciesPage *self,
                            guint           position,
                            GtkColumnView  *column_view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_autoptr(JdAgencyRowItem) item = g_list_model_get_item (model, position);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;

  if (!jd_agencies_page_open_agency (self, jd_agency_row_item_get_row (item)->id, 0, &error))
    g_warning ("Cannot show the agency: %s", error->message);
}

static void
on_back_clicked_cb (JdAgenciesPage *self)
{
  jd_agencies_page_show_list (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  jd_agencies_page_show_list (JD_AGENCIES_PAGE (widget));
}

/* The sort menu: what the column headers do, for the keyboard. Sorting by
 * the same column again reverses the order. */
static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (widget);
  int column = g_variant_get_int32 (parameter);

  if (column < 0 || column >= JD_AGENCY_COLUMN_N)
    return;

  jd_column_sort_apply (&self->menu_sort, self->column_view, self->columns[column], column,
                        column_specs[column].numeric);
}

static void
build_sort_menu (JdAgenciesPage *self)
{
  const char *titles[JD_AGENCY_COLUMN_N];
  g_autoptr(GMenuModel) menu = NULL;

  for (guint i = 0; i < JD_AGENCY_COLUMN_N; i++)
    titles[i] = _(column_specs[i].title);
  menu = jd_column_sort_menu_new ("agencies.sort", titles, JD_AGENCY_COLUMN_N);
  gtk_menu_button_set_menu_model (self->sort_button, menu);
}

static void
build_columns (JdAgenciesPage *self)
{
  for (guint i = 0; i < JD_AGENCY_COLUMN_N; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(column_specs[i].title), g_object_ref (factory));
      gtk_column_view_column_set_expand (column, column_specs[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
    }
}

static int
compare_names_cb (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_filters (JdAgenciesPage *self,
              GPtrArray      *agencies)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) domains = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *previous = g_strdup (selected_domain (self));
  guint selected = 0;

  if (gtk_drop_down_get_model (self->kind_dropdown) == NULL)
    {
      kinds = gtk_string_list_new (NULL);
      gtk_string_list_append (kinds, _("All Kinds"));
      for (guint i = 0; i < JD_AGENCY_KIND_N; i++)
        gtk_string_list_append (kinds, jd_agency_kind_to_label (i));
      gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
    }

  for (guint i = 0; i < agencies->len; i++)
    {
      const JdAgencyYear *row = g_ptr_array_index (agencies, i);
      gboolean seen = FALSE;

      if (row->domain_name == NULL)
        continue;
      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (names->pdata[j], row->domain_name);
      if (!seen)
        g_ptr_array_add (names, row->domain_name);
    }
  g_ptr_array_sort (names, compare_names_cb);

  domains = gtk_string_list_new (NULL);
  gtk_string_list_append (domains, _("All Domains"));
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (domains, names->pdata[i]);
      if (g_strcmp0 (previous, names->pdata[i]) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->domain_dropdown, G_LIST_MODEL (domains));
  gtk_drop_down_set_selected (self->domain_dropdown, selected);
}

/* GObject --------------------------------------------------------------------- */

static void
jd_agencies_page_dispose (GObject *object)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (object);

  memset (self->columns, 0, sizeof self->columns);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_AGENCIES_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (jd_agencies_page_parent_class)->dispose (object);
}

static void
jd_agencies_page_finalize (GObject *object)
{
  JdAgenciesPage *self = JD_AGENCIES_PAGE (object);

  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (jd_agencies_page_parent_class)->finalize (object);
}

static void
jd_agencies_page_class_init (JdAgenciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_agencies_page_dispose;
  object_class->finalize = jd_agencies_page_finalize;

  g_type_ensure (JD_TYPE_OVERVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-agencies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, domain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, JdAgenciesPage, agency_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  /* The registry changed through one of the page's dialogs */
  signals[SIGNAL_REGISTRY_CHANGED] =
    g_signal_new ("registry-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_bind_template_callback (widget_class, on_officer_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_officer_certificate_cb);

  gtk_widget_class_install_action (widget_class, "agencies.add-agency", NULL, add_agency_action);
  gtk_widget_class_install_action (widget_class, "agencies.edit-agency", NULL, edit_agency_action);
  gtk_widget_class_install_action (widget_class, "agencies.add-officer", NULL, add_officer_action);
  gtk_widget_class_install_action (widget_class, "agencies.supervision-figures", NULL,
                                   supervision_figures_action);
  gtk_widget_class_install_action (widget_class, "agencies.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "agencies.sort", "i", sort_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "agencies.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "agencies.back", NULL);
}

static void
jd_agencies_page_init (JdAgenciesPage *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  build_columns (self);
  build_sort_menu (self);
  jd_column_sort_init (&self->menu_sort);

  self->store = g_list_store_new (JD_TYPE_AGENCY_ROW_ITEM);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row_cb, self, NULL));
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                        g_object_ref (self->filter));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  gtk_column_view_sort_by_column (self->column_view, self->columns[JD_AGENCY_COLUMN_NAME],
                                  GTK_SORT_ASCENDING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.edit-agency", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.supervision-figures", FALSE);
}

GtkWidget *
jd_agencies_page_new (void)
{
  return g_object_new (JD_TYPE_AGENCIES_PAGE, NULL);
}

gboolean
jd_agencies_page_load (JdAgenciesPage  *self,
                       JdDb            *db,
                       int              year,
                       gboolean         compare,
                       GError         **error)
{
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  agencies = jd_dashboard_list_agencies (db, 0, year, error);
  if (agencies == NULL)
    return FALSE;

  if (self->db != db)
    self->agency_id = 0;
  g_set_object (&self->db, db);
  self->year = year;
  self->compare = compare;

  fill_filters (self, agencies);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < agencies->len; i++)
    g_ptr_array_add (items, jd_agency_row_item_new (g_ptr_array_index (agencies, i)));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  /* The agency on show follows the year */
  if (self->agency_id != 0)
    return jd_overview_page_load_agency (self->agency_page, db, self->agency_id, year, compare, error);

  jd_agencies_page_show_list (self);

  return TRUE;
}

gboolean
jd_agencies_page_open_agency (JdAgenciesPage  *self,
                              gint64           agency_id,
                              gint64           officer_id,
                              GError         **error)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), FALSE);
  g_return_val_if_fail (agency_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->db == NULL)
    return TRUE;

  if (!jd_overview_page_load_agency (self->agency_page, self->db, agency_id,
                                     self->year, self->compare, error))
    return FALSE;

  self->agency_id = agency_id;
  gtk_stack_set_visible_child_name (self->stack, "agency");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.back", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.edit-agency", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.supervision-figures", TRUE);

  if (officer_id == 0 || !jd_overview_page_highlight_officer (self->agency_page, officer_id))
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));

  return TRUE;
}

void
jd_agencies_page_show_list (JdAgenciesPage *self)
{
  g_return_if_fail (JD_IS_AGENCIES_PAGE (self));

  self->agency_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.edit-agency", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agencies.supervision-figures", FALSE);
}

void
jd_agencies_page_focus_search (JdAgenciesPage *self)
{
  g_return_if_fail (JD_IS_AGENCIES_PAGE (self));

  jd_agencies_page_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char *
_jd_agencies_page_get_visible_child (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkColumnView *
_jd_agencies_page_get_column_view (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return self->column_view;
}

GtkColumnViewColumn *
_jd_agencies_page_get_column (JdAgenciesPage *self,
                              JdAgencyColumn  column)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);
  g_return_val_if_fail ((int) column >= 0 && column < JD_AGENCY_COLUMN_N, NULL);

  return self->columns[column];
}

GListModel *
_jd_agencies_page_get_rows (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

GtkEditable *
_jd_agencies_page_get_search_entry (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
_jd_agencies_page_get_kind_dropdown (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return self->kind_dropdown;
}

GtkDropDown *
_jd_agencies_page_get_domain_dropdown (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return self->domain_dropdown;
}

JdOverviewPage *
_jd_agencies_page_get_agency_page (JdAgenciesPage *self)
{
  g_return_val_if_fail (JD_IS_AGENCIES_PAGE (self), NULL);

  return self->agency_page;
}
