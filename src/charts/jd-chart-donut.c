/* jd-chart-donut.c: shares of one series with percentages: labels outside
 * the ring with leader lines, or a legend with percentages when crowded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the first series is drawn; each category is a slice. Slices start at
 * 12 o'clock and run clockwise.
 */
#include "config.h"

#include <math.h>

#include "jd-chart-private.h"

#define START_ANGLE (-G_PI / 2)

static char *
slice_label (const JdChartLayout *layout,
             const JdChartData   *data,
             guint                c)
{
  double v = layout->marks[c].value;

  return g_strdup_printf ("%s %.1f%%", jd_chart_data_get_category (data, c),
                          100.0 * v / layout->total);
}

static void
set_ring (JdChartLayout *layout,
          double         cx,
          double         cy,
          double         r)
{
  layout->cx = cx;
  layout->cy = cy;
  layout->r_outer = r;
  layout->r_inner = round (r * 0.58);
  layout->px = cx - r;
  layout->py = cy - r;
  layout->pw = 2 * r;
  layout->ph = 2 * r;
}

/* Labels outside the ring, left or right of it, each on an elbowed leader
 * line; FALSE (and nothing kept) when one does not fit. */
static gboolean
try_outside_labels (JdChartLayout     *layout,
                    const JdChartData *data,
                    double             top,
                    double             bottom)
{
  double lh = layout->line_height;
  double pad = layout->pad;
  guint n = data->categories->len;
  guint n_texts = layout->texts->len;
  double widest = 0;
  double r;
  guint shown = 0;

  for (guint c = 0; c < n; c++)
    if (layout->marks[c].drawn)
      {
        g_autofree char *text = slice_label (layout, data, c);
        double w, h;
        PangoLayout *pl = jd_chart_text_new (layout, text, JD_CHART_FONT_SMALL, lh * 10, &w, &h);

        g_object_unref (pl);
        widest = MAX (widest, w);
        shown++;
      }

  if (shown > 12)
    return FALSE;

  r = MIN ((bottom - top) / 2 - lh, (layout->width - 2 * pad) / 2 - widest - 2.5 * lh);
  if (r < 3 * lh)
    return FALSE;

  set_ring (layout, round (layout->width / 2), round (top + (bottom - top) / 2), floor (r));

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *text = NULL;
      double mid = (layout->angles[c] + layout->angles[c + 1]) / 2;
      double ex, ey, tx, w, h;
      gboolean right = cos (mid) >= 0;
      PangoLayout *pl;
      double line[6];

      if (!layout->marks[c].drawn)
        continue;

      text = slice_label (layout, data, c);
      pl = jd_chart_text_new (layout, text, JD_CHART_FONT_SMALL, lh * 10, &w, &h);
      ex = layout->cx + cos (mid) * (layout->r_outer + lh * 0.6);
      ey = layout->cy + sin (mid) * (layout->r_outer + lh * 0.6);
      tx = layout->cx + (right ? 1 : -1) * (layout->r_outer + lh * 1.4);
      if ((right && tx < ex) || (!right && tx > ex))
        tx = ex;

      if (!jd_chart_text_place (layout, pl, right ? tx + 3 : tx - 3 - w, ey - h / 2, w, h, 1.0))
        {
          /* undo: a legend instead */
          for (guint i = n_texts; i < layout->texts->len; i++)
            g_object_unref (g_array_index (layout->texts, JdChartText, i).layout);
          g_array_set_size (layout->texts, n_texts);
          g_array_set_size (layout->leaders, 0);
          return FALSE;
        }

      line[0] = layout->cx + cos (mid) * (layout->r_outer - 1);
      line[1] = layout->cy + sin (mid) * (layout->r_outer - 1);
      line[2] = ex;
      line[3] = ey;
      line[4] = tx;
      line[5] = ey;
      g_array_append_vals (layout->leaders, line, 6);
    }

  return TRUE;
}

/* The ring at the left, a legend of "name 42.2%" at the right (names
 * shortened with "…"; keys that do not fit are dropped). */
static void
legend_layout (JdChartLayout     *layout,
               const JdChartData *data,
               double             top,
               double             bottom)
{
  double lh = layout->line_height;
  double pad = layout->pad;
  double key = round (lh * 0.6);
  double gap = round (lh * 0.3);
  double col = MIN (layout->width * 0.45, lh * 16);
  double r = MIN ((bottom - top) / 2, (layout->width - 2 * pad - col - lh) / 2);
  double x = layout->width - pad - col;
  double y = top;

  r = MAX (r, 4);
  set_ring (layout, round (pad + r), round (top + (bottom - top) / 2), floor (r));
  x = MAX (x, layout->cx + r + lh);

  for (guint c = 0; c < data->categories->len; c++)
    {
      g_autofree char *text = NULL;
      PangoLayout *pl;
      double w, h;

      if (!layout->marks[c].drawn)
        continue;
      if (y + lh > bottom)
        break;

      text = slice_label (layout, data, c);
      pl = jd_chart_text_new (layout, text, JD_CHART_FONT_SMALL,
                              layout->width - pad - x - key - gap, &w, &h);
      if (jd_chart_text_place (layout, pl, x + key + gap, y + (lh - h) / 2, w, h, 1.0))
        {
          JdChartSwatch swatch = { x, round (y + (lh - key) / 2), key, key, c };

          g_array_append_val (layout->swatches, swatch);
        }
      y += lh;
    }
}

void
jd_chart_donut_layout (JdChartLayout      *layout,
                       const JdChartData  *data,
                       const JdChartStyle *style,
                       double              top,
                       double              bottom)
{
  guint n = data->categories->len;
  double angle = START_ANGLE;

  (void) style;

  layout->total = 0;
  for (guint c = 0; c < n; c++)
    {
      double v = jd_chart_data_value_clamped (data, 0, c);

      layout->marks[c].value = v;
      if (isfinite (v) && v > 0)
        layout->total += v;
    }

  layout->angles = g_new (double, n + 1);
  for (guint c = 0; c < n; c++)
    {
      double v = layout->marks[c].value;

      layout->angles[c] = angle;
      if (isfinite (v) && v > 0)
        {
          double sweep = 2 * G_PI * v / layout->total;

          angle += sweep;
          /* a slice thinner than a pixel or so (under 0.05%) is not drawn:
           * it shows in no label and no hit */
          layout->marks[c].drawn = sweep >= 0.003;
        }
    }
  layout->angles[n] = START_ANGLE + 2 * G_PI;

  if (!try_outside_labels (layout, data, top, bottom))
    legend_layout (layout, data, top, bottom);

  /* a small box at the middle of each slice: hover and tests */
  for (guint c = 0; c < n; c++)
    {
      JdChartMark *m = &layout->marks[c];
      double a0 = layout->angles[c];
      double a1 = c + 1 < n ? layout->angles[c + 1] : START_ANGLE + 2 * G_PI;
      double mid = (a0 + a1) / 2;
      double rm = (layout->r_inner + layout->r_outer) / 2;
      double size;

      if (!m->drawn)
        continue;
      size = MIN ((layout->r_outer - layout->r_inner) / 2, rm * (a1 - a0) / 2);
      size = MAX (size, 0.5);
      m->x = layout->cx + cos (mid) * rm - size / 2;
      m->y = layout->cy + sin (mid) * rm - size / 2;
      m->w = size;
      m->h = size;
    }

  /* angles[c + 1] ends slice c even when the next slices are absent */
  for (guint c = n; c-- > 0;)
    if (!layout->marks[c].drawn)
      layout->angles[c] = layout->angles[c + 1];
}

static double
slice_end (const JdChartLayout *layout,
           guint                c)
{
  return layout->angles[c + 1];
}

int
jd_chart_donut_hit (const JdChartLayout *layout,
                    double               x,
                    double               y)
{
  double dx = x - layout->cx;
  double dy = y - layout->cy;
  double r = sqrt (dx * dx + dy * dy);
  double a;

  if (layout->angles == NULL || r < layout->r_inner || r > layout->r_outer)
    return -1;

  a = atan2 (dy, dx);
  if (a < START_ANGLE)
    a += 2 * G_PI;

  for (guint c = 0; c < layout->n_categories; c++)
    if (layout->marks[c].drawn && a >= layout->angles[c] && a < slice_end (layout, c))
      return (int) c;

  return -1;
}

void
jd_chart_donut_render (const JdChartLayout *layout,
                       const JdChartData   *data,
                       const JdChartStyle  *style,
                       cairo_t             *cr)
{
  (void) data;

  cairo_save (cr);
  for (guint c = 0; c < layout->n_categories; c++)
    {
      double a0 = layout->angles[c];
      double a1 = slice_end (layout, c);

      if (!layout->marks[c].drawn)
        continue;

      cairo_new_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, layout->r_outer, a0, a1);
      cairo_arc_negative (cr, layout->cx, layout->cy, layout->r_inner, a1, a0);
      cairo_close_path (cr);
      jd_chart_set_source (cr, jd_chart_style_get_series_color (style, c), 1);
      cairo_fill_preserve (cr);
      jd_chart_hatch_path (style, cr, c);
      /* a hairline of background between slices */
      cairo_set_line_width (cr, 1.0 / layout->device_scale);
      jd_chart_set_source (cr, &style->background, style->background.a > 0 ? 1 : 0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
