/* jd-dashboard.c: rates, rankings and alerts for a district or one agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the registry (district, agency, officer, domain), the rollups,
 * officer_activity and supervision_figures; never the records table, so a
 * dashboard costs a handful of small queries whatever the number of records.
 * Each query exists in two forms, for a district (?1 = district id) and for
 * one agency (?1 = agency id), so both can use their index.
 */

#define G_LOG_DOMAIN "jd-dashboard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-dashboard.h"
#include "jd-db-private.h"
#include "jd-format.h"
#include "jd-review-batch.h"
#include "jd-stats-private.h"

/* Rates --------------------------------------------------------------------- */

typedef struct
{
  const char *id;
  const char *label;
  const char *formula;
  gboolean    share;
} RateName;

static const RateName rates[JD_RATE_N] = {
  [JD_RATE_CERTIFICATE] = {
    "certificate_rate",
    /* Translators: 持证率 */
    N_("Certificate-holding rate"),
    /* Translators: the formula of 持证率, shown in a tooltip */
    N_("valid certificates ÷ officers in service at the end of the year"),
    TRUE },
  [JD_RATE_PARTICIPATION] = {
    "participation_rate",
    /* Translators: 执法人员参与率 */
    N_("Officer participation rate"),
    /* Translators: the formula of 参与率, shown in a tooltip */
    N_("officers with at least one record in the year ÷ valid certificates at the end of the year"),
    TRUE },
  [JD_RATE_RECORDS_PER_OFFICER] = {
    "records_per_officer",
    /* Translators: 人均执法量 */
    N_("Records per participating officer"),
    /* Translators: the formula of 人均执法量, shown in a tooltip */
    N_("records ÷ officers with at least one record in the year"),
    FALSE },
  [JD_RATE_PUBLICIZED] = {
    "publicized",
    /* Translators: 行政执法公示 (one of the three systems) */
    N_("Publicized"),
    /* Translators: the formula of the 公示 share, shown in a tooltip */
    N_("records publicized ÷ records"),
    TRUE },
  [JD_RATE_RECORDED] = {
    "recorded",
    /* Translators: 执法全过程记录 (one of the three systems) */
    N_("Recorded throughout"),
    /* Translators: the formula of the 全过程记录 share, shown in a tooltip */
    N_("records with whole-process recording ÷ records"),
    TRUE },
  [JD_RATE_LEGAL_REVIEW] = {
    "legal_review",
    /* Translators: 重大执法决定法制审核 (one of the three systems) */
    N_("Legal review"),
    /* Translators: the formula of the 法制审核 share, shown in a tooltip */
    N_("records legally reviewed ÷ records that required legal review"),
    TRUE },
  [JD_RATE_RECONSIDERATION_CORRECTION] = {
    "reconsideration_correction_rate",
    /* Translators: 复议纠错率 */
    N_("Reconsideration correction rate"),
    /* Translators: the formula of 复议纠错率, shown in a tooltip */
    N_("decisions corrected on reconsideration ÷ reconsiderations received"),
    TRUE },
  [JD_RATE_LITIGATION_LOSS] = {
    "litigation_loss_rate",
    /* Translators: 行政诉讼败诉率 */
    N_("Litigation loss rate"),
    /* Translators: the formula of 败诉率, shown in a tooltip */
    N_("lawsuits lost ÷ lawsuits concluded"),
    TRUE },
  [JD_RATE_HEAD_APPEARANCE] = {
    "head_appearance_rate",
    /* Translators: 负责人出庭应诉率 */
    N_("Head court-appearance rate"),
    /* Translators: the formula of 负责人出庭应诉率, shown in a tooltip */
    N_("hearings the agency head attended ÷ hearings in court"),
    TRUE },
};

const char *
jd_rate_to_id (JdRate rate)
{
  g_return_val_if_fail ((guint) rate < JD_RATE_N, NULL);

  return rates[rate].id;
}

const char *
jd_rate_to_label (JdRate rate)
{
  g_return_val_if_fail ((guint) rate < JD_RATE_N, NULL);

  return g_dgettext (GETTEXT_PACKAGE, rates[rate].label);
}

const char *
jd_rate_to_formula (JdRate rate)
{
  g_return_val_if_fail ((guint) rate < JD_RATE_N, NULL);

  return g_dgettext (GETTEXT_PACKAGE, rates[rate].formula);
}

gboolean
jd_rate_is_share (JdRate rate)
{
  g_return_val_if_fail ((guint) rate < JD_RATE_N, FALSE);

  return rates[rate].share;
}

static void
set_ratio (JdRatio *ratio,
           gint64   numerator,
           gint64   denominator)
{
  ratio->numerator = numerator;
  ratio->denominator = denominator;
  ratio->defined = denominator != 0;
  ratio->value = ratio->defined ? (double) numerator / (double) denominator : 0.0;
}

/* Queries ------------------------------------------------------------------- */

/* The district's or the agency's form of a query, with ?1 bound. */
static sqlite3_stmt *
prepare_scoped (JdDb        *db,
                const char  *district_sql,
                const char  *agency_sql,
                gint64       district_id,
                gint64       agency_id,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _jd_db_prepare_cached (db, agency_id > 0 ? agency_sql : district_sql, error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, agency_id > 0 ? agency_id : district_id);
  return stmt;
}

/* Steps a one-row aggregate into VALUES[0..N_VALUES). */
static gboolean
step_sums (JdDb          *db,
           sqlite3_stmt  *stmt,
           gint64        *values,
           guint          n_values,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _jd_db_set_error (db, error);
    }

  for (guint i = 0; i < n_values; i++)
    values[i] = sqlite3_column_int64 (stmt, (int) i);
  sqlite3_reset (stmt);

  return TRUE;
}

#define OFFICER_FIGURES \
  "SELECT" \
  "  sum (o.issued_on <= ?3 AND (o.status != 2 OR o.status_changed_on > ?3))," \
  "  sum (" JD_SQL_OFFICER_VALID ("o", "?3") " AND coalesce (act.n_records, 0) > 0)"

/* Officers in service and participating at the end of YEAR. */
static gboolean
count_officer_figures (JdDb         *db,
                       gint64        district_id,
                       gint64        agency_id,
                       int           year,
                       JdDashboard  *out,
                       GError      **error)
{
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  gint64 values[2] = { 0 };

  stmt = prepare_scoped (db,
    OFFICER_FIGURES
    " FROM officer o JOIN agency a ON a.id = o.agency_id"
    " LEFT JOIN officer_activity act ON act.officer_id = o.id AND act.year = ?2"
    " WHERE a.district_id = ?1 AND o.issued_on IS NOT NULL AND" JD_SQL_OFFICER_COUNTED ("o") ";",
    OFFICER_FIGURES
    " FROM officer o"
    " LEFT JOIN officer_activity act ON act.officer_id = o.id AND act.year = ?2"
    " WHERE o.agency_id = ?1 AND o.issued_on IS NOT NULL AND" JD_SQL_OFFICER_COUNTED ("o") ";",
    district_id, agency_id, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_STATIC);

  if (!step_sums (db, stmt, values, G_N_ELEMENTS (values), error))
    return FALSE;

  out->officers_in_service = values[0];
  out->officers_participating = values[1];

  /* the agencies whose officer figures came as counts */
  stmt = prepare_scoped (db,
    "SELECT sum (c.valid + c.suspended), sum (c.participating)"
    " FROM officer_count c JOIN agency a ON a.id = c.agency_id"
    " WHERE a.district_id = ?1 AND c.year = ?2;",
    "SELECT sum (valid + suspended), sum (participating)"
    " FROM officer_count WHERE agency_id = ?1 AND year = ?2;",
    district_id, agency_id, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, year);
  if (!step_sums (db, stmt, values, G_N_ELEMENTS (values), error))
    return FALSE;
  out->officers_in_service += values[0];
  out->officers_participating += values[1];
  return TRUE;
}

/* A separate query: folding these counts into the one above as six more
 * sums makes it slower than both together. */
#define CANCELLATIONS \
  "SELECT o.cancel_reason, count(*)"

#define CANCELLATIONS_WHERE \
  " AND o.issued_on IS NOT NULL AND o.status = 2" \
  " AND o.status_changed_on BETWEEN ?2 AND ?3" \
  " GROUP BY o.cancel_reason;"

static gboolean
count_cancellations (JdDb         *db,
                     gint64        district_id,
                     gint64        agency_id,
                     int           year,
                     JdDashboard  *out,
                     GError      **error)
{
  g_autofree char *first_day = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_scoped (db,
    CANCELLATIONS
    " FROM officer o JOIN agency a ON a.id = o.agency_id"
    " WHERE a.district_id = ?1 AND" JD_SQL_OFFICER_COUNTED ("o") CANCELLATIONS_WHERE,
    CANCELLATIONS
    " FROM officer o"
    " WHERE o.agency_id = ?1 AND" JD_SQL_OFFICER_COUNTED ("o") CANCELLATIONS_WHERE,
    district_id, agency_id, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 2, first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int reason = sqlite3_column_int (stmt, 0);

      if (reason < 0 || reason >= JD_CANCEL_REASON_N)
        reason = JD_CANCEL_REASON_OTHER;
      out->cancelled_by_reason[reason] += sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

enum
{
  SUM_PUBLICIZED,
  SUM_RECORDED,
  SUM_REVIEW_REQUIRED,
  SUM_REVIEW_DONE,
  SUM_NOT_PENALISED,
  SUM_FIRST_OFFENCE,
  SUM_LIGHTER,
  SUM_MITIGATED,
  SUM_REFERRED,
  N_SUMS
};

#define ROLLUP_SUMS \
  "SELECT sum (n_publicized), sum (n_recorded), sum (n_review_required)," \
  "  sum (n_review_done), sum (n_not_penalised), sum (n_first_offence)," \
  "  sum (n_lighter), sum (n_mitigated), sum (n_referred)" \
  " FROM rollup"

static gboolean
sum_rollups (JdDb     *db,
             gint64    district_id,
             gint64    agency_id,
             int       year,
             gint64   *sums,
             GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare_scoped (db,
    ROLLUP_SUMS " WHERE district_id = ?1 AND year = ?2;",
    ROLLUP_SUMS " WHERE agency_id = ?1 AND year = ?2;",
    district_id, agency_id, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 2, year);
  return step_sums (db, stmt, sums, N_SUMS, error);
}

enum
{
  SUP_RECONSIDERATIONS,
  SUP_CORRECTED,
  SUP_CONCLUDED,
  SUP_LOST,
  SUP_HEARINGS,
  SUP_HEAD_APPEARANCES,
  N_SUPS
};

#define SUPERVISION_SUMS \
  "SELECT sum (s.reconsiderations), sum (s.reconsiderations_corrected)," \
  "  sum (s.lawsuits_concluded), sum (s.lawsuits_lost)," \
  "  sum (s.hearings), sum (s.head_appearances)" \
  " FROM supervision_figures s"

static gboolean
sum_supervision (JdDb     *db,
                 gint64    district_id,
                 gint64    agency_id,
                 int       year,
                 gint64   *sums,
                 GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare_scoped (db,
    SUPERVISION_SUMS " JOIN agency a ON a.id = s.agency_id"
    " WHERE a.district_id = ?1 AND s.year = ?2;",
    SUPERVISION_SUMS " WHERE s.agency_id = ?1 AND s.year = ?2;",
    district_id, agency_id, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 2, year);
  return step_sums (db, stmt, sums, N_SUPS, error);
}

/* The district of AGENCY_ID, or 0 when there is no such agency. */
static gint64
lookup_agency_district (JdDb    *db,
                        gint64   agency_id,
                        GError **error)
{
  sqlite3_stmt *stmt;
  gint64 district_id = 0;
  int rc;

  stmt = _jd_db_prepare_cached (db, "SELECT district_id FROM agency WHERE id = ?1;", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, agency_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    district_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return -1;
    }
  return district_id;
}

static void
fill_rates (JdDashboard  *out,
            const gint64 *sums,
            const gint64 *sups)
{
  const gint64 *values = out->overview.values;
  gint64 records = values[JD_FIGURE_RECORDS];

  set_ratio (&out->rates[JD_RATE_CERTIFICATE],
             values[JD_FIGURE_OFFICERS_VALID], out->officers_in_service);
  set_ratio (&out->rates[JD_RATE_PARTICIPATION],
             out->officers_participating, values[JD_FIGURE_OFFICERS_VALID]);
  set_ratio (&out->rates[JD_RATE_RECORDS_PER_OFFICER], records, out->officers_participating);
  set_ratio (&out->rates[JD_RATE_PUBLICIZED], sums[SUM_PUBLICIZED], records);
  set_ratio (&out->rates[JD_RATE_RECORDED], sums[SUM_RECORDED], records);
  set_ratio (&out->rates[JD_RATE_LEGAL_REVIEW], sums[SUM_REVIEW_DONE], sums[SUM_REVIEW_REQUIRED]);
  set_ratio (&out->rates[JD_RATE_RECONSIDERATION_CORRECTION],
             sups[SUP_CORRECTED], sups[SUP_RECONSIDERATIONS]);
  set_ratio (&out->rates[JD_RATE_LITIGATION_LOSS], sups[SUP_LOST], sups[SUP_CONCLUDED]);
  set_ratio (&out->rates[JD_RATE_HEAD_APPEARANCE],
             sups[SUP_HEAD_APPEARANCES], sups[SUP_HEARINGS]);
}

gboolean
jd_dashboard_compute (JdDb         *db,
                      gint64        district_id,
                      gint64        agency_id,
                      int           year,
                      JdDashboard  *out,
                      GError      **error)
{
  gint64 sums[N_SUMS] = { 0 };
  gint64 sups[N_SUPS] = { 0 };

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (agency_id >= 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->year = year;
  out->agency_id = agency_id;
  out->overview.year = year;

  if (agency_id > 0)
    {
      gint64 agency_district = lookup_agency_district (db, agency_id, error);

      if (agency_district < 0)
        return FALSE;
      if (agency_district == 0 || (district_id > 0 && district_id != agency_district))
        {
          g_set_error_literal (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                               /* Translators: an error when a dashboard is asked
                                * for an agency that is not in the district */
                               _("The agency does not exist in this district"));
          return FALSE;
        }
      district_id = agency_district;
    }
  else if (district_id <= 0)
    {
      district_id = jd_db_get_local_district (db);
    }
  out->district_id = MAX (district_id, 0);

  if (district_id > 0)
    {
      if (!_jd_stats_overview_for (db, district_id, agency_id, year, &out->overview, error) ||
          !count_officer_figures (db, district_id, agency_id, year, out, error) ||
          !count_cancellations (db, district_id, agency_id, year, out, error) ||
          !sum_rollups (db, district_id, agency_id, year, sums, error) ||
          !sum_supervision (db, district_id, agency_id, year, sups, error))
        return FALSE;
    }

  out->leniency[JD_LENIENCY_NOT_PENALISED] = sums[SUM_NOT_PENALISED];
  out->leniency[JD_LENIENCY_FIRST_OFFENCE] = sums[SUM_FIRST_OFFENCE];
  out->leniency[JD_LENIENCY_LIGHTER] = sums[SUM_LIGHTER];
  out->leniency[JD_LENIENCY_MITIGATED] = sums[SUM_MITIGATED];
  out->referrals = sums[SUM_REFERRED];
  fill_rates (out, sums, sups);

  return TRUE;
}

/* Agencies ------------------------------------------------------------------ */

void
jd_agency_year_free (JdAgencyYear *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->domain_name);
  g_free (row);
}

typedef struct
{
  char     *key;
  gpointer  item;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *sa = a;
  const SortItem *sb = b;

  return strcmp (sa->key, sb->key);
}

static gboolean
list_existing_agencies (JdDb        *db,
                        gint64       district_id,
                        int          year,
                        GArray      *items,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jd_db_prepare_cached (db,
    "SELECT a.id, a.name, a.kind, a.domain_id, d.name, a.active"
    " FROM agency a LEFT JOIN domain d ON d.id = a.domain_id"
    " WHERE a.district_id = ?1 AND" JD_SQL_AGENCY_EXISTED ("a", "?2") ";", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, district_id);
  sqlite3_bind_int (stmt, 2, year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdAgencyYear *row = g_new0 (JdAgencyYear, 1);
      const char *domain_name = (const char *) sqlite3_column_text (stmt, 4);
      int kind = sqlite3_column_int (stmt, 2);
      SortItem item;

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->kind = kind >= 0 && kind < JD_AGENCY_KIND_N ? (JdAgencyKind) kind : JD_AGENCY_KIND_OTHER;
      row->domain_id = sqlite3_column_int64 (stmt, 3);
      row->domain_name = g_strdup (domain_name);
      row->active = sqlite3_column_int (stmt, 5) != 0;

      item.key = g_utf8_collate_key (row->name != NULL ? row->name : "", -1);
      item.item = row;
      g_array_append_val (items, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

static gboolean
add_agency_records (JdDb        *db,
                    gint64       district_id,
                    int          year,
                    GHashTable  *by_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The rollup rows themselves: one per agency, year, category and procedure. */
  stmt = _jd_db_prepare_cached (db,
    "SELECT agency_id, year, category, procedure, n_records, fine_fen,"
    "  n_publicized, n_recorded, n_review_required, n_review_done"
    " FROM rollup WHERE district_id = ?1 AND year BETWEEN ?2 - 1 AND ?2;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, district_id);
  sqlite3_bind_int (stmt, 2, year);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 agency_id = sqlite3_column_int64 (stmt, 0);
      JdAgencyYear *row = g_hash_table_lookup (by_id, &agency_id);
      int category = sqlite3_column_int (stmt, 2);
      int procedure = sqlite3_column_int (stmt, 3);
      gint64 n = sqlite3_column_int64 (stmt, 4);

      if (row == NULL)
        continue;   /* an agency that did not exist in YEAR */

      if (sqlite3_column_int (stmt, 1) != year)
        {
          row->records_previous += n;
          continue;
        }

      row->records += n;
      row->fine_fen += sqlite3_column_int64 (stmt, 5);
      row->publicized += sqlite3_column_int64 (stmt, 6);
      row->recorded += sqlite3_column_int64 (stmt, 7);
      row->review_required += sqlite3_column_int64 (stmt, 8);
      row->review_done += sqlite3_column_int64 (stmt, 9);

      if (category == JD_CATEGORY_INSPECTION)
        {
          row->inspections += n;
        }
      else if (category == JD_CATEGORY_PENALTY)
        {
          row->penalties += n;
          if (procedure == JD_PROCEDURE_GENERAL)
            row->penalties_general += n;
          else if (procedure == JD_PROCEDURE_SIMPLE)
            row->penalties_simple += n;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

static gboolean
add_agency_officers (JdDb        *db,
                     gint64       district_id,
                     int          year,
                     GHashTable  *by_id,
                     GError     **error)
{
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jd_db_prepare_cached (db,
    "SELECT o.agency_id, count(*), sum (coalesce (act.n_records, 0) > 0)"
    " FROM officer o JOIN agency a ON a.id = o.agency_id"
    " LEFT JOIN officer_activity act ON act.officer_id = o.id AND act.year = ?2"
    " WHERE a.district_id = ?1 AND" JD_SQL_OFFICER_VALID ("o", "?3")
    " AND" JD_SQL_OFFICER_COUNTED ("o")
    " GROUP BY o.agency_id"
    " UNION ALL "
    "SELECT c.agency_id, c.valid, c.participating"
    " FROM officer_count c JOIN agency a ON a.id = c.agency_id"
    " WHERE a.district_id = ?1 AND c.year = ?2;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, district_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 agency_id = sqlite3_column_int64 (stmt, 0);
      JdAgencyYear *row = g_hash_table_lookup (by_id, &agency_id);

      if (row == NULL)
        continue;

      row->officers_valid = sqlite3_column_int64 (stmt, 1);
      row->officers_participating = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

static void
clear_sort_item (gpointer data)
{
  SortItem *item = data;

  g_free (item->key);
  if (item->item != NULL)
    jd_agency_year_free (item->item);
}

GPtrArray *
jd_dashboard_list_agencies (JdDb    *db,
                            gint64   district_id,
                            int      year,
                            GError **error)
{
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GArray) items = NULL;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (district_id <= 0)
    district_id = jd_db_get_local_district (db);

  items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  g_array_set_clear_func (items, clear_sort_item);

  if (district_id > 0 && !list_existing_agencies (db, district_id, year, items, error))
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < items->len; i++)
    {
      JdAgencyYear *row = g_array_index (items, SortItem, i).item;

      g_hash_table_insert (by_id, &row->id, row);
    }

  if (items->len > 0 &&
      (!add_agency_records (db, district_id, year, by_id, error) ||
       !add_agency_officers (db, district_id, year, by_id, error)))
    return NULL;

  g_array_sort (items, compare_sort_items);

  agencies = g_ptr_array_new_full (items->len, (GDestroyNotify) jd_agency_year_free);
  for (guint i = 0; i < items->len; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);

      g_ptr_array_add (agencies, g_steal_pointer (&item->item));
    }

  return g_steal_pointer (&agencies);
}

/* Rankings ------------------------------------------------------------------ */

void
jd_ranking_options_init (JdRankingOptions *options)
{
  g_return_if_fail (options != NULL);

  options->department_threshold = 1000;
  options->town_threshold = 1500;
  options->top_n = 5;
}

static int
compare_names (const JdAgencyYear *a,
               const JdAgencyYear *b)
{
  int cmp = g_utf8_collate (a->name != NULL ? a->name : "", b->name != NULL ? b->name : "");

  if (cmp != 0)
    return cmp;
  return (a->id > b->id) - (a->id < b->id);
}

/* Most first, then by name. */
static int
compare_desc (gint64              va,
              gint64              vb,
              const JdAgencyYear *a,
              const JdAgencyYear *b)
{
  if (va != vb)
    return va > vb ? -1 : 1;
  return compare_names (a, b);
}

static int
compare_records_desc (gconstpointer a,
                      gconstpointer b)
{
  const JdAgencyYear *ra = *(JdAgencyYear * const *) a;
  const JdAgencyYear *rb = *(JdAgencyYear * const *) b;

  return compare_desc (ra->records, rb->records, ra, rb);
}

static int
compare_penalties_desc (gconstpointer a,
                        gconstpointer b)
{
  const JdAgencyYear *ra = *(JdAgencyYear * const *) a;
  const JdAgencyYear *rb = *(JdAgencyYear * const *) b;

  return compare_desc (ra->penalties, rb->penalties, ra, rb);
}

/* records / officers_valid compared exactly: ra.records × rb.officers
 * against rb.records × ra.officers (officers > 0). */
static int
compare_per_officer (const JdAgencyYear *ra,
                     const JdAgencyYear *rb)
{
  double lhs = (double) ra->records * (double) rb->officers_valid;
  double rhs = (double) rb->records * (double) ra->officers_valid;

  return (lhs > rhs) - (lhs < rhs);
}

static int
compare_per_officer_desc (gconstpointer a,
                          gconstpointer b)
{
  const JdAgencyYear *ra = *(JdAgencyYear * const *) a;
  const JdAgencyYear *rb = *(JdAgencyYear * const *) b;
  int cmp = compare_per_officer (rb, ra);

  return cmp != 0 ? cmp : compare_names (ra, rb);
}

static int
compare_per_officer_asc (gconstpointer a,
                         gconstpointer b)
{
  const JdAgencyYear *ra = *(JdAgencyYear * const *) a;
  const JdAgencyYear *rb = *(JdAgencyYear * const *) b;
  int cmp = compare_per_officer (ra, rb);

  return cmp != 0 ? cmp : compare_names (ra, rb);
}

GPtrArray *
jd_rank_above_threshold (GPtrArray    *agencies,
                         JdAgencyKind  kind,
                         gint64        threshold)
{
  GPtrArray *ranked;

  g_return_val_if_fail (agencies != NULL, NULL);

  ranked = g_ptr_array_new ();
  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyYear *row = g_ptr_array_index (agencies, i);

      if (row->kind == kind && row->records > threshold)
        g_ptr_array_add (ranked, row);
    }
  g_ptr_array_sort (ranked, compare_records_desc);

  return ranked;
}

GPtrArray *
jd_rank_records_per_officer (GPtrArray *agencies,
                             gboolean   top,
                             guint      n)
{
  GPtrArray *ranked;

  g_return_val_if_fail (agencies != NULL, NULL);

  ranked = g_ptr_array_new ();
  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyYear *row = g_ptr_array_index (agencies, i);

      if (row->officers_valid > 0)
        g_ptr_array_add (ranked, row);
    }
  g_ptr_array_sort (ranked, top ? compare_per_officer_desc : compare_per_officer_asc);
  if (ranked->len > n)
    g_ptr_array_set_size (ranked, n);

  return ranked;
}

GPtrArray *
jd_rank_penalties (GPtrArray *agencies)
{
  GPtrArray *ranked;

  g_return_val_if_fail (agencies != NULL, NULL);

  ranked = g_ptr_array_new ();
  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyYear *row = g_ptr_array_index (agencies, i);

      if (row->penalties > 0)
        g_ptr_array_add (ranked, row);
    }
  g_ptr_array_sort (ranked, compare_penalties_desc);

  return ranked;
}

/* Alerts -------------------------------------------------------------------- */

void
jd_alert_options_init (JdAlertOptions *options)
{
  g_return_if_fail (options != NULL);

  options->expiring_days = 90;
  options->records_fall = 0.30;
  options->three_systems_minimum = 0.90;
  options->reference_date = NULL;
}

void
jd_alert_free (JdAlert *alert)
{
  if (alert == NULL)
    return;

  g_free (alert->subject);
  g_free (alert->message);
  g_free (alert);
}

static JdAlert *
alert_new (JdAlertKind  kind,
           gint64       agency_id,
           gint64       officer_id,
           const char  *subject,
           char        *message,
           double       value)
{
  JdAlert *alert = g_new0 (JdAlert, 1);

  alert->kind = kind;
  alert->agency_id = agency_id;
  alert->officer_id = officer_id;
  alert->subject = g_strdup (subject != NULL ? subject : "");
  alert->message = message;
  alert->value = value;

  return alert;
}

static double
share (gint64 numerator,
       gint64 denominator)
{
  return denominator != 0 ? (double) numerator / (double) denominator : 0.0;
}

static void
add_agency_alerts (const JdAgencyYear   *row,
                   int                   year,
                   const JdAlertOptions *options,
                   GPtrArray            *alerts)
{
  if (row->records == 0)
    {
      g_ptr_array_add (alerts, alert_new (JD_ALERT_NO_RECORDS, row->id, 0, row->name,
                                          /* Translators: an alert about an agency;
                                           * %d is the year */
                                          g_strdup_printf (_("No enforcement records in %d"), year),
                                          0.0));
    }
  else if (row->penalties == 0)
    {
      g_autofree char *records = jd_format_count (row->records);

      g_ptr_array_add (alerts, alert_new (JD_ALERT_NO_PENALTIES, row->id, 0, row->name,
                                          /* Translators: an alert about an agency ("沉睡");
                                           * %1$s is a number of records, %2$d the year */
                                          g_strdup_printf (_("%1$s records in %2$d, but no penalty"),
                                                           records, year),
                                          (double) row->records));
    }

  if (row->records_previous > 0 &&
      (double) (row->records_previous - row->records) / (double) row->records_previous >
      options->records_fall)
    {
      double fall = (double) (row->records_previous - row->records) / (double) row->records_previous;
      g_autofree char *percent = jd_format_percent (fall);
      g_autofree char *previous = jd_format_count (row->records_previous);
      g_autofree char *current = jd_format_count (row->records);

      g_ptr_array_add (alerts, alert_new (JD_ALERT_RECORDS_FELL, row->id, 0, row->name,
                                          /* Translators: an alert about an agency; %1$s is a
                                           * percentage, %2$s last year's records and %3$s
                                           * this year's */
                                          g_strdup_printf (_("Records fell by %1$s (%2$s → %3$s)"),
                                                           percent, previous, current),
                                          fall));
    }

  if (row->records > 0)
    {
      double publicized = share (row->publicized, row->records);
      double recorded = share (row->recorded, row->records);
      double reviewed = share (row->review_done, row->review_required);
      double minimum = MIN (publicized, recorded);

      if (row->review_required > 0)
        minimum = MIN (minimum, reviewed);

      if (minimum < options->three_systems_minimum)
        {
          g_autofree char *min_text = jd_format_percent (minimum);
          g_autofree char *publicized_text = jd_format_percent (publicized);
          g_autofree char *recorded_text = jd_format_percent (recorded);
          char *message;

          if (row->review_required > 0)
            {
              g_autofree char *reviewed_text = jd_format_percent (reviewed);

              /* Translators: an alert about an agency; each %s is a percentage:
               * the lowest of the three systems, then each of them */
              message = g_strdup_printf (_("Three-systems compliance %1$s: publicized %2$s, "
                                           "recorded %3$s, legally reviewed %4$s"),
                                         min_text, publicized_text, recorded_text, reviewed_text);
            }
          else
            {
              /* Translators: an alert about an agency with no record that
               * required legal review; each %s is a percentage: the lower of
               * the two, then each of them */
              message = g_strdup_printf (_("Three-systems compliance %1$s: publicized %2$s, "
                                           "recorded %3$s"),
                                         min_text, publicized_text, recorded_text);
            }

          g_ptr_array_add (alerts, alert_new (JD_ALERT_THREE_SYSTEMS, row->id, 0, row->name,
                                              message, minimum));
        }
    }
}

static gboolean
add_idle_officer_alerts (JdDb        *db,
                         gint64       district_id,
                         int          year,
                         GPtrArray   *alerts,
                         GError     **error)
{
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _jd_db_prepare_cached (db,
    "SELECT o.id, o.name, o.agency_id"
    " FROM officer o JOIN agency a ON a.id = o.agency_id"
    " LEFT JOIN officer_activity act ON act.officer_id = o.id AND act.year = ?2"
    " WHERE a.district_id = ?1 AND" JD_SQL_AGENCY_EXISTED ("a", "?2")
    " AND" JD_SQL_OFFICER_VALID ("o", "?3")
    " AND coalesce (act.n_records, 0) = 0;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, district_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (alerts, alert_new (JD_ALERT_OFFICER_IDLE,
                                          sqlite3_column_int64 (stmt, 2),
                                          sqlite3_column_int64 (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 1),
                                          /* Translators: an alert about an officer;
                                           * %d is the year */
                                          g_strdup_printf (_("Valid certificate, but no "
                                                             "enforcement record in %d"),
                                                           year),
                                          0.0));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || !jd_parse_iso_date (text, &y, &m, &d))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_valid (date);
}

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

static gboolean
add_certificate_alerts (JdDb         *db,
                        gint64        district_id,
                        int           year,
                        const GDate  *reference,
                        guint         expiring_days,
                        GPtrArray    *alerts,
                        GError      **error)
{
  g_autofree char *reference_text = format_iso_date (reference);
  g_autofree char *until_text = NULL;
  GDate until = *reference;
  sqlite3_stmt *stmt;
  int rc;

  g_date_add_days (&until, expiring_days);
  until_text = format_iso_date (&until);

  stmt = _jd_db_prepare_cached (db,
    "SELECT o.id, o.name, o.agency_id, o.expires_on"
    " FROM officer o JOIN agency a ON a.id = o.agency_id"
    " WHERE a.district_id = ?1 AND" JD_SQL_AGENCY_EXISTED ("a", "?2")
    " AND o.status = 0 AND o.expires_on IS NOT NULL AND o.expires_on <= ?3;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, district_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, until_text, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *expires_on = (const char *) sqlite3_column_text (stmt, 3);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gint64 officer_id = sqlite3_column_int64 (stmt, 0);
      gint64 agency_id = sqlite3_column_int64 (stmt, 2);
      GDate expiry;
      int days;

      if (!parse_date (expires_on, &expiry))
        continue;   /* not a date: nothing to compare */

      days = g_date_days_between (reference, &expiry);
      if (days < 0)
        g_ptr_array_add (alerts, alert_new (JD_ALERT_CERTIFICATE_EXPIRED, agency_id, officer_id, name,
                                            /* Translators: an alert about an officer;
                                             * %s is a date (YYYY-MM-DD) */
                                            g_strdup_printf (_("Certificate expired on %s but is "
                                                               "still marked valid"),
                                                             expires_on),
                                            (double) -days));
      else
        g_ptr_array_add (alerts, alert_new (JD_ALERT_CERTIFICATE_EXPIRING, agency_id, officer_id, name,
                                            /* Translators: an alert about an officer;
                                             * %s is a date (YYYY-MM-DD) */
                                            g_strdup_printf (_("Certificate expires on %s"),
                                                             expires_on),
                                            (double) days));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

/* Case-file review: agencies with failing files in the year's batches, and
 * supervision letters whose reply was due before REFERENCE and had not come
 * by then. Only the agencies of AGENCIES (those that existed in YEAR). */
static gboolean
add_review_alerts (JdDb        *db,
                   gint64       district_id,
                   int          year,
                   GPtrArray   *agencies,
                   const GDate *reference,
                   GPtrArray   *alerts,
                   GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) failing = NULL;
  g_autoptr(GArray) n_failed = NULL;
  g_autofree char *reference_text = format_iso_date (reference);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyYear *row = g_ptr_array_index (agencies, i);

      g_hash_table_insert (names, &row->id, row->name);
    }

  failing = jd_review_failing_agencies (db, year, &n_failed, error);
  if (failing == NULL)
    return FALSE;

  for (guint i = 0; i < failing->len; i++)
    {
      gint64 agency_id = g_array_index (failing, gint64, i);
      guint n = g_array_index (n_failed, guint, i);
      const char *name = g_hash_table_lookup (names, &agency_id);

      if (name == NULL)
        continue;
      g_ptr_array_add (alerts, alert_new (JD_ALERT_REVIEW_FAILED, agency_id, 0, name,
                                          /* Translators: an alert about an agency; %1$u
                                           * is a number of case files, %2$d the year */
                                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                        "%1$u file failed the case-file review in %2$d",
                                                                        "%1$u files failed the case-file review in %2$d",
                                                                        n),
                                                           n, year),
                                          (double) n));
    }

  stmt = _jd_db_prepare_cached (db,
    "SELECT l.agency_id, l.number, l.due_on"
    " FROM review_letter l JOIN agency a ON a.id = l.agency_id"
    " WHERE a.district_id = ?1 AND l.issued_on IS NOT NULL AND l.issued_on <= ?2"
    " AND l.due_on < ?2 AND (l.replied_on IS NULL OR l.replied_on > ?2)"
    " ORDER BY l.due_on, l.id;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, district_id);
  sqlite3_bind_text (stmt, 2, reference_text, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 agency_id = sqlite3_column_int64 (stmt, 0);
      const char *number = (const char *) sqlite3_column_text (stmt, 1);
      const char *due_on = (const char *) sqlite3_column_text (stmt, 2);
      const char *name = g_hash_table_lookup (names, &agency_id);
      GDate due;

      if (name == NULL || !parse_date (due_on, &due))
        continue;
      g_ptr_array_add (alerts, alert_new (JD_ALERT_LETTER_OVERDUE, agency_id, 0, name,
                                          /* Translators: an alert about an agency; %1$s is
                                           * the number of a supervision letter (执法监督建议书),
                                           * %2$s a date (YYYY-MM-DD) */
                                          g_strdup_printf (_("No reply to supervision letter %1$s, "
                                                             "due on %2$s"),
                                                           number != NULL ? number : "", due_on),
                                          (double) g_date_days_between (&due, reference)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _jd_db_set_error (db, error);
  return TRUE;
}

/* The reference date of the certificate alerts: the option, else the end of
 * YEAR, or today when YEAR is the current year. */
static gboolean
get_reference_date (const JdAlertOptions *options,
                    int                   year,
                    GDate                *reference,
                    GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (options->reference_date != NULL)
    {
      if (!parse_date (options->reference_date, reference))
        {
          g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                       /* Translators: %s is what was given instead of a date */
                       _("“%s” is not a date of the form YYYY-MM-DD"), options->reference_date);
          return FALSE;
        }
      return TRUE;
    }

  g_date_clear (reference, 1);
  if (year == g_date_time_get_year (now))
    g_date_set_dmy (reference, (GDateDay) g_date_time_get_day_of_month (now),
                    (GDateMonth) g_date_time_get_month (now), (GDateYear) year);
  else
    g_date_set_dmy (reference, 31, G_DATE_DECEMBER, (GDateYear) CLAMP (year, 1, G_MAXUINT16));

  return TRUE;
}

typedef struct
{
  char    *key;       /* officer alerts after agency alerts, then by name */
  JdAlert *alert;
} AlertItem;

static int
compare_alert_items (gconstpointer a,
                     gconstpointer b)
{
  const AlertItem *ia = a;
  const AlertItem *ib = b;
  int cmp;

  if ((ia->alert->officer_id != 0) != (ib->alert->officer_id != 0))
    return ia->alert->officer_id != 0 ? 1 : -1;
  if ((cmp = strcmp (ia->key, ib->key)) != 0)
    return cmp;
  if (ia->alert->kind != ib->alert->kind)
    return ia->alert->kind < ib->alert->kind ? -1 : 1;
  if (ia->alert->agency_id != ib->alert->agency_id)
    return ia->alert->agency_id < ib->alert->agency_id ? -1 : 1;
  return (ia->alert->officer_id > ib->alert->officer_id) -
         (ia->alert->officer_id < ib->alert->officer_id);
}

/* Agency alerts first, then officer alerts; each group by subject name
 * (g_utf8_collate), then by kind (in the order of JdAlertKind), then by
 * agency and officer id. */
static GPtrArray *
sort_alerts (GPtrArray *alerts)
{
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (AlertItem), alerts->len);
  GPtrArray *sorted = g_ptr_array_new_full (alerts->len, (GDestroyNotify) jd_alert_free);

  for (guint i = 0; i < alerts->len; i++)
    {
      AlertItem item;

      item.alert = g_ptr_array_index (alerts, i);
      item.key = g_utf8_collate_key (item.alert->subject, -1);
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_alert_items);

  for (guint i = 0; i < items->len; i++)
    {
      AlertItem *item = &g_array_index (items, AlertItem, i);

      g_ptr_array_add (sorted, item->alert);
      g_free (item->key);
    }

  /* The alerts moved to SORTED */
  g_ptr_array_set_free_func (alerts, NULL);
  g_ptr_array_unref (alerts);

  return sorted;
}

GPtrArray *
jd_dashboard_alerts (JdDb                 *db,
                     gint64                district_id,
                     int                   year,
                     const JdAlertOptions *options,
                     GError              **error)
{
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  JdAlertOptions defaults;
  GDate reference;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      jd_alert_options_init (&defaults);
      options = &defaults;
    }

  if (!get_reference_date (options, year, &reference, error))
    return NULL;

  if (district_id <= 0)
    district_id = jd_db_get_local_district (db);

  alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_alert_free);
  if (district_id <= 0)
    return g_steal_pointer (&alerts);

  agencies = jd_dashboard_list_agencies (db, district_id, year, error);
  if (agencies == NULL)
    return NULL;

  for (guint i = 0; i < agencies->len; i++)
    add_agency_alerts (g_ptr_array_index (agencies, i), year, options, alerts);

  if (!add_idle_officer_alerts (db, district_id, year, alerts, error) ||
      !add_certificate_alerts (db, district_id, year, &reference, options->expiring_days,
                               alerts, error) ||
      !add_review_alerts (db, district_id, year, agencies, &reference, alerts, error))
    return NULL;

  return sort_alerts (g_steal_pointer (&alerts));
}
