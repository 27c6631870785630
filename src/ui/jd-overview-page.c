/* jd-overview-page.c: the figures of one year, compared with the year before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clamped, scrollable column of groups; each group is a heading and a flow
 * box of figure cards. Every number comes from jd_stats_overview() and is
 * formatted by jd-format: this page only lays them out.
 */

#define G_LOG_DOMAIN "jd-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-figure-card.h"
#include "jd-overview-page-private.h"
#include "jd-stats.h"

struct _JdOverviewPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkBox        *groups_box;

  /* Borrowed references: the cards live in the flow boxes */
  JdFigureCard  *cards[JD_FIGURE_N];

  int            year;
};

G_DEFINE_FINAL_TYPE (JdOverviewPage, jd_overview_page, ADW_TYPE_BIN)

typedef struct
{
  const char *title;
  JdFigure    figures[7];
  guint       n_figures;
} FigureGroup;

static const FigureGroup figure_groups[] = {
  { N_("Enforcement Agencies"),
    { JD_FIGURE_AGENCIES, JD_FIGURE_AGENCIES_DEPARTMENTS, JD_FIGURE_AGENCIES_TOWNS,
      JD_FIGURE_AGENCIES_TEAMS, JD_FIGURE_AGENCIES_OTHER }, 5 },
  { N_("Enforcement Officers"),
    { JD_FIGURE_OFFICERS_VALID, JD_FIGURE_OFFICERS_NEW, JD_FIGURE_OFFICERS_CANCELLED }, 3 },
  { N_("Enforcement Actions"),
    { JD_FIGURE_RECORDS, JD_FIGURE_LICENSING, JD_FIGURE_INSPECTIONS, JD_FIGURE_PENALTIES,
      JD_FIGURE_COERCION, JD_FIGURE_OTHER_ACTIONS }, 6 },
  { N_("Penalties, Fines and Confiscations"),
    { JD_FIGURE_PENALTIES_GENERAL, JD_FIGURE_PENALTIES_SIMPLE,
      JD_FIGURE_FINES, JD_FIGURE_CONFISCATIONS }, 4 },
};

static void
build_groups (JdOverviewPage *self)
{
  g_assert (JD_IS_OVERVIEW_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (figure_groups); i++)
    {
      const FigureGroup *group = &figure_groups[i];
      GtkWidget *heading;
      GtkWidget *flow_box;

      heading = gtk_label_new (_(group->title));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_add_css_class (heading, "figure-group-heading");
      gtk_box_append (self->groups_box, heading);

      flow_box = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow_box), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow_box), TRUE);
      gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow_box), 1);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow_box), 3);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow_box), 12);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow_box), 12);
      gtk_widget_add_css_class (flow_box, "figure-grid");
      gtk_accessible_update_property (GTK_ACCESSIBLE (flow_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(group->title),
                                      -1);
      gtk_box_append (self->groups_box, flow_box);

      for (guint j = 0; j < group->n_figures; j++)
        {
          JdFigure figure = group->figures[j];
          GtkWidget *card = jd_figure_card_new (figure);

          self->cards[figure] = JD_FIGURE_CARD (card);
          gtk_flow_box_append (GTK_FLOW_BOX (flow_box), card);
        }
    }
}

static void
jd_overview_page_dispose (GObject *object)
{
  JdOverviewPage *self = JD_OVERVIEW_PAGE (object);

  memset (self->cards, 0, sizeof self->cards);
  /* AdwBin would unparent its child again after the template did */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (jd_overview_page_parent_class)->dispose (object);
}

static void
jd_overview_page_class_init (JdOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_overview_page_dispose;

  g_type_ensure (JD_TYPE_FIGURE_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, groups_box);
}

static void
jd_overview_page_init (JdOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_groups (self);
}

GtkWidget *
jd_overview_page_new (void)
{
  return g_object_new (JD_TYPE_OVERVIEW_PAGE, NULL);
}

gboolean
jd_overview_page_load (JdOverviewPage  *self,
                       JdDb            *db,
                       int              year,
                       gboolean         compare,
                       GError         **error)
{
  JdOverview current = { 0 };
  JdOverview previous = { 0 };
  g_autofree char *district = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jd_stats_overview (db, 0, year, &current, error))
    return FALSE;
  if (compare && !jd_stats_overview (db, 0, year - 1, &previous, error))
    return FALSE;

  self->year = year;

  for (guint i = 0; i < JD_FIGURE_N; i++)
    {
      if (self->cards[i] == NULL)
        continue;
      jd_figure_card_set_values (self->cards[i], current.values[i],
                                 compare, previous.values[i], year - 1);
    }

  /* "Other agencies" is a catch-all: most districts have none to show */
  gtk_widget_set_visible (GTK_WIDGET (self->cards[JD_FIGURE_AGENCIES_OTHER]),
                          current.values[JD_FIGURE_AGENCIES_OTHER] != 0 ||
                          previous.values[JD_FIGURE_AGENCIES_OTHER] != 0);

  district = jd_db_dup_local_district_name (db);
  if (district == NULL)
    district = g_strdup (_("Your District"));

  /* Translators: the overview's title: the district's name and the year,
   * "Sample District, 2025"; reorder with %1$s and %2$d if needed */
  title = g_strdup_printf (_("%1$s, %2$d"), district, year);
  gtk_label_set_text (self->title_label, title);

  if (compare)
    /* Translators: under the overview's title; %d is the year before */
    subtitle = g_strdup_printf (_("Changes are against %d"), year - 1);
  else
    /* Translators: under the overview's title; %d is the year before */
    subtitle = g_strdup_printf (_("There are no records for %d to compare with"), year - 1);
  gtk_label_set_text (self->subtitle_label, subtitle);

  return TRUE;
}

int
jd_overview_page_get_year (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), 0);

  return self->year;
}

JdFigureCard *
_jd_overview_page_get_card (JdOverviewPage *self,
                            JdFigure        figure)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail ((int) figure >= 0 && figure < JD_FIGURE_N, NULL);

  return self->cards[figure];
}

const char *
_jd_overview_page_get_value_text (JdOverviewPage *self,
                                  JdFigure        figure)
{
  JdFigureCard *card = _jd_overview_page_get_card (self, figure);

  return card != NULL ? jd_figure_card_get_value_text (card) : NULL;
}

const char *
_jd_overview_page_get_change_text (JdOverviewPage *self,
                                   JdFigure        figure)
{
  JdFigureCard *card = _jd_overview_page_get_card (self, figure);

  return card != NULL ? jd_figure_card_get_change_text (card) : NULL;
}

const char *
_jd_overview_page_get_title (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);

  return gtk_label_get_text (self->title_label);
}
