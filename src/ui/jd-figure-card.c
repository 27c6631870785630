/* jd-figure-card.c: one figure of the overview, its value and its change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card is the flow box child itself, so it takes the keyboard focus once
 * and speaks one sentence: the figure, its value and its change.
 */

#define G_LOG_DOMAIN "jd-figure-card"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-figure-card.h"
#include "jd-format.h"

struct _JdFigureCard
{
  GtkFlowBoxChild  parent_instance;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkLabel        *value_label;
  GtkLabel        *change_label;
  GtkLabel        *detail_label;

  JdFigure         figure;
};

G_DEFINE_FINAL_TYPE (JdFigureCard, jd_figure_card, GTK_TYPE_FLOW_BOX_CHILD)

enum
{
  PROP_0,
  PROP_FIGURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const trend_classes[] = { "success", "error", "dim-label" };

static void
set_trend_class (JdFigureCard *self,
                 const char   *css_class)
{
  g_assert (JD_IS_FIGURE_CARD (self));

  for (guint i = 0; i < G_N_ELEMENTS (trend_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), trend_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), css_class);
}

static void
update_accessible_label (JdFigureCard *self,
                         const char   *change)
{
  g_autofree char *label = NULL;

  g_assert (JD_IS_FIGURE_CARD (self));

  /* Translators: what a screen reader says for a card of the overview: the
   * figure, its value, then its change ("Records: 60,123, +1,234 (+2.1%) from 2024") */
  label = g_strdup_printf (_("%s: %s, %s"),
                           gtk_label_get_text (self->title_label),
                           gtk_label_get_text (self->value_label),
                           change);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
jd_figure_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdFigureCard *self = JD_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      g_value_set_int (value, self->figure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_figure_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdFigureCard *self = JD_FIGURE_CARD (object);

  switch (prop_id)
    {
    case PROP_FIGURE:
      self->figure = g_value_get_int (value);
      gtk_label_set_text (self->title_label, jd_figure_to_label (self->figure));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_text (self->title_label),
                                      -1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_figure_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_FIGURE_CARD);

  G_OBJECT_CLASS (jd_figure_card_parent_class)->dispose (object);
}

static void
jd_figure_card_class_init (JdFigureCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_figure_card_dispose;
  object_class->get_property = jd_figure_card_get_property;
  object_class->set_property = jd_figure_card_set_property;

  properties[PROP_FIGURE] =
    g_param_spec_int ("figure", NULL, NULL,
                      0, JD_FIGURE_N - 1, JD_FIGURE_AGENCIES,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-figure-card.ui");
  gtk_widget_class_bind_template_child (widget_class, JdFigureCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdFigureCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, JdFigureCard, change_label);
  gtk_widget_class_bind_template_child (widget_class, JdFigureCard, detail_label);
}

static void
jd_figure_card_init (JdFigureCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jd_figure_card_new (JdFigure figure)
{
  g_return_val_if_fail ((int) figure >= 0 && figure < JD_FIGURE_N, NULL);

  return g_object_new (JD_TYPE_FIGURE_CARD,
                       "figure", figure,
                       NULL);
}

JdFigure
jd_figure_card_get_figure (JdFigureCard *self)
{
  g_return_val_if_fail (JD_IS_FIGURE_CARD (self), 0);

  return self->figure;
}

void
jd_figure_card_set_values (JdFigureCard *self,
                           gint64        value,
                           gboolean      has_previous,
                           gint64        previous,
                           int           previous_year)
{
  gboolean money;
  g_autofree char *value_text = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (JD_IS_FIGURE_CARD (self));

  money = jd_figure_is_money (self->figure);
  value_text = money ? jd_format_money (value) : jd_format_count (value);
  gtk_label_set_text (self->value_label, value_text);

  if (has_previous)
    {
      change_text = jd_format_change (value, previous, money);
      set_trend_class (self, value > previous ? "success" : value < previous ? "error" : "dim-label");
      /* Translators: tooltip of a figure's change; %d is the previous year */
      tooltip = g_strdup_printf (_("Change from %d"), previous_year);
    }
  else
    {
      /* Translators: shown instead of a change when the year before has no data */
      change_text = g_strdup_printf (_("No data for %d"), previous_year);
      set_trend_class (self, "dim-label");
    }

  gtk_label_set_text (self->change_label, change_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->change_label), tooltip);

  {
    g_autofree char *card_tooltip = NULL;

    if (has_previous)
      {
        g_autofree char *previous_text = money ? jd_format_money (previous) : jd_format_count (previous);

        /* Translators: a card's tooltip: the figure, its value, and the value
         * of the year before, "Records: 12,345; 11,002 in 2024" */
        card_tooltip = g_strdup_printf (_("%s: %s; %s in %d"),
                                        gtk_label_get_text (self->title_label),
                                        value_text, previous_text, previous_year);
      }
    else
      card_tooltip = g_strdup_printf ("%s: %s", gtk_label_get_text (self->title_label), value_text);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), card_tooltip);
  }

  if (has_previous)
    {
      /* Translators: the change of a figure as a screen reader says it:
       * "+1,234 (+2.1%) from 2024" */
      g_autofree char *spoken = g_strdup_printf (_("%s from %d"), change_text, previous_year);
      update_accessible_label (self, spoken);
    }
  else
    update_accessible_label (self, change_text);
}

GtkWidget *
jd_figure_card_new_titled (const char *title)
{
  JdFigureCard *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (JD_TYPE_FIGURE_CARD, NULL);
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return GTK_WIDGET (self);
}

void
jd_figure_card_set_texts (JdFigureCard *self,
                          const char   *value,
                          const char   *change,
                          int           trend,
                          const char   *spoken_change,
                          const char   *detail,
                          const char   *tooltip)
{
  g_return_if_fail (JD_IS_FIGURE_CARD (self));
  g_return_if_fail (value != NULL);
  g_return_if_fail (change != NULL);

  gtk_label_set_text (self->value_label, value);
  gtk_label_set_text (self->change_label, change);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->change_label), NULL);
  set_trend_class (self, trend > 0 ? "success" : trend < 0 ? "error" : "dim-label");

  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  update_accessible_label (self, spoken_change != NULL ? spoken_change : change);
}

const char *
jd_figure_card_get_title (JdFigureCard *self)
{
  g_return_val_if_fail (JD_IS_FIGURE_CARD (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
jd_figure_card_get_detail_text (JdFigureCard *self)
{
  g_return_val_if_fail (JD_IS_FIGURE_CARD (self), NULL);

  return gtk_label_get_text (self->detail_label);
}

const char *
jd_figure_card_get_value_text (JdFigureCard *self)
{
  g_return_val_if_fail (JD_IS_FIGURE_CARD (self), NULL);

  return gtk_label_get_text (self->value_label);
}

const char *
jd_figure_card_get_change_text (JdFigureCard *self)
{
  g_return_val_if_fail (JD_IS_FIGURE_CARD (self), NULL);

  return gtk_label_get_text (self->change_label);
}
