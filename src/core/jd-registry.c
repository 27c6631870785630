/* jd-registry.c: reading and editing agencies, officers and their figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-registry"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-db-private.h"
#include "jd-format.h"
#include "jd-registry.h"

#define MIN_YEAR 1949
#define MAX_YEAR 2100

/* Helpers ------------------------------------------------------------------- */

static gboolean
fail (GError     **error,
      JdDbError    code,
      const char  *message)
{
  g_set_error_literal (error, JD_DB_ERROR, code, message);
  return FALSE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gint64
count_where (JdDb       *db,
             const char *sql,
             gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
step_changes (JdDb          *db,
              sqlite3_stmt  *stmt,
              const char    *not_found,
              GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _jd_db_set_error (db, error);

  if (sqlite3_changes (_jd_db_get_handle (db)) == 0)
    return fail (error, JD_DB_ERROR_NOT_FOUND, not_found);

  return TRUE;
}


static char *
agency_not_found (gint64 agency_id)
{
  return g_strdup_printf (_("There is no agency with id %lld"), (long long) agency_id);
}

static char *
officer_not_found (gint64 officer_id)
{
  return g_strdup_printf (_("There is no officer with id %lld"), (long long) officer_id);
}

/* Frees ---------------------------------------------------------------------- */

void
jd_agency_free (JdAgency *agency)
{
  if (agency == NULL)
    return;

  g_free (agency->name);
  g_free (agency);
}

void
jd_officer_free (JdOfficer *officer)
{
  if (officer == NULL)
    return;

  g_free (officer->name);
  g_free (officer->certificate_no);
  g_free (officer->issued_on);
  g_free (officer->expires_on);
  g_free (officer->status_changed_on);
  g_free (officer);
}

void
jd_named_item_free (JdNamedItem *item)
{
  if (item == NULL)
    return;

  g_free (item->code);
  g_free (item->name);
  g_free (item);
}

/* Reads ---------------------------------------------------------------------- */

#define AGENCY_COLUMNS \
  "id, district_id, name, kind, coalesce (domain_id, 0), active," \
  " coalesce (established_year, 0), coalesce (dissolved_year, 0)"

static JdAgency *
agency_from_row (sqlite3_stmt *stmt)
{
  JdAgency *agency = g_new0 (JdAgency, 1);

  agency->id = sqlite3_column_int64 (stmt, 0);
  agency->district_id = sqlite3_column_int64 (stmt, 1);
  agency->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  agency->kind = sqlite3_column_int (stmt, 3);
  agency->domain_id = sqlite3_column_int64 (stmt, 4);
  agency->active = sqlite3_column_int (stmt, 5) != 0;
  agency->established_year = sqlite3_column_int (stmt, 6);
  agency->dissolved_year = sqlite3_column_int (stmt, 7);

  return agency;
}

#define OFFICER_COLUMNS \
  "id, agency_id, name, certificate_no, issued_on, expires_on, status, cancel_reason," \
  " status_changed_on, coalesce (exam_year, 0)"

static JdOfficer *
officer_from_row (sqlite3_stmt *stmt)
{
  JdOfficer *officer = g_new0 (JdOfficer, 1);

  officer->id = sqlite3_column_int64 (stmt, 0);
  officer->agency_id = sqlite3_column_int64 (stmt, 1);
  officer->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  officer->certificate_no = dup_column (stmt, 3);
  officer->issued_on = dup_column (stmt, 4);
  officer->expires_on = dup_column (stmt, 5);
  officer->status = sqlite3_column_int (stmt, 6);
  officer->cancel_reason = sqlite3_column_int (stmt, 7);
  officer->status_changed_on = dup_column (stmt, 8);
  officer->exam_year = sqlite3_column_int (stmt, 9);

  return officer;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* The row that SQL selects by ?1 = ID, through FROM_ROW. No row: NULL with
 * *MISSING set, for the caller to say what is missing. */
static gpointer
get_row (JdDb        *db,
         const char  *sql,
         gint64       id,
         RowFunc      from_row,
         gboolean    *missing,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (db, sql, error);
  int rc;

  *missing = FALSE;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return from_row (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      return NULL;
    }
  *missing = TRUE;
  return NULL;
}

JdAgency *
jd_registry_get_agency (JdDb    *db,
                        gint64   agency_id,
                        GError **error)
{
  JdAgency *agency;
  gboolean missing;

  g_return_val_if_fail (JD_IS_DB (db), NULL);

  agency = get_row (db, "SELECT " AGENCY_COLUMNS " FROM agency WHERE id = ?1;", agency_id,
                    (RowFunc) agency_from_row, &missing, error);
  if (missing)
    g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                 _("There is no agency with id %lld"), (long long) agency_id);
  return agency;
}

JdOfficer *
jd_registry_get_officer (JdDb    *db,
                         gint64   officer_id,
                         GError **error)
{
  JdOfficer *officer;
  gboolean missing;

  g_return_val_if_fail (JD_IS_DB (db), NULL);

  officer = get_row (db, "SELECT " OFFICER_COLUMNS " FROM officer WHERE id = ?1;", officer_id,
                     (RowFunc) officer_from_row, &missing, error);
  if (missing)
    g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                 _("There is no officer with id %lld"), (long long) officer_id);
  return officer;
}

GPtrArray *
jd_registry_list_agencies (JdDb   *db,
                           gint64  district_id)
{
  g_autoptr(GPtrArray) agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_agency_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_DB (db), NULL);

  stmt = _jd_db_prepare (db,
    "SELECT " AGENCY_COLUMNS " FROM agency WHERE ?1 = 0 OR district_id = ?1"
    " ORDER BY kind, name, id;", NULL);
  if (stmt == NULL)
    return g_steal_pointer (&agencies);

  sqlite3_bind_int64 (stmt, 1, district_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (agencies, agency_from_row (stmt));

  return g_steal_pointer (&agencies);
}

GPtrArray *
jd_registry_list_officers (JdDb   *db,
                           gint64  agency_id)
{
  g_autoptr(GPtrArray) officers = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_officer_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_DB (db), NULL);

  stmt = _jd_db_prepare (db,
    "SELECT " OFFICER_COLUMNS " FROM officer WHERE agency_id = ?1 ORDER BY name, id;", NULL);
  if (stmt == NULL)
    return g_steal_pointer (&officers);

  sqlite3_bind_int64 (stmt, 1, agency_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (officers, officer_from_row (stmt));

  return g_steal_pointer (&officers);
}

static GPtrArray *
list_named (JdDb       *db,
            const char *sql)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_named_item_free);
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return g_steal_pointer (&items);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JdNamedItem *item = g_new0 (JdNamedItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

GPtrArray *
jd_registry_list_domains (JdDb *db)
{
  g_return_val_if_fail (JD_IS_DB (db), NULL);

  return list_named (db, "SELECT id, code, name FROM domain ORDER BY name, id;");
}

GPtrArray *
jd_registry_list_districts (JdDb *db)
{
  g_return_val_if_fail (JD_IS_DB (db), NULL);

  /* our own district first */
  return list_named (db, "SELECT id, code, name FROM district ORDER BY is_local DESC, name, id;");
}

gint64
jd_registry_count_agency_records (JdDb   *db,
                                  gint64  agency_id)
{
  g_return_val_if_fail (JD_IS_DB (db), 0);

  return count_where (db, "SELECT count(*) FROM record WHERE agency_id = ?1;", agency_id);
}

gint64
jd_registry_count_officer_records (JdDb   *db,
                                   gint64  officer_id)
{
  g_return_val_if_fail (JD_IS_DB (db), 0);

  return count_where (db, "SELECT count(*) FROM record_officer WHERE officer_id = ?1;", officer_id);
}

gboolean
jd_registry_get_supervision_figures (JdDb                 *db,
                                     gint64                agency_id,
                                     int                   year,
                                     JdSupervisionFigures *out,
                                     gboolean             *out_stored,
                                     GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = (JdSupervisionFigures) { .agency_id = agency_id, .year = year };
  if (out_stored != NULL)
    *out_stored = FALSE;

  stmt = _jd_db_prepare (db,
    "SELECT reconsiderations, reconsiderations_corrected, lawsuits_concluded, lawsuits_lost,"
    " hearings, head_appearances FROM supervision_figures WHERE agency_id = ?1 AND year = ?2;",
    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _jd_db_set_error (db, error);

  out->reconsiderations = sqlite3_column_int (stmt, 0);
  out->reconsiderations_corrected = sqlite3_column_int (stmt, 1);
  out->lawsuits_concluded = sqlite3_column_int (stmt, 2);
  out->lawsuits_lost = sqlite3_column_int (stmt, 3);
  out->hearings = sqlite3_column_int (stmt, 4);
  out->head_appearances = sqlite3_column_int (stmt, 5);
  if (out_stored != NULL)
    *out_stored = TRUE;

  return TRUE;
}

/* Checks --------------------------------------------------------------------- */

gboolean
jd_registry_check_agency_name (JdDb        *db,
                               gint64       district_id,
                               const char  *name,
                               gint64       exclude_id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  if (is_blank (name))
    return fail (error, JD_DB_ERROR_INVALID, _("Name: an agency needs a name"));
  if (g_utf8_strlen (name, -1) > 100)
    return fail (error, JD_DB_ERROR_INVALID, _("Name: at most 100 characters"));
  if (g_unichar_isspace (g_utf8_get_char (name)) ||
      g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (name, name + strlen (name)))))
    return fail (error, JD_DB_ERROR_INVALID, _("Name: remove the spaces at its start or end"));

  stmt = _jd_db_prepare (db,
    "SELECT 1 FROM agency WHERE district_id = ?1 AND name = ?2 AND id != ?3;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, district_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, exclude_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is an agency name */
                   _("Name: another agency of this district is already called “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
jd_registry_parse_year (const char  *text,
                        const char  *field,
                        int         *out_year,
                        GError     **error)
{
  g_autofree char *stripped = NULL;
  guint64 value = 0;

  g_return_val_if_fail (field != NULL, FALSE);

  if (out_year != NULL)
    *out_year = 0;

  if (is_blank (text))
    return TRUE;

  stripped = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_unsigned (stripped, 10, MIN_YEAR, MAX_YEAR, &value, NULL))
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is a field, e.g. “Established”; %d years */
                   _("%s: enter a year between %d and %d, or leave it empty"),
                   field, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }

  if (out_year != NULL)
    *out_year = (int) value;
  return TRUE;
}

gboolean
jd_registry_check_agency_years (int        established_year,
                                int        dissolved_year,
                                gboolean   active,
                                GError   **error)
{
  if (established_year != 0 && (established_year < MIN_YEAR || established_year > MAX_YEAR))
    return fail (error, JD_DB_ERROR_INVALID, _("Established: not a plausible year"));
  if (dissolved_year != 0 && (dissolved_year < MIN_YEAR || dissolved_year > MAX_YEAR))
    return fail (error, JD_DB_ERROR_INVALID, _("Dissolved: not a plausible year"));
  if (established_year != 0 && dissolved_year != 0 && dissolved_year < established_year)
    return fail (error, JD_DB_ERROR_INVALID,
                 _("Dissolved: the agency cannot end before it was established"));
  if (!active && dissolved_year == 0)
    return fail (error, JD_DB_ERROR_INVALID,
                 _("Dissolved: an inactive agency needs the year it stopped enforcing"));
  if (active && dissolved_year != 0)
    return fail (error, JD_DB_ERROR_INVALID,
                 _("Dissolved: an active agency has no dissolution year"));

  return TRUE;
}

static gboolean
exists (JdDb       *db,
        const char *sql,
        gint64      id)
{
  return id > 0 && count_where (db, sql, id) > 0;
}

gboolean
jd_registry_check_agency (JdDb               *db,
                          const JdAgencyInfo *info,
                          gint64              exclude_id,
                          GError            **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!exists (db, "SELECT count(*) FROM district WHERE id = ?1;", info->district_id))
    return fail (error, JD_DB_ERROR_INVALID, _("District: choose the district of the agency"));
  if (!jd_registry_check_agency_name (db, info->district_id, info->name, exclude_id, error))
    return FALSE;
  if ((guint) info->kind >= JD_AGENCY_KIND_N)
    return fail (error, JD_DB_ERROR_INVALID, _("Kind: unknown kind of agency"));
  if (info->domain_id != 0 &&
      !exists (db, "SELECT count(*) FROM domain WHERE id = ?1;", info->domain_id))
    return fail (error, JD_DB_ERROR_INVALID, _("Domain: unknown enforcement domain"));

  return jd_registry_check_agency_years (info->established_year, info->dissolved_year,
                                         info->active, error);
}

gboolean
jd_registry_check_officer_name (const char  *name,
                                GError     **error)
{
  if (is_blank (name))
    return fail (error, JD_DB_ERROR_INVALID, _("Name: an officer needs a name"));
  if (g_utf8_strlen (name, -1) > 50)
    return fail (error, JD_DB_ERROR_INVALID, _("Name: at most 50 characters"));

  return TRUE;
}

gboolean
jd_registry_check_certificate_no (JdDb        *db,
                                  const char  *certificate_no,
                                  gint64       exclude_id,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_digit = FALSE;
  glong length;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  if (certificate_no == NULL || *certificate_no == '\0')
    return TRUE;

  for (const char *p = certificate_no; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        has_digit = TRUE;
      else if (!g_unichar_isalpha (c) && c != '-')
        return fail (error, JD_DB_ERROR_INVALID,
                     _("Certificate number: use only letters, digits and hyphens, without spaces"));
    }

  length = g_utf8_strlen (certificate_no, -1);
  if (length < 4 || length > 40)
    return fail (error, JD_DB_ERROR_INVALID,
                 _("Certificate number: between 4 and 40 characters"));
  if (!has_digit)
    return fail (error, JD_DB_ERROR_INVALID, _("Certificate number: it has no digits"));

  stmt = _jd_db_prepare (db,
    "SELECT name FROM officer WHERE certificate_no = ?1 AND id != ?2;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, certificate_no, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, exclude_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is the name of another officer */
                   _("Certificate number: already held by %s"),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

gboolean
jd_registry_check_date (const char  *text,
                        const char  *field,
                        gboolean     required,
                        GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;

      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is a field, e.g. “Expires On” */
                   _("%s: a date is required"), field);
      return FALSE;
    }

  if (!jd_parse_iso_date (text, NULL, NULL, NULL))
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is a field, e.g. “Expires On” */
                   _("%s: enter a date as YYYY-MM-DD, e.g. 2024-03-05"), field);
      return FALSE;
    }

  return TRUE;
}

gboolean
jd_registry_check_officer_dates (const char  *certificate_no,
                                 const char  *issued_on,
                                 const char  *expires_on,
                                 GError     **error)
{
  gboolean has_certificate = certificate_no != NULL && *certificate_no != '\0';

  if (!jd_registry_check_date (issued_on, _("Issued on"), has_certificate, error) ||
      !jd_registry_check_date (expires_on, _("Expires on"), has_certificate, error))
    return FALSE;

  /* ISO dates compare as strings */
  if (issued_on != NULL && *issued_on != '\0' && expires_on != NULL && *expires_on != '\0' &&
      strcmp (expires_on, issued_on) <= 0)
    return fail (error, JD_DB_ERROR_INVALID, _("Expires on: must be after the issue date"));

  return TRUE;
}

gboolean
jd_registry_check_officer (JdDb                *db,
                           const JdOfficerInfo *info,
                           gint64               exclude_id,
                           GError             **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!jd_registry_check_officer_name (info->name, error))
    return FALSE;
  if (!exists (db, "SELECT count(*) FROM agency WHERE id = ?1;", info->agency_id))
    return fail (error, JD_DB_ERROR_INVALID, _("Agency: choose the agency the officer works for"));
  if (!jd_registry_check_certificate_no (db, info->certificate_no, exclude_id, error))
    return FALSE;
  if (!jd_registry_check_officer_dates (info->certificate_no, info->issued_on, info->expires_on,
                                        error))
    return FALSE;
  if (info->exam_year != 0 && (info->exam_year < MIN_YEAR || info->exam_year > MAX_YEAR))
    return fail (error, JD_DB_ERROR_INVALID, _("Exam year: not a plausible year"));

  return TRUE;
}

gboolean
jd_registry_check_certificate_event (JdDb            *db,
                                     gint64           officer_id,
                                     JdCertEventKind  kind,
                                     const char      *date,
                                     const char      *new_expiry,
                                     JdCancelReason   reason,
                                     GError         **error)
{
  g_autoptr(JdOfficer) officer = NULL;
  gboolean has_certificate;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  officer = jd_registry_get_officer (db, officer_id, error);
  if (officer == NULL)
    return FALSE;

  if ((guint) kind >= JD_CERT_EVENT_N)
    return fail (error, JD_DB_ERROR_INVALID, _("Event: unknown certificate event"));

  has_certificate = officer->expires_on != NULL;
  switch (kind)
    {
    case JD_CERT_EVENT_ISSUE:
      if (officer->certificate_no == NULL)
        return fail (error, JD_DB_ERROR_INVALID,
                     _("Event: enter the certificate number in the officer’s details first"));
      if (has_certificate && officer->status != JD_CERT_STATUS_CANCELLED)
        return fail (error, JD_DB_ERROR_INVALID,
                     _("Event: the officer already holds a certificate; renew it instead"));
      break;
    case JD_CERT_EVENT_RENEW:
      if (!has_certificate || officer->status == JD_CERT_STATUS_CANCELLED)
        return fail (error, JD_DB_ERROR_INVALID,
                     _("Event: only a certificate in force can be renewed; issue a new one"));
      break;
    case JD_CERT_EVENT_SUSPEND:
      if (!has_certificate || officer->status != JD_CERT_STATUS_VALID)
        return fail (error, JD_DB_ERROR_INVALID,
                     _("Event: only a valid certificate can be suspended"));
      break;
    case JD_CERT_EVENT_CANCEL:
      if (!has_certificate || officer->status == JD_CERT_STATUS_CANCELLED)
        return fail (error, JD_DB_ERROR_INVALID,
                     _("Event: the certificate is already cancelled"));
      break;
    case JD_CERT_EVENT_REINSTATE:
      if (officer->status == JD_CERT_STATUS_VALID)
        return fail (error, JD_DB_ERROR_INVALID,
                     _("Event: the certificate is valid; there is nothing to reinstate"));
      break;
    default:
      g_assert_not_reached ();
    }

  if (!jd_registry_check_date (date, _("Date"), TRUE, error))
    return FALSE;
  if (officer->status_changed_on != NULL && strcmp (date, officer->status_changed_on) < 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is a date */
                   _("Date: before the certificate’s last change on %s"),
                   officer->status_changed_on);
      return FALSE;
    }

  if (kind == JD_CERT_EVENT_ISSUE || kind == JD_CERT_EVENT_RENEW)
    {
      if (!jd_registry_check_date (new_expiry, _("New expiry"), TRUE, error))
        return FALSE;
      if (strcmp (new_expiry, date) <= 0)
        return fail (error, JD_DB_ERROR_INVALID, _("New expiry: must be after the date"));
    }

  if (kind == JD_CERT_EVENT_CANCEL &&
      (reason == JD_CANCEL_REASON_NONE || (guint) reason >= JD_CANCEL_REASON_N))
    return fail (error, JD_DB_ERROR_INVALID, _("Reason: say why the certificate is cancelled"));

  return TRUE;
}

gboolean
jd_registry_check_supervision_figures (const JdSupervisionFigures  *figures,
                                       GError                     **error)
{
  g_return_val_if_fail (figures != NULL, FALSE);

  if (figures->year < MIN_YEAR || figures->year > MAX_YEAR)
    return fail (error, JD_DB_ERROR_INVALID, _("Year: not a plausible year"));
  if (figures->reconsiderations < 0)
    return fail (error, JD_DB_ERROR_INVALID, _("Reconsiderations: cannot be negative"));
  if (figures->reconsiderations_corrected < 0)
    return fail (error, JD_DB_ERROR_INVALID, _("Corrected: cannot be negative"));
  if (figures->lawsuits_concluded < 0)
    return fail (error, JD_DB_ERROR_INVALID, _("Lawsuits concluded: cannot be negative"));
  if (figures->lawsuits_lost < 0)
    return fail (error, JD_DB_ERROR_INVALID, _("Lawsuits lost: cannot be negative"));
  if (figures->hearings < 0)
    return fail (error, JD_DB_ERROR_INVALID, _("Court hearings: cannot be negative"));
  if (figures->head_appearances < 0)
    return fail (error, JD_DB_ERROR_INVALID, _("Head appearances: cannot be negative"));
  if (figures->reconsiderations_corrected > figures->reconsiderations)
    return fail (error, JD_DB_ERROR_INVALID,
                 _("Corrected: cannot exceed the reconsiderations received"));
  if (figures->lawsuits_lost > figures->lawsuits_concluded)
    return fail (error, JD_DB_ERROR_INVALID,
                 _("Lawsuits lost: cannot exceed the lawsuits concluded"));
  if (figures->head_appearances > figures->hearings)
    return fail (error, JD_DB_ERROR_INVALID,
                 _("Head appearances: cannot exceed the court hearings"));

  return TRUE;
}

/* Writes --------------------------------------------------------------------- */

gboolean
jd_registry_add_agency (JdDb               *db,
                        const JdAgencyInfo *info,
                        gint64             *out_id,
                        GError            **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!jd_registry_check_agency (db, info, 0, error))
    return FALSE;

  return jd_db_add_agency (db, info, out_id, error);
}

gboolean
jd_registry_add_officer (JdDb                *db,
                         const JdOfficerInfo *info,
                         gint64              *out_id,
                         GError             **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!jd_registry_check_officer (db, info, 0, error))
    return FALSE;

  return jd_db_add_officer (db, info, out_id, error);
}

gboolean
jd_registry_update_agency (JdDb               *db,
                           gint64              agency_id,
                           const JdAgencyInfo *info,
                           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  not_found = agency_not_found (agency_id);
  if (!exists (db, "SELECT count(*) FROM agency WHERE id = ?1;", agency_id))
    return fail (error, JD_DB_ERROR_NOT_FOUND, not_found);
  if (!jd_registry_check_agency (db, info, agency_id, error))
    return FALSE;

  stmt = _jd_db_prepare (db,
    "UPDATE agency SET district_id = ?2, name = ?3, kind = ?4, domain_id = ?5, active = ?6,"
    " established_year = ?7, dissolved_year = ?8 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_int64 (stmt, 2, info->district_id);
  sqlite3_bind_text (stmt, 3, info->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, info->kind);
  _jd_db_bind_id_or_null (stmt, 5, info->domain_id);
  sqlite3_bind_int (stmt, 6, info->active ? 1 : 0);
  _jd_db_bind_id_or_null (stmt, 7, info->established_year);
  _jd_db_bind_id_or_null (stmt, 8, info->dissolved_year);

  /* the agency_district_update trigger moves the rollups in the same statement */
  return step_changes (db, stmt, not_found, error);
}

gboolean
jd_registry_set_agency_active (JdDb     *db,
                               gint64    agency_id,
                               gboolean  active,
                               int       dissolved_year,
                               GError  **error)
{
  g_autoptr(JdAgency) agency = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  agency = jd_registry_get_agency (db, agency_id, error);
  if (agency == NULL)
    return FALSE;

  if (active)
    dissolved_year = 0;
  if (!jd_registry_check_agency_years (agency->established_year, dissolved_year, active, error))
    return FALSE;

  stmt = _jd_db_prepare (db, "UPDATE agency SET active = ?2, dissolved_year = ?3 WHERE id = ?1;",
                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);
  _jd_db_bind_id_or_null (stmt, 3, dissolved_year);

  not_found = agency_not_found (agency_id);
  return step_changes (db, stmt, not_found, error);
}

gboolean
jd_registry_update_officer (JdDb                *db,
                            gint64               officer_id,
                            const JdOfficerInfo *info,
                            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  not_found = officer_not_found (officer_id);
  if (!exists (db, "SELECT count(*) FROM officer WHERE id = ?1;", officer_id))
    return fail (error, JD_DB_ERROR_NOT_FOUND, not_found);
  if (!jd_registry_check_officer (db, info, officer_id, error))
    return FALSE;

  /* Records stay with the agency that made them: nothing else moves. */
  stmt = _jd_db_prepare (db,
    "UPDATE officer SET agency_id = ?2, name = ?3, certificate_no = ?4, issued_on = ?5,"
    " expires_on = ?6, exam_year = ?7 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, officer_id);
  sqlite3_bind_int64 (stmt, 2, info->agency_id);
  sqlite3_bind_text (stmt, 3, info->name, -1, SQLITE_STATIC);
  _jd_db_bind_text_or_null (stmt, 4, info->certificate_no);
  _jd_db_bind_text_or_null (stmt, 5, info->issued_on);
  _jd_db_bind_text_or_null (stmt, 6, info->expires_on);
  _jd_db_bind_id_or_null (stmt, 7, info->exam_year);

  return step_changes (db, stmt, not_found, error);
}

gboolean
jd_registry_can_delete_officer (JdDb    *db,
                                gint64   officer_id,
                                GError **error)
{
  g_autoptr(JdOfficer) officer = NULL;
  gint64 n_records;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  officer = jd_registry_get_officer (db, officer_id, error);
  if (officer == NULL)
    return FALSE;

  n_records = jd_registry_count_officer_records (db, officer_id);
  if (n_records > 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is an officer's name, %lld a number of records */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s took part in %lld record, which must keep its officers: "
                                "cancel the certificate instead of deleting the officer",
                                "%s took part in %lld records, which must keep their officers: "
                                "cancel the certificate instead of deleting the officer",
                                (gulong) n_records),
                   officer->name, (long long) n_records);
      return FALSE;
    }

  return TRUE;
}

/* Deletes row ID of a table after the rows that only describe it, in one
 * transaction; NOT_FOUND when there is no such row. */
static gboolean
delete_with_details (JdDb        *db,
                     gint64       id,
                     const char  *details_sql,
                     const char  *row_sql,
                     const char  *not_found,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) details = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!jd_db_begin (db, error))
    return FALSE;

  details = _jd_db_prepare (db, details_sql, error);
  if (details == NULL)
    goto failed;
  sqlite3_bind_int64 (details, 1, id);
  if (sqlite3_step (details) != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      goto failed;
    }

  stmt = _jd_db_prepare (db, row_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_changes (db, stmt, not_found, error))
    goto failed;

  return jd_db_commit (db, error);

failed:
  jd_db_rollback (db);
  return FALSE;
}

gboolean
jd_registry_delete_officer (JdDb    *db,
                            gint64   officer_id,
                            GError **error)
{
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  if (!jd_registry_can_delete_officer (db, officer_id, error))
    return FALSE;

  not_found = officer_not_found (officer_id);
  return delete_with_details (db, officer_id,
                              "DELETE FROM certificate_event WHERE officer_id = ?1;",
                              "DELETE FROM officer WHERE id = ?1;", not_found, error);
}

gboolean
jd_registry_can_delete_agency (JdDb    *db,
                               gint64   agency_id,
                               GError **error)
{
  g_autoptr(JdAgency) agency = NULL;
  gint64 n_officers;
  gint64 n_records;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  agency = jd_registry_get_agency (db, agency_id, error);
  if (agency == NULL)
    return FALSE;

  n_officers = count_where (db, "SELECT count(*) FROM officer WHERE agency_id = ?1;", agency_id);
  n_records = jd_registry_count_agency_records (db, agency_id);

  if (n_records > 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is an agency, %lld a number of records */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %lld record: deactivate the agency instead of deleting it",
                                "%s has %lld records: deactivate the agency instead of deleting it",
                                (gulong) n_records),
                   agency->name, (long long) n_records);
      return FALSE;
    }

  if (n_officers > 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is an agency, %lld a number of officers */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %lld officer: move or delete the officer first, "
                                "or deactivate the agency",
                                "%s has %lld officers: move or delete them first, "
                                "or deactivate the agency",
                                (gulong) n_officers),
                   agency->name, (long long) n_officers);
      return FALSE;
    }

  return TRUE;
}

gboolean
jd_registry_delete_agency (JdDb    *db,
                           gint64   agency_id,
                           GError **error)
{
  g_autofree char *not_found = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  if (!jd_registry_can_delete_agency (db, agency_id, error))
    return FALSE;

  not_found = agency_not_found (agency_id);
  return delete_with_details (db, agency_id,
                              "DELETE FROM supervision_figures WHERE agency_id = ?1;",
                              "DELETE FROM agency WHERE id = ?1;", not_found, error);
}

gboolean
jd_registry_apply_certificate_event (JdDb            *db,
                                     gint64           officer_id,
                                     JdCertEventKind  kind,
                                     const char      *date,
                                     const char      *new_expiry,
                                     JdCancelReason   reason,
                                     GError         **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  if (!jd_registry_check_certificate_event (db, officer_id, kind, date, new_expiry, reason, error))
    return FALSE;

  if (kind != JD_CERT_EVENT_ISSUE && kind != JD_CERT_EVENT_RENEW)
    new_expiry = NULL;
  if (kind != JD_CERT_EVENT_CANCEL)
    reason = JD_CANCEL_REASON_NONE;

  return jd_db_apply_certificate_event (db, officer_id, kind, date, new_expiry, reason, error);
}

gboolean
jd_registry_set_supervision_figures (JdDb                       *db,
                                     const JdSupervisionFigures *figures,
                                     GError                    **error)
{
  g_autoptr(JdAgency) agency = NULL;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  agency = jd_registry_get_agency (db, figures->agency_id, error);
  if (agency == NULL)
    return FALSE;
  if (!jd_registry_check_supervision_figures (figures, error))
    return FALSE;

  return jd_db_set_supervision_figures (db, figures, error);
}

/* Labels --------------------------------------------------------------------- */

const char *
jd_cert_event_kind_to_label (JdCertEventKind kind)
{
  static const char * const labels[JD_CERT_EVENT_N] = {
    NC_("certificate event", "Issue"),
    NC_("certificate event", "Renew"),
    NC_("certificate event", "Suspend"),
    NC_("certificate event", "Cancel"),
    NC_("certificate event", "Reinstate"),
  };

  if ((guint) kind >= JD_CERT_EVENT_N)
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, "certificate event", labels[kind]);
}
