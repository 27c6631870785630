/* jd-chart-frame.c: what every chart shares: titles, legend, axes, the
 * no-data state, measured text, number formats, hairlines and hatching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text is measured here, at layout time, with a PangoContext of its
 * own tagged zh-cn, so Chinese is shaped with Simplified Chinese glyphs
 * whatever the locale. A text is placed only where it stays on the surface
 * and overlaps no text placed before it: labels are dropped, never piled.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jd-chart-private.h"

#define MINUS_SIGN "\342\210\222"   /* U+2212 */

void
jd_chart_frame_init (JdChartLayout      *layout,
                     const JdChartStyle *style)
{
  static const double factors[JD_CHART_N_FONTS] = { 1.0, 1.4, 0.9, 0.85 };
  g_autoptr (PangoFontDescription) base = NULL;
  cairo_font_options_t *options;
  PangoFontMap *font_map;
  double size;

  font_map = pango_cairo_font_map_get_default ();
  layout->context = pango_font_map_create_context (font_map);
  pango_context_set_language (layout->context, pango_language_from_string ("zh-cn"));
  pango_cairo_context_set_resolution (layout->context, 96);

  /* Metrics independent of the target: the same geometry on screen, in
   * PNG and in PDF. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (layout->context, options);
  cairo_font_options_destroy (options);

  base = pango_font_description_from_string (style->font != NULL ? style->font
                                                                  : "Noto Sans CJK SC 10");
  if (pango_font_description_get_family (base) == NULL)
    pango_font_description_set_family (base, "Noto Sans CJK SC");
  size = pango_font_description_get_size (base);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (base))
    size = size * 72.0 / 96.0;

  for (guint i = 0; i < JD_CHART_N_FONTS; i++)
    {
      layout->fonts[i] = pango_font_description_copy (base);
      pango_font_description_set_size (layout->fonts[i], (int) (size * factors[i]));
      if (i == JD_CHART_FONT_TITLE)
        pango_font_description_set_weight (layout->fonts[i], PANGO_WEIGHT_BOLD);
    }

  layout->line_height = ceil (size / PANGO_SCALE * 96.0 / 72.0 * 1.45);
  layout->pad = round (layout->line_height * 0.8);
}

PangoLayout *
jd_chart_text_new (JdChartLayout *layout,
                   const char    *text,
                   JdChartFont    font,
                   double         max_width,
                   double        *out_w,
                   double        *out_h)
{
  return jd_chart_text_new_full (layout, text, font, max_width, PANGO_ELLIPSIZE_END, out_w, out_h);
}

/* A measured text, shortened with "…" (where MODE says) to MAX_WIDTH when
 * MAX_WIDTH > 0. */
PangoLayout *
jd_chart_text_new_full (JdChartLayout      *layout,
                        const char         *text,
                        JdChartFont         font,
                        double              max_width,
                        PangoEllipsizeMode  mode,
                        double             *out_w,
                        double             *out_h)
{
  PangoLayout *pl = pango_layout_new (layout->context);
  PangoRectangle logical;

  pango_layout_set_font_description (pl, layout->fonts[font]);
  pango_layout_set_text (pl, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (pl, (int) (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (pl, mode);
    }
  pango_layout_get_extents (pl, NULL, &logical);
  *out_w = ceil ((double) logical.width / PANGO_SCALE);
  *out_h = ceil ((double) logical.height / PANGO_SCALE);

  return pl;
}

gboolean
jd_chart_box_free (const JdChartLayout *layout,
                   double               x,
                   double               y,
                   double               w,
                   double               h)
{
  const double eps = 0.01;

  if (x < -eps || y < -eps || x + w > layout->width + eps || y + h > layout->height + eps)
    return FALSE;

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const JdChartText *t = &g_array_index (layout->texts, JdChartText, i);

      if (x < t->x + t->w - eps && t->x < x + w - eps
          && y < t->y + t->h - eps && t->y < y + h - eps)
        return FALSE;
    }

  return TRUE;
}

/* Takes TEXT; keeps it when its box is free, else drops it. */
gboolean
jd_chart_text_place (JdChartLayout *layout,
                     PangoLayout   *text,
                     double         x,
                     double         y,
                     double         w,
                     double         h,
                     double         alpha)
{
  JdChartText t = { text, x, y, w, h, alpha };

  if (w <= 0 || h <= 0 || !jd_chart_box_free (layout, x, y, w, h))
    {
      g_object_unref (text);
      return FALSE;
    }

  g_array_append_val (layout->texts, t);
  return TRUE;
}

/* Places TEXT with its (X_ALIGN, Y_ALIGN) point at (X, Y), moved onto the
 * surface when it would stick out. */
gboolean
jd_chart_text_add (JdChartLayout *layout,
                   const char    *text,
                   JdChartFont    font,
                   double         max_width,
                   double         x,
                   double         y,
                   double         x_align,
                   double         y_align,
                   double         alpha)
{
  PangoLayout *pl;
  double w, h;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  pl = jd_chart_text_new (layout, text, font, max_width, &w, &h);
  x -= w * x_align;
  y -= h * y_align;
  if (w <= layout->width)
    x = CLAMP (x, 0, layout->width - w);
  if (h <= layout->height)
    y = CLAMP (y, 0, layout->height - h);

  return jd_chart_text_place (layout, pl, x, y, w, h, alpha);
}

void
jd_chart_frame_titles (JdChartLayout     *layout,
                       const JdChartData *data,
                       double            *top)
{
  double pad = layout->pad;
  double max_w = layout->width - 2 * pad;
  double y = pad;
  PangoLayout *pl;
  double w, h;

  if (data->title != NULL && data->title[0] != '\0')
    {
      pl = jd_chart_text_new (layout, data->title, JD_CHART_FONT_TITLE, max_w, &w, &h);
      if (jd_chart_text_place (layout, pl, pad, y, w, h, 1.0))
        y += h + 2;
    }

  if (data->subtitle != NULL && data->subtitle[0] != '\0')
    {
      pl = jd_chart_text_new (layout, data->subtitle, JD_CHART_FONT_SUBTITLE, max_w, &w, &h);
      if (jd_chart_text_place (layout, pl, pad, y, w, h, 0.7))
        y += h;
    }

  *top = y + (y > pad ? pad * 0.75 : 0);
}

void
jd_chart_frame_empty (JdChartLayout     *layout,
                      const JdChartData *data,
                      double             top)
{
  const char *text = data->empty_text != NULL && data->empty_text[0] != '\0'
                     ? data->empty_text : "—";
  double max_w = layout->width - 2 * layout->pad;
  PangoLayout *pl;
  double w, h, x, y;

  pl = jd_chart_text_new (layout, text, JD_CHART_FONT_BODY, max_w, &w, &h);
  pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
  {
    PangoRectangle logical;

    pango_layout_get_extents (pl, NULL, &logical);
    w = ceil ((double) logical.width / PANGO_SCALE);
    h = ceil ((double) logical.height / PANGO_SCALE);
    /* The layout is as wide as max_w: centre its ink, keep its box */
    pango_layout_set_width (pl, (int) (w * PANGO_SCALE));
  }

  x = (layout->width - w) / 2;
  y = top + (layout->height - top - h) / 2;
  layout->px = layout->pad;
  layout->py = top;
  layout->pw = max_w;
  layout->ph = MAX (layout->height - top - layout->pad, 0);
  jd_chart_text_place (layout, pl, MAX (x, 0), MAX (y, top), w, h, 0.7);
}

/* The legend: one key per series, in rows at the bottom, left-aligned. */
void
jd_chart_frame_legend (JdChartLayout     *layout,
                       const JdChartData *data,
                       double             top,
                       double            *bottom)
{
  double pad = layout->pad;
  double lh = layout->line_height;
  double key = round (lh * 0.6);
  double gap = round (lh * 0.3);
  double avail = layout->width - 2 * pad;
  double max_rows = MAX (1, floor ((*bottom - top) * 0.3 / lh));
  guint n = data->series->len;
  g_autofree double *widths = g_new (double, n);
  g_autofree PangoLayout **items = g_new (PangoLayout *, n);
  g_autofree double *heights = g_new (double, n);
  g_autofree guint *row_of = g_new (guint, n);
  double x = 0;
  guint rows = 1;
  double legend_top;

  for (guint s = 0; s < n; s++)
    {
      items[s] = jd_chart_text_new (layout, jd_chart_data_get_series_name (data, s),
                                    JD_CHART_FONT_SMALL, MIN (avail - key - gap, lh * 12),
                                    &widths[s], &heights[s]);
      if (x > 0 && x + key + gap + widths[s] > avail)
        {
          rows++;
          x = 0;
        }
      row_of[s] = rows - 1;
      x += key + gap + widths[s] + 2 * gap;
    }

  rows = MIN (rows, (guint) max_rows);
  legend_top = *bottom - rows * lh;
  x = 0;
  for (guint s = 0; s < n; s++)
    {
      double y, ty;
      JdChartSwatch swatch;

      if (s > 0 && row_of[s] != row_of[s - 1])
        x = 0;
      if (row_of[s] >= rows)
        {
          g_object_unref (items[s]);
          continue;
        }

      y = legend_top + row_of[s] * lh;
      ty = y + (lh - heights[s]) / 2;
      if (jd_chart_text_place (layout, items[s], pad + x + key + gap, ty,
                               widths[s], heights[s], 1.0))
        {
          swatch = (JdChartSwatch) { round (pad + x), round (y + (lh - key) / 2), key, key, s };
          g_array_append_val (layout->swatches, swatch);
        }
      x += key + gap + widths[s] + 2 * gap;
    }

  *bottom = legend_top - gap;
}

/* Numbers */

double
jd_chart_display_value (const JdChartData *data,
                        double             value)
{
  switch (data->unit)
    {
    case JD_CHART_UNIT_MONEY_FEN:
      return value / 100.0;
    case JD_CHART_UNIT_PERCENT:
      return value * 100.0;
    case JD_CHART_UNIT_COUNT:
    default:
      return value;
    }
}

static char *
format_percent (double percent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", fabs (percent));
  return g_strdup_printf ("%s%s%%", percent <= -0.05 ? MINUS_SIGN : "", buffer);
}

/* 1234567.5 with 2 decimals: "1,234,567.50" */
static char *
format_grouped (double value,
                int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  char format[8];
  GString *out = g_string_new (NULL);
  const char *point;
  gsize int_len;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  point = strchr (buffer, '.');
  int_len = point != NULL ? (gsize) (point - buffer) : strlen (buffer);

  if (value < 0 && strspn (buffer, "0.") != strlen (buffer))
    g_string_append (out, MINUS_SIGN);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, buffer[i]);
    }
  if (point != NULL)
    g_string_append (out, point);

  return g_string_free (out, FALSE);
}

/* A value on its own, short: a value label. */
char *
jd_chart_format_value (const JdChartData *data,
                       gboolean           chinese,
                       double             value)
{
  JdChartUnits units = chinese ? JD_CHART_UNITS_CHINESE : JD_CHART_UNITS_WESTERN;
  g_autofree char *compact = NULL;

  if (!isfinite (value))
    return g_strdup ("");

  switch (data->unit)
    {
    case JD_CHART_UNIT_PERCENT:
      return format_percent (value * 100);

    case JD_CHART_UNIT_MONEY_FEN:
      /* whole yuan from 100 yuan up: "3333元", not "3333.33元" */
      compact = jd_chart_format_compact (fabs (value) >= 10000 ? round (value / 100.0) : value / 100.0,
                                         units);
      return chinese ? g_strconcat (compact, "元", NULL) : g_strconcat ("¥", compact, NULL);

    case JD_CHART_UNIT_COUNT:
    default:
      return jd_chart_format_compact (value, units);
    }
}

/* A value in full: a tooltip. "123,456 (12万)", "1,234.50元", "42.2%" */
char *
jd_chart_format_full (const JdChartData *data,
                      gboolean           chinese,
                      double             value)
{
  g_autofree char *full = NULL;
  g_autofree char *compact = NULL;
  double shown;

  if (!isfinite (value))
    return g_strdup ("—");

  if (data->unit == JD_CHART_UNIT_PERCENT)
    return format_percent (value * 100);

  shown = jd_chart_display_value (data, value);
  full = format_grouped (shown, data->unit == JD_CHART_UNIT_MONEY_FEN
                                || fabs (shown - round (shown)) > 1e-9 ? 2 : 0);
  if (chinese && fabs (shown) >= 1e4)
    compact = jd_chart_format_compact (shown, JD_CHART_UNITS_CHINESE);

  if (data->unit == JD_CHART_UNIT_MONEY_FEN)
    {
      if (!chinese)
        return g_strconcat ("¥", full, NULL);
      if (compact != NULL)
        return g_strdup_printf ("%s元 (%s元)", full, compact);
      return g_strconcat (full, "元", NULL);
    }

  if (compact != NULL)
    return g_strdup_printf ("%s (%s)", full, compact);
  return g_steal_pointer (&full);
}

static char *
format_tick (const JdChartData        *data,
             gboolean                  chinese,
             const JdChartLabelFormat *format,
             double                    tick)
{
  g_autofree char *label = jd_chart_label_format_value (format, tick);

  switch (data->unit)
    {
    case JD_CHART_UNIT_PERCENT:
      return g_strconcat (label, "%", NULL);
    case JD_CHART_UNIT_MONEY_FEN:
      if (g_str_equal (label, "0"))
        return g_steal_pointer (&label);
      return chinese ? g_strconcat (label, "元", NULL) : g_strconcat ("¥", label, NULL);
    case JD_CHART_UNIT_COUNT:
    default:
      return g_steal_pointer (&label);
    }
}

/* Axes */

double
jd_chart_value_pos (const JdChartLayout *layout,
                    double               display_value)
{
  double t = layout->vmax > layout->vmin
             ? (display_value - layout->vmin) / (layout->vmax - layout->vmin) : 0;

  t = CLAMP (t, 0, 1);
  if (layout->horizontal)
    return layout->px + t * layout->pw;
  return layout->py + (1 - t) * layout->ph;
}

/* Sets the plot area from the region (pad..width-pad-RIGHT_RESERVE) ×
 * (TOP..BOTTOM), with LEFT_RESERVE for the category column of a horizontal
 * chart, and lays out the value axis over [MIN, MAX] (display units). */
void
jd_chart_frame_value_axis (JdChartLayout      *layout,
                           const JdChartData  *data,
                           const JdChartStyle *style,
                           double              min,
                           double              max,
                           double              top,
                           double              bottom,
                           double              left_reserve,
                           double              right_reserve,
                           JdChartScale      **out_scale)
{
  double lh = layout->line_height;
  double gap = round (lh * 0.35);
  double pad = layout->pad;
  JdChartLabelFormat format;
  JdChartScale *scale;
  guint target;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double max_label_w = 0;
  double extent;

  layout->axes = TRUE;

  /* the ticks depend on the length of the axis, the length on the labels'
   * width: estimate the length first */
  if (layout->horizontal)
    extent = layout->width - 2 * pad - left_reserve - right_reserve;
  else
    extent = bottom - top - 2 * lh;
  /* at least three intervals where two label heights fit in each */
  target = (guint) CLAMP (extent / (layout->horizontal ? 6 * lh : 2.0 * lh), 3, 8);

  scale = jd_chart_scale_new (min, max, target);
  jd_chart_scale_label_format (scale, style->chinese_units ? JD_CHART_UNITS_CHINESE
                                                           : JD_CHART_UNITS_WESTERN, &format);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      char *label = format_tick (data, style->chinese_units, &format, scale->ticks[i]);
      PangoLayout *pl;
      double w, h;

      pl = jd_chart_text_new (layout, label, JD_CHART_FONT_SMALL, -1, &w, &h);
      max_label_w = MAX (max_label_w, w);
      g_object_unref (pl);
      g_ptr_array_add (labels, label);
    }

  layout->vmin = scale->first;
  layout->vmax = scale->last;

  if (layout->horizontal)
    {
      layout->px = pad + left_reserve;
      layout->py = top;
      layout->pw = MAX (layout->width - pad - right_reserve - layout->px, 1);
      layout->ph = MAX (bottom - lh - gap - top, 1);
    }
  else
    {
      /* headroom above for the value labels of the highest marks */
      layout->px = pad + max_label_w + gap;
      layout->py = top + lh;
      layout->pw = MAX (layout->width - pad - right_reserve - layout->px, 1);
      layout->ph = MAX (bottom - lh - ceil (lh * 0.45) - layout->py, 1);
    }

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double pos = jd_chart_value_pos (layout, scale->ticks[i]);
      const char *label = g_ptr_array_index (labels, i);

      g_array_append_val (layout->grid, pos);
      if (layout->horizontal)
        jd_chart_text_add (layout, label, JD_CHART_FONT_SMALL, -1,
                           pos, layout->py + layout->ph + gap, 0.5, 0, 0.7);
      else
        jd_chart_text_add (layout, label, JD_CHART_FONT_SMALL, -1,
                           layout->px - gap, pos, 1, 0.5, 0.7);
    }

  layout->zero = jd_chart_value_pos (layout, 0);

  if (out_scale != NULL)
    *out_scale = scale;
  else
    jd_chart_scale_free (scale);
}

/* Category labels along the category axis, every K-th when they would not
 * fit, each shortened with "…" to at most 10 em (vertical charts) or to the
 * category column (horizontal ones). */
void
jd_chart_frame_category_labels (JdChartLayout     *layout,
                                const JdChartData *data)
{
  guint n = data->categories->len;
  double lh = layout->line_height;
  double gap = round (lh * 0.35);
  double slot;
  guint step;

  if (n == 0)
    return;

  if (layout->horizontal)
    {
      double col = layout->px - layout->pad - gap;

      slot = layout->ph / n;
      step = (guint) MAX (1, ceil (lh / MAX (slot, 0.01)));
      for (guint c = 0; c < n; c += step)
        {
          double w, h;
          PangoLayout *pl = jd_chart_text_new_full (layout, jd_chart_data_get_category (data, c),
                                                    JD_CHART_FONT_SMALL, col, PANGO_ELLIPSIZE_MIDDLE,
                                                    &w, &h);

          jd_chart_text_place (layout, pl, MAX (layout->px - gap - w, 0),
                               layout->py + (c + 0.5) * slot - h / 2, w, h, 1.0);
        }
    }
  else
    {
      g_autofree PangoLayout **items = g_new0 (PangoLayout *, n);
      g_autofree double *widths = g_new (double, n);
      g_autofree double *heights = g_new (double, n);
      double max_w = 0;
      double limit = lh * 7;
      double drop = ceil (lh * 0.45);

      slot = layout->pw / n;
      /* one label per slot when the slot holds up to 7 em; else thinned */
      if (slot >= lh * 2)
        limit = MIN (limit, slot - gap);
      for (guint c = 0; c < n; c++)
        {
          items[c] = jd_chart_text_new_full (layout, jd_chart_data_get_category (data, c),
                                             JD_CHART_FONT_SMALL, limit, PANGO_ELLIPSIZE_MIDDLE,
                                             &widths[c], &heights[c]);
          max_w = MAX (max_w, widths[c]);
        }
      step = (guint) MAX (1, ceil ((max_w + gap) / MAX (slot, 0.01)));
      for (guint c = 0; c < n; c++)
        {
          double x = layout->px + (c + 0.5) * slot - widths[c] / 2;

          if (c % step != 0)
            {
              g_object_unref (items[c]);
              continue;
            }
          x = CLAMP (x, 0, layout->width - widths[c]);
          /* below the half of the "0" tick label that hangs under the axis */
          jd_chart_text_place (layout, items[c], x, layout->py + layout->ph + drop,
                               widths[c], heights[c], 1.0);
        }
    }
}

/* Drawing */

double
jd_chart_snap (const JdChartLayout *layout,
               double               v)
{
  double s = layout->device_scale;

  return (floor (v * s) + 0.5) / s;
}

void
jd_chart_set_source (cairo_t      *cr,
                     const JdRgba *rgba,
                     double        alpha)
{
  cairo_set_source_rgba (cr, rgba->r, rgba->g, rgba->b, rgba->a * alpha);
}

/* Hatching over the current path (kept): series 0 plain, then diagonal,
 * cross and dots, in the text colour or the background, whichever stands
 * out from the fill. */
void
jd_chart_hatch_path (const JdChartStyle *style,
                     cairo_t            *cr,
                     guint               colour)
{
  const JdRgba *fill = jd_chart_style_get_series_color (style, colour);
  double lum = 0.2126 * fill->r + 0.7152 * fill->g + 0.0722 * fill->b;
  double fg_lum = 0.2126 * style->fg.r + 0.7152 * style->fg.g + 0.0722 * style->fg.b;
  const JdRgba *ink = fabs (lum - fg_lum) >= 0.4 ? &style->fg : &style->background;
  guint pattern = colour % 4;
  double x1, y1, x2, y2;
  const double spacing = 6;

  if (!style->hatching || pattern == 0)
    return;

  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_new_path (cr);
  jd_chart_set_source (cr, ink, 1);
  cairo_set_line_width (cr, 1);

  if (pattern == 3)
    {
      for (double y = floor (y1 / spacing) * spacing; y <= y2; y += spacing)
        for (double x = floor (x1 / spacing) * spacing; x <= x2; x += spacing)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x + spacing / 2, y + spacing / 2, 1.1, 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }
  else
    {
      double span = (x2 - x1) + (y2 - y1);
      double start = floor ((x1 - (y2 - y1)) / spacing) * spacing;

      for (double d = start; d <= x1 + span; d += spacing)
        {
          cairo_move_to (cr, d, y2);
          cairo_line_to (cr, d + (y2 - y1), y1);
          if (pattern == 2)
            {
              cairo_move_to (cr, d, y1);
              cairo_line_to (cr, d + (y2 - y1), y2);
            }
        }
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

void
jd_chart_fill_rect (const JdChartLayout *layout,
                    const JdChartStyle  *style,
                    cairo_t             *cr,
                    guint                colour,
                    double               x,
                    double               y,
                    double               w,
                    double               h)
{
  (void) layout;

  cairo_rectangle (cr, x, y, w, h);
  jd_chart_set_source (cr, jd_chart_style_get_series_color (style, colour), 1);
  cairo_fill_preserve (cr);
  jd_chart_hatch_path (style, cr, colour);
  cairo_new_path (cr);
}

void
jd_chart_render_grid (const JdChartLayout *layout,
                      const JdChartStyle  *style,
                      cairo_t             *cr)
{
  if (!layout->axes)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0 / layout->device_scale);
  jd_chart_set_source (cr, &style->grid, 1);
  for (guint i = 0; i < layout->grid->len; i++)
    {
      double pos = jd_chart_snap (layout, g_array_index (layout->grid, double, i));

      if (layout->horizontal)
        {
          cairo_move_to (cr, pos, layout->py);
          cairo_line_to (cr, pos, layout->py + layout->ph);
        }
      else
        {
          cairo_move_to (cr, layout->px, pos);
          cairo_line_to (cr, layout->px + layout->pw, pos);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
jd_chart_render_frame (const JdChartLayout *layout,
                       const JdChartStyle  *style,
                       cairo_t             *cr)
{
  cairo_save (cr);

  /* the baseline at zero */
  if (layout->axes)
    {
      double zero = jd_chart_snap (layout, layout->zero);

      cairo_set_line_width (cr, 1.0 / layout->device_scale);
      jd_chart_set_source (cr, &style->fg, 0.6);
      if (layout->horizontal)
        {
          cairo_move_to (cr, zero, layout->py);
          cairo_line_to (cr, zero, layout->py + layout->ph);
        }
      else
        {
          cairo_move_to (cr, layout->px, zero);
          cairo_line_to (cr, layout->px + layout->pw, zero);
        }
      cairo_stroke (cr);
    }

  /* leader lines */
  if (layout->leaders->len > 0)
    {
      cairo_set_line_width (cr, 1.0 / layout->device_scale);
      jd_chart_set_source (cr, &style->fg, 0.6);
      for (guint i = 0; i + 6 <= layout->leaders->len; i += 6)
        {
          const double *l = &g_array_index (layout->leaders, double, i);

          cairo_move_to (cr, l[0], l[1]);
          cairo_line_to (cr, l[2], l[3]);
          cairo_line_to (cr, l[4], l[5]);
        }
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->swatches->len; i++)
    {
      const JdChartSwatch *s = &g_array_index (layout->swatches, JdChartSwatch, i);

      if (layout->kind == JD_CHART_LINE)
        jd_chart_line_key (layout, style, cr, s->colour, s->x, s->y, s->w, s->h);
      else
        jd_chart_fill_rect (layout, style, cr, s->colour, s->x, s->y, s->w, s->h);
    }

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const JdChartText *t = &g_array_index (layout->texts, JdChartText, i);

      jd_chart_set_source (cr, &style->fg, t->alpha);
      cairo_move_to (cr, t->x, t->y);
      pango_cairo_show_layout (cr, t->layout);
    }

  cairo_restore (cr);
}
