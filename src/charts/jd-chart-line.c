/* jd-chart-line.c: trends over years or months, several series, markers,
 * the last value labelled at the line's end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "jd-chart-private.h"

static int
last_point (const JdChartData *data,
            guint              series)
{
  for (guint c = data->categories->len; c-- > 0;)
    if (isfinite (jd_chart_data_value_clamped (data, series, c)))
      return (int) c;

  return -1;
}

/* The label at a line's end: its last value; in print, where colours are
 * greys, the series' name too, so a black-and-white copy reads directly. */
static char *
end_label (const JdChartData  *data,
           const JdChartStyle *style,
           guint               series,
           guint               category)
{
  g_autofree char *value = jd_chart_format_value (data, style->chinese_units,
                                                  jd_chart_data_value_clamped (data, series, category));

  if (style->hatching && data->series->len > 1)
    return g_strdup_printf ("%s %s", jd_chart_data_get_series_name (data, series), value);

  return g_steal_pointer (&value);
}

void
jd_chart_line_layout (JdChartLayout      *layout,
                      const JdChartData  *data,
                      const JdChartStyle *style,
                      double              top,
                      double              bottom)
{
  guint n_s = data->series->len;
  guint n_c = data->categories->len;
  double lh = layout->line_height;
  double gap = round (lh * 0.25);
  double min = 0, max = 0;
  double widest = 0;
  double slot;

  for (guint s = 0; s < n_s; s++)
    {
      int last = last_point (data, s);

      for (guint c = 0; c < n_c; c++)
        {
          double v = jd_chart_data_value_clamped (data, s, c);

          if (!isfinite (v))
            continue;
          min = MIN (min, jd_chart_display_value (data, v));
          max = MAX (max, jd_chart_display_value (data, v));
        }

      if (last >= 0)
        {
          g_autofree char *text = end_label (data, style, s, last);
          double w, h;
          PangoLayout *pl = jd_chart_text_new (layout, text, JD_CHART_FONT_SMALL, -1, &w, &h);

          g_object_unref (pl);
          widest = MAX (widest, w);
        }
    }

  jd_chart_frame_value_axis (layout, data, style, min, max, top, bottom, 0,
                             MIN (widest + 2 * gap, layout->width * 0.25), NULL);
  jd_chart_frame_category_labels (layout, data);

  slot = layout->pw / n_c;
  layout->marker = CLAMP (round (slot * 0.4), 4, round (lh * 0.5));

  for (guint s = 0; s < n_s; s++)
    for (guint c = 0; c < n_c; c++)
      {
        JdChartMark *m = jd_chart_layout_mark (layout, s, c);
        double v = jd_chart_data_value_clamped (data, s, c);
        double x, y;

        m->value = v;
        if (!isfinite (v))
          continue;

        x = layout->px + (c + 0.5) * slot;
        y = jd_chart_value_pos (layout, jd_chart_display_value (data, v));
        m->drawn = TRUE;
        m->x = x - layout->marker / 2;
        m->y = y - layout->marker / 2;
        m->w = layout->marker;
        m->h = layout->marker;
      }

  /* the last value of each series beside its last point, when it fits */
  static const double nudges[] = { 0, -0.55, 0.55, -1.0, 1.0 };

  for (guint s = 0; s < n_s; s++)
    {
      int last = last_point (data, s);
      const JdChartMark *m;
      g_autofree char *text = NULL;
      PangoLayout *pl;
      double w, h;

      if (last < 0)
        continue;
      m = jd_chart_layout_mark (layout, s, last);
      text = end_label (data, style, s, last);
      pl = jd_chart_text_new (layout, text, JD_CHART_FONT_SMALL, -1, &w, &h);
      /* beside the point, or nudged up or down when another end's label
       * is there */
      for (guint i = 0; i < G_N_ELEMENTS (nudges); i++)
        {
          double x = m->x + m->w + gap;
          double y = m->y + m->h / 2 - h / 2 + nudges[i] * h;

          if (jd_chart_box_free (layout, x, y, w, h))
            {
              jd_chart_text_place (layout, g_steal_pointer (&pl), x, y, w, h, 0.85);
              break;
            }
        }
      g_clear_object (&pl);
    }
}

static const double dashes[][4] = {
  { 0 }, { 7, 3 }, { 2, 2 }, { 8, 3, 2, 3 },
};
static const int n_dashes[] = { 0, 2, 2, 4 };

/* A legend key for series S in the box: a stretch of its line (with its
 * dash in print) through a marker. */
void
jd_chart_line_key (const JdChartLayout *layout,
                   const JdChartStyle  *style,
                   cairo_t             *cr,
                   guint                series,
                   double               x,
                   double               y,
                   double               w,
                   double               h)
{
  guint d = style->hatching ? series % 4 : 0;

  cairo_save (cr);
  jd_chart_set_source (cr, jd_chart_style_get_series_color (style, series), 1);
  cairo_set_line_width (cr, MAX (2.0, layout->line_height * 0.12));
  cairo_set_dash (cr, dashes[d], n_dashes[d], 0);
  cairo_move_to (cr, x - w * 0.4, y + h / 2);
  cairo_line_to (cr, x + w * 1.4, y + h / 2);
  cairo_stroke (cr);
  cairo_arc (cr, x + w / 2, y + h / 2, h / 3, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
jd_chart_line_render (const JdChartLayout *layout,
                      const JdChartData   *data,
                      const JdChartStyle  *style,
                      cairo_t             *cr)
{
  /* print: the series also differ by dash */
  double width = MAX (2.0, layout->line_height * 0.12);

  (void) data;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width);

  for (guint s = 0; s < layout->n_series; s++)
    {
      const JdRgba *colour = jd_chart_style_get_series_color (style, s);
      gboolean pen_down = FALSE;
      guint d = style->hatching ? s % 4 : 0;

      cairo_set_dash (cr, dashes[d], n_dashes[d], 0);
      for (guint c = 0; c < layout->n_categories; c++)
        {
          const JdChartMark *m = &layout->marks[s * layout->n_categories + c];

          /* an absent value breaks the line */
          if (!m->drawn)
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, m->x + m->w / 2, m->y + m->h / 2);
          else
            cairo_move_to (cr, m->x + m->w / 2, m->y + m->h / 2);
          pen_down = TRUE;
        }
      jd_chart_set_source (cr, colour, 1);
      cairo_stroke (cr);

      cairo_set_dash (cr, NULL, 0, 0);
      for (guint c = 0; c < layout->n_categories; c++)
        {
          const JdChartMark *m = &layout->marks[s * layout->n_categories + c];

          if (!m->drawn)
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, m->x + m->w / 2, m->y + m->h / 2, m->w / 2, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }

  cairo_restore (cr);
}
