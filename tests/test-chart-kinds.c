/* test-chart-kinds.c: line, bar, horizontal bar, stacked bar and donut charts
 * on awkward data: text boxes, pixels, hit-testing, no-data, PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "jd-chart.h"

static const JdChartKind all_kinds[] = {
  JD_CHART_LINE, JD_CHART_BAR, JD_CHART_HBAR, JD_CHART_STACKED_BAR, JD_CHART_DONUT,
};

static const char *long_name =
  "某某市某某区市场监督管理局食品药品安全综合执法大队第三中队与城市管理综合行政执法局联合";

/* Text boxes stay on the surface and never overlap. */
static void
assert_text_boxes (const JdChartLayout *layout,
                   double               width,
                   double               height)
{
  guint n;
  const double *b = jd_chart_layout_get_text_boxes (layout, &n);

  for (guint i = 0; i < n; i++)
    {
      const double *p = &b[4 * i];

      if (p[0] < -0.01 || p[1] < -0.01 || p[0] + p[2] > width + 0.01 || p[1] + p[3] > height + 0.01)
        g_error ("text %u “%s” (%g, %g, %g × %g) leaves the %g × %g surface", i,
                 jd_chart_layout_get_text (layout, i, NULL), p[0], p[1], p[2], p[3], width, height);

      for (guint j = i + 1; j < n; j++)
        {
          const double *q = &b[4 * j];

          if (p[0] < q[0] + q[2] - 0.01 && q[0] < p[0] + p[2] - 0.01
              && p[1] < q[1] + q[3] - 0.01 && q[1] < p[1] + p[3] - 0.01)
            g_error ("text “%s” overlaps “%s”", jd_chart_layout_get_text (layout, i, NULL),
                     jd_chart_layout_get_text (layout, j, NULL));
        }
    }
}

/* Every mark the layout reports hit-tests to itself, with the whole
 * category name in the tooltip. Returns the number of marks. */
static guint
assert_hits (const JdChartLayout *layout,
             const JdChartData   *data)
{
  guint marks = 0;

  for (guint s = 0; s < jd_chart_data_get_n_series (data); s++)
    for (guint c = 0; c < jd_chart_data_get_n_categories (data); c++)
      {
        JdChartHit hit;
        double x, y, w, h;

        if (!jd_chart_layout_get_mark (layout, s, c, &x, &y, &w, &h))
          continue;
        marks++;
        g_assert_cmpfloat (w, >, 0);
        g_assert_cmpfloat (h, >, 0);
        g_assert_true (jd_chart_hit_test (layout, data, x + w / 2, y + h / 2, &hit));
        g_assert_cmpint (hit.series, ==, (int) s);
        g_assert_cmpint (hit.category, ==, (int) c);
        g_assert_nonnull (strstr (hit.tooltip, jd_chart_data_get_category (data, c)));
        jd_chart_hit_clear (&hit);
      }

  return marks;
}

static JdChartData *
make_data (JdChartKind  kind,
           guint        n_categories,
           guint        n_series,
           double     (*value) (guint s, guint c),
           gboolean     long_names)
{
  JdChartData *data = jd_chart_data_new (kind);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new (double, MAX (n_categories, 1));

  jd_chart_data_set_title (data, "2021–2025年行政执法案件数量趋势");
  jd_chart_data_set_subtitle (data, "示例区 · 2021–2025 · 执法监督平台");
  jd_chart_data_set_empty_text (data, "暂无数据");

  for (guint c = 0; c < n_categories; c++)
    {
      if (long_names)
        g_ptr_array_add (names, g_strdup_printf ("%s%u", long_name, c));
      else if (n_categories <= 12)
        g_ptr_array_add (names, g_strdup_printf ("%u年", 2014 + c));
      else
        g_ptr_array_add (names, g_strdup_printf ("第%u类", c + 1));
    }
  jd_chart_data_set_categories (data, (const char * const *) names->pdata, n_categories);

  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *name = g_strdup_printf ("系列%u", s + 1);

      for (guint c = 0; c < n_categories; c++)
        values[c] = value (s, c);
      jd_chart_data_add_series (data, name, values, n_categories);
    }

  return data;
}

static double
value_plain (guint s,
             guint c)
{
  return 100 + 37 * ((c * 7 + s * 13) % 11) + 11 * s;
}

static double
value_zero (guint s,
            guint c)
{
  (void) s;
  (void) c;
  return 0;
}

static double
value_huge_tiny (guint s,
                 guint c)
{
  return (c + s) % 2 ? 1e12 * (1 + c % 3) : 0.001;
}

static double
value_negative (guint s,
                guint c)
{
  return (c % 3 == 1) ? -250.0 - s : 300.0 + 40 * c + s;
}

static double
value_tiny (guint s,
            guint c)
{
  return 0.001 * (1 + (c + s) % 4);
}

static double
value_absent (guint s,
              guint c)
{
  (void) s;
  (void) c;
  return NAN;
}

static double
value_gaps (guint s,
            guint c)
{
  return (c + s) % 3 == 0 ? NAN : value_plain (s, c);
}

typedef struct
{
  const char *name;
  guint       n_categories;
  guint       n_series;
  double    (*value) (guint s, guint c);
  gboolean    long_names;
  gboolean    empty;
} Awkward;

static const Awkward awkward[] = {
  { "one", 1, 1, value_plain, FALSE, FALSE },
  { "one-of-three", 1, 3, value_plain, FALSE, FALSE },
  { "few", 5, 3, value_plain, FALSE, FALSE },
  { "300", 300, 1, value_plain, FALSE, FALSE },
  { "300x4", 300, 4, value_plain, FALSE, FALSE },
  { "zeros", 8, 2, value_zero, FALSE, TRUE },
  { "absent", 8, 2, value_absent, FALSE, TRUE },
  { "gaps", 9, 3, value_gaps, FALSE, FALSE },
  { "none", 0, 2, value_plain, FALSE, TRUE },
  { "no-series", 5, 0, value_plain, FALSE, TRUE },
  { "huge-tiny", 7, 2, value_huge_tiny, FALSE, FALSE },
  { "tiny", 6, 1, value_tiny, FALSE, FALSE },
  { "negative", 6, 2, value_negative, FALSE, FALSE },
  { "long-names", 12, 1, value_plain, TRUE, FALSE },
  { "long-names-2", 30, 2, value_plain, TRUE, FALSE },
};

static const double sizes[][2] = { { 640, 400 }, { 1600, 900 }, { 320, 220 }, { 200, 120 }, { 40, 30 } };

static void
test_awkward (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (awkward); t++)
    for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (JdChartTheme theme = JD_CHART_THEME_LIGHT; theme <= JD_CHART_THEME_PRINT; theme += 3)
          {
            const Awkward *a = &awkward[t];
            g_autoptr (JdChartData) data = make_data (all_kinds[k], a->n_categories, a->n_series,
                                                      a->value, a->long_names);
            g_autoptr (JdChartLayout) layout = NULL;
            JdChartStyle style;
            cairo_surface_t *surface;
            cairo_t *cr;
            guint marks;

            g_test_message ("%s, kind %d, %g × %g", a->name, all_kinds[k], sizes[z][0], sizes[z][1]);
            jd_chart_style_init (&style, theme, NULL);
            layout = jd_chart_layout (data, &style, sizes[z][0], sizes[z][1]);
            g_assert_cmpint (jd_chart_layout_is_empty (layout), ==, a->empty);
            assert_text_boxes (layout, sizes[z][0], sizes[z][1]);
            marks = assert_hits (layout, data);
            if (a->empty)
              g_assert_cmpuint (marks, ==, 0);
            else if (z < 2)
              g_assert_cmpuint (marks, >, 0);

            /* renders without cairo errors */
            surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[z][0], sizes[z][1]);
            cr = cairo_create (surface);
            jd_chart_render (layout, data, &style, cr);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
}

/* Long names: shortened with "…" on the axis, whole in the tooltip. */
static void
test_long_names (void)
{
  const JdChartKind kinds[] = { JD_CHART_HBAR, JD_CHART_BAR, JD_CHART_LINE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (JdChartData) data = make_data (kinds[k], 8, 1, value_plain, TRUE);
      g_autoptr (JdChartLayout) layout = NULL;
      JdChartStyle style;
      guint n, ellipsized = 0;
      JdChartHit hit;
      double x, y, w, h;

      jd_chart_style_init (&style, JD_CHART_THEME_LIGHT, NULL);
      layout = jd_chart_layout (data, &style, 800, 500);
      jd_chart_layout_get_text_boxes (layout, &n);
      for (guint i = 0; i < n; i++)
        {
          gboolean shortened;
          const char *text = jd_chart_layout_get_text (layout, i, &shortened);

          if (g_str_has_prefix (text, long_name))
            {
              g_assert_true (shortened);
              ellipsized++;
            }
        }
      g_assert_cmpuint (ellipsized, >, 0);
      if (kinds[k] == JD_CHART_HBAR)
        g_assert_cmpuint (ellipsized, ==, 8);   /* room for every name, each shortened */

      g_assert_true (jd_chart_layout_get_mark (layout, 0, 3, &x, &y, &w, &h));
      g_assert_true (jd_chart_hit_test (layout, data, x + w / 2, y + h / 2, &hit));
      g_assert_true (g_str_has_prefix (hit.tooltip, jd_chart_data_get_category (data, 3)));
      g_assert_cmpuint (g_utf8_strlen (jd_chart_data_get_category (data, 3), -1), >=, 40);
      jd_chart_hit_clear (&hit);

      /* outside every mark: nothing */
      g_assert_false (jd_chart_hit_test (layout, data, 1, 1, &hit));
      g_assert_cmpint (hit.series, ==, -1);
    }
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *bytes = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (bytes + (int) floor (y) * stride + 4 * (int) floor (x));
}

static void
assert_colour (guint32       pixel,
               const JdRgba *rgba)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  g_assert_cmpint ((pixel >> 24) & 0xff, ==, 255);
  g_assert_cmpint (ABS (r - (int) round (rgba->r * 255)), <=, 2);
  g_assert_cmpint (ABS (g - (int) round (rgba->g * 255)), <=, 2);
  g_assert_cmpint (ABS (b - (int) round (rgba->b * 255)), <=, 2);
}

/* The centre of each bar, point and slice has its series' colour. */
static void
test_pixels (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (double scale = 1; scale <= 2; scale++)
      {
        JdChartKind kind = all_kinds[k];
        guint n_series = kind == JD_CHART_DONUT ? 1 : 3;
        g_autoptr (JdChartData) data = make_data (kind, 6, n_series, value_plain, FALSE);
        g_autoptr (JdChartLayout) layout = NULL;
        cairo_surface_t *surface;
        cairo_t *cr;
        JdChartStyle style;
        guint checked = 0;

        jd_chart_style_init (&style, JD_CHART_THEME_LIGHT, NULL);
        style.scale = scale;
        layout = jd_chart_layout (data, &style, 720, 480);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 720 * scale, 480 * scale);
        cairo_surface_set_device_scale (surface, scale, scale);
        cr = cairo_create (surface);
        jd_chart_render (layout, data, &style, cr);
        cairo_destroy (cr);
        cairo_surface_flush (surface);

        for (guint s = 0; s < n_series; s++)
          for (guint c = 0; c < 6; c++)
            {
              double x, y, w, h;
              guint colour = kind == JD_CHART_DONUT ? c : s;

              /* lines of later series may cross earlier markers */
              if (kind == JD_CHART_LINE && s + 1 < n_series)
                continue;
              g_assert_true (jd_chart_layout_get_mark (layout, s, c, &x, &y, &w, &h));
              assert_colour (pixel_at (surface, (x + w / 2) * scale, (y + h / 2) * scale),
                             jd_chart_style_get_series_color (&style, colour));
              checked++;
            }
        g_assert_cmpuint (checked, >=, 6);

        /* the background where nothing is drawn */
        assert_colour (pixel_at (surface, 1, 1), &style.background);
        cairo_surface_destroy (surface);
      }
}

/* No data: the empty text, centred; no marks, no hits. */
static void
test_empty (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr (JdChartData) data = make_data (all_kinds[k], 4, 2, value_zero, FALSE);
      g_autoptr (JdChartLayout) layout = NULL;
      JdChartStyle style;
      JdChartHit hit;
      guint n;
      const double *boxes;
      gboolean found = FALSE;

      jd_chart_style_init (&style, JD_CHART_THEME_DARK, NULL);
      layout = jd_chart_layout (data, &style, 600, 400);
      g_assert_true (jd_chart_layout_is_empty (layout));
      boxes = jd_chart_layout_get_text_boxes (layout, &n);
      for (guint i = 0; i < n; i++)
        if (g_str_equal (jd_chart_layout_get_text (layout, i, NULL), "暂无数据"))
          {
            const double *b = &boxes[4 * i];

            found = TRUE;
            g_assert_cmpfloat (fabs (b[0] + b[2] / 2 - 300), <, 2);
            g_assert_cmpfloat (b[1], >, 60);
            g_assert_cmpfloat (b[1] + b[3], <, 340);
          }
      g_assert_true (found);
      g_assert_false (jd_chart_hit_test (layout, data, 300, 200, &hit));
      g_assert_false (jd_chart_layout_get_mark (layout, 0, 0, NULL, NULL, NULL, NULL));
    }
}

/* Negative values: clamped to 0 by bars (not drawn), tooltips true; lines
 * go below zero. */
static void
test_negative (void)
{
  g_autoptr (JdChartData) bars = make_data (JD_CHART_BAR, 3, 1, value_negative, FALSE);
  g_autoptr (JdChartData) line = make_data (JD_CHART_LINE, 3, 1, value_negative, FALSE);
  g_autoptr (JdChartLayout) bar_layout = NULL;
  g_autoptr (JdChartLayout) line_layout = NULL;
  JdChartStyle style;
  double y0, y1, h;

  jd_chart_style_init (&style, JD_CHART_THEME_LIGHT, NULL);
  bar_layout = jd_chart_layout (bars, &style, 600, 400);
  g_assert_false (jd_chart_layout_get_mark (bar_layout, 0, 1, NULL, NULL, NULL, NULL));
  g_assert_true (jd_chart_layout_get_mark (bar_layout, 0, 0, NULL, NULL, NULL, NULL));

  line_layout = jd_chart_layout (line, &style, 600, 400);
  g_assert_true (jd_chart_layout_get_mark (line_layout, 0, 0, NULL, &y0, NULL, &h));
  g_assert_true (jd_chart_layout_get_mark (line_layout, 0, 1, NULL, &y1, NULL, NULL));
  g_assert_cmpfloat (y1, >, y0);   /* −250 lies below 300 */
}

/* Numbers for Chinese readers, in the tooltips. */
static void
test_units (void)
{
  const char *cats[] = { "罚款", "比率", "件数" };
  g_autoptr (JdChartData) money = jd_chart_data_new (JD_CHART_BAR);
  g_autoptr (JdChartData) percent = jd_chart_data_new (JD_CHART_BAR);
  g_autoptr (JdChartData) count = jd_chart_data_new (JD_CHART_BAR);
  const double fen[] = { 123456789, 5000, 20 };
  const double ratio[] = { 0.4217, 1, 0.05 };
  const double n[] = { 123456, 12, 7 };
  JdChartStyle style;
  struct { JdChartData *data; const char *expect; } cases[] = {
    { money, "1,234,567.89元" }, { percent, "42.2%" }, { count, "123,456 (12万)" },
  };

  jd_chart_data_set_categories (money, cats, 3);
  jd_chart_data_set_unit (money, JD_CHART_UNIT_MONEY_FEN);
  jd_chart_data_add_series (money, "罚没款", fen, 3);
  jd_chart_data_set_categories (percent, cats, 3);
  jd_chart_data_set_unit (percent, JD_CHART_UNIT_PERCENT);
  jd_chart_data_add_series (percent, "持证率", ratio, 3);
  jd_chart_data_set_categories (count, cats, 3);
  jd_chart_data_add_series (count, "案件", n, 3);

  jd_chart_style_init (&style, JD_CHART_THEME_LIGHT, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JdChartLayout) layout = jd_chart_layout (cases[i].data, &style, 600, 400);
      JdChartHit hit;
      double x, y, w, h;
      guint nb;
      gboolean has_unit = FALSE;

      g_assert_true (jd_chart_layout_get_mark (layout, 0, 0, &x, &y, &w, &h));
      g_assert_true (jd_chart_hit_test (layout, cases[i].data, x + w / 2, y + h / 2, &hit));
      g_test_message ("tooltip: %s", hit.tooltip);
      g_assert_nonnull (strstr (hit.tooltip, cases[i].expect));
      jd_chart_hit_clear (&hit);

      /* the axis speaks the same units */
      jd_chart_layout_get_text_boxes (layout, &nb);
      for (guint b = 0; b < nb; b++)
        {
          const char *text = jd_chart_layout_get_text (layout, b, NULL);

          if ((i == 0 && g_str_has_suffix (text, "万元")) || (i == 1 && g_str_has_suffix (text, "%"))
              || (i == 2 && g_str_has_suffix (text, "万")))
            has_unit = TRUE;
        }
      g_assert_true (has_unit);
    }
}

static void
test_themes (void)
{
  JdChartStyle print;

  for (JdChartTheme theme = JD_CHART_THEME_LIGHT; theme <= JD_CHART_THEME_PRINT; theme++)
    {
      JdChartStyle style;

      jd_chart_style_init (&style, theme, NULL);
      g_assert_cmpuint (style.n_palette, >=, 8);
      g_assert_nonnull (style.font);
      g_assert_cmpfloat (style.background.a, ==, 1);
      g_assert_cmpint (style.hatching, ==, theme == JD_CHART_THEME_PRINT);
    }

  /* print: greys, each at least 5% lightness from every other */
  jd_chart_style_init (&print, JD_CHART_THEME_PRINT, "Noto Sans CJK SC 9");
  for (guint i = 0; i < print.n_palette; i++)
    {
      g_assert_cmpfloat (print.palette[i].r, ==, print.palette[i].g);
      g_assert_cmpfloat (print.palette[i].g, ==, print.palette[i].b);
      for (guint j = i + 1; j < print.n_palette; j++)
        g_assert_cmpfloat (fabs (print.palette[i].r - print.palette[j].r), >=, 0.05);
    }
}

/* Hatching: a print bar of the second series is not one flat grey. */
static void
test_hatching (void)
{
  g_autoptr (JdChartData) data = make_data (JD_CHART_BAR, 2, 2, value_plain, FALSE);
  g_autoptr (JdChartLayout) layout = NULL;
  JdChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, w, h;
  guint32 first;
  gboolean varies = FALSE;

  jd_chart_style_init (&style, JD_CHART_THEME_PRINT, NULL);
  layout = jd_chart_layout (data, &style, 600, 400);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cr = cairo_create (surface);
  jd_chart_render (layout, data, &style, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_true (jd_chart_layout_get_mark (layout, 1, 0, &x, &y, &w, &h));
  first = pixel_at (surface, x + 2, y + 2);
  for (double px = x + 2; px < x + w - 2; px++)
    for (double py = y + 2; py < MIN (y + h - 2, y + 20); py++)
      if (pixel_at (surface, px, py) != first)
        varies = TRUE;
  g_assert_true (varies);
  cairo_surface_destroy (surface);
}

/* A donut of a few shares: every slice labelled with its percentage, the
 * percentages adding up to 100; the tooltip has the share too. Crowded
 * (40 slices): a legend, still no overlap. */
static void
test_donut (void)
{
  const char *kinds[] = { "行政许可", "行政处罚", "行政强制", "行政检查", "行政征收" };
  const double values[] = { 4200, 12500, 800, 23000, 300 };
  g_autoptr (JdChartData) data = jd_chart_data_new (JD_CHART_DONUT);
  g_autoptr (JdChartData) crowded = make_data (JD_CHART_DONUT, 40, 1, value_plain, TRUE);
  g_autoptr (JdChartLayout) layout = NULL;
  g_autoptr (JdChartLayout) crowded_layout = NULL;
  JdChartStyle style;
  JdChartHit hit;
  double sum = 0, x, y, w, h, cx, cy, r0, r1, a0, a1;
  guint n, labelled = 0;

  jd_chart_data_set_categories (data, kinds, 5);
  jd_chart_data_add_series (data, "案件", values, 5);
  jd_chart_style_init (&style, JD_CHART_THEME_LIGHT, NULL);
  layout = jd_chart_layout (data, &style, 640, 400);
  jd_chart_layout_get_text_boxes (layout, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *text = jd_chart_layout_get_text (layout, i, NULL);
      const char *space = strrchr (text, ' ');

      if (space != NULL && g_str_has_suffix (text, "%"))
        {
          sum += g_ascii_strtod (space + 1, NULL);
          labelled++;
        }
    }
  g_assert_cmpuint (labelled, ==, 5);
  g_assert_cmpfloat (fabs (sum - 100), <, 0.3);

  g_assert_true (jd_chart_layout_get_mark (layout, 0, 1, &x, &y, &w, &h));
  g_assert_true (jd_chart_hit_test (layout, data, x + w / 2, y + h / 2, &hit));
  g_assert_nonnull (strstr (hit.tooltip, "30.6%"));
  jd_chart_hit_clear (&hit);

  /* the hole and the corners hit nothing */
  g_assert_true (jd_chart_layout_get_slice (layout, 1, &cx, &cy, &r0, &r1, &a0, &a1));
  g_assert_cmpfloat (a1 - a0, >, 0);
  g_assert_cmpfloat (r0, <, r1);
  g_assert_false (jd_chart_hit_test (layout, data, cx, cy, &hit));
  g_assert_false (jd_chart_hit_test (layout, data, cx + r1 + 1, cy, &hit));

  crowded_layout = jd_chart_layout (crowded, &style, 640, 400);
  assert_text_boxes (crowded_layout, 640, 400);
  g_assert_cmpuint (assert_hits (crowded_layout, crowded), ==, 40);
}

static gboolean
have_cjk_font (void)
{
  PangoFontFamily **families;
  int n;
  gboolean found = FALSE;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
  for (int i = 0; i < n; i++)
    if (strstr (pango_font_family_get_name (families[i]), "CJK") != NULL)
      found = TRUE;
  g_free (families);

  return found;
}

static void
test_glyphs (void)
{
  if (!have_cjk_font ())
    {
      g_test_skip ("no CJK font installed");
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr (JdChartData) data = make_data (all_kinds[k], 6, 2, value_plain, TRUE);
      g_autoptr (JdChartLayout) layout = NULL;
      JdChartStyle style;

      jd_chart_style_init (&style, JD_CHART_THEME_LIGHT, NULL);
      layout = jd_chart_layout (data, &style, 900, 600);
      g_assert_cmpint (jd_chart_layout_get_unknown_glyphs (layout), ==, 0);
    }
}

static void
test_pdf (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr (JdChartData) data = make_data (all_kinds[k], 6, 2, value_plain, FALSE);
      g_autoptr (JdChartLayout) layout = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      g_autofree char *contents = NULL;
      JdChartStyle style;
      cairo_surface_t *surface;
      cairo_t *cr;
      int fd, status;
      gsize len;

      fd = g_file_open_tmp ("jd-chart-XXXXXX.pdf", &path, &error);
      g_assert_no_error (error);
      g_close (fd, NULL);

      jd_chart_style_init (&style, JD_CHART_THEME_PRINT, NULL);
      layout = jd_chart_layout (data, &style, 842, 595);
      surface = cairo_pdf_surface_create (path, 842, 595);
      cr = cairo_create (surface);
      jd_chart_render (layout, data, &style, cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF"));

      if (pdftotext != NULL && have_cjk_font ())
        {
          const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                       NULL, NULL, &out, NULL, &status, &error));
          g_assert_no_error (error);
          g_assert_nonnull (strstr (out, "行政执法案件数量趋势"));
        }

      if (pdffonts != NULL)
        {
          const char *argv[] = { pdffonts, path, NULL };
          g_autofree char *fonts = NULL;
          g_auto (GStrv) lines = NULL;
          guint n_fonts = 0;

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                       NULL, NULL, &fonts, NULL, &status, &error));
          g_assert_no_error (error);
          lines = g_strsplit (fonts, "\n", -1);
          /* name, type, encoding, emb, sub, uni, object ID: emb is the
           * fifth field from the end */
          for (guint i = 2; lines[i] != NULL; i++)
            {
              g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
              g_autoptr (GPtrArray) words = g_ptr_array_new ();

              for (guint f = 0; fields[f] != NULL; f++)
                if (fields[f][0] != '\0')
                  g_ptr_array_add (words, fields[f]);
              if (words->len < 7)
                continue;
              g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
              n_fonts++;
            }
          g_assert_cmpuint (n_fonts, >, 0);
        }
      g_unlink (path);
    }

  if (pdftotext == NULL)
    g_test_skip ("pdftotext not installed: PDF text not checked");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-kinds/awkward", test_awkward);
  g_test_add_func ("/chart-kinds/long-names", test_long_names);
  g_test_add_func ("/chart-kinds/pixels", test_pixels);
  g_test_add_func ("/chart-kinds/empty", test_empty);
  g_test_add_func ("/chart-kinds/negative", test_negative);
  g_test_add_func ("/chart-kinds/units", test_units);
  g_test_add_func ("/chart-kinds/donut", test_donut);
  g_test_add_func ("/chart-kinds/themes", test_themes);
  g_test_add_func ("/chart-kinds/hatching", test_hatching);
  g_test_add_func ("/chart-kinds/glyphs", test_glyphs);
  g_test_add_func ("/chart-kinds/pdf", test_pdf);

  return g_test_run ();
}
