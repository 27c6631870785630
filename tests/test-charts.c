/* test-charts.c: axis ticks, normalisation, tick labels, CJK text rendering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include <pango/pangocairo.h>

#include "jd-chart-scale.h"
#include "jd-chart-style.h"

typedef struct
{
  double       min;
  double       max;
  guint        target;
  double       step;
  guint        n_ticks;
  const double ticks[16];
} TickCase;

static const TickCase tick_cases[] = {
  /* the common case: counts from zero */
  { 0, 100, 5, 25, 5, { 0, 25, 50, 75, 100 } },
  { 0, 97, 5, 25, 5, { 0, 25, 50, 75, 100 } },
  { 0, 7, 5, 2, 5, { 0, 2, 4, 6, 8 } },
  { 0, 3, 5, 1, 4, { 0, 1, 2, 3 } },
  /* 2.5 × 10^k only as a whole number: fractions step by 1, 2 or 5 */
  { 0, 1, 5, 0.2, 6, { 0, 0.2, 0.4, 0.6, 0.8, 1 } },
  { 0, 10, 5, 2, 6, { 0, 2, 4, 6, 8, 10 } },
  { 0, 10, 6, 2, 6, { 0, 2, 4, 6, 8, 10 } },
  { 0, 10, 11, 1, 11, { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 } },
  { 0, 1234, 5, 250, 6, { 0, 250, 500, 750, 1000, 1250 } },
  { 0, 1000000, 5, 250000, 5, { 0, 250000, 500000, 750000, 1000000 } },
  { 0, 1000000, 5, 250000, 5, { 0, 250000, 500000, 750000, 1000000 } },
  /* not from zero */
  { 3, 97, 5, 25, 5, { 0, 25, 50, 75, 100 } },
  { 2018, 2025, 5, 2, 5, { 2018, 2020, 2022, 2024, 2026 } },
  { 2018, 2025, 8, 1, 8, { 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025 } },
  /* negative values */
  { -37, 48, 5, 25, 5, { -50, -25, 0, 25, 50 } },
  { -100, -3, 5, 25, 5, { -100, -75, -50, -25, 0 } },
  { -0.7, 0.2, 5, 0.2, 6, { -0.8, -0.6, -0.4, -0.2, 0, 0.2 } },
  /* bounds in the wrong order */
  { 100, 0, 5, 25, 5, { 0, 25, 50, 75, 100 } },
  /* empty ranges grow to include zero */
  { 0, 0, 5, 0.2, 6, { 0, 0.2, 0.4, 0.6, 0.8, 1 } },
  { 5, 5, 5, 1, 6, { 0, 1, 2, 3, 4, 5 } },
  { -40, -40, 5, 10, 5, { -40, -30, -20, -10, 0 } },
  /* tiny values: no 0.30000000000000004 */
  { 0, 0.3, 4, 0.1, 4, { 0, 0.1, 0.2, 0.3 } },
  { 0.0001, 0.00057, 5, 0.0001, 6, { 0.0001, 0.0002, 0.0003, 0.0004, 0.0005, 0.0006 } },
  { 1e-9, 4e-9, 4, 1e-9, 4, { 1e-9, 2e-9, 3e-9, 4e-9 } },
  /* huge values */
  { 0, 3.4e8, 5, 1e8, 5, { 0, 1e8, 2e8, 3e8, 4e8 } },
  { 0, 9.9e15, 5, 2.5e15, 5, { 0, 2.5e15, 5e15, 7.5e15, 1e16 } },
  { 1e12, 1e12 + 10, 3, 5, 3, { 1e12, 1e12 + 5, 1e12 + 10 } },
  /* target out of range is clamped to 2 */
  { 0, 100, 0, 100, 2, { 0, 100 } },
};

static void
test_ticks (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (tick_cases); c++)
    {
      const TickCase *tc = &tick_cases[c];
      g_autoptr(JdChartScale) scale = jd_chart_scale_new (tc->min, tc->max, tc->target);

      g_test_message ("case %u: [%g, %g] target %u", c, tc->min, tc->max, tc->target);
      g_assert_nonnull (scale);
      g_assert_cmpfloat (scale->step, ==, tc->step);
      g_assert_cmpuint (scale->n_ticks, ==, tc->n_ticks);
      for (guint i = 0; i < tc->n_ticks; i++)
        g_assert_cmpfloat (scale->ticks[i], ==, tc->ticks[i]);
      g_assert_cmpfloat (scale->first, ==, tc->ticks[0]);
      g_assert_cmpfloat (scale->last, ==, tc->ticks[tc->n_ticks - 1]);
      g_assert_cmpfloat (scale->first, <=, MIN (tc->min, tc->max));
      g_assert_cmpfloat (scale->last, >=, MAX (tc->min, tc->max));
      g_assert_cmpfloat (scale->first, <, scale->last);
    }
}

static void
test_ticks_decimals (void)
{
  g_autoptr(JdChartScale) counts = jd_chart_scale_new (0, 1000, 5);
  g_autoptr(JdChartScale) halves = jd_chart_scale_new (0, 2, 5);
  g_autoptr(JdChartScale) hundredths = jd_chart_scale_new (0, 0.03, 4);
  g_autoptr(JdChartScale) tiny = jd_chart_scale_new (0, 0.003, 4);

  g_assert_cmpint (counts->decimals, ==, 0);
  g_assert_cmpint (halves->decimals, ==, 1);
  g_assert_cmpint (hundredths->decimals, ==, 2);
  g_assert_cmpint (tiny->decimals, ==, 3);
}

static void
test_ticks_many_ranges (void)
{
  /* Whatever the range, ticks are evenly spaced, cover the data, and their
   * count stays near the target. */
  for (int e = -12; e <= 15; e++)
    for (double lead = 1.0; lead < 10.0; lead += 0.7)
      for (guint target = 2; target <= 12; target += 5)
        {
          double max = lead * pow (10, e);
          double min = -0.3 * max;
          g_autoptr(JdChartScale) scale = jd_chart_scale_new (min, max, target);

          g_assert_nonnull (scale);
          /* within rounding: lead * 10^e is itself not exact */
          g_assert_cmpfloat (scale->first, <=, min + scale->step * 1e-6);
          g_assert_cmpfloat (scale->last, >=, max - scale->step * 1e-6);
          g_assert_cmpuint (scale->n_ticks, >=, 2);
          g_assert_cmpuint (scale->n_ticks, <=, 2 * target + 2);
          for (guint i = 1; i < scale->n_ticks; i++)
            g_assert_cmpfloat_with_epsilon (scale->ticks[i] - scale->ticks[i - 1],
                                            scale->step, scale->step * 1e-9);
        }
}

static void
test_ticks_invalid (void)
{
  if (g_test_subprocess ())
    {
      g_assert_null (jd_chart_scale_new (NAN, 1, 5));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*isfinite*");
}

static void
test_normalize (void)
{
  g_autoptr(JdChartScale) scale = jd_chart_scale_new (-37, 48, 5);  /* -50..50 */
  g_autoptr(JdChartScale) flat = jd_chart_scale_new (0, 0, 5);

  g_assert_cmpfloat (jd_chart_scale_normalize (scale, -50), ==, 0.0);
  g_assert_cmpfloat (jd_chart_scale_normalize (scale, 0), ==, 0.5);
  g_assert_cmpfloat (jd_chart_scale_normalize (scale, 50), ==, 1.0);
  g_assert_cmpfloat (jd_chart_scale_normalize (scale, 25), ==, 0.75);
  /* no clamping: the caller decides */
  g_assert_cmpfloat (jd_chart_scale_normalize (scale, 100), ==, 1.5);
  g_assert_cmpfloat (jd_chart_scale_normalize (scale, -100), ==, -0.5);

  g_assert_cmpfloat (jd_chart_scale_normalize (flat, 0), ==, 0.0);
  g_assert_cmpfloat (jd_chart_scale_normalize (flat, 1), ==, 1.0);

  g_assert_cmpfloat (jd_chart_normalize (15, 10, 20), ==, 0.5);
  g_assert_cmpfloat (jd_chart_normalize (7, 7, 7), ==, 0.0);
  g_assert_cmpfloat (jd_chart_normalize (1e15, 0, 4e15), ==, 0.25);
}

static void
assert_axis_labels (double        min,
                    double        max,
                    guint         target,
                    JdChartUnits  units,
                    const char   *expected)
{
  g_autoptr(JdChartScale) scale = jd_chart_scale_new (min, max, target);
  g_autoptr(GString) joined = g_string_new (NULL);
  JdChartLabelFormat format;

  jd_chart_scale_label_format (scale, units, &format);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *label = jd_chart_label_format_value (&format, scale->ticks[i]);

      if (i > 0)
        g_string_append (joined, " ");
      g_string_append (joined, label);
    }

  g_assert_cmpstr (joined->str, ==, expected);
}

static void
test_axis_labels (void)
{
  /* integer ticks have no decimals */
  assert_axis_labels (0, 7, 5, JD_CHART_UNITS_CHINESE, "0 2 4 6 8");
  assert_axis_labels (0, 7000, 5, JD_CHART_UNITS_CHINESE, "0 2000 4000 6000 8000");
  assert_axis_labels (0, 9000, 4, JD_CHART_UNITS_CHINESE, "0 5000 10000");
  assert_axis_labels (0, 1, 5, JD_CHART_UNITS_NONE, "0 0.2 0.4 0.6 0.8 1");
  assert_axis_labels (0, 0.03, 4, JD_CHART_UNITS_NONE, "0 0.01 0.02 0.03");
  /* one unit for the whole axis, chosen from the largest tick */
  assert_axis_labels (0, 100000, 5, JD_CHART_UNITS_CHINESE, "0 2.5万 5万 7.5万 10万");
  assert_axis_labels (0, 100000, 5, JD_CHART_UNITS_WESTERN, "0 25k 50k 75k 100k");
  assert_axis_labels (0, 100000, 5, JD_CHART_UNITS_NONE, "0 25000 50000 75000 100000");
  assert_axis_labels (0, 12000, 4, JD_CHART_UNITS_CHINESE, "0 5000 10000 15000");
  assert_axis_labels (0, 3.4e8, 5, JD_CHART_UNITS_CHINESE, "0 1亿 2亿 3亿 4亿");
  assert_axis_labels (0, 3.4e8, 5, JD_CHART_UNITS_WESTERN, "0 100M 200M 300M 400M");
  assert_axis_labels (0, 1e8, 5, JD_CHART_UNITS_CHINESE, "0 0.25亿 0.5亿 0.75亿 1亿");
  assert_axis_labels (0, 2e12, 3, JD_CHART_UNITS_CHINESE, "0 1万亿 2万亿");
  /* negatives use U+2212, and zero has no sign */
  assert_axis_labels (-37, 48, 5, JD_CHART_UNITS_NONE, "−50 −25 0 25 50");
  assert_axis_labels (-20000, 20000, 5, JD_CHART_UNITS_CHINESE, "−20000 −10000 0 10000 20000");
  assert_axis_labels (-200000, 200000, 5, JD_CHART_UNITS_CHINESE, "−20万 −10万 0 10万 20万");
  assert_axis_labels (-0.7, 0.2, 5, JD_CHART_UNITS_NONE, "−0.8 −0.6 −0.4 −0.2 0 0.2");
}

static void
test_label_format_value (void)
{
  JdChartLabelFormat format;
  g_autofree char *negative_zero = NULL;
  g_autofree char *fraction = NULL;
  g_autofree char *rounded = NULL;

  jd_chart_label_format_init (&format, 50000, 5000, JD_CHART_UNITS_CHINESE);
  g_assert_cmpfloat (format.divisor, ==, 1e4);
  g_assert_cmpstr (format.suffix, ==, "万");
  g_assert_cmpint (format.decimals, ==, 1);

  negative_zero = jd_chart_label_format_value (&format, -0.0);
  g_assert_cmpstr (negative_zero, ==, "0");
  fraction = jd_chart_label_format_value (&format, 35000);
  g_assert_cmpstr (fraction, ==, "3.5万");
  rounded = jd_chart_label_format_value (&format, 123456);
  g_assert_cmpstr (rounded, ==, "12.3万");
}

typedef struct
{
  double      value;
  const char *chinese;
  const char *western;
  const char *none;
} CompactCase;

static const CompactCase compact_cases[] = {
  { 0, "0", "0", "0" },
  { 7, "7", "7", "7" },
  { 9999, "9999", "9999", "9999" },
  { 0.25, "0.25", "0.25", "0.25" },
  { 1.5, "1.5", "1.5", "1.5" },
  { 2.0 / 3.0, "0.67", "0.67", "0.67" },
  { 12345, "1.2万", "12k", "12345" },
  { 20000, "2万", "20k", "20000" },
  { 99999, "10万", "100k", "99999" },
  { 123456, "12万", "123k", "123456" },
  { 3.4e6, "340万", "3.4M", "3400000" },
  { 3.4e8, "3.4亿", "340M", "340000000" },
  { 99999999, "1亿", "100M", "99999999" },
  { 999999, "100万", "1M", "999999" },
  { 9999.999, "1万", "10k", "10000" },
  { 1.5e12, "1.5万亿", "1.5T", "1500000000000" },
  { -12345, "−1.2万", "−12k", "−12345" },
  { -3, "−3", "−3", "−3" },
  { -0.001, "0", "0", "0" },
};

static void
test_compact (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (compact_cases); c++)
    {
      const CompactCase *cc = &compact_cases[c];
      g_autofree char *chinese = jd_chart_format_compact (cc->value, JD_CHART_UNITS_CHINESE);
      g_autofree char *western = jd_chart_format_compact (cc->value, JD_CHART_UNITS_WESTERN);
      g_autofree char *none = jd_chart_format_compact (cc->value, JD_CHART_UNITS_NONE);

      g_test_message ("value %.17g", cc->value);
      g_assert_cmpstr (chinese, ==, cc->chinese);
      g_assert_cmpstr (western, ==, cc->western);
      g_assert_cmpstr (none, ==, cc->none);
    }
}

static void
test_labels_c_locale (void)
{
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);
  g_autofree char *label = NULL;

  /* A locale with a decimal comma, when the machine has one. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no locale with a decimal comma installed");
      return;
    }

  label = jd_chart_format_compact (12345, JD_CHART_UNITS_CHINESE);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (label, ==, "1.2万");
}

static void
test_style_struct (void)
{
  static const JdRgba palette[] = {
    { 0.21, 0.52, 0.89, 1.0 },
    { 0.18, 0.76, 0.49, 1.0 },
  };
  JdChartStyle style = {
    .fg = { 0, 0, 0, 0.8 },
    .grid = { 0, 0, 0, 0.1 },
    .accent = { 0.21, 0.52, 0.89, 1.0 },
    .palette = palette,
    .n_palette = G_N_ELEMENTS (palette),
    .font = "Sans 10",
    .scale = 1.0,
  };

  g_assert_cmpuint (style.n_palette, ==, 2);
  g_assert_cmpfloat (style.palette[1].g, ==, 0.76);
  g_assert_cmpfloat (style.fg.a, ==, 0.8);
}

static void
test_render_chinese (void)
{
  const char *text = "执法监督 行政处罚 1.2万";
  PangoLanguage *zh_cn = pango_language_from_string ("zh-cn");
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoContext *context;
  PangoFontDescription *desc;
  PangoFontset *fontset;
  PangoFont *font;
  PangoFontDescription *font_desc;
  g_autofree char *family = NULL;
  int width, height;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 60);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  context = pango_layout_get_context (layout);
  pango_context_set_language (context, zh_cn);
  desc = pango_font_description_from_string ("Sans 14");
  pango_layout_set_font_description (layout, desc);

  /* Is there any font with Chinese glyphs at all? */
  fontset = pango_context_load_fontset (context, desc, zh_cn);
  font = pango_fontset_get_font (fontset, g_utf8_get_char ("监"));
  if (font == NULL || !pango_font_has_char (font, g_utf8_get_char ("监")))
    {
      g_clear_object (&font);
      g_object_unref (fontset);
      pango_font_description_free (desc);
      g_object_unref (layout);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_test_skip ("no CJK font installed (install fonts-noto-cjk)");
      return;
    }

  /* Tagged zh-cn, Noto CJK must give its Simplified Chinese shapes, not the
   * Japanese ones fontconfig picks for an untagged layout in the C locale. */
  font_desc = pango_font_describe (font);
  family = g_strdup (pango_font_description_get_family (font_desc));
  g_test_message ("CJK font: %s", family);
  if (g_str_has_prefix (family, "Noto Sans CJK") || g_str_has_prefix (family, "Noto Serif CJK"))
    g_assert_true (g_str_has_suffix (family, " SC"));
  pango_font_description_free (font_desc);
  g_object_unref (font);
  g_object_unref (fontset);

  pango_layout_set_text (layout, text, -1);
  pango_cairo_update_layout (cr, layout);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);

  pango_layout_get_pixel_size (layout, &width, &height);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_cairo_show_layout (cr, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  pango_font_description_free (desc);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/charts/scale/ticks", test_ticks);
  g_test_add_func ("/jd/charts/scale/ticks-decimals", test_ticks_decimals);
  g_test_add_func ("/jd/charts/scale/ticks-many-ranges", test_ticks_many_ranges);
  g_test_add_func ("/jd/charts/scale/ticks-invalid", test_ticks_invalid);
  g_test_add_func ("/jd/charts/scale/normalize", test_normalize);
  g_test_add_func ("/jd/charts/labels/axis", test_axis_labels);
  g_test_add_func ("/jd/charts/labels/format-value", test_label_format_value);
  g_test_add_func ("/jd/charts/labels/compact", test_compact);
  g_test_add_func ("/jd/charts/labels/c-locale", test_labels_c_locale);
  g_test_add_func ("/jd/charts/style/struct", test_style_struct);
  g_test_add_func ("/jd/charts/render/chinese", test_render_chinese);

  return g_test_run ();
}
