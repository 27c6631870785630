/* jd-chart-builder.c: the app's charts, built from the rollups, and their export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-chart-builder"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "jd-chart-builder.h"
#include "jd-dashboard.h"
#include "jd-format.h"
#include "jd-registry.h"
#include "jd-stats.h"

#define EN_DASH "\xe2\x80\x93"

static const JdEnumName choices[JD_CHART_CHOICE_N] = {
  { "trend", N_("Enforcement Trend") },
  { "composition", N_("Records by Category") },
  { "ranking", N_("Agency Ranking") },
  { "procedure", N_("Penalties: General and Simple Procedure") },
  { "fines", N_("Fines over the Years") },
};

const char *
jd_chart_choice_to_id (JdChartChoice choice)
{
  return jd_enum_name_to_id (choices, G_N_ELEMENTS (choices), (int) choice);
}

const char *
jd_chart_choice_to_label (JdChartChoice choice)
{
  return jd_enum_name_to_label (choices, G_N_ELEMENTS (choices), (int) choice);
}

gboolean
jd_chart_choice_from_id (const char    *id,
                         JdChartChoice *out)
{
  int value;

  if (!jd_enum_name_lookup (choices, G_N_ELEMENTS (choices), id, &value))
    return FALSE;
  *out = (JdChartChoice) value;
  return TRUE;
}

/* Building ------------------------------------------------------------------ */

typedef struct
{
  double records;
  double inspections;
  double penalties;
  double general;
  double simple;
  double fines;
  double by_category[JD_CATEGORY_N];
} YearFigures;

static void
figures_from_overview (YearFigures      *out,
                       const JdOverview *overview)
{
  out->records = overview->values[JD_FIGURE_RECORDS];
  out->inspections = overview->values[JD_FIGURE_INSPECTIONS];
  out->penalties = overview->values[JD_FIGURE_PENALTIES];
  out->general = overview->values[JD_FIGURE_PENALTIES_GENERAL];
  out->simple = overview->values[JD_FIGURE_PENALTIES_SIMPLE];
  out->fines = overview->values[JD_FIGURE_FINES];
  for (guint c = 0; c < JD_CATEGORY_N; c++)
    out->by_category[c] = overview->records_by_category[c];
}

/* Kind and domain narrow the agencies counted; the composition by category
 * comes from district rollups that know neither. */
static gboolean
scope_filters_agencies (const JdChartScope *scope)
{
  return (scope->agency_kind >= 0 || scope->domain_id > 0) &&
         scope->choice != JD_CHART_CHOICE_COMPOSITION;
}

static gboolean
scope_includes (const JdChartScope *scope,
                const JdAgencyYear *row)
{
  return (scope->agency_kind < 0 || (int) row->kind == scope->agency_kind) &&
         (scope->domain_id <= 0 || row->domain_id == scope->domain_id);
}

static gboolean
year_figures (JdDb                *db,
              const JdChartScope  *scope,
              int                  year,
              YearFigures         *out,
              GError             **error)
{
  memset (out, 0, sizeof *out);

  if (scope->agency_id != 0)
    {
      JdDashboard dashboard;

      if (!jd_dashboard_compute (db, 0, scope->agency_id, year, &dashboard, error))
        return FALSE;
      figures_from_overview (out, &dashboard.overview);
    }
  else if (scope_filters_agencies (scope))
    {
      g_autoptr(GPtrArray) agencies = jd_dashboard_list_agencies (db, 0, year, error);

      if (agencies == NULL)
        return FALSE;
      for (guint i = 0; i < agencies->len; i++)
        {
          const JdAgencyYear *row = g_ptr_array_index (agencies, i);

          if (!scope_includes (scope, row))
            continue;
          out->records += row->records;
          out->inspections += row->inspections;
          out->penalties += row->penalties;
          out->general += row->penalties_general;
          out->simple += row->penalties_simple;
          out->fines += row->fine_fen;
        }
    }
  else
    {
      JdOverview overview;

      if (!jd_stats_overview (db, 0, year, &overview, error))
        return FALSE;
      figures_from_overview (out, &overview);
    }
  return TRUE;
}

static char *
scope_period (const JdChartScope *scope)
{
  if (scope->choice == JD_CHART_CHOICE_RANKING || scope->year_from == scope->year_to)
    return g_strdup_printf ("%d", scope->year_to);
  return g_strdup_printf ("%d" EN_DASH "%d", scope->year_from, scope->year_to);
}

static char *
scope_subtitle (JdDb               *db,
                const JdChartScope *scope)
{
  g_autofree char *district = jd_db_dup_local_district_name (db);
  g_autofree char *period = scope_period (scope);
  g_autoptr(GString) subtitle = g_string_new (district != NULL ? district : "");

  if (scope->agency_id != 0)
    {
      g_autoptr(JdAgency) agency = jd_registry_get_agency (db, scope->agency_id, NULL);

      if (agency != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", agency->name);
    }
  else if (scope_filters_agencies (scope))
    {
      if (scope->agency_kind >= 0)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                                jd_agency_kind_to_label (scope->agency_kind));
      if (scope->domain_id > 0)
        {
          g_autoptr(GPtrArray) domains = jd_registry_list_domains (db);

          for (guint i = 0; domains != NULL && i < domains->len; i++)
            {
              const JdNamedItem *domain = g_ptr_array_index (domains, i);

              if (domain->id == scope->domain_id)
                g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                                        domain->name);
            }
        }
    }

  g_string_append_printf (subtitle, "%s%s · %s", subtitle->len > 0 ? " · " : "", period,
                          /* Translators: the data source under a chart's title */
                          _("Source: enforcement supervision"));
  return g_strdup (subtitle->str);
}

static int
compare_records_desc (gconstpointer a,
                      gconstpointer b)
{
  const JdAgencyYear *x = *(JdAgencyYear * const *) a;
  const JdAgencyYear *y = *(JdAgencyYear * const *) b;

  if (x->records != y->records)
    return x->records > y->records ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static JdChartData *
build_ranking (JdDb                *db,
               const JdChartScope  *scope,
               GError             **error)
{
  g_autoptr(GPtrArray) agencies = jd_dashboard_list_agencies (db, 0, scope->year_to, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  JdAgencyKind kind = scope->agency_kind >= 0 ? (JdAgencyKind) scope->agency_kind
                                              : JD_AGENCY_KIND_DISTRICT_DEPARTMENT;
  guint limit = scope->ranking_limit > 0 ? scope->ranking_limit : 15;
  JdChartData *data;

  if (agencies == NULL)
    return NULL;

  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyYear *row = g_ptr_array_index (agencies, i);

      if (row->kind == kind && row->records > 0 &&
          (scope->domain_id <= 0 || row->domain_id == scope->domain_id))
        g_ptr_array_add (rows, row);
    }
  g_ptr_array_sort (rows, compare_records_desc);

  for (guint i = 0; i < rows->len && i < limit; i++)
    {
      const JdAgencyYear *row = g_ptr_array_index (rows, i);
      double value = row->records;

      g_ptr_array_add (labels, row->name);
      g_array_append_val (values, value);
    }

  data = jd_chart_data_new (JD_CHART_HBAR);
  if (kind == JD_AGENCY_KIND_SUBDISTRICT_TOWN)
    jd_chart_data_set_title (data, _("Streets and Towns by Enforcement Records"));
  else if (kind == JD_AGENCY_KIND_DISTRICT_DEPARTMENT)
    jd_chart_data_set_title (data, _("Departments by Enforcement Records"));
  else
    {
      /* Translators: %s is a kind of agency, e.g. "Integrated teams" */
      g_autofree char *title = g_strdup_printf (_("%s by Enforcement Records"),
                                                jd_agency_kind_to_label (kind));
      jd_chart_data_set_title (data, title);
    }
  jd_chart_data_set_categories (data, (const char * const *) labels->pdata, labels->len);
  if (values->len > 0)
    jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_RECORDS),
                              (const double *) values->data, values->len);
  return data;
}

JdChartData *
jd_chart_build (JdDb                *db,
                const JdChartScope  *scope,
                GError             **error)
{
  g_autoptr(JdChartData) data = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *empty = NULL;
  g_autofree YearFigures *years = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n_years;
  gboolean any = FALSE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (scope != NULL && scope->choice < JD_CHART_CHOICE_N, NULL);
  g_return_val_if_fail (scope->year_from <= scope->year_to, NULL);

  subtitle = scope_subtitle (db, scope);
  if (scope->choice == JD_CHART_CHOICE_RANKING)
    {
      data = build_ranking (db, scope, error);
      if (data == NULL)
        return NULL;
      goto finish;
    }

  n_years = (guint) (scope->year_to - scope->year_from + 1);
  years = g_new0 (YearFigures, n_years);
  for (guint i = 0; i < n_years; i++)
    {
      if (!year_figures (db, scope, scope->year_from + (int) i, &years[i], error))
        return NULL;
      g_ptr_array_add (labels, g_strdup_printf ("%d", scope->year_from + (int) i));
    }

  switch (scope->choice)
    {
    case JD_CHART_CHOICE_TREND:
      {
        g_autofree double *values = g_new (double, n_years);

        data = jd_chart_data_new (JD_CHART_LINE);
        jd_chart_data_set_title (data, _("Enforcement Trend"));
        jd_chart_data_set_categories (data, (const char * const *) labels->pdata, n_years);
        for (guint i = 0; i < n_years; i++)
          values[i] = years[i].records, any |= values[i] > 0;
        jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_RECORDS), values, n_years);
        for (guint i = 0; i < n_years; i++)
          values[i] = years[i].inspections;
        jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_INSPECTIONS), values, n_years);
        for (guint i = 0; i < n_years; i++)
          values[i] = years[i].penalties;
        jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_PENALTIES), values, n_years);
      }
      break;

    case JD_CHART_CHOICE_COMPOSITION:
      {
        g_autofree double *values = g_new (double, n_years);

        data = jd_chart_data_new (JD_CHART_STACKED_BAR);
        jd_chart_data_set_title (data, _("Records by Category"));
        jd_chart_data_set_categories (data, (const char * const *) labels->pdata, n_years);
        for (guint c = 0; c < JD_CATEGORY_N; c++)
          {
            gboolean nonzero = FALSE;

            for (guint i = 0; i < n_years; i++)
              {
                values[i] = years[i].by_category[c];
                nonzero |= values[i] > 0;
              }
            /* Categories with no record in the period would only crowd the legend. */
            if (nonzero)
              {
                jd_chart_data_add_series (data, jd_category_to_label (c), values, n_years);
                any = TRUE;
              }
          }
      }
      break;

    case JD_CHART_CHOICE_PROCEDURE:
      {
        g_autofree double *values = g_new (double, n_years);

        data = jd_chart_data_new (JD_CHART_BAR);
        jd_chart_data_set_title (data, _("Penalties: General and Simple Procedure"));
        jd_chart_data_set_categories (data, (const char * const *) labels->pdata, n_years);
        for (guint i = 0; i < n_years; i++)
          values[i] = years[i].general, any |= values[i] > 0;
        jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_PENALTIES_GENERAL),
                                  values, n_years);
        for (guint i = 0; i < n_years; i++)
          values[i] = years[i].simple, any |= values[i] > 0;
        jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_PENALTIES_SIMPLE),
                                  values, n_years);
      }
      break;

    case JD_CHART_CHOICE_FINES:
      {
        g_autofree double *values = g_new (double, n_years);

        data = jd_chart_data_new (n_years > 1 ? JD_CHART_LINE : JD_CHART_BAR);
        jd_chart_data_set_title (data, _("Fines over the Years"));
        jd_chart_data_set_unit (data, JD_CHART_UNIT_MONEY_FEN);
        jd_chart_data_set_categories (data, (const char * const *) labels->pdata, n_years);
        for (guint i = 0; i < n_years; i++)
          values[i] = years[i].fines, any |= values[i] > 0;
        jd_chart_data_add_series (data, jd_figure_to_label (JD_FIGURE_FINES), values, n_years);
      }
      break;

    case JD_CHART_CHOICE_RANKING:
    default:
      g_assert_not_reached ();
    }

  (void) any;

finish:
  {
    g_autofree char *period = scope_period (scope);

    /* Translators: shown in place of a chart; %s is a year or "2021–2025" */
    empty = g_strdup_printf (_("No records for %s"), period);
    jd_chart_data_set_subtitle (data, subtitle);
    jd_chart_data_set_empty_text (data, empty);
  }
  return g_steal_pointer (&data);
}

void
jd_chart_builder_style_init (JdChartStyle *style,
                             JdChartTheme  theme)
{
  jd_chart_style_init (style, theme, NULL);
  style->chinese_units = jd_format_uses_chinese_units ();
}

/* Export -------------------------------------------------------------------- */

gboolean
jd_chart_format_from_path (const char    *path,
                           JdChartFormat *out)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *out = JD_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *out = JD_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out = JD_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static char *
temporary_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.%u.tmp", base, g_random_int ());

  return g_build_filename (dir, name, NULL);
}

static gboolean
surface_failed (cairo_surface_t  *surface,
                const char       *path,
                GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s is a file name, then cairo's reason */
               _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
  return TRUE;
}

static gboolean
finish_file (const char  *tmp,
             const char  *path,
             GError     **error)
{
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
draw_chart (cairo_t            *cr,
            const JdChartData  *data,
            const JdChartStyle *style,
            double              width,
            double              height)
{
  g_autoptr(JdChartLayout) layout = jd_chart_layout (data, style, width, height);

  jd_chart_render (layout, data, style, cr);
}

gboolean
jd_chart_export (const JdChartData   *data,
                 const JdChartStyle  *style,
                 const char          *path,
                 int                  width,
                 int                  height,
                 double               dpi,
                 GError             **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  JdChartFormat format;
  JdChartStyle scaled;
  double scale, layout_w, layout_h;
  gboolean failed;

  g_return_val_if_fail (data != NULL && style != NULL && path != NULL, FALSE);

  if (!jd_chart_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (width < 16 || height < 16 || width > 20000 || height > 20000 || dpi < 24 || dpi > 2400)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size must be 16 to 20,000 pixels and the resolution 24 to 2,400 DPI"));
      return FALSE;
    }

  scale = dpi / 96.0;
  layout_w = width / scale;
  layout_h = height / scale;
  scaled = *style;
  tmp = temporary_path (path);

  switch (format)
    {
    case JD_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      scaled.scale = scale;
      break;
    case JD_CHART_FORMAT_SVG:
      /* SVG user units are CSS pixels: the layout size, at 96 DPI. */
      surface = cairo_svg_surface_create (tmp, layout_w, layout_h);
      scale = 1.0;
      break;
    case JD_CHART_FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create (tmp, layout_w * 72.0 / 96.0, layout_h * 72.0 / 96.0);
      scale = 72.0 / 96.0;
      break;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (format == JD_CHART_FORMAT_PNG && scaled.background.a <= 0.0)
    {
      /* Pasted into a report, a transparent picture would take the page's colour. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  draw_chart (cr, data, &scaled, layout_w, layout_h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  failed = surface_failed (surface, path, error);
  if (!failed && format == JD_CHART_FORMAT_PNG)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, tmp);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
          failed = TRUE;
        }
    }
  cairo_surface_finish (surface);
  if (!failed)
    failed = surface_failed (surface, path, error);
  cairo_surface_destroy (surface);
  if (failed)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return finish_file (tmp, path, error);
}

/* Pages --------------------------------------------------------------------- */

static double
draw_text (cairo_t            *cr,
           const JdChartStyle *style,
           const char         *text,
           double              size,
           gboolean            bold,
           double              x,
           double              y,
           double              width,
           PangoAlignment      align)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font != NULL ? style->font : "Noto Sans CJK SC");
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  int w, h;

  /* Simplified Chinese glyphs whatever the locale */
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);

  cairo_set_source_rgba (cr, style->fg.r, style->fg.g, style->fg.b, style->fg.a);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  return (double) h / PANGO_SCALE;
}

void
jd_chart_draw_page (cairo_t            *cr,
                    const JdChartData  *data,
                    const JdChartStyle *style,
                    const char         *district,
                    const char         *date,
                    guint               page,
                    guint               n_pages,
                    double              width,
                    double              height)
{
  const double margin = 0;  /* the page setup's margins are already outside */
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  double header_h, footer_h, gap = 8;

  if (district != NULL && *district != '\0')
    header = g_strdup_printf ("%s · %s", district, jd_chart_data_get_title (data));
  else
    header = g_strdup (jd_chart_data_get_title (data));
  /* Translators: a printed page's footer: the date, then "Page 1 of 4" */
  footer = g_strdup_printf (_("%1$s · Page %2$u of %3$u"), date, page, n_pages);

  cairo_save (cr);
  header_h = draw_text (cr, style, header, 10, TRUE, margin, margin, width - 2 * margin,
                        PANGO_ALIGN_LEFT);
  cairo_set_source_rgba (cr, style->grid.r, style->grid.g, style->grid.b, MAX (style->grid.a, 0.5));
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, margin, margin + header_h + 3);
  cairo_line_to (cr, width - margin, margin + header_h + 3);
  cairo_stroke (cr);

  footer_h = 14;
  draw_text (cr, style, footer, 8, FALSE, margin, height - margin - footer_h,
             width - 2 * margin, PANGO_ALIGN_RIGHT);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, margin, margin + header_h + gap);
  draw_chart (cr, data, style, width - 2 * margin,
              MAX (10, height - 2 * margin - header_h - footer_h - 2 * gap));
  cairo_restore (cr);
}

gboolean
jd_chart_export_pack (GPtrArray   *charts,
                      const char  *district,
                      const char  *path,
                      GError     **error)
{
  /* A4 landscape, 15 mm margins */
  const double page_w = 841.89, page_h = 595.28, margin = 42.52;
  g_autofree char *tmp = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  JdChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean failed;

  g_return_val_if_fail (charts != NULL && charts->len > 0, FALSE);

  jd_chart_builder_style_init (&style, JD_CHART_THEME_PRINT);
  tmp = temporary_path (path);
  surface = cairo_pdf_surface_create (tmp, page_w, page_h);
  cr = cairo_create (surface);
  for (guint i = 0; i < charts->len; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, margin, margin);
      jd_chart_draw_page (cr, g_ptr_array_index (charts, i), &style, district, date,
                          i + 1, charts->len, page_w - 2 * margin, page_h - 2 * margin);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  failed = surface_failed (surface, path, error);
  cairo_surface_destroy (surface);
  if (failed)
    {
      g_unlink (tmp);
      return FALSE;
    }
  return finish_file (tmp, path, error);
}
