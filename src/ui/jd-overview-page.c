/* jd-overview-page.c: the dashboard of the district, or of one agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clamped, scrollable column of groups; each group is a heading, a line
 * that says which denominators its rates use, and a flow box of figure
 * cards. Every number comes from jd_dashboard_compute() and is formatted by
 * jd-format: this page only lays them out. The district's dashboard ends
 * with the rankings; an agency's with its last five years and its officers.
 */

#define G_LOG_DOMAIN "jd-overview-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "jd-chart-view.h"
#include "jd-format.h"
#include "jd-officers.h"
#include "jd-overview-page-private.h"
#include "src/jd-chart-builder.h"

#define HISTORY_YEARS 5
/* Rows a ranking shows before a "Show all" row */
#define FOLDED_RANKING_ROWS 10

struct _JdOverviewPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkScrolledWindow  *scrolled_window;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  JdChartView        *trend_view;
  GtkBox             *groups_box;
  GtkBox             *rankings_box;
  GtkFlowBox         *rankings_flow_box;
  GtkBox             *agency_box;
  GtkGrid            *history_grid;
  GtkListBox         *officers_list;

  /* Borrowed references: the cards live in the flow boxes */
  JdFigureCard       *cards[JD_FIGURE_N];
  JdFigureCard       *rate_cards[JD_RATE_N];
  JdFigureCard       *leniency_cards[JD_LENIENCY_N];   /* [NONE]: referrals */
  GtkWidget          *agencies_heading;
  GtkWidget          *agencies_flow_box;
  GtkListBox         *rankings[JD_RANKING_N];
  GtkLabel           *ranking_titles[JD_RANKING_N];

  /* Owned references */
  GSettings          *settings;
  JdDb               *db;
  GPtrArray          *agencies;                 /* JdAgencyYear*, of the rankings */
  GPtrArray          *ranked[JD_RANKING_N];     /* borrowed from agencies */

  int                 year;
  gint64              agency_id;
  gboolean            compare;
};

G_DEFINE_FINAL_TYPE (JdOverviewPage, jd_overview_page, ADW_TYPE_BIN)

enum
{
  SIGNAL_AGENCY_ACTIVATED,
  SIGNAL_OFFICER_ACTIVATED,
  SIGNAL_OFFICER_CERTIFICATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  CARD_FIGURE,
  CARD_RATE,
  CARD_LENIENCY,
} CardKind;

typedef struct
{
  CardKind kind;
  int      which;
} CardSpec;

typedef struct
{
  const char *title;
  CardSpec    cards[8];
  guint       n_cards;
  gboolean    district_only;
  gboolean    has_rates;
} FigureGroup;

#define FIG(f) { CARD_FIGURE, f }
#define RATE(r) { CARD_RATE, r }
#define LEN(l) { CARD_LENIENCY, l }

static const FigureGroup figure_groups[] = {
  { N_("Enforcement Agencies"),
    { FIG (JD_FIGURE_AGENCIES), FIG (JD_FIGURE_AGENCIES_DEPARTMENTS), FIG (JD_FIGURE_AGENCIES_TOWNS),
      FIG (JD_FIGURE_AGENCIES_TEAMS), FIG (JD_FIGURE_AGENCIES_OTHER) }, 5, TRUE, FALSE },
  { N_("Enforcement Officers"),
    { FIG (JD_FIGURE_OFFICERS_VALID), FIG (JD_FIGURE_OFFICERS_NEW), FIG (JD_FIGURE_OFFICERS_CANCELLED),
      RATE (JD_RATE_CERTIFICATE), RATE (JD_RATE_PARTICIPATION), RATE (JD_RATE_RECORDS_PER_OFFICER) },
    6, FALSE, TRUE },
  { N_("Enforcement Actions"),
    { FIG (JD_FIGURE_RECORDS), FIG (JD_FIGURE_LICENSING), FIG (JD_FIGURE_INSPECTIONS),
      FIG (JD_FIGURE_PENALTIES), FIG (JD_FIGURE_COERCION), FIG (JD_FIGURE_OTHER_ACTIONS) },
    6, FALSE, FALSE },
  { N_("Penalties, Fines and Confiscations"),
    { FIG (JD_FIGURE_PENALTIES_GENERAL), FIG (JD_FIGURE_PENALTIES_SIMPLE),
      FIG (JD_FIGURE_FINES), FIG (JD_FIGURE_CONFISCATIONS) }, 4, FALSE, FALSE },
  { N_("Leniency and Referrals"),
    { LEN (JD_LENIENCY_NOT_PENALISED), LEN (JD_LENIENCY_FIRST_OFFENCE), LEN (JD_LENIENCY_LIGHTER),
      LEN (JD_LENIENCY_MITIGATED), LEN (JD_LENIENCY_NONE) }, 5, FALSE, FALSE },
  { N_("Three Systems"),
    { RATE (JD_RATE_PUBLICIZED), RATE (JD_RATE_RECORDED), RATE (JD_RATE_LEGAL_REVIEW) },
    3, FALSE, TRUE },
  { N_("Reconsideration and Litigation"),
    { RATE (JD_RATE_RECONSIDERATION_CORRECTION), RATE (JD_RATE_LITIGATION_LOSS),
      RATE (JD_RATE_HEAD_APPEARANCE) }, 3, FALSE, TRUE },
};

#undef FIG
#undef RATE
#undef LEN

/* Formatting ---------------------------------------------------------------- */

static char *
format_decimal (double value)
{
  gint64 tenths = (gint64) llround (fabs (value) * 10.0);
  g_autofree char *whole = jd_format_count (tenths / 10);

  return g_strdup_printf ("%s%s.%d", value < 0 && tenths != 0 ? "−" : "", whole, (int) (tenths % 10));
}

static char *
format_rate_value (JdRate         rate,
                   const JdRatio *ratio)
{
  if (!ratio->defined)
    return g_strdup ("—");

  return jd_rate_is_share (rate) ? jd_format_percent (ratio->value) : format_decimal (ratio->value);
}

static GtkWidget *
make_group_heading (const char *title)
{
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "figure-group-heading");

  return heading;
}

static GtkWidget *
make_flow_box (const char *accessible_label,
               guint       max_per_line)
{
  GtkWidget *flow_box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow_box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow_box), max_per_line);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_widget_add_css_class (flow_box, "figure-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return flow_box;
}

/* "Certificate-holding rate: valid certificates ÷ officers in service…" */
static char *
rates_description (const FigureGroup *group)
{
  GString *text = g_string_new (NULL);

  for (guint j = 0; j < group->n_cards; j++)
    {
      if (group->cards[j].kind != CARD_RATE)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a line under a group of rates that says what each is
       * computed from: "Litigation loss rate = lost ÷ lawsuits concluded" */
      g_string_append_printf (text, _("%s = %s"),
                              jd_rate_to_label (group->cards[j].which),
                              jd_rate_to_formula (group->cards[j].which));
    }

  return g_string_free (text, FALSE);
}

static void
build_groups (JdOverviewPage *self)
{
  g_assert (JD_IS_OVERVIEW_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (figure_groups); i++)
    {
      const FigureGroup *group = &figure_groups[i];
      GtkWidget *heading;
      GtkWidget *flow_box;

      heading = make_group_heading (_(group->title));
      gtk_box_append (self->groups_box, heading);

      if (group->has_rates)
        {
          g_autofree char *text = rates_description (group);
          GtkWidget *description = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (description), 0);
          gtk_label_set_wrap (GTK_LABEL (description), TRUE);
          gtk_widget_add_css_class (description, "dim-label");
          gtk_widget_add_css_class (description, "caption");
          gtk_widget_add_css_class (description, "figure-group-description");
          gtk_box_append (self->groups_box, description);
        }

      /* The four kinds of agencies fit one line */
      flow_box = make_flow_box (_(group->title), group->district_only ? 4 : 3);
      gtk_box_append (self->groups_box, flow_box);

      if (group->district_only)
        {
          self->agencies_heading = heading;
          self->agencies_flow_box = flow_box;
        }

      for (guint j = 0; j < group->n_cards; j++)
        {
          const CardSpec *spec = &group->cards[j];
          GtkWidget *card = NULL;

          switch (spec->kind)
            {
            case CARD_FIGURE:
              card = jd_figure_card_new (spec->which);
              self->cards[spec->which] = JD_FIGURE_CARD (card);
              break;

            case CARD_RATE:
              card = jd_figure_card_new_titled (jd_rate_to_label (spec->which));
              self->rate_cards[spec->which] = JD_FIGURE_CARD (card);
              break;

            case CARD_LENIENCY:
              card = jd_figure_card_new_titled (spec->which == JD_LENIENCY_NONE
                                                ? _("Referred to judicial organs")
                                                : jd_leniency_to_label (spec->which));
              self->leniency_cards[spec->which] = JD_FIGURE_CARD (card);
              break;

            default:
              g_assert_not_reached ();
            }

          gtk_flow_box_append (GTK_FLOW_BOX (flow_box), card);
        }
    }
}

static void fill_ranking (JdOverviewPage *self,
                          JdRankingList   which,
                          guint           limit);

static void
on_ranking_row_activated_cb (JdOverviewPage *self,
                             GtkListBoxRow  *row,
                             GtkListBox     *list_box)
{
  gint64 agency_id = _jd_overview_page_get_row_agency (row);
  gpointer show_all = g_object_get_data (G_OBJECT (row), "jd-show-all");

  if (show_all != NULL)
    {
      fill_ranking (self, GPOINTER_TO_INT (show_all) - 1, G_MAXUINT);
      return;
    }

  if (agency_id > 0)
    g_signal_emit (self, signals[SIGNAL_AGENCY_ACTIVATED], 0, agency_id);
}

static void
build_rankings (JdOverviewPage *self)
{
  g_assert (JD_IS_OVERVIEW_PAGE (self));

  for (guint i = 0; i < JD_RANKING_N; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (NULL);
      GtkWidget *list_box = gtk_list_box_new ();
      GtkWidget *child;

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list_box, "boxed-list");
      g_signal_connect_object (list_box, "row-activated",
                               G_CALLBACK (on_ranking_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), list_box);

      /* The lists take the focus, not the flow box children around them */
      child = gtk_flow_box_child_new ();
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_valign (child, GTK_ALIGN_START);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
      gtk_flow_box_append (self->rankings_flow_box, child);

      self->rankings[i] = GTK_LIST_BOX (list_box);
      self->ranking_titles[i] = GTK_LABEL (title);
    }
}

/* Loading ------------------------------------------------------------------- */

static void
set_rate_card (JdOverviewPage    *self,
               JdRate             rate,
               const JdDashboard *current,
               const JdDashboard *previous)
{
  const JdRatio *now = &current->rates[rate];
  const JdRatio *before = previous != NULL ? &previous->rates[rate] : NULL;
  gboolean share = jd_rate_is_share (rate);
  g_autofree char *value = format_rate_value (rate, now);
  g_autofree char *change = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *numerator = jd_format_count (now->numerator);
  g_autofree char *denominator = jd_format_count (now->denominator);
  int trend = 0;

  if (before != NULL && before->defined && now->defined)
    {
      double delta = share ? (now->value - before->value) * 100.0 : now->value - before->value;
      g_autofree char *amount = format_decimal (fabs (delta));
      const char *sign = delta > 0.05 ? "+" : delta < -0.05 ? "−" : "±";

      if (share)
        /* Translators: a change of a rate in percentage points, "+1.2 pp"; %s%s is the sign and the amount */
        change = g_strdup_printf (_("%s%s pp"), sign, amount);
      else
        change = g_strdup_printf ("%s%s", sign, amount);
      trend = delta > 0.05 ? 1 : delta < -0.05 ? -1 : 0;
      /* A higher correction or loss rate is bad news */
      if (rate == JD_RATE_RECONSIDERATION_CORRECTION || rate == JD_RATE_LITIGATION_LOSS)
        trend = -trend;
      /* Translators: the change of a rate as a screen reader says it: "+1.2 pp from 2024" */
      spoken = g_strdup_printf (_("%s from %d"), change, current->year - 1);
    }
  else if (before != NULL)
    {
      /* Translators: shown instead of a rate's change when either year has no denominator */
      change = g_strdup_printf (_("No rate for %d to compare with"), current->year - 1);
    }
  else
    change = g_strdup_printf (_("No data for %d"), current->year - 1);

  /* Translators: the raw numbers of a rate: "1,234 ÷ 1,400" */
  detail = g_strdup_printf (_("%s ÷ %s"), numerator, denominator);
  /* Translators: a rate card's tooltip: its name, its formula, and the raw
   * numbers ("Participation rate\nofficers with records ÷ valid certificates\n1,234 ÷ 1,400") */
  tooltip = g_strdup_printf (_("%s\n%s\n%s"), jd_rate_to_label (rate),
                             jd_rate_to_formula (rate), detail);

  jd_figure_card_set_texts (self->rate_cards[rate], value, change, trend, spoken, detail, tooltip);
}

static void
set_count_card (JdFigureCard *card,
                gint64        value,
                gboolean      compare,
                gint64        previous,
                int           year)
{
  g_autofree char *value_text = jd_format_count (value);
  g_autofree char *change = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *tooltip = NULL;

  if (compare)
    {
      g_autofree char *previous_text = jd_format_count (previous);

      change = jd_format_change (value, previous, FALSE);
      spoken = g_strdup_printf (_("%s from %d"), change, year - 1);
      tooltip = g_strdup_printf (_("%s: %s; %s in %d"), jd_figure_card_get_title (card),
                                 value_text, previous_text, year - 1);
    }
  else
    {
      change = g_strdup_printf (_("No data for %d"), year - 1);
      tooltip = g_strdup_printf ("%s: %s", jd_figure_card_get_title (card), value_text);
    }

  jd_figure_card_set_texts (card, value_text, change,
                            compare ? (value > previous) - (value < previous) : 0,
                            spoken, NULL, tooltip);
}

static void
show_cancelled_reasons (JdOverviewPage    *self,
                        const JdDashboard *current,
                        int                trend,
                        gboolean           compare)
{
  JdFigureCard *card = self->cards[JD_FIGURE_OFFICERS_CANCELLED];
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *spoken = NULL;

  if (compare)
    spoken = g_strdup_printf (_("%s from %d"), jd_figure_card_get_change_text (card), current->year - 1);

  for (guint i = JD_CANCEL_REASON_NONE + 1; i < JD_CANCEL_REASON_N; i++)
    {
      g_autofree char *count = NULL;

      if (current->cancelled_by_reason[i] == 0)
        continue;

      count = jd_format_count (current->cancelled_by_reason[i]);
      if (detail->len > 0)
        g_string_append (detail, " · ");
      /* Translators: one reason of the cancelled certificates and its count, "Retired 3" */
      g_string_append_printf (detail, _("%s %s"), jd_cancel_reason_to_label (i), count);
    }

  g_string_append (tooltip, gtk_widget_get_tooltip_text (GTK_WIDGET (card)));
  if (detail->len > 0)
    g_string_append_printf (tooltip, "\n%s", detail->str);

  /* Keep the value and change set_values gave it; add the reasons */
  jd_figure_card_set_texts (card,
                            jd_figure_card_get_value_text (card),
                            jd_figure_card_get_change_text (card),
                            trend, spoken, detail->str, tooltip->str);
}

static GtkWidget *
make_ranking_row (guint               rank,
                  const JdAgencyYear *agency,
                  const char         *figure)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *rank_text = g_strdup_printf ("%u", rank);
  GtkWidget *rank_label = gtk_label_new (rank_text);
  GtkWidget *figure_label = gtk_label_new (figure);
  g_autofree char *spoken = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), agency->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (rank_label, "numeric");
  gtk_widget_add_css_class (rank_label, "dim-label");
  gtk_widget_add_css_class (rank_label, "ranking-rank");
  gtk_label_set_width_chars (GTK_LABEL (rank_label), 2);
  gtk_label_set_xalign (GTK_LABEL (rank_label), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank_label);

  gtk_widget_add_css_class (figure_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), figure_label);

  /* Translators: a ranking row as a screen reader says it: rank, agency, figure ("1. 区市场监管局, 2,345") */
  spoken = g_strdup_printf (_("%u. %s, %s"), rank, agency->name, figure);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data (G_OBJECT (row), "jd-agency-id", GINT_TO_POINTER ((int) agency->id));

  return row;
}

static void
clear_list_box (GtkListBox *list_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

static void
fill_ranking (JdOverviewPage *self,
              JdRankingList   which,
              guint           limit)
{
  GtkListBox *list_box = self->rankings[which];
  GPtrArray *ranked = self->ranked[which];

  clear_list_box (list_box);

  for (guint i = 0; i < ranked->len && i < limit; i++)
    {
      const JdAgencyYear *agency = g_ptr_array_index (ranked, i);
      g_autofree char *figure = NULL;

      switch (which)
        {
        case JD_RANKING_DEPARTMENTS:
        case JD_RANKING_TOWNS:
          figure = jd_format_count (agency->records);
          break;

        case JD_RANKING_TOP_PER_OFFICER:
        case JD_RANKING_BOTTOM_PER_OFFICER:
          figure = format_decimal ((double) agency->records / (double) agency->officers_valid);
          break;

        case JD_RANKING_PENALTIES:
          figure = jd_format_count (agency->penalties);
          break;

        default:
          g_assert_not_reached ();
        }

      gtk_list_box_append (list_box, make_ranking_row (i + 1, agency, figure));
    }

  if (ranked->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No agency qualifies"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list_box, row);
    }
  else if (ranked->len > limit)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: the last row of a folded ranking; %u is how many agencies it lists in all */
      title = g_strdup_printf (_("Show All %u"), ranked->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("pan-down-symbolic"));
      g_object_set_data (G_OBJECT (row), "jd-show-all", GINT_TO_POINTER (which + 1));
      gtk_list_box_append (list_box, row);
    }
}

static void
set_ranking (JdOverviewPage *self,
             JdRankingList   which,
             const char     *title,
             GPtrArray      *ranked)
{
  g_clear_pointer (&self->ranked[which], g_ptr_array_unref);
  self->ranked[which] = ranked;
  gtk_label_set_text (self->ranking_titles[which], title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rankings[which]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  fill_ranking (self, which, FOLDED_RANKING_ROWS);
}

static gboolean
load_rankings (JdOverviewPage  *self,
               GError         **error)
{
  g_autoptr(GPtrArray) agencies = NULL;
  g_autofree char *department_threshold = NULL;
  g_autofree char *town_threshold = NULL;
  g_autofree char *title = NULL;
  JdRankingOptions options;

  g_assert (JD_IS_OVERVIEW_PAGE (self));

  jd_ranking_options_init (&options);
  options.department_threshold = g_settings_get_int (self->settings, "ranking-department-threshold");
  options.town_threshold = g_settings_get_int (self->settings, "ranking-town-threshold");
  options.top_n = g_settings_get_int (self->settings, "ranking-top-n");

  agencies = jd_dashboard_list_agencies (self->db, 0, self->year, error);
  if (agencies == NULL)
    return FALSE;

  /* The rankings borrow from the agencies: drop them first */
  for (guint i = 0; i < JD_RANKING_N; i++)
    g_clear_pointer (&self->ranked[i], g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  self->agencies = g_steal_pointer (&agencies);

  department_threshold = jd_format_count (options.department_threshold);
  town_threshold = jd_format_count (options.town_threshold);

  /* Translators: a ranking's heading; %s is the threshold, "1,000" */
  title = g_strdup_printf (_("Departments with More Than %s Records"), department_threshold);
  set_ranking (self, JD_RANKING_DEPARTMENTS, title,
               jd_rank_above_threshold (self->agencies, JD_AGENCY_KIND_DISTRICT_DEPARTMENT,
                                        options.department_threshold));
  g_free (title);
  /* Translators: a ranking's heading; %s is the threshold, "1,500" */
  title = g_strdup_printf (_("Streets and Towns with More Than %s Records"), town_threshold);
  set_ranking (self, JD_RANKING_TOWNS, title,
               jd_rank_above_threshold (self->agencies, JD_AGENCY_KIND_SUBDISTRICT_TOWN,
                                        options.town_threshold));
  g_free (title);
  /* Translators: a ranking's heading; %u is how many agencies it lists */
  title = g_strdup_printf (_("Most Records per Officer (Top %u)"), options.top_n);
  set_ranking (self, JD_RANKING_TOP_PER_OFFICER, title,
               jd_rank_records_per_officer (self->agencies, TRUE, options.top_n));
  g_free (title);
  /* Translators: a ranking's heading; %u is how many agencies it lists */
  title = g_strdup_printf (_("Fewest Records per Officer (Bottom %u)"), options.top_n);
  set_ranking (self, JD_RANKING_BOTTOM_PER_OFFICER, title,
               jd_rank_records_per_officer (self->agencies, FALSE, options.top_n));
  g_clear_pointer (&title, g_free);
  set_ranking (self, JD_RANKING_PENALTIES, _("Penalties by Agency"), jd_rank_penalties (self->agencies));

  return TRUE;
}

static void
on_ranking_setting_changed_cb (JdOverviewPage *self,
                               const char     *key,
                               GSettings      *settings)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || self->agency_id != 0)
    return;

  if (!load_rankings (self, &error))
    g_warning ("Cannot rank the agencies of %d: %s", self->year, error->message);
}

static void
add_history_cell (JdOverviewPage *self,
                  const char     *text,
                  int             column,
                  int             row,
                  gboolean        heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (column == 0)
    gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (self->history_grid, label, column, row, 1, 1);
}

static gboolean
load_history (JdOverviewPage  *self,
              GError         **error)
{
  static const JdFigure rows[] = {
    JD_FIGURE_RECORDS, JD_FIGURE_INSPECTIONS, JD_FIGURE_PENALTIES_GENERAL,
    JD_FIGURE_PENALTIES_SIMPLE, JD_FIGURE_FINES, JD_FIGURE_OFFICERS_VALID,
  };
  JdDashboard years[HISTORY_YEARS];
  GtkWidget *child;

  g_assert (JD_IS_OVERVIEW_PAGE (self));

  for (guint i = 0; i < HISTORY_YEARS; i++)
    {
      int year = self->year - (HISTORY_YEARS - 1) + (int) i;

      if (!jd_dashboard_compute (self->db, 0, self->agency_id, year, &years[i], error))
        return FALSE;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_grid))) != NULL)
    gtk_grid_remove (self->history_grid, child);

  add_history_cell (self, "", 0, 0, TRUE);
  for (guint i = 0; i < HISTORY_YEARS; i++)
    {
      g_autofree char *year = g_strdup_printf (C_("year selector", "%d"), years[i].year);

      add_history_cell (self, year, i + 1, 0, TRUE);
    }

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      add_history_cell (self, jd_figure_to_label (rows[r]), 0, r + 1, FALSE);

      for (guint i = 0; i < HISTORY_YEARS; i++)
        {
          gint64 value = years[i].overview.values[rows[r]];
          g_autofree char *text = jd_figure_is_money (rows[r]) ? jd_format_money (value)
                                                               : jd_format_count (value);

          add_history_cell (self, text, i + 1, r + 1, FALSE);
        }
    }

  return TRUE;
}

static char *
describe_certificate (const JdOfficerYear *officer)
{
  switch (officer->status)
    {
    case JD_CERT_STATUS_VALID:
      if (officer->expires_on != NULL)
        /* Translators: an officer's certificate state; %s is the expiry date */
        return g_strdup_printf (_("Valid until %s"), officer->expires_on);
      return g_strdup (jd_cert_status_to_label (officer->status));

    case JD_CERT_STATUS_SUSPENDED:
      return g_strdup (jd_cert_status_to_label (officer->status));

    case JD_CERT_STATUS_CANCELLED:
      if (officer->cancel_reason != JD_CANCEL_REASON_NONE)
        /* Translators: an officer's certificate state: "Cancelled (Retired)" */
        return g_strdup_printf (_("%s (%s)"), jd_cert_status_to_label (officer->status),
                                jd_cancel_reason_to_label (officer->cancel_reason));
      return g_strdup (jd_cert_status_to_label (officer->status));

    default:
      return g_strdup ("");
    }
}

static void
on_officer_certificate_clicked_cb (GtkButton      *button,
                                   JdOverviewPage *self)
{
  gint64 officer_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jd-officer-id"));

  g_signal_emit (self, signals[SIGNAL_OFFICER_CERTIFICATE], 0, officer_id);
}

static void
on_officer_row_activated_cb (GtkListBox     *list_box,
                             GtkListBoxRow  *row,
                             JdOverviewPage *self)
{
  gint64 officer_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jd-officer-id"));

  if (officer_id > 0)
    g_signal_emit (self, signals[SIGNAL_OFFICER_ACTIVATED], 0, officer_id);
}

static gboolean
load_officers (JdOverviewPage  *self,
               GError         **error)
{
  g_autoptr(GPtrArray) officers = NULL;

  g_assert (JD_IS_OVERVIEW_PAGE (self));

  officers = jd_officers_list_for_agency (self->db, self->agency_id, self->year, error);
  if (officers == NULL)
    return FALSE;

  clear_list_box (self->officers_list);

  for (guint i = 0; i < officers->len; i++)
    {
      const JdOfficerYear *officer = g_ptr_array_index (officers, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *state = describe_certificate (officer);
      g_autofree char *count = jd_format_count (officer->records);
      /* Translators: an officer's records in the year, "12 records" */
      g_autofree char *records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record", "%s records",
                                                               (gulong) officer->records), count);
      GtkWidget *records_label = gtk_label_new (records);
      g_autofree char *spoken = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), officer->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
      gtk_widget_add_css_class (records_label, "numeric");
      if (officer->records == 0)
        gtk_widget_add_css_class (records_label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), records_label);
      {
        GtkWidget *certificate = gtk_button_new_from_icon_name ("document-edit-symbolic");
        /* Translators: %s is an officer's name */
        g_autofree char *certificate_label = g_strdup_printf (_("Certificate of %s…"), officer->name);

        gtk_widget_set_valign (certificate, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (certificate, "flat");
        gtk_widget_set_tooltip_text (certificate, certificate_label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (certificate),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, certificate_label, -1);
        g_object_set_data (G_OBJECT (certificate), "jd-officer-id", GINT_TO_POINTER ((int) officer->id));
        g_signal_connect (certificate, "clicked", G_CALLBACK (on_officer_certificate_clicked_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), certificate);
      }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (officer->status != JD_CERT_STATUS_VALID)
        gtk_widget_add_css_class (row, "dim-label");

      /* Translators: an officer row as a screen reader says it: name, certificate, records */
      spoken = g_strdup_printf (_("%s, %s, %s"), officer->name, state, records);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      g_object_set_data (G_OBJECT (row), "jd-officer-id", GINT_TO_POINTER ((int) officer->id));
      gtk_list_box_append (self->officers_list, row);
    }

  if (officers->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No officers in this year"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->officers_list, row);
    }

  return TRUE;
}

/* The trend of the five years up to YEAR (as far as there are records), for
 * the district or one agency. */
static void
load_trend (JdOverviewPage *self,
            JdDb           *db,
            gint64          agency_id,
            int             year)
{
  g_autoptr(GArray) years = jd_db_list_years (db);
  g_autoptr(GError) error = NULL;
  JdChartScope scope = { .choice = JD_CHART_CHOICE_TREND, .year_from = year - 4, .year_to = year,
                         .agency_kind = -1, .agency_id = agency_id };
  JdChartData *data;

  if (years != NULL && years->len > 0)
    scope.year_from = MAX (scope.year_from, MIN (year, g_array_index (years, int, 0)));

  data = jd_chart_build (db, &scope, &error);
  if (data == NULL)
    g_warning ("Cannot draw the trend of %d: %s", year, error->message);
  jd_chart_view_take_data (self->trend_view, data);
}

static gboolean
load (JdOverviewPage  *self,
      JdDb            *db,
      gint64           agency_id,
      int              year,
      gboolean         compare,
      GError         **error)
{
  JdDashboard current;
  JdDashboard previous;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_assert (JD_IS_OVERVIEW_PAGE (self));

  if (!jd_dashboard_compute (db, 0, agency_id, year, &current, error))
    return FALSE;
  if (compare && !jd_dashboard_compute (db, 0, agency_id, year - 1, &previous, error))
    return FALSE;

  g_set_object (&self->db, db);
  self->year = year;
  self->agency_id = agency_id;
  self->compare = compare;

  load_trend (self, db, agency_id, year);

  for (guint i = 0; i < JD_FIGURE_N; i++)
    {
      if (self->cards[i] == NULL)
        continue;
      jd_figure_card_set_values (self->cards[i], current.overview.values[i],
                                 compare, previous.overview.values[i], year - 1);
    }
  {
    gint64 now = current.overview.values[JD_FIGURE_OFFICERS_CANCELLED];
    gint64 before = compare ? previous.overview.values[JD_FIGURE_OFFICERS_CANCELLED] : now;

    show_cancelled_reasons (self, &current, (now > before) - (now < before), compare);
  }

  for (guint i = 0; i < JD_RATE_N; i++)
    set_rate_card (self, i, &current, compare ? &previous : NULL);

  for (guint i = JD_LENIENCY_NOT_PENALISED; i < JD_LENIENCY_N; i++)
    set_count_card (self->leniency_cards[i], current.leniency[i],
                    compare, compare ? previous.leniency[i] : 0, year);
  set_count_card (self->leniency_cards[JD_LENIENCY_NONE], current.referrals,
                  compare, compare ? previous.referrals : 0, year);

  /* "Other agencies" is a catch-all: most districts have none to show */
  gtk_widget_set_visible (GTK_WIDGET (self->cards[JD_FIGURE_AGENCIES_OTHER]),
                          current.overview.values[JD_FIGURE_AGENCIES_OTHER] != 0 ||
                          (compare && previous.overview.values[JD_FIGURE_AGENCIES_OTHER] != 0));
  gtk_widget_set_visible (self->agencies_heading, agency_id == 0);
  gtk_widget_set_visible (self->agencies_flow_box, agency_id == 0);

  if (compare)
    /* Translators: under the overview's title; %d is the year before */
    subtitle = g_strdup_printf (_("Changes are against %d"), year - 1);
  else
    /* Translators: under the overview's title; %d is the year before */
    subtitle = g_strdup_printf (_("There are no records for %d to compare with"), year - 1);
  gtk_label_set_text (self->subtitle_label, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->rankings_box), agency_id == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->agency_box), agency_id != 0);

  if (agency_id == 0)
    {
      g_autofree char *district = jd_db_dup_local_district_name (db);

      if (district == NULL)
        district = g_strdup (_("Your District"));

      /* Translators: the overview's title: the district's name and the year,
       * "Sample District, 2025"; reorder with %1$s and %2$d if needed */
      title = g_strdup_printf (_("%1$s, %2$d"), district, year);
      gtk_label_set_text (self->title_label, title);

      return load_rankings (self, error);
    }

  if (!load_history (self, error) || !load_officers (self, error))
    return FALSE;

  return TRUE;
}

/* GObject ------------------------------------------------------------------- */

static void
jd_overview_page_dispose (GObject *object)
{
  JdOverviewPage *self = JD_OVERVIEW_PAGE (object);

  memset (self->cards, 0, sizeof self->cards);
  memset (self->rate_cards, 0, sizeof self->rate_cards);
  memset (self->leniency_cards, 0, sizeof self->leniency_cards);
  memset (self->rankings, 0, sizeof self->rankings);
  memset (self->ranking_titles, 0, sizeof self->ranking_titles);
  self->agencies_heading = NULL;
  self->agencies_flow_box = NULL;
  /* AdwBin would unparent its child again after the template did */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->db);
  for (guint i = 0; i < JD_RANKING_N; i++)
    g_clear_pointer (&self->ranked[i], g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_overview_page_parent_class)->dispose (object);
}

static void
jd_overview_page_finalize (GObject *object)
{
  JdOverviewPage *self = JD_OVERVIEW_PAGE (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_overview_page_parent_class)->finalize (object);
}

static void
jd_overview_page_class_init (JdOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_overview_page_dispose;
  object_class->finalize = jd_overview_page_finalize;

  /* An officer row of an agency dashboard was activated: the officer's id */
  signals[SIGNAL_OFFICER_ACTIVATED] =
    g_signal_new ("officer-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /* An officer row's Certificate button was clicked: the officer's id */
  signals[SIGNAL_OFFICER_CERTIFICATE] =
    g_signal_new ("officer-certificate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /* An agency was activated in a ranking: its id */
  signals[SIGNAL_AGENCY_ACTIVATED] =
    g_signal_new ("agency-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (JD_TYPE_FIGURE_CARD);
  g_type_ensure (JD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, trend_view);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, rankings_box);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, rankings_flow_box);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, agency_box);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, history_grid);
  gtk_widget_class_bind_template_child (widget_class, JdOverviewPage, officers_list);
}

static void
jd_overview_page_init (JdOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_ranking_setting_changed_cb), self,
                           G_CONNECT_SWAPPED);

  build_groups (self);
  build_rankings (self);

  g_signal_connect (self->officers_list, "row-activated",
                    G_CALLBACK (on_officer_row_activated_cb), self);
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
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load (self, db, 0, year, compare, error);
}

gboolean
jd_overview_page_load_agency (JdOverviewPage  *self,
                              JdDb            *db,
                              gint64           agency_id,
                              int              year,
                              gboolean         compare,
                              GError         **error)
{
  g_autoptr(GPtrArray) agencies = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (agency_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!load (self, db, agency_id, year, compare, error))
    return FALSE;

  agencies = jd_dashboard_list_agencies (db, 0, year, error);
  if (agencies == NULL)
    return FALSE;

  for (guint i = 0; i < agencies->len; i++)
    {
      const JdAgencyYear *agency = g_ptr_array_index (agencies, i);

      if (agency->id == agency_id)
        {
          /* Translators: an agency dashboard's title, "区市场监管局, 2025" */
          title = g_strdup_printf (_("%1$s, %2$d"), agency->name, year);
          break;
        }
    }

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  return TRUE;
}

int
jd_overview_page_get_year (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), 0);

  return self->year;
}

gint64
jd_overview_page_get_agency_id (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), 0);

  return self->agency_id;
}

gboolean
jd_overview_page_highlight_officer (JdOverviewPage *self,
                                    gint64          officer_id)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->officers_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          _jd_overview_page_get_row_officer (GTK_LIST_BOX_ROW (child)) == officer_id)
        {
          gtk_list_box_select_row (self->officers_list, GTK_LIST_BOX_ROW (child));
          gtk_widget_grab_focus (child);
          return TRUE;
        }
    }

  return FALSE;
}

JdFigureCard *
_jd_overview_page_get_card (JdOverviewPage *self,
                            JdFigure        figure)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail ((int) figure >= 0 && figure < JD_FIGURE_N, NULL);

  return self->cards[figure];
}

JdFigureCard *
_jd_overview_page_get_rate_card (JdOverviewPage *self,
                                 JdRate          rate)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail ((int) rate >= 0 && rate < JD_RATE_N, NULL);

  return self->rate_cards[rate];
}

JdFigureCard *
_jd_overview_page_get_leniency_card (JdOverviewPage *self,
                                     JdLeniency      leniency)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail ((int) leniency >= 0 && leniency < JD_LENIENCY_N, NULL);

  return self->leniency_cards[leniency];
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

JdChartView *
_jd_overview_page_get_trend_view (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);

  return self->trend_view;
}

const char *
_jd_overview_page_get_title (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);

  return gtk_label_get_text (self->title_label);
}

GtkListBox *
_jd_overview_page_get_ranking (JdOverviewPage *self,
                               JdRankingList   list)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail ((int) list >= 0 && list < JD_RANKING_N, NULL);

  return self->rankings[list];
}

gint64
_jd_overview_page_get_row_agency (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jd-agency-id"));
}

gint64
_jd_overview_page_get_row_officer (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jd-officer-id"));
}

GtkListBox *
_jd_overview_page_get_officers (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);

  return self->officers_list;
}

GtkGrid *
_jd_overview_page_get_history (JdOverviewPage *self)
{
  g_return_val_if_fail (JD_IS_OVERVIEW_PAGE (self), NULL);

  return self->history_grid;
}
