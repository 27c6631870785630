/* jd-stats.c: the figures of the overview, from the registry and rollups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-stats"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-db-private.h"
#include "jd-stats-private.h"

typedef struct
{
  const char *id;
  const char *label;
  gboolean    money;
} FigureName;

static const FigureName figures[JD_FIGURE_N] = {
  [JD_FIGURE_AGENCIES]             = { "agencies",             N_("Enforcement agencies"), FALSE },
  [JD_FIGURE_AGENCIES_DEPARTMENTS] = { "agencies_departments", N_("District departments"), FALSE },
  [JD_FIGURE_AGENCIES_TOWNS]       = { "agencies_towns",       N_("Streets and towns"), FALSE },
  [JD_FIGURE_AGENCIES_TEAMS]       = { "agencies_teams",       N_("Integrated teams"), FALSE },
  [JD_FIGURE_AGENCIES_OTHER]       = { "agencies_other",       N_("Other agencies"), FALSE },
  [JD_FIGURE_OFFICERS_VALID]       = { "officers_valid",       N_("Officers with a valid certificate"), FALSE },
  [JD_FIGURE_OFFICERS_NEW]         = { "officers_new",         N_("Newly certified"), FALSE },
  [JD_FIGURE_OFFICERS_CANCELLED]   = { "officers_cancelled",   N_("Certificates cancelled"), FALSE },
  [JD_FIGURE_RECORDS]              = { "records",              N_("Enforcement records"), FALSE },
  [JD_FIGURE_INSPECTIONS]          = { "inspections",          N_("Inspections"), FALSE },
  [JD_FIGURE_PENALTIES]            = { "penalties",            N_("Penalties"), FALSE },
  [JD_FIGURE_PENALTIES_GENERAL]    = { "penalties_general",    N_("Penalties, general procedure"), FALSE },
  [JD_FIGURE_PENALTIES_SIMPLE]     = { "penalties_simple",     N_("Penalties, simple procedure"), FALSE },
  [JD_FIGURE_COERCION]             = { "coercion",             N_("Coercion"), FALSE },
  [JD_FIGURE_LICENSING]            = { "licensing",            N_("Licensing"), FALSE },
  [JD_FIGURE_OTHER_ACTIONS]        = { "other_actions",        N_("Other actions"), FALSE },
  [JD_FIGURE_FINES]                = { "fines",                N_("Fines"), TRUE },
  [JD_FIGURE_CONFISCATIONS]        = { "confiscations",        N_("Confiscations"), TRUE },
};

const char *
jd_figure_to_id (JdFigure figure)
{
  g_return_val_if_fail ((guint) figure < JD_FIGURE_N, NULL);

  return figures[figure].id;
}

const char *
jd_figure_to_label (JdFigure figure)
{
  g_return_val_if_fail ((guint) figure < JD_FIGURE_N, NULL);

  return g_dgettext (GETTEXT_PACKAGE, figures[figure].label);
}

gboolean
jd_figure_is_money (JdFigure figure)
{
  g_return_val_if_fail ((guint) figure < JD_FIGURE_N, FALSE);

  return figures[figure].money;
}

gboolean
jd_stats_change (gint64  current,
                 gint64  previous,
                 gint64 *out_delta,
                 double *out_percent)
{
  if (out_delta != NULL)
    *out_delta = current - previous;
  if (out_percent != NULL)
    *out_percent = 0.0;

  if (previous == 0)
    return FALSE;

  if (out_percent != NULL)
    *out_percent = 100.0 * (double) (current - previous) / (double) previous;
  return TRUE;
}

static JdFigure
figure_for_kind (int kind)
{
  switch (kind)
    {
    case JD_AGENCY_KIND_DISTRICT_DEPARTMENT: return JD_FIGURE_AGENCIES_DEPARTMENTS;
    case JD_AGENCY_KIND_SUBDISTRICT_TOWN:    return JD_FIGURE_AGENCIES_TOWNS;
    case JD_AGENCY_KIND_INTEGRATED_TEAM:     return JD_FIGURE_AGENCIES_TEAMS;
    default:                                 return JD_FIGURE_AGENCIES_OTHER;
    }
}

/* Agencies that existed in YEAR: established by then, not dissolved before,
 * and either active or dissolved later. With AGENCY_ID, only that one. */
static gboolean
count_agencies (JdDb        *db,
                gint64       district_id,
                gint64       agency_id,
                int          year,
                JdOverview  *out,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (agency_id > 0)
    stmt = _jd_db_prepare_cached (db,
      "SELECT a.kind, count(*) FROM agency a WHERE a.id = ?1 AND"
      JD_SQL_AGENCY_EXISTED ("a", "?2")
      " GROUP BY a.kind;", error);
  else
    stmt = _jd_db_prepare_cached (db,
      "SELECT a.kind, count(*) FROM agency a WHERE a.district_id = ?1 AND"
      JD_SQL_AGENCY_EXISTED ("a", "?2")
      " GROUP BY a.kind;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, agency_id > 0 ? agency_id : district_id);
  sqlite3_bind_int (stmt, 2, year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 1);

      out->values[figure_for_kind (sqlite3_column_int (stmt, 0))] += n;
      out->values[JD_FIGURE_AGENCIES] += n;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

#define OFFICER_COUNTS \
  "SELECT" \
  "  sum (" JD_SQL_OFFICER_VALID ("o", "?3") ")," \
  "  sum (o.issued_on BETWEEN ?2 AND ?3)," \
  "  sum (o.status = 2 AND o.status_changed_on BETWEEN ?2 AND ?3)"

/* Officers holding a certificate at the end of YEAR (issued by then and not
 * suspended or cancelled by then), those first certified in YEAR, and those
 * whose certificate was cancelled in YEAR; of the district or of AGENCY_ID. */
static gboolean
count_officers (JdDb        *db,
                gint64       district_id,
                gint64       agency_id,
                int          year,
                JdOverview  *out,
                GError     **error)
{
  g_autofree char *first_day = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;

  if (agency_id > 0)
    stmt = _jd_db_prepare_cached (db,
      OFFICER_COUNTS
      " FROM officer o"
      " WHERE o.agency_id = ?1 AND o.issued_on IS NOT NULL AND" JD_SQL_OFFICER_COUNTED ("o") ";",
      error);
  else
    stmt = _jd_db_prepare_cached (db,
      OFFICER_COUNTS
      " FROM officer o JOIN agency a ON a.id = o.agency_id"
      " WHERE a.district_id = ?1 AND o.issued_on IS NOT NULL AND" JD_SQL_OFFICER_COUNTED ("o") ";",
      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, agency_id > 0 ? agency_id : district_id);
  sqlite3_bind_text (stmt, 2, first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _jd_db_set_error (db, error);
    }

  out->values[JD_FIGURE_OFFICERS_VALID] = sqlite3_column_int64 (stmt, 0);
  out->values[JD_FIGURE_OFFICERS_NEW] = sqlite3_column_int64 (stmt, 1);
  out->values[JD_FIGURE_OFFICERS_CANCELLED] = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);

  /* and the agencies whose figures came as counts */
  if (agency_id > 0)
    stmt = _jd_db_prepare_cached (db,
      "SELECT sum (valid), sum (certified_in_year), sum (cancelled_in_year)"
      " FROM officer_count WHERE agency_id = ?1 AND year = ?2;", error);
  else
    stmt = _jd_db_prepare_cached (db,
      "SELECT sum (c.valid), sum (c.certified_in_year), sum (c.cancelled_in_year)"
      " FROM officer_count c JOIN agency a ON a.id = c.agency_id"
      " WHERE a.district_id = ?1 AND c.year = ?2;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agency_id > 0 ? agency_id : district_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _jd_db_set_error (db, error);
    }
  out->values[JD_FIGURE_OFFICERS_VALID] += sqlite3_column_int64 (stmt, 0);
  out->values[JD_FIGURE_OFFICERS_NEW] += sqlite3_column_int64 (stmt, 1);
  out->values[JD_FIGURE_OFFICERS_CANCELLED] += sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);

  return TRUE;
}

#define RECORD_COUNTS \
  "SELECT category, procedure, sum (n_records), sum (fine_fen), sum (confiscation_fen)" \
  " FROM rollup"

static gboolean
count_records (JdDb        *db,
               gint64       district_id,
               gint64       agency_id,
               int          year,
               JdOverview  *out,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (agency_id > 0)
    stmt = _jd_db_prepare_cached (db,
      RECORD_COUNTS " WHERE agency_id = ?1 AND year = ?2"
      " GROUP BY category, procedure;", error);
  else
    stmt = _jd_db_prepare_cached (db,
      RECORD_COUNTS " WHERE district_id = ?1 AND year = ?2"
      " GROUP BY category, procedure;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, agency_id > 0 ? agency_id : district_id);
  sqlite3_bind_int (stmt, 2, year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int category = sqlite3_column_int (stmt, 0);
      int procedure = sqlite3_column_int (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (category < 0 || category >= JD_CATEGORY_N)
        continue;

      out->records_by_category[category] += n;
      out->values[JD_FIGURE_RECORDS] += n;
      out->values[JD_FIGURE_FINES] += sqlite3_column_int64 (stmt, 3);
      out->values[JD_FIGURE_CONFISCATIONS] += sqlite3_column_int64 (stmt, 4);

      switch ((JdActionCategory) category)
        {
        case JD_CATEGORY_INSPECTION:
          out->values[JD_FIGURE_INSPECTIONS] += n;
          break;
        case JD_CATEGORY_PENALTY:
          out->values[JD_FIGURE_PENALTIES] += n;
          if (procedure == JD_PROCEDURE_GENERAL)
            out->values[JD_FIGURE_PENALTIES_GENERAL] += n;
          else if (procedure == JD_PROCEDURE_SIMPLE)
            out->values[JD_FIGURE_PENALTIES_SIMPLE] += n;
          break;
        case JD_CATEGORY_COERCIVE_MEASURE:
        case JD_CATEGORY_COERCIVE_EXECUTION:
          out->values[JD_FIGURE_COERCION] += n;
          break;
        case JD_CATEGORY_LICENSING:
          out->values[JD_FIGURE_LICENSING] += n;
          break;
        case JD_CATEGORY_LEVY:
        case JD_CATEGORY_REQUISITION:
        case JD_CATEGORY_FEE_COLLECTION:
        case JD_CATEGORY_CONFIRMATION:
        case JD_CATEGORY_BENEFIT_PAYMENT:
        case JD_CATEGORY_REWARD:
        case JD_CATEGORY_ADJUDICATION:
        case JD_CATEGORY_OTHER:
        default:
          out->values[JD_FIGURE_OTHER_ACTIONS] += n;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

gboolean
_jd_stats_overview_for (JdDb        *db,
                        gint64       district_id,
                        gint64       agency_id,
                        int          year,
                        JdOverview  *out,
                        GError     **error)
{
  g_assert (JD_IS_DB (db));
  g_assert (out != NULL);

  memset (out, 0, sizeof *out);
  out->year = year;

  if (agency_id <= 0 && district_id <= 0)
    district_id = jd_db_get_local_district (db);
  if (agency_id <= 0 && district_id <= 0)
    return TRUE;   /* an empty database has nothing to count */

  return count_agencies (db, district_id, agency_id, year, out, error) &&
         count_officers (db, district_id, agency_id, year, out, error) &&
         count_records (db, district_id, agency_id, year, out, error);
}

gboolean
jd_stats_overview (JdDb        *db,
                   gint64       district_id,
                   int          year,
                   JdOverview  *out,
                   GError     **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return _jd_stats_overview_for (db, district_id, 0, year, out, error);
}
