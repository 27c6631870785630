/* jd-chart.c: chart data, built-in styles, and layout/render/hit-test dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "jd-chart-private.h"

/* Data */

static void
series_free (gpointer p)
{
  JdChartSeries *series = p;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

JdChartData *
jd_chart_data_new (JdChartKind kind)
{
  JdChartData *data = g_new0 (JdChartData, 1);

  data->kind = kind;
  data->unit = JD_CHART_UNIT_COUNT;
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func (series_free);

  return data;
}

void
jd_chart_data_free (JdChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->empty_text);
  g_ptr_array_unref (data->categories);
  g_ptr_array_unref (data->series);
  g_free (data);
}

void
jd_chart_data_set_title (JdChartData *data,
                         const char  *title)
{
  g_return_if_fail (data != NULL);

  g_free (data->title);
  data->title = g_strdup (title);
}

void
jd_chart_data_set_subtitle (JdChartData *data,
                            const char  *subtitle)
{
  g_return_if_fail (data != NULL);

  g_free (data->subtitle);
  data->subtitle = g_strdup (subtitle);
}

void
jd_chart_data_set_unit (JdChartData *data,
                        JdChartUnit  unit)
{
  g_return_if_fail (data != NULL);

  data->unit = unit;
}

void
jd_chart_data_set_empty_text (JdChartData *data,
                              const char  *text)
{
  g_return_if_fail (data != NULL);

  g_free (data->empty_text);
  data->empty_text = g_strdup (text);
}

/* Series already added keep one value per category: they are resized, the
 * new categories absent. */
void
jd_chart_data_set_categories (JdChartData        *data,
                              const char * const *labels,
                              guint               n_labels)
{
  guint old;

  g_return_if_fail (data != NULL);
  g_return_if_fail (labels != NULL || n_labels == 0);

  old = data->categories->len;
  g_ptr_array_set_size (data->categories, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (data->categories, g_strdup (labels[i] != NULL ? labels[i] : ""));

  for (guint s = 0; s < data->series->len; s++)
    {
      JdChartSeries *series = g_ptr_array_index (data->series, s);

      series->values = g_renew (double, series->values, MAX (n_labels, 1));
      for (guint i = old; i < n_labels; i++)
        series->values[i] = NAN;
    }
}

guint
jd_chart_data_add_series (JdChartData  *data,
                          const char   *name,
                          const double *values,
                          guint         n_values)
{
  JdChartSeries *series;
  guint n = data->categories->len;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (JdChartSeries, 1);
  series->name = g_strdup (name != NULL ? name : "");
  series->values = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    series->values[i] = i < n_values ? values[i] : NAN;
  g_ptr_array_add (data->series, series);

  return data->series->len - 1;
}

JdChartKind
jd_chart_data_get_kind (const JdChartData *data)
{
  return data->kind;
}

guint
jd_chart_data_get_n_series (const JdChartData *data)
{
  return data->series->len;
}

guint
jd_chart_data_get_n_categories (const JdChartData *data)
{
  return data->categories->len;
}

const char *
jd_chart_data_get_title (const JdChartData *data)
{
  return data->title;
}

const char *
jd_chart_data_get_category (const JdChartData *data,
                            guint              category)
{
  g_return_val_if_fail (category < data->categories->len, NULL);

  return g_ptr_array_index (data->categories, category);
}

const char *
jd_chart_data_get_series_name (const JdChartData *data,
                               guint              series)
{
  g_return_val_if_fail (series < data->series->len, NULL);

  return ((JdChartSeries *) g_ptr_array_index (data->series, series))->name;
}

double
jd_chart_data_get_value (const JdChartData *data,
                         guint              series,
                         guint              category)
{
  g_return_val_if_fail (series < data->series->len, NAN);
  g_return_val_if_fail (category < data->categories->len, NAN);

  return ((JdChartSeries *) g_ptr_array_index (data->series, series))->values[category];
}

/* The value as drawn: NAN when absent, negatives as 0 except on lines. */
double
jd_chart_data_value_clamped (const JdChartData *data,
                             guint              series,
                             guint              category)
{
  double v = jd_chart_data_get_value (data, series, category);

  if (!isfinite (v))
    return NAN;
  if (data->kind != JD_CHART_LINE && v < 0)
    return 0;

  return v;
}

static gboolean
data_is_empty (const JdChartData *data)
{
  if (data->categories->len == 0 || data->series->len == 0)
    return TRUE;

  for (guint s = 0; s < data->series->len; s++)
    for (guint c = 0; c < data->categories->len; c++)
      {
        double v = jd_chart_data_value_clamped (data, s, c);

        if (isfinite (v) && v != 0)
          return FALSE;
      }

  return TRUE;
}

/* Styles */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* The GNOME palette: blue, green, yellow, orange, red, purple, brown, then
 * darker shades of the first hues. */
static const JdRgba light_palette[] = {
  RGB (0x3584e4), RGB (0x2ec27e), RGB (0xe5a50a), RGB (0xe66100), RGB (0xc01c28),
  RGB (0x9141ac), RGB (0x986a44), RGB (0x1a5fb4), RGB (0x26a269), RGB (0x613583),
};

static const JdRgba dark_palette[] = {
  RGB (0x62a0ea), RGB (0x57e389), RGB (0xf8e45c), RGB (0xffa348), RGB (0xf66151),
  RGB (0xdc8add), RGB (0xcdab8f), RGB (0x99c1f1), RGB (0x8ff0a4), RGB (0xc061cb),
};

static const JdRgba high_contrast_palette[] = {
  RGB (0x1c71d8), RGB (0x000000), RGB (0xc01c28), RGB (0x26a269), RGB (0x813d9c),
  RGB (0xe66100), RGB (0x63452c), RGB (0x0b3a78), RGB (0x5e5c64), RGB (0xa51d2d),
};

/* Greys of distinct lightness, neighbours far apart, the first ones dark
 * enough for lines on paper; hatching tells the rest apart. */
#define GREY(v) { (v), (v), (v), 1.0 }
static const JdRgba print_palette[] = {
  GREY (0.15), GREY (0.55), GREY (0.35), GREY (0.70), GREY (0.25),
  GREY (0.82), GREY (0.45), GREY (0.62), GREY (0.08), GREY (0.92),
};

void
jd_chart_style_init (JdChartStyle *style,
                     JdChartTheme  theme,
                     const char   *font)
{
  static const JdRgba black = RGB (0x000000);
  static const JdRgba white = RGB (0xffffff);

  g_return_if_fail (style != NULL);

  *style = (JdChartStyle) { 0 };
  style->font = font != NULL ? font : "Noto Sans CJK SC 10";
  style->scale = 1.0;
  style->chinese_units = TRUE;

  switch (theme)
    {
    case JD_CHART_THEME_DARK:
      style->fg = (JdRgba) { 1, 1, 1, 0.92 };
      style->grid = (JdRgba) { 1, 1, 1, 0.15 };
      style->accent = dark_palette[0];
      style->background = (JdRgba) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 };
      style->palette = dark_palette;
      style->n_palette = G_N_ELEMENTS (dark_palette);
      break;

    case JD_CHART_THEME_HIGH_CONTRAST:
      style->fg = black;
      style->grid = (JdRgba) { 0, 0, 0, 0.45 };
      style->accent = high_contrast_palette[0];
      style->background = white;
      style->palette = high_contrast_palette;
      style->n_palette = G_N_ELEMENTS (high_contrast_palette);
      break;

    case JD_CHART_THEME_PRINT:
      style->fg = black;
      style->grid = (JdRgba) { 0, 0, 0, 0.25 };
      style->accent = print_palette[0];
      style->background = white;
      style->palette = print_palette;
      style->n_palette = G_N_ELEMENTS (print_palette);
      style->hatching = TRUE;
      break;

    case JD_CHART_THEME_LIGHT:
    default:
      style->fg = (JdRgba) { 0, 0, 0, 0.85 };
      style->grid = (JdRgba) { 0, 0, 0, 0.12 };
      style->accent = light_palette[0];
      style->background = (JdRgba) { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 };
      style->palette = light_palette;
      style->n_palette = G_N_ELEMENTS (light_palette);
      break;
    }
}

const JdRgba *
jd_chart_style_get_series_color (const JdChartStyle *style,
                                 guint               index)
{
  static const JdRgba fallback = { 0.2, 0.5, 0.9, 1 };

  g_return_val_if_fail (style != NULL, &fallback);

  if (style->palette == NULL || style->n_palette == 0)
    return &style->accent;

  return &style->palette[index % style->n_palette];
}

/* Layout */

JdChartMark *
jd_chart_layout_mark (JdChartLayout *layout,
                      guint          series,
                      guint          category)
{
  return &layout->marks[series * layout->n_categories + category];
}

static void
layout_finish (JdChartLayout *layout)
{
  g_array_set_size (layout->boxes, 0);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      JdChartText *t = &g_array_index (layout->texts, JdChartText, i);
      double box[4] = { t->x, t->y, t->w, t->h };

      g_array_append_vals (layout->boxes, box, 4);
    }
}

JdChartLayout *
jd_chart_layout (const JdChartData  *data,
                 const JdChartStyle *style,
                 double              width,
                 double              height)
{
  JdChartLayout *layout;
  double top, bottom;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (JdChartLayout, 1);
  layout->kind = data->kind;
  layout->width = MAX (width, 1);
  layout->height = MAX (height, 1);
  layout->device_scale = style->scale > 0 ? style->scale : 1.0;
  layout->chinese_units = style->chinese_units;
  layout->texts = g_array_new (FALSE, TRUE, sizeof (JdChartText));
  layout->boxes = g_array_new (FALSE, TRUE, sizeof (double));
  layout->grid = g_array_new (FALSE, TRUE, sizeof (double));
  layout->swatches = g_array_new (FALSE, TRUE, sizeof (JdChartSwatch));
  layout->leaders = g_array_new (FALSE, TRUE, sizeof (double));
  layout->n_series = data->series->len;
  layout->n_categories = data->categories->len;
  layout->marks = g_new0 (JdChartMark, MAX (layout->n_series * layout->n_categories, 1));

  jd_chart_frame_init (layout, style);
  jd_chart_frame_titles (layout, data, &top);
  bottom = layout->height - layout->pad;

  if (data_is_empty (data))
    {
      layout->empty = TRUE;
      jd_chart_frame_empty (layout, data, top);
      layout_finish (layout);
      return layout;
    }

  if (data->kind != JD_CHART_DONUT && data->series->len > 1)
    jd_chart_frame_legend (layout, data, top, &bottom);

  switch (data->kind)
    {
    case JD_CHART_LINE:
      jd_chart_line_layout (layout, data, style, top, bottom);
      break;

    case JD_CHART_DONUT:
      jd_chart_donut_layout (layout, data, style, top, bottom);
      break;

    case JD_CHART_BAR:
    case JD_CHART_HBAR:
    case JD_CHART_STACKED_BAR:
    default:
      jd_chart_bars_layout (layout, data, style, top, bottom);
      break;
    }

  layout_finish (layout);
  return layout;
}

void
jd_chart_layout_free (JdChartLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->texts->len; i++)
    g_object_unref (g_array_index (layout->texts, JdChartText, i).layout);
  g_array_unref (layout->texts);
  g_array_unref (layout->boxes);
  g_array_unref (layout->grid);
  g_array_unref (layout->swatches);
  g_array_unref (layout->leaders);
  for (guint i = 0; i < JD_CHART_N_FONTS; i++)
    g_clear_pointer (&layout->fonts[i], pango_font_description_free);
  g_clear_object (&layout->context);
  g_free (layout->marks);
  g_free (layout->angles);
  g_free (layout);
}

void
jd_chart_render (const JdChartLayout *layout,
                 const JdChartData   *data,
                 const JdChartStyle  *style,
                 cairo_t             *cr)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  if (style->background.a > 0)
    {
      jd_chart_set_source (cr, &style->background, 1);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  if (!layout->empty && layout->n_series == data->series->len
      && layout->n_categories == data->categories->len)
    {
      jd_chart_render_grid (layout, style, cr);
      switch (layout->kind)
        {
        case JD_CHART_LINE:
          jd_chart_line_render (layout, data, style, cr);
          jd_chart_render_frame (layout, style, cr);
          break;

        case JD_CHART_DONUT:
          jd_chart_donut_render (layout, data, style, cr);
          jd_chart_render_frame (layout, style, cr);
          break;

        case JD_CHART_BAR:
        case JD_CHART_HBAR:
        case JD_CHART_STACKED_BAR:
        default:
          jd_chart_bars_render (layout, data, style, cr);
          jd_chart_render_frame (layout, style, cr);
          break;
        }
    }
  else
    {
      jd_chart_render_frame (layout, style, cr);
    }

  cairo_restore (cr);
}

/* Hit-testing */

static char *
make_tooltip (const JdChartLayout *layout,
              const JdChartData   *data,
              guint                series,
              guint                category)
{
  double value = jd_chart_data_get_value (data, series, category);
  g_autofree char *text = jd_chart_format_full (data, layout->chinese_units, value);
  const char *name = jd_chart_data_get_series_name (data, series);
  GString *tooltip = g_string_new (jd_chart_data_get_category (data, category));

  if (data->series->len > 1 && name[0] != '\0' && data->kind != JD_CHART_DONUT)
    g_string_append_printf (tooltip, " · %s", name);
  g_string_append_printf (tooltip, " · %s", text);
  if (data->kind == JD_CHART_DONUT && layout->total > 0)
    g_string_append_printf (tooltip, " (%.1f%%)", 100.0 * MAX (value, 0) / layout->total);

  return g_string_free (tooltip, FALSE);
}

static gboolean
in_box (const JdChartMark *mark,
        double             x,
        double             y)
{
  return x >= mark->x && x < mark->x + mark->w && y >= mark->y && y < mark->y + mark->h;
}

gboolean
jd_chart_hit_test (const JdChartLayout *layout,
                   const JdChartData   *data,
                   double               x,
                   double               y,
                   JdChartHit          *out_hit)
{
  int series = -1;
  int category = -1;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (out_hit != NULL, FALSE);

  *out_hit = (JdChartHit) { -1, -1, NAN, NULL };

  if (layout->empty || layout->n_series != data->series->len
      || layout->n_categories != data->categories->len)
    return FALSE;

  if (layout->kind == JD_CHART_DONUT)
    {
      category = jd_chart_donut_hit (layout, x, y);
      series = category >= 0 ? 0 : -1;
    }
  else if (layout->kind == JD_CHART_LINE)
    {
      /* The nearest point within reach; the later series on a tie, as it
       * is drawn on top. */
      double best = MAX (layout->marker, 8.0);

      best *= best;
      for (guint s = 0; s < layout->n_series; s++)
        for (guint c = 0; c < layout->n_categories; c++)
          {
            const JdChartMark *m = &layout->marks[s * layout->n_categories + c];
            double dx, dy, d;

            if (!m->drawn)
              continue;
            dx = x - (m->x + m->w / 2);
            dy = y - (m->y + m->h / 2);
            d = dx * dx + dy * dy;
            if (d <= best)
              {
                best = d;
                series = s;
                category = c;
              }
          }
    }
  else
    {
      for (guint i = layout->n_series * layout->n_categories; i-- > 0;)
        if (layout->marks[i].drawn && in_box (&layout->marks[i], x, y))
          {
            series = i / layout->n_categories;
            category = i % layout->n_categories;
            break;
          }
    }

  if (series < 0 || category < 0)
    return FALSE;

  out_hit->series = series;
  out_hit->category = category;
  out_hit->value = jd_chart_data_get_value (data, series, category);
  out_hit->tooltip = make_tooltip (layout, data, series, category);

  return TRUE;
}

void
jd_chart_hit_clear (JdChartHit *hit)
{
  if (hit == NULL)
    return;

  g_clear_pointer (&hit->tooltip, g_free);
  hit->series = -1;
  hit->category = -1;
}

gboolean
jd_chart_layout_get_mark (const JdChartLayout *layout,
                          guint                series,
                          guint                category,
                          double              *x,
                          double              *y,
                          double              *width,
                          double              *height)
{
  const JdChartMark *mark;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->empty || series >= layout->n_series || category >= layout->n_categories)
    return FALSE;

  mark = &layout->marks[series * layout->n_categories + category];
  if (!mark->drawn)
    return FALSE;

  if (x != NULL)
    *x = mark->x;
  if (y != NULL)
    *y = mark->y;
  if (width != NULL)
    *width = mark->w;
  if (height != NULL)
    *height = mark->h;

  return TRUE;
}

const double *
jd_chart_layout_get_text_boxes (const JdChartLayout *layout,
                                guint               *n_boxes)
{
  g_return_val_if_fail (layout != NULL, NULL);

  if (n_boxes != NULL)
    *n_boxes = layout->boxes->len / 4;

  return (const double *) layout->boxes->data;
}

gboolean
jd_chart_layout_is_empty (const JdChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, TRUE);

  return layout->empty;
}

void
jd_chart_layout_get_plot (const JdChartLayout *layout,
                          double              *x,
                          double              *y,
                          double              *width,
                          double              *height)
{
  g_return_if_fail (layout != NULL);

  if (x != NULL)
    *x = layout->px;
  if (y != NULL)
    *y = layout->py;
  if (width != NULL)
    *width = layout->pw;
  if (height != NULL)
    *height = layout->ph;
}

gboolean
jd_chart_layout_get_slice (const JdChartLayout *layout,
                           guint                category,
                           double              *cx,
                           double              *cy,
                           double              *r_inner,
                           double              *r_outer,
                           double              *angle_start,
                           double              *angle_end)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->kind != JD_CHART_DONUT || layout->empty || layout->angles == NULL
      || layout->n_series == 0 || category >= layout->n_categories
      || !layout->marks[category].drawn)
    return FALSE;

  if (cx != NULL)
    *cx = layout->cx;
  if (cy != NULL)
    *cy = layout->cy;
  if (r_inner != NULL)
    *r_inner = layout->r_inner;
  if (r_outer != NULL)
    *r_outer = layout->r_outer;
  if (angle_start != NULL)
    *angle_start = layout->angles[category];
  if (angle_end != NULL)
    *angle_end = layout->angles[category + 1];

  return TRUE;
}

const char *
jd_chart_layout_get_text (const JdChartLayout *layout,
                          guint                index,
                          gboolean            *ellipsized)
{
  PangoLayout *text;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->texts->len, NULL);

  text = g_array_index (layout->texts, JdChartText, index).layout;
  if (ellipsized != NULL)
    *ellipsized = pango_layout_is_ellipsized (text);

  return pango_layout_get_text (text);
}

int
jd_chart_layout_get_unknown_glyphs (const JdChartLayout *layout)
{
  int n = 0;

  g_return_val_if_fail (layout != NULL, 0);

  for (guint i = 0; i < layout->texts->len; i++)
    n += pango_layout_get_unknown_glyphs_count (g_array_index (layout->texts, JdChartText, i).layout);

  return n;
}
