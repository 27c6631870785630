/* jiandu-cli.c: Jiandu without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit codes: 0 success, 1 bad input or data, 2 usage.
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "jd-chart-builder.h"
#include "jd-csv-import.h"
#include "jd-db.h"
#include "jd-exchange-import.h"
#include "jd-format.h"
#include "jd-review-batch.h"
#include "jd-review-print.h"
#include "jd-review-template.h"
#include "jd-sample.h"
#include "jd-stats.h"

enum {
  EXIT_OK    = 0,
  EXIT_DATA  = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (const char *database,
                    int         argc,
                    char      **argv);
} Command;

static int
fail (int         code,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (int         code,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("jiandu-cli: %s\n", message);
  return code;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("jiandu-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

/* The options of one command: PARAMETER after the command's name in the
 * help, then SUMMARY and ENTRIES, all translated. */
static GOptionContext *
command_context_new (const char         *parameter,
                     const GOptionEntry *entries,
                     const char         *summary)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

/* Parses the command's options. Without FILE_MISSING the command takes no
 * argument; with it, exactly one (a file), FILE_MISSING saying so when it is
 * not there. Returns EXIT_OK, or EXIT_USAGE after printing the help. */
static int
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               const char       *file_missing)
{
  g_autoptr(GError) error = NULL;
  int wanted = file_missing != NULL ? 2 : 1;

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (context, error->message);
  if (*argc < wanted)
    return usage_error (context, file_missing);
  if (*argc > wanted)
    return usage_error (context, _("Unexpected argument"));
  return EXIT_OK;
}

static JdDb *
open_database (const char  *database,
               GError     **error)
{
  g_autofree char *path = database != NULL ? g_strdup (database) : jd_db_default_path ();

  return jd_db_open (path, error);
}

/* sample -------------------------------------------------------------------- */

static void
print_progress (double   fraction,
                gpointer user_data)
{
  int *last = user_data;
  int percent = (int) (fraction * 100.0);

  if (percent / 10 != *last / 10)
    {
      *last = percent;
      g_printerr ("\r%s %d%%", _("Generating the sample district…"), percent);
    }
}

static int
run_sample (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  JdSampleOptions options;
  int records = -1, years = -1, seed = -1, last_year = -1;
  int last_percent = -10;
  const GOptionEntry entries[] = {
    { "records-per-year", 0, 0, G_OPTION_ARG_INT, &records,
      N_("Records in the last year (default 60000)"), "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Years of records (default 5)"), "Y" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator (default 20250101)"), "S" },
    { "last-year", 0, 0, G_OPTION_ARG_INT, &last_year, N_("The last year (default 2025)"), "YEAR" },
    { NULL }
  };

  context = command_context_new (NULL, entries,
                                 _("Write the fictitious sample district into an empty database."));

  if (parse_options (context, &argc, &argv, NULL) != EXIT_OK)
    return EXIT_USAGE;

  jd_sample_options_init (&options);
  if (records >= 0)
    {
      if (records < 1 || records > 10000000)
        return usage_error (context, _("--records-per-year must be between 1 and 10000000"));
      options.records_per_year = records;
    }
  if (years >= 0)
    {
      if (years < 1 || years > 30)
        return usage_error (context, _("--years must be between 1 and 30"));
      options.years = years;
    }
  if (seed >= 0)
    options.seed = (guint32) seed;
  if (last_year >= 0)
    {
      if (last_year < 1990 || last_year > 2999)
        return usage_error (context, _("--last-year must be between 1990 and 2999"));
      options.last_year = last_year;
    }

  db = open_database (database, &error);
  if (db == NULL)
    return fail (EXIT_DATA, "%s", error->message);

  if (!jd_sample_generate (db, &options, NULL, print_progress, &last_percent, &error))
    {
      g_printerr ("\n");
      return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);
    }

  g_printerr ("\r%s\n", _("Generating the sample district… done."));
  g_print (_("Wrote the sample district to %s\n"), jd_db_get_path (db));
  return EXIT_OK;
}

/* stats --------------------------------------------------------------------- */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* "key": { "value": N, "previous": M }, with a comma unless LAST */
static void
append_json_pair (GString    *out,
                  const char *key,
                  gint64      value,
                  gint64      previous,
                  gboolean    last)
{
  g_string_append (out, "    ");
  append_json_string (out, key);
  g_string_append_printf (out, ": { \"value\": %" G_GINT64_FORMAT
                          ", \"previous\": %" G_GINT64_FORMAT " }%s\n",
                          value, previous, last ? "" : ",");
}

static char *
stats_to_json (const char       *district,
               const JdOverview *current,
               const JdOverview *previous)
{
  GString *out = g_string_new ("{\n  \"district\": ");

  append_json_string (out, district);
  g_string_append_printf (out, ",\n  \"year\": %d,\n  \"previous_year\": %d,\n  \"figures\": {\n",
                          current->year, previous->year);

  for (guint i = 0; i < JD_FIGURE_N; i++)
    append_json_pair (out, jd_figure_to_id (i), current->values[i], previous->values[i],
                      i + 1 == JD_FIGURE_N);

  g_string_append (out, "  },\n  \"records_by_category\": {\n");
  for (guint i = 0; i < JD_CATEGORY_N; i++)
    append_json_pair (out, jd_category_to_id (i), current->records_by_category[i],
                      previous->records_by_category[i], i + 1 == JD_CATEGORY_N);
  g_string_append (out, "  }\n}\n");

  return g_string_free (out, FALSE);
}

static void
print_row (const char *label,
           const char *value,
           const char *change)
{
  /* Pad by display width, so Chinese labels line up too. */
  glong width = 0;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  g_print ("  %s%*s %16s   %s\n", label, (int) MAX (0, 36 - width), "", value, change);
}

static int
run_stats (const char  *database,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autofree char *district = NULL;
  JdOverview current, previous;
  gboolean json = FALSE;
  int year = 0;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year to report (required)"), "YEAR" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  context = command_context_new (NULL, entries,
                                 _("Print the overview’s figures for a year, with the year before."));

  if (parse_options (context, &argc, &argv, NULL) != EXIT_OK)
    return EXIT_USAGE;
  if (year == 0)
    return usage_error (context, _("--year is required"));
  if (year < 1900 || year > 2999)
    return usage_error (context, _("--year must be between 1900 and 2999"));

  db = open_database (database, &error);
  if (db == NULL)
    return fail (EXIT_DATA, "%s", error->message);

  if (jd_db_get_local_district (db) == 0)
    return fail (EXIT_DATA, _("%s: the database holds no district yet; "
                              "run “jiandu-cli sample” or import data first"),
                 jd_db_get_path (db));

  if (!jd_stats_overview (db, 0, year, &current, &error) ||
      !jd_stats_overview (db, 0, year - 1, &previous, &error))
    return fail (EXIT_DATA, "%s", error->message);

  district = jd_db_dup_local_district_name (db);

  if (json)
    {
      g_autofree char *text = stats_to_json (district, &current, &previous);
      fputs (text, stdout);
      return EXIT_OK;
    }

  /* Translators: district name, year, and the year compared against */
  g_print (_("%s, %d (change against %d)\n"), district, year, year - 1);
  for (guint i = 0; i < JD_FIGURE_N; i++)
    {
      gboolean money = jd_figure_is_money (i);
      g_autofree char *value = money ? jd_format_money (current.values[i])
                                     : jd_format_count (current.values[i]);
      g_autofree char *change = jd_format_change (current.values[i], previous.values[i], money);

      print_row (jd_figure_to_label (i), value, change);
    }

  return EXIT_OK;
}

/* import-csv ---------------------------------------------------------------- */

static int
run_import_csv (const char  *database,
                int          argc,
                char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(JdCsvImport) import = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) aliases = NULL;
  JdCsvImportFlags flags = JD_CSV_IMPORT_DEFAULT;
  gboolean good_rows_only = FALSE, dry_run = FALSE;
  GPtrArray *errors;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &mapping,
      N_("Correct the columns: field=column,… where column is a header or a number from 1"),
      "FIELD=COLUMN,…" },
    { "good-rows-only", 0, 0, G_OPTION_ARG_NONE, &good_rows_only,
      N_("Import the good rows and report the bad ones, instead of nothing"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file but write nothing"), NULL },
    { "agency-alias", 0, 0, G_OPTION_ARG_STRING_ARRAY, &aliases,
      N_("Read the name NAME in the file as the agency AGENCY (may be repeated)"), "NAME=AGENCY" },
    { NULL }
  };

  context = command_context_new (_("FILE"), entries,
                                 _("Import enforcement records from a CSV file (UTF-8 or GBK). "
                                   "Nothing is written unless every row is good."));
  {
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint f = 1; f < JD_CSV_FIELD_N; f++)
      g_string_append_printf (ids, "%s%s", f > 1 ? ", " : "", jd_csv_field_to_id (f));
    description = g_strdup_printf (_("Fields for --mapping: %s."), ids->str);
    g_option_context_set_description (context, description);
  }

  if (parse_options (context, &argc, &argv, _("A CSV file is required")) != EXIT_OK)
    return EXIT_USAGE;

  db = open_database (database, &error);
  if (db == NULL)
    return fail (EXIT_DATA, "%s", error->message);

  import = jd_csv_import_new (db, argv[1], &error);
  if (import == NULL)
    return fail (EXIT_DATA, "%s", error->message);

  if (mapping != NULL &&
      !jd_csv_mapping_apply_overrides (jd_csv_import_get_mapping (import), mapping, &error))
    return usage_error (context, error->message);

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (aliases[i], "=", 2);

      if (pair[0] == NULL || pair[1] == NULL)
        return usage_error (context, _("--agency-alias needs NAME=AGENCY"));
      if (!jd_csv_import_add_agency_alias (import, g_strstrip (pair[0]), g_strstrip (pair[1]), &error))
        {
          if (!g_error_matches (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING))
            return fail (EXIT_DATA, "%s", error->message);
          return usage_error (context, error->message);
        }
    }

  if (good_rows_only)
    flags |= JD_CSV_IMPORT_GOOD_ROWS_ONLY;
  if (dry_run)
    flags |= JD_CSV_IMPORT_DRY_RUN;

  ok = jd_csv_import_run (import, flags, NULL, NULL, NULL, &error);
  /* Failing before the rows (no district, say) has no summary */
  if (!ok && !g_error_matches (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS))
    return fail (EXIT_DATA, "%s", error->message);

  errors = jd_csv_import_get_errors (import);
  for (guint i = 0; i < errors->len; i++)
    {
      g_autofree char *line = jd_csv_import_format_error (import, g_ptr_array_index (errors, i));
      g_printerr ("%s\n", line);
    }
  if (jd_csv_import_get_n_errors (import) > errors->len)
    {
      guint more = jd_csv_import_get_n_errors (import) - errors->len;
      g_printerr (ngettext ("… and %u more error\n", "… and %u more errors\n", more), more);
    }

  /* Translators: a file name and its encoding */
  g_print (_("%s (%s)\n"), jd_csv_import_get_path (import), jd_csv_import_get_encoding (import));
  g_print (_("  rows read: %u\n"), jd_csv_import_get_n_rows (import));
  if (dry_run)
    g_print (_("  good rows: %u (dry run: nothing written)\n"), jd_csv_import_get_n_good (import));
  else
    g_print (_("  imported:  %u\n"), jd_csv_import_get_n_imported (import));
  g_print (_("  rejected:  %u\n"), jd_csv_import_get_n_rejected (import));

  if (!ok)
    return fail (EXIT_DATA, "%s", error->message);

  return EXIT_OK;
}

/* chart --------------------------------------------------------------------- */

static int
run_chart (const char  *database,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autoptr(JdChartData) data = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *out = NULL;
  g_autofree char *domain = NULL;
  JdChartScope scope = { 0, };
  JdChartStyle style;
  JdChartFormat format;
  int year = 0, from = 0, to = 0, width = 1600, height = 900;
  double dpi = 144;
  gint64 agency = 0;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("trend, composition, ranking, procedure or fines (required)"), "KIND" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The last year shown (required)"), "YEAR" },
    { "from", 0, 0, G_OPTION_ARG_INT, &from, N_("The first year (default: four years before)"), "YEAR" },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_("The last year (default: --year)"), "YEAR" },
    { "agency", 0, 0, G_OPTION_ARG_INT64, &agency, N_("Only this agency"), "ID" },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &domain,
      N_("Only agencies of this enforcement domain (a code such as market_regulation)"), "CODE" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write: .png, .svg or .pdf (required)"), "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1600)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 900)"), "H" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution (default 144)"), "D" },
    { NULL }
  };

  context = command_context_new (NULL, entries,
                                 _("Draw a chart of the local district into a file."));

  if (parse_options (context, &argc, &argv, NULL) != EXIT_OK)
    return EXIT_USAGE;
  if (kind == NULL || !jd_chart_choice_from_id (kind, &scope.choice))
    return usage_error (context, _("--kind must be trend, composition, ranking, procedure or fines"));
  if (year == 0 && to == 0)
    return usage_error (context, _("--year is required"));
  if (out == NULL || !jd_chart_format_from_path (out, &format))
    return usage_error (context, _("--out must name a .png, .svg or .pdf file"));

  scope.year_to = to != 0 ? to : year;
  scope.year_from = from != 0 ? from : scope.year_to - 4;
  if (scope.year_from > scope.year_to)
    return usage_error (context, _("--from must not be after --to"));
  scope.agency_kind = -1;
  scope.agency_id = agency;

  db = open_database (database, &error);
  if (db == NULL)
    return fail (EXIT_DATA, "%s", error->message);
  if (domain != NULL)
    {
      scope.domain_id = jd_db_lookup_domain (db, domain);
      if (scope.domain_id == 0)
        return fail (EXIT_USAGE, _("unknown enforcement domain “%s”"), domain);
    }

  data = jd_chart_build (db, &scope, &error);
  if (data == NULL)
    return fail (EXIT_DATA, "%s", error->message);

  jd_chart_builder_style_init (&style, format == JD_CHART_FORMAT_PDF ? JD_CHART_THEME_PRINT
                                                                     : JD_CHART_THEME_LIGHT);
  if (!jd_chart_export (data, &style, out, width, height, dpi, &error))
    return fail (EXIT_DATA, "%s", error->message);

  g_print (_("Wrote %s\n"), out);
  return EXIT_OK;
}

/* export, import, validate: exchange files ----------------------------------- */

static int
run_export (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *district = NULL;
  JdExchangeExportOptions options;
  int year = 0, from = 0, to = 0;
  gboolean records = FALSE, personal_data = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Export this year only"), N_("YEAR") },
    { "from", 0, 0, G_OPTION_ARG_INT, &from, N_("The first year to export"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_("The last year to export"), N_("YEAR") },
    { "records", 0, 0, G_OPTION_ARG_NONE, &records,
      N_("Add every enforcement record, not only the figures"), NULL },
    { "personal-data", 0, 0, G_OPTION_ARG_NONE, &personal_data,
      N_("Add officers’ names and certificate numbers (personal data)"), NULL },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district,
      N_("Export this district (default: the database’s own)"), N_("CODE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  context = command_context_new (NULL, entries,
                                 _("Write a district’s yearly figures into an exchange file "
                                   "for the city bureau or another district."));

  if (parse_options (context, &argc, &argv, NULL) != EXIT_OK)
    return EXIT_USAGE;
  if (out == NULL)
    return usage_error (context, _("--out is required"));
  if (year != 0 && (from != 0 || to != 0))
    return usage_error (context, _("Give either --year or --from and --to"));

  db = open_database (database, &error);
  if (db == NULL)
    return fail (EXIT_DATA, "%s", error->message);

  jd_exchange_export_options_init (&options);
  options.district_code = district;
  options.first_year = year != 0 ? year : from;
  options.last_year = year != 0 ? year : to;
  options.records = records;
  options.personal_data = personal_data;
  if (!jd_exchange_export (db, &options, out, NULL, &error))
    return fail (EXIT_DATA, "%s", error->message);

  g_print (_("Wrote %s\n"), out);
  return EXIT_OK;
}

static void
print_exchange_summary (const JdExchangeSummary *summary)
{
  char number[32];

  /* Translators: district name, district code */
  g_print (_("District: %s (%s)\n"), summary->district_name, summary->district_code);
  if (summary->first_year > 0)
    g_print (_("Years: %d–%d\n"), summary->first_year, summary->last_year);
  g_print (_("Format version: %s\n"), summary->version);
  g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, summary->n_rows);
  g_print (_("Statistics rows: %s\n"), number);
  if (summary->records)
    {
      g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, summary->n_records);
      g_print (_("Records: %s\n"), number);
    }
}

static int
run_import (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  JdExchangeImportOptions options = { FALSE };
  JdExchangeSummary summary = { NULL };
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &options.replace,
      N_("Replace a district’s years that the database already holds"), NULL },
    { "as-own", 0, 0, G_OPTION_ARG_NONE, &options.as_own,
      N_("Make the file’s district the database’s own, if the database has none and the file has records"),
      NULL },
    { NULL }
  };
  int status = EXIT_OK;

  context = command_context_new (_("FILE"), entries,
                                 _("Import an exchange file: all of it, or nothing when anything is wrong."));

  if (parse_options (context, &argc, &argv, _("An exchange file is required")) != EXIT_OK)
    return EXIT_USAGE;

  db = open_database (database, &error);
  if (db == NULL)
    return fail (EXIT_DATA, "%s", error->message);

  if (jd_exchange_import (db, argv[1], &options, &summary, NULL, NULL, NULL, &error))
    {
      print_exchange_summary (&summary);
      if (summary.made_own)
        g_print (_("%s is now the database’s own district\n"), summary.district_name);
      g_print (_("Imported %s\n"), argv[1]);
    }
  else
    status = fail (EXIT_DATA, "%s", error->message);

  jd_exchange_summary_clear (&summary);
  return status;
}

static int
run_validate (const char  *database,
              int          argc,
              char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  JdExchangeSummary summary = { NULL };
  const GOptionEntry entries[] = { { NULL } };
  int status = EXIT_OK;

  context = command_context_new (_("FILE"), entries,
                                 _("Check an exchange file without importing it."));

  if (parse_options (context, &argc, &argv, _("An exchange file is required")) != EXIT_OK)
    return EXIT_USAGE;

  if (jd_exchange_validate (argv[1], &summary, NULL, NULL, NULL, &error))
    {
      print_exchange_summary (&summary);
      g_print (_("%s is a valid exchange file\n"), argv[1]);
    }
  else
    status = fail (EXIT_DATA, "%s", error->message);

  jd_exchange_summary_clear (&summary);
  return status;
}

/* review -------------------------------------------------------------------- */

static gboolean
parse_id (const char *text,
          gint64     *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/* The batch id of a review subcommand's one argument */
static int
review_batch_argument (GOptionContext *context,
                       int             argc,
                       char          **argv,
                       gint64         *out)
{
  if (argc < 2)
    return usage_error (context, _("A batch id is required"));
  if (argc > 2)
    return usage_error (context, _("Unexpected argument"));
  if (!parse_id (argv[1], out))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a batch id"), argv[1]);

      return usage_error (context, message);
    }
  return EXIT_OK;
}

/* Fails (1) naming the database when there is no batch BATCH_ID */
static int
review_batch_exists (JdDb   *db,
                     gint64  batch_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewBatchSpec) spec = jd_review_batch_load_spec (db, batch_id, &error);

  if (spec == NULL)
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db),
                 error != NULL ? error->message : _("no such batch"));
  return EXIT_OK;
}

static int
run_review_create (JdDb  *db,
                   int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewBatchSpec) spec = jd_review_batch_spec_new ();
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *seed = NULL;
  g_auto(GStrv) agencies = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) reviewers = NULL;
  g_autoptr(GPtrArray) files = NULL;
  int year = 0, size = 0;
  double percent = 0;
  gint64 batch_id = 0;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The batch’s name (required)"), "NAME" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year reviewed (required)"), "YEAR" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("self, cross or spot (default self)"), "KIND" },
    { "agency", 0, 0, G_OPTION_ARG_STRING_ARRAY, &agencies,
      N_("Only this agency (repeatable; default every agency)"), "ID" },
    { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &categories,
      N_("Only this category, such as penalty (repeatable)"), "ID" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Files closed on or after this date"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Files closed on or before this date"), "DATE" },
    { "size", 0, 0, G_OPTION_ARG_INT, &size, N_("Files to draw"), "N" },
    { "percent", 0, 0, G_OPTION_ARG_DOUBLE, &percent, N_("Percentage of the files to draw"), "P" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, N_("The random seed (default: a new one)"), "S" },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &reviewers,
      N_("A reviewer’s name (repeatable)"), "NAME" },
    { NULL }
  };

  context = command_context_new (NULL, entries,
                                 _("Create a review batch and draw its sample of case files."));
  if (parse_options (context, &argc, &argv, NULL) != EXIT_OK)
    return EXIT_USAGE;
  if (name == NULL || *g_strstrip (name) == '\0')
    return usage_error (context, _("--name is required"));
  if (year == 0)
    return usage_error (context, _("--year is required"));
  if (year < 1900 || year > 2999)
    return usage_error (context, _("--year must be between 1900 and 2999"));
  if ((size > 0) == (percent > 0))
    return usage_error (context, _("Give one of --size and --percent"));
  if (size < 0 || percent < 0 || percent > 100)
    return usage_error (context, _("--size must be positive and --percent between 0 and 100"));

  spec->name = g_strdup (name);
  spec->year = year;
  spec->kind = JD_REVIEW_BATCH_SELF;
  if (kind != NULL)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < JD_REVIEW_BATCH_KIND_N && !found; k++)
        if (g_strcmp0 (kind, jd_review_batch_kind_to_id (k)) == 0)
          {
            spec->kind = k;
            found = TRUE;
          }
      if (!found)
        return fail (EXIT_USAGE, _("unknown batch kind “%s”: use self, cross or spot"), kind);
    }
  for (guint i = 0; agencies != NULL && agencies[i] != NULL; i++)
    {
      gint64 id;

      if (!parse_id (agencies[i], &id))
        return fail (EXIT_USAGE, _("--agency: “%s” is not an agency id"), agencies[i]);
      g_array_append_val (spec->agency_ids, id);
    }
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      JdActionCategory category;
      int value;

      if (!jd_category_from_id (categories[i], &category))
        return fail (EXIT_USAGE, _("--category: unknown category “%s”"), categories[i]);
      value = category;
      g_array_append_val (spec->categories, value);
    }
  if (from != NULL && !jd_parse_iso_date (from, NULL, NULL, NULL))
    return fail (EXIT_USAGE, _("--from: “%s” is not a date (YYYY-MM-DD)"), from);
  if (to != NULL && !jd_parse_iso_date (to, NULL, NULL, NULL))
    return fail (EXIT_USAGE, _("--to: “%s” is not a date (YYYY-MM-DD)"), to);
  spec->closed_from = g_strdup (from);
  spec->closed_to = g_strdup (to);
  spec->sample_size = (guint) size;
  spec->sample_percent = percent;
  if (seed != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &spec->seed, NULL))
        return fail (EXIT_USAGE, _("--seed: “%s” is not a number"), seed);
    }
  else
    spec->seed = jd_review_new_seed ();
  for (guint i = 0; reviewers != NULL && reviewers[i] != NULL; i++)
    g_ptr_array_add (spec->reviewers, g_strdup (reviewers[i]));

  if (!jd_review_templates_ensure (db, &error) ||
      !jd_review_batch_create (db, spec, &batch_id, &error))
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);
  files = jd_review_batch_files (db, batch_id, &error);
  if (files == NULL)
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);
    g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, spec->seed);

    /* Translators: the batch id, the number of files, the seed */
    g_print (_("Created batch %s: %u files drawn with seed %s\n"), id, files->len, seed_text);
  }
  return EXIT_OK;
}

static int
run_review_list (JdDb  *db,
                 int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  const GOptionEntry entries[] = { { NULL } };

  context = command_context_new (NULL, entries, _("List the review batches, newest first."));
  if (parse_options (context, &argc, &argv, NULL) != EXIT_OK)
    return EXIT_USAGE;

  batches = jd_review_batches_list (db, &error);
  if (batches == NULL)
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);
  for (guint i = 0; i < batches->len; i++)
    {
      const JdReviewBatchInfo *info = g_ptr_array_index (batches, i);

      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);
      g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, info->seed);

      /* Translators: one batch in `jiandu-cli review list`: id, year, kind, files
       * finished of drawn, seed, name */
      g_print (_("%s\t%d\t%s\t%u/%u finished\tseed %s\t%s\n"),
               id, info->year, jd_review_batch_kind_to_label (info->kind),
               info->n_finished, info->n_files, seed, info->name);
    }
  return EXIT_OK;
}

static int
run_review_files (JdDb  *db,
                  int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const GOptionEntry entries[] = { { NULL } };
  gint64 batch_id = 0;
  int status;

  context = command_context_new (_("BATCH"), entries,
                                 _("List a batch’s drawn files in drawn order."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if ((status = review_batch_argument (context, argc, argv, &batch_id)) != EXIT_OK ||
      (status = review_batch_exists (db, batch_id)) != EXIT_OK)
    return status;

  files = jd_review_batch_files (db, batch_id, &error);
  if (files == NULL)
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);
  for (guint i = 0; i < files->len; i++)
    {
      const JdReviewFile *file = g_ptr_array_index (files, i);
      g_autofree char *standing = NULL;

      if (file->status == 2)
        standing = g_strdup_printf ("%.1f %s", file->score, jd_grade_to_label (file->grade));
      else
        standing = g_strdup (file->status == 1 ? _("in progress") : _("not started"));
      g_print ("%u\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", file->seq, file->id,
               file->agency_name != NULL ? file->agency_name : "",
               file->decision_no != NULL ? file->decision_no : "",
               file->party != NULL ? file->party : "",
               file->closed_on != NULL ? file->closed_on : "", standing);
    }
  return EXIT_OK;
}

static void
append_json_defects (GString         *out,
                     const GPtrArray *defects,
                     const char      *indent)
{
  g_string_append (out, "[");
  for (guint i = 0; defects != NULL && i < defects->len; i++)
    {
      const JdReviewDefect *defect = g_ptr_array_index (defects, i);
      char points[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s\n%s  { \"item\": ", i > 0 ? "," : "", indent);
      append_json_string (out, defect->text);
      g_string_append (out, ", \"section\": ");
      append_json_string (out, defect->section);
      g_string_append_printf (out, ", \"files\": %u, \"vetoes\": %u, \"points\": %s }",
                              defect->n_files, defect->n_vetoes,
                              g_ascii_formatd (points, sizeof points, "%.2f", defect->points));
    }
  g_string_append_printf (out, "%s]", defects != NULL && defects->len > 0 ? "\n" : "");
  if (defects != NULL && defects->len > 0)
    g_string_insert (out, out->len - 1, indent);
}

static char *
results_to_json (const JdReviewResults *results)
{
  GString *out = g_string_new ("{\n");
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "  \"batch\": %" G_GINT64_FORMAT ",\n  \"files\": %u,\n"
                          "  \"reviewed\": %u,\n  \"average\": %s,\n  \"grades\": {",
                          results->batch_id, results->n_files, results->n_reviewed,
                          g_ascii_formatd (number, sizeof number, "%.2f", results->average));
  for (JdGrade g = 0; g < JD_GRADE_N; g++)
    g_string_append_printf (out, "%s \"%s\": %u", g > 0 ? "," : "", jd_grade_to_id (g),
                            results->n_by_grade[g]);
  g_string_append (out, " },\n  \"defects\": ");
  append_json_defects (out, results->defects, "  ");
  g_string_append (out, ",\n  \"agencies\": [");
  for (guint i = 0; i < results->agencies->len; i++)
    {
      const JdReviewAgencyResult *agency = g_ptr_array_index (results->agencies, i);

      g_string_append_printf (out, "%s\n    { \"id\": %" G_GINT64_FORMAT ", \"name\": ",
                              i > 0 ? "," : "", agency->agency_id);
      append_json_string (out, agency->agency_name);
      g_string_append_printf (out, ", \"rank\": %u, \"files\": %u, \"reviewed\": %u, "
                              "\"average\": %s, \"grade\": \"%s\", \"failed\": %u,\n"
                              "      \"defects\": ",
                              agency->rank, agency->n_files, agency->n_reviewed,
                              g_ascii_formatd (number, sizeof number, "%.2f", agency->average),
                              jd_grade_to_id (agency->grade), agency->n_by_grade[JD_GRADE_FAIL]);
      append_json_defects (out, agency->defects, "      ");
      g_string_append (out, " }");
    }
  g_string_append_printf (out, "%s]\n}\n", results->agencies->len > 0 ? "\n  " : "");
  return g_string_free (out, FALSE);
}

static int
run_review_results (JdDb  *db,
                    int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewResults) results = NULL;
  gboolean json = FALSE;
  gint64 batch_id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  context = command_context_new (_("BATCH"), entries,
                                 _("Print a batch’s results: grades, agencies by rank, defects."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if ((status = review_batch_argument (context, argc, argv, &batch_id)) != EXIT_OK ||
      (status = review_batch_exists (db, batch_id)) != EXIT_OK)
    return status;

  results = jd_review_batch_results (db, batch_id, &error);
  if (results == NULL)
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);

  if (json)
    {
      g_autofree char *text = results_to_json (results);

      fputs (text, stdout);
      return EXIT_OK;
    }

  g_print (_("Files drawn: %u, reviewed: %u, average: %.1f\n"),
           results->n_files, results->n_reviewed, results->average);
  for (JdGrade g = 0; g < JD_GRADE_N; g++)
    g_print ("  %s: %u\n", jd_grade_to_label (g), results->n_by_grade[g]);
  g_print ("%s\n", _("Agencies by rank:"));
  for (guint i = 0; i < results->agencies->len; i++)
    {
      const JdReviewAgencyResult *agency = g_ptr_array_index (results->agencies, i);

      g_print ("  %u\t%s\t%u/%u\t%.1f\t%s\n", agency->rank, agency->agency_name,
               agency->n_reviewed, agency->n_files, agency->average,
               agency->n_reviewed > 0 ? jd_grade_to_label (agency->grade) : "—");
    }
  g_print ("%s\n", _("Most frequent defects:"));
  for (guint i = 0; i < results->defects->len && i < 10; i++)
    {
      const JdReviewDefect *defect = g_ptr_array_index (results->defects, i);

      g_print ("  %u\t%.1f\t%s\n", defect->n_files, defect->points, defect->text);
    }
  return EXIT_OK;
}

static int
run_review_print (JdDb  *db,
                  int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdReviewDoc) doc = NULL;
  g_autofree char *kind_id = NULL;
  g_autofree char *out = NULL;
  gint64 batch_id = 0, file_id = 0, letter_id = 0;
  JdReviewDocKind kind;
  const GOptionEntry entries[] = {
    { "doc", 0, 0, G_OPTION_ARG_STRING, &kind_id,
      N_("blank, filled, results or letters (required)"), "DOC" },
    { "batch", 0, 0, G_OPTION_ARG_INT64, &batch_id,
      N_("The batch (required for the results, and for filled sheets without --file)"), "ID" },
    { "file", 0, 0, G_OPTION_ARG_INT64, &file_id, N_("Only this drawn file (filled sheets)"), "ID" },
    { "letter", 0, 0, G_OPTION_ARG_INT64, &letter_id, N_("Only this letter"), "ID" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write (required)"), "FILE" },
    { NULL }
  };

  context = command_context_new (NULL, entries,
                                 _("Write review sheets, a batch’s results or its letters as PDF."));
  if (parse_options (context, &argc, &argv, NULL) != EXIT_OK)
    return EXIT_USAGE;
  if (kind_id == NULL || !jd_review_doc_kind_from_id (kind_id, &kind))
    return usage_error (context, _("--doc must be blank, filled, results or letters"));
  if (out == NULL || !g_str_has_suffix (out, ".pdf"))
    return usage_error (context, _("--out must name a .pdf file"));
  if (batch_id <= 0 && ((kind == JD_REVIEW_DOC_FILLED_SHEETS && file_id <= 0) ||
                        kind == JD_REVIEW_DOC_RESULTS))
    return usage_error (context, _("--batch is required for this document"));

  if (!jd_review_templates_ensure (db, &error))
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);
  doc = jd_review_doc_new (db, kind, batch_id, file_id, letter_id, &error);
  if (doc == NULL)
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);
  if (!jd_review_doc_export_pdf (doc, out, &error))
    return fail (EXIT_DATA, "%s", error->message);
  g_print (_("Wrote %s\n"), out);
  return EXIT_OK;
}

static int
run_review_letters (JdDb  *db,
                    int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = { { NULL } };
  gint64 batch_id = 0;
  guint drafted = 0;
  int status;

  context = command_context_new (_("BATCH"), entries,
                                 _("Draft a supervision letter for each agency of the batch with defects."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if ((status = review_batch_argument (context, argc, argv, &batch_id)) != EXIT_OK ||
      (status = review_batch_exists (db, batch_id)) != EXIT_OK)
    return status;

  if (!jd_review_letters_draft (db, batch_id, &drafted, &error))
    return fail (EXIT_DATA, "%s: %s", jd_db_get_path (db), error->message);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Drafted %u letter\n", "Drafted %u letters\n", drafted),
           drafted);
  return EXIT_OK;
}

static const struct
{
  const char *name;
  int       (*run) (JdDb  *db,
                    int    argc,
                    char **argv);
} review_commands[] = {
  { "create", run_review_create },
  { "list", run_review_list },
  { "files", run_review_files },
  { "results", run_review_results },
  { "print", run_review_print },
  { "letters", run_review_letters },
};

static void
print_review_help (FILE *stream)
{
  fprintf (stream, "%s\n"
           "  jiandu-cli review create --name N --year Y [--kind self|cross|spot] (--size N | --percent P) …\n"
           "  jiandu-cli review list\n"
           "  jiandu-cli review files BATCH\n"
           "  jiandu-cli review results BATCH [--json]\n"
           "  jiandu-cli review print --doc blank|filled|results|letters [--batch ID] --out FILE.pdf\n"
           "  jiandu-cli review letters BATCH\n\n%s\n",
           _("Usage:"), _("Run “jiandu-cli review SUBCOMMAND --help” for its options."));
}

static int
run_review (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_review_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (review_commands); i++)
    {
      gboolean help = FALSE;

      if (!g_str_equal (argv[1], review_commands[i].name))
        continue;
      /* --help needs no database */
      for (int a = 2; a < argc; a++)
        help |= g_str_equal (argv[a], "--help") || g_str_equal (argv[a], "-h");
      if (!help)
        {
          db = open_database (database, &error);
          if (db == NULL)
            return fail (EXIT_DATA, "%s", error->message);
          if (jd_db_get_local_district (db) == 0)
            return fail (EXIT_DATA, _("%s: the database holds no district yet; "
                                      "run “jiandu-cli sample” or import data first"),
                         jd_db_get_path (db));
        }
      return review_commands[i].run (db, argc - 1, argv + 1);
    }

  return fail (EXIT_USAGE, _("unknown review command “%s”; see “jiandu-cli review --help”"), argv[1]);
}

/* main ---------------------------------------------------------------------- */

static const Command commands[] = {
  { "sample", N_("Write the sample district into an empty database"), run_sample },
  { "stats",  N_("Print the overview’s figures for a year"), run_stats },
  { "import-csv", N_("Import enforcement records from a CSV file"), run_import_csv },
  { "chart", N_("Draw a chart into a PNG, SVG or PDF file"), run_chart },
  { "export", N_("Write a district’s figures into an exchange file"), run_export },
  { "import", N_("Import an exchange file from another district"), run_import },
  { "validate", N_("Check an exchange file without importing it"), run_validate },
  { "review", N_("Case-file review: batches, results, printed sheets and letters"), run_review },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  jiandu-cli [--database PATH] COMMAND [OPTIONS]\n\n%s\n",
           _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n  --database PATH  %s\n  --version        %s\n  -h, --help       %s\n\n%s\n",
           _("Options:"),
           _("The database file (default: $XDG_DATA_HOME/jiandu/jiandu.db)"),
           _("Print the version"),
           _("Show this help"),
           _("Run “jiandu-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  const char *database = NULL;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  for (i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("jiandu-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--database"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            return fail (EXIT_USAGE, _("--database needs a file name"));
          database = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--database="))
        database = argv[i] + strlen ("--database=");
      else
        break;
    }

  if (i >= argc)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (g_str_equal (argv[i], commands[c].name))
        return commands[c].run (database, argc - i, argv + i);
    }

  return fail (EXIT_USAGE, _("unknown command “%s”; see “jiandu-cli --help”"), argv[i]);
}
