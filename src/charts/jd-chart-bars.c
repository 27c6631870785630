/* jd-chart-bars.c: vertical bars, horizontal bars (rankings), stacked bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "jd-chart-private.h"

static double
snap_edge (const JdChartLayout *layout,
           double               v)
{
  return round (v * layout->device_scale) / layout->device_scale;
}

/* Where a mark runs along the value axis: [a, b) with a < b, in pixels */
static void
value_span (const JdChartLayout *layout,
            double               from,
            double               to,
            double              *a,
            double              *b)
{
  double p = snap_edge (layout, jd_chart_value_pos (layout, from));
  double q = snap_edge (layout, jd_chart_value_pos (layout, to));

  *a = MIN (p, q);
  *b = MAX (p, q);
}

/* A category column for horizontal bars: as wide as the longest name, at
 * most 35% of the width or 16 em; longer names are shortened with "…". */
static double
category_column (JdChartLayout     *layout,
                 const JdChartData *data)
{
  double max_w = 0;
  double limit = MIN (layout->width * 0.35, layout->line_height * 16);

  for (guint c = 0; c < data->categories->len; c++)
    {
      double w, h;
      PangoLayout *pl = jd_chart_text_new (layout, jd_chart_data_get_category (data, c),
                                           JD_CHART_FONT_SMALL, limit, &w, &h);

      g_object_unref (pl);
      max_w = MAX (max_w, w);
      if (max_w >= limit)
        break;
    }

  return max_w + round (layout->line_height * 0.35);
}

void
jd_chart_bars_layout (JdChartLayout      *layout,
                      const JdChartData  *data,
                      const JdChartStyle *style,
                      double              top,
                      double              bottom)
{
  gboolean stacked = data->kind == JD_CHART_STACKED_BAR;
  guint n_s = data->series->len;
  guint n_c = data->categories->len;
  double lh = layout->line_height;
  double gap = round (lh * 0.25);
  double max = 0;
  double left = 0, right = 0;
  double slot, inner, bar;
  g_autofree double *totals = g_new0 (double, n_c);

  layout->horizontal = data->kind == JD_CHART_HBAR;

  for (guint c = 0; c < n_c; c++)
    for (guint s = 0; s < n_s; s++)
      {
        double v = jd_chart_data_value_clamped (data, s, c);

        if (!isfinite (v))
          continue;
        totals[c] += v;
        max = MAX (max, jd_chart_display_value (data, stacked ? totals[c] : v));
      }

  if (layout->horizontal)
    {
      double widest = 0;

      left = category_column (layout, data);
      /* room at the right for the value labels at the bars' ends */
      for (guint s = 0; s < n_s; s++)
        for (guint c = 0; c < n_c && c < 50; c++)
          {
            g_autofree char *text = jd_chart_format_value (data, style->chinese_units,
                                                           jd_chart_data_value_clamped (data, s, c));
            double w, h;
            PangoLayout *pl = jd_chart_text_new (layout, text, JD_CHART_FONT_SMALL, -1, &w, &h);

            g_object_unref (pl);
            widest = MAX (widest, w);
          }
      right = MIN (widest + gap, layout->width * 0.2);
    }

  jd_chart_frame_value_axis (layout, data, style, 0, max, top, bottom, left, right, NULL);
  jd_chart_frame_category_labels (layout, data);

  slot = (layout->horizontal ? layout->ph : layout->pw) / n_c;
  inner = slot >= 6 ? slot * 0.72 : slot;
  bar = stacked ? inner : inner / n_s;

  for (guint c = 0; c < n_c; c++)
    {
      double base = 0;
      double start = (layout->horizontal ? layout->py : layout->px) + c * slot + (slot - inner) / 2;

      for (guint s = 0; s < n_s; s++)
        {
          JdChartMark *m = jd_chart_layout_mark (layout, s, c);
          double v = jd_chart_data_value_clamped (data, s, c);
          double a, b, c0, c1;

          m->value = v;
          if (!isfinite (v) || v <= 0)
            continue;

          if (stacked)
            {
              value_span (layout, jd_chart_display_value (data, base),
                          jd_chart_display_value (data, base + v), &a, &b);
              base += v;
              c0 = start;
            }
          else
            {
              value_span (layout, 0, jd_chart_display_value (data, v), &a, &b);
              c0 = start + s * bar;
            }
          /* snapped edges: neighbours share them, never overlap; a bar
           * thinner than a device pixel is not drawn */
          c1 = snap_edge (layout, c0 + bar);
          c0 = snap_edge (layout, c0);
          if (b - a <= 0 || c1 - c0 <= 0)
            continue;

          m->drawn = TRUE;
          if (layout->horizontal)
            {
              m->x = a;
              m->w = b - a;
              m->y = c0;
              m->h = c1 - c0;
            }
          else
            {
              m->x = c0;
              m->w = c1 - c0;
              m->y = a;
              m->h = b - a;
            }
        }
    }

  /* value labels beyond the bars' ends (a stack's total above it): all
   * of them when the widest fits its bar's slot, else none; one that would
   * touch another text is dropped */
  {
    guint n_labels = stacked ? n_c : n_c * n_s;
    g_autofree PangoLayout **items = g_new0 (PangoLayout *, n_labels);
    g_autofree double *widths = g_new0 (double, n_labels);
    g_autofree double *heights = g_new0 (double, n_labels);
    g_autofree const JdChartMark **anchors = g_new0 (const JdChartMark *, n_labels);
    double room = layout->horizontal ? (stacked ? slot : slot / n_s)
                                     : (stacked ? slot : slot / n_s);
    gboolean fits = room >= lh * (layout->horizontal ? 0.8 : 1.0);

    for (guint i = 0; fits && i < n_labels; i++)
      {
        guint c = stacked ? i : i / n_s;
        guint s = stacked ? 0 : i % n_s;
        const JdChartMark *m = NULL;
        g_autofree char *text = NULL;
        double value;

        if (stacked)
          {
            /* over the highest drawn segment */
            for (guint t = n_s; t-- > 0 && m == NULL;)
              if (jd_chart_layout_mark (layout, t, c)->drawn)
                m = jd_chart_layout_mark (layout, t, c);
            value = totals[c];
          }
        else
          {
            m = jd_chart_layout_mark (layout, s, c);
            value = m->value;
          }
        if (m == NULL || !m->drawn)
          continue;

        anchors[i] = m;
        text = jd_chart_format_value (data, style->chinese_units, value);
        items[i] = jd_chart_text_new (layout, text, JD_CHART_FONT_SMALL, -1, &widths[i], &heights[i]);
        if ((layout->horizontal ? heights[i] : widths[i]) > room)
          fits = FALSE;
      }

    for (guint i = 0; i < n_labels; i++)
      {
        const JdChartMark *m = anchors[i];

        if (items[i] == NULL)
          continue;
        if (!fits)
          g_object_unref (items[i]);
        else if (layout->horizontal)
          jd_chart_text_place (layout, items[i], m->x + m->w + gap / 2,
                               m->y + (m->h - heights[i]) / 2, widths[i], heights[i], 0.85);
        else
          jd_chart_text_place (layout, items[i], m->x + (m->w - widths[i]) / 2,
                               m->y - heights[i] - 1, widths[i], heights[i], 0.85);
      }
  }
}

void
jd_chart_bars_render (const JdChartLayout *layout,
                      const JdChartData   *data,
                      const JdChartStyle  *style,
                      cairo_t             *cr)
{
  (void) data;

  /* one path and one fill per series */
  for (guint s = 0; s < layout->n_series; s++)
    {
      gboolean any = FALSE;

      for (guint c = 0; c < layout->n_categories; c++)
        {
          const JdChartMark *m = &layout->marks[s * layout->n_categories + c];

          if (m->drawn)
            {
              cairo_rectangle (cr, m->x, m->y, m->w, m->h);
              any = TRUE;
            }
        }
      if (!any)
        continue;

      jd_chart_set_source (cr, jd_chart_style_get_series_color (style, s), 1);
      cairo_fill_preserve (cr);
      jd_chart_hatch_path (style, cr, s);
      cairo_new_path (cr);
    }
}
