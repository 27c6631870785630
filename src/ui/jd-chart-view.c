/* jd-chart-view.c: a chart on screen, with hover, tooltips and keyboard focus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is cached and dropped when the data, the style or the size
 * change; snapshot only renders it, then outlines the hovered and the
 * focused mark. Arrow keys move the focused mark (left/right: category,
 * up/down: series); its figures become the tooltip and the accessible label.
 */

#define G_LOG_DOMAIN "jd-chart-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-chart-view.h"
#include "jd-format.h"

struct _JdChartView
{
  GtkWidget      parent_instance;

  JdChartData   *data;
  JdChartLayout *layout;
  double         layout_width;
  double         layout_height;

  JdChartTheme   theme;
  GdkRGBA        fg;

  int            hover_series;     /* -1: none */
  int            hover_category;
  int            focus_series;     /* -1: none */
  int            focus_category;

  char          *description;
};

G_DEFINE_FINAL_TYPE (JdChartView, jd_chart_view, GTK_TYPE_WIDGET)

static void
fill_style (JdChartView  *self,
            JdChartStyle *style)
{
  jd_chart_style_init (style, self->theme, NULL);
  style->fg = (JdRgba) { self->fg.red, self->fg.green, self->fg.blue, self->fg.alpha };
  style->grid = style->fg;
  style->grid.a = self->theme == JD_CHART_THEME_HIGH_CONTRAST ? 0.5 : 0.15;
  style->background = (JdRgba) { 0, 0, 0, 0 };   /* the window's background shows through */
  style->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  style->chinese_units = jd_format_uses_chinese_units ();
}

void
jd_chart_view_get_style (JdChartView  *self,
                         JdChartStyle *out)
{
  g_return_if_fail (JD_IS_CHART_VIEW (self));
  fill_style (self, out);
}

static void
invalidate (JdChartView *self)
{
  g_clear_pointer (&self->layout, jd_chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const JdChartLayout *
ensure_layout (JdChartView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  JdChartStyle style;

  if (self->data == NULL || width < 1 || height < 1)
    return NULL;
  if (self->layout != NULL && (self->layout_width != width || self->layout_height != height))
    g_clear_pointer (&self->layout, jd_chart_layout_free);
  if (self->layout == NULL)
    {
      fill_style (self, &style);
      self->layout = jd_chart_layout (self->data, &style, width, height);
      self->layout_width = width;
      self->layout_height = height;
    }
  return self->layout;
}

static void
update_theme (JdChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context;

  if (adw_style_manager_get_high_contrast (manager))
    self->theme = JD_CHART_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    self->theme = JD_CHART_THEME_DARK;
  else
    self->theme = JD_CHART_THEME_LIGHT;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &self->fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  invalidate (self);
}

static void
style_changed_cb (JdChartView *self)
{
  update_theme (self);
}

static char *
format_value (JdChartUnit unit,
              double      value)
{
  if (unit == JD_CHART_UNIT_MONEY_FEN)
    return jd_format_money ((gint64) llround (value));
  if (unit == JD_CHART_UNIT_PERCENT)
    return jd_format_percent (value);
  return jd_format_count ((gint64) llround (value));
}

static char *
mark_text (JdChartView *self,
           int          series,
           int          category)
{
  g_autofree char *value = format_value (JD_CHART_UNIT_COUNT,
                                         jd_chart_data_get_value (self->data, series, category));
  double x, y, w, h;
  g_autofree char *tooltip = NULL;

  /* The chart's own tooltip knows the unit: use it when the mark is drawn. */
  if (ensure_layout (self) != NULL &&
      jd_chart_layout_get_mark (self->layout, series, category, &x, &y, &w, &h))
    {
      JdChartHit hit = { -1, -1, 0, NULL };

      if (jd_chart_hit_test (self->layout, self->data, x + w / 2, y + h / 2, &hit) &&
          hit.series == series && hit.category == category)
        tooltip = g_strdup (hit.tooltip);
      jd_chart_hit_clear (&hit);
    }
  if (tooltip != NULL)
    return g_steal_pointer (&tooltip);

  return g_strdup_printf ("%s · %s · %s", jd_chart_data_get_series_name (self->data, series),
                          jd_chart_data_get_category (self->data, category), value);
}

static void
update_accessible (JdChartView *self)
{
  const char *title;
  g_autofree char *label = NULL;
  guint n_series, n_categories;

  g_clear_pointer (&self->description, g_free);
  if (self->data == NULL)
    {
      self->description = g_strdup (_("No chart"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                      -1);
      return;
    }

  title = jd_chart_data_get_title (self->data);
  n_series = jd_chart_data_get_n_series (self->data);
  n_categories = jd_chart_data_get_n_categories (self->data);

  if (n_series == 0 || n_categories == 0)
    self->description = g_strdup_printf ("%s. %s", title, _("No data"));
  else
    {
      /* The largest mark, which is what a reader looks for first */
      int best_s = 0, best_c = 0;
      g_autofree char *best = NULL;
      g_autofree char *names = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint s = 0; s < n_series; s++)
        {
          g_strv_builder_add (builder, jd_chart_data_get_series_name (self->data, s));
          for (guint c = 0; c < n_categories; c++)
            if (jd_chart_data_get_value (self->data, s, c) >
                jd_chart_data_get_value (self->data, best_s, best_c))
              best_s = s, best_c = c;
        }
      strv = g_strv_builder_end (builder);
      names = g_strjoinv (", ", strv);
      best = mark_text (self, best_s, best_c);
      self->description =
        /* Translators: a chart's accessible description: its title, the
         * series shown, the first and last category (years or names), and
         * its highest value ("Records · 2025 · 12,345") */
        g_strdup_printf (_("%1$s. Shows %2$s, from %3$s to %4$s. Highest: %5$s."),
                         title, names,
                         jd_chart_data_get_category (self->data, 0),
                         jd_chart_data_get_category (self->data, n_categories - 1),
                         best);
    }

  if (self->focus_series >= 0)
    {
      g_autofree char *mark = mark_text (self, self->focus_series, self->focus_category);

      label = g_strdup_printf ("%s: %s", title, mark);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
outline_mark (JdChartView *self,
              cairo_t     *cr,
              int          series,
              int          category,
              gboolean     focus)
{
  double x, y, w, h;

  if (series < 0 || self->layout == NULL ||
      !jd_chart_layout_get_mark (self->layout, series, category, &x, &y, &w, &h))
    return;

  /* Points and thin bars still get an outline one can see. */
  if (w < 8)
    x -= (8 - w) / 2, w = 8;
  if (h < 8)
    y -= (8 - h) / 2, h = 8;

  cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, focus ? 1.0 : 0.6);
  cairo_set_line_width (cr, focus ? 2.5 : 1.5);
  if (focus)
    {
      const double dash[] = { 4, 2 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    }
  cairo_rectangle (cr, x - 2, y - 2, w + 4, h + 4);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
jd_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JdChartView *self = JD_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  JdChartStyle style;
  cairo_t *cr;

  if (ensure_layout (self) == NULL)
    return;

  fill_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  jd_chart_render (self->layout, self->data, &style, cr);

  if (self->hover_series >= 0 &&
      (self->hover_series != self->focus_series || self->hover_category != self->focus_category))
    outline_mark (self, cr, self->hover_series, self->hover_category, FALSE);
  if (gtk_widget_has_focus (widget))
    outline_mark (self, cr, self->focus_series, self->focus_category, TRUE);
  cairo_destroy (cr);
}

static void
jd_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  JdChartView *self = JD_CHART_VIEW (widget);

  (void) baseline;
  if (self->layout != NULL && (self->layout_width != width || self->layout_height != height))
    g_clear_pointer (&self->layout, jd_chart_layout_free);
}

static void
jd_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  (void) widget;
  (void) for_size;
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
  *minimum_baseline = *natural_baseline = -1;
}

static void
jd_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (jd_chart_view_parent_class)->css_changed (widget, change);
  update_theme (JD_CHART_VIEW (widget));
}

static gboolean
hit (JdChartView *self,
     double       x,
     double       y,
     JdChartHit  *out)
{
  out->series = -1;
  out->category = -1;
  out->tooltip = NULL;
  if (ensure_layout (self) == NULL)
    return FALSE;
  return jd_chart_hit_test (self->layout, self->data, x, y, out) && out->series >= 0;
}

char *
jd_chart_view_dup_tooltip_at (JdChartView *self,
                              double       x,
                              double       y)
{
  JdChartHit result;
  char *text = NULL;

  g_return_val_if_fail (JD_IS_CHART_VIEW (self), NULL);
  if (hit (self, x, y, &result))
    text = g_steal_pointer (&result.tooltip);
  jd_chart_hit_clear (&result);
  return text;
}

gboolean
jd_chart_view_get_mark_center (JdChartView *self,
                               guint        series,
                               guint        category,
                               double      *x,
                               double      *y)
{
  double mx, my, mw, mh;

  g_return_val_if_fail (JD_IS_CHART_VIEW (self), FALSE);
  if (ensure_layout (self) == NULL ||
      !jd_chart_layout_get_mark (self->layout, series, category, &mx, &my, &mw, &mh))
    return FALSE;
  *x = mx + mw / 2;
  *y = my + mh / 2;
  return TRUE;
}

static gboolean
query_tooltip_cb (JdChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;

  if (self->data == NULL)
    return FALSE;
  if (keyboard_mode)
    {
      if (self->focus_series < 0)
        return FALSE;
      text = mark_text (self, self->focus_series, self->focus_category);
    }
  else
    text = jd_chart_view_dup_tooltip_at (self, x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hover (JdChartView *self,
           int          series,
           int          category)
{
  if (self->hover_series == series && self->hover_category == category)
    return;
  self->hover_series = series;
  self->hover_category = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JdChartView              *self)
{
  JdChartHit result;

  (void) controller;
  if (hit (self, x, y, &result))
    set_hover (self, result.series, result.category);
  else
    set_hover (self, -1, -1);
  jd_chart_hit_clear (&result);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          JdChartView              *self)
{
  (void) controller;
  set_hover (self, -1, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JdChartView           *self)
{
  int n_series, n_categories, series, category;

  (void) controller;
  (void) keycode;
  if (self->data == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  n_series = jd_chart_data_get_n_series (self->data);
  n_categories = jd_chart_data_get_n_categories (self->data);
  if (n_series == 0 || n_categories == 0)
    return GDK_EVENT_PROPAGATE;

  series = MAX (self->focus_series, 0);
  category = self->focus_series >= 0 ? self->focus_category : 0;
  /* Horizontal bars run down the page: up and down move between them. */
  if (jd_chart_data_get_kind (self->data) == JD_CHART_HBAR)
    {
      switch (keyval)
        {
        case GDK_KEY_Up: case GDK_KEY_KP_Up: keyval = GDK_KEY_Left; break;
        case GDK_KEY_Down: case GDK_KEY_KP_Down: keyval = GDK_KEY_Right; break;
        case GDK_KEY_Left: case GDK_KEY_KP_Left: keyval = GDK_KEY_Up; break;
        case GDK_KEY_Right: case GDK_KEY_KP_Right: keyval = GDK_KEY_Down; break;
        default: break;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      category = self->focus_series < 0 ? 0 : MAX (category - 1, 0);
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      category = self->focus_series < 0 ? 0 : MIN (category + 1, n_categories - 1);
      break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      series = self->focus_series < 0 ? 0 : MAX (series - 1, 0);
      break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      series = self->focus_series < 0 ? 0 : MIN (series + 1, n_series - 1);
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      category = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      category = n_categories - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  self->focus_series = series;
  self->focus_category = category;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return GDK_EVENT_STOP;
}

static void
focus_changed_cb (JdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jd_chart_view_take_data (JdChartView *self,
                         JdChartData *data)
{
  g_return_if_fail (JD_IS_CHART_VIEW (self));

  g_clear_pointer (&self->data, jd_chart_data_free);
  self->data = data;
  self->hover_series = self->focus_series = -1;
  self->hover_category = self->focus_category = -1;
  invalidate (self);
  update_accessible (self);
}

const JdChartData *
jd_chart_view_get_data (JdChartView *self)
{
  g_return_val_if_fail (JD_IS_CHART_VIEW (self), NULL);
  return self->data;
}

const char *
jd_chart_view_get_description (JdChartView *self)
{
  g_return_val_if_fail (JD_IS_CHART_VIEW (self), NULL);
  return self->description;
}

GtkWidget *
jd_chart_view_new (void)
{
  return g_object_new (JD_TYPE_CHART_VIEW, NULL);
}

static void
jd_chart_view_dispose (GObject *object)
{
  JdChartView *self = JD_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->layout, jd_chart_layout_free);
  g_clear_pointer (&self->data, jd_chart_data_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (jd_chart_view_parent_class)->dispose (object);
}

static void
jd_chart_view_class_init (JdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_chart_view_dispose;
  widget_class->snapshot = jd_chart_view_snapshot;
  widget_class->size_allocate = jd_chart_view_size_allocate;
  widget_class->measure = jd_chart_view_measure;
  widget_class->css_changed = jd_chart_view_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jd_chart_view_init (JdChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;

  self->hover_series = self->focus_series = -1;
  self->hover_category = self->focus_category = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);

  update_theme (self);
  update_accessible (self);
}
