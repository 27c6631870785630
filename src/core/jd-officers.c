/* jd-officers.c: the officers of one agency in a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-officers"

#include "config.h"

#include "jd-db-private.h"
#include "jd-officers.h"

void
jd_officer_year_free (JdOfficerYear *officer)
{
  if (officer == NULL)
    return;

  g_free (officer->name);
  g_free (officer->certificate_no);
  g_free (officer->expires_on);
  g_free (officer);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
jd_officers_list_for_agency (JdDb    *db,
                             gint64   agency_id,
                             int      year,
                             GError **error)
{
  g_autoptr(GPtrArray) officers = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Certified by the end of the year and not cancelled before it began, or
   * active in it whatever the registry says now. */
  stmt = _jd_db_prepare_cached (db,
                                "SELECT o.id, o.name, o.certificate_no, o.expires_on, o.status,\n"
                                "       o.cancel_reason, coalesce (a.n_records, 0) AS n\n"
                                "FROM officer o\n"
                                "LEFT JOIN officer_activity a ON a.officer_id = o.id AND a.year = ?2\n"
                                "WHERE o.agency_id = ?1\n"
                                "  AND (a.n_records > 0\n"
                                "       OR ((o.issued_on IS NULL OR o.issued_on <= ?4)\n"
                                "           AND (o.status != 2 OR o.status_changed_on IS NULL\n"
                                "                OR o.status_changed_on >= ?3)))\n"
                                "ORDER BY n DESC, o.name, o.id",
                                error);
  if (stmt == NULL)
    return NULL;

  first_day = g_strdup_printf ("%04d-01-01", year);
  last_day = g_strdup_printf ("%04d-12-31", year);
  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last_day, -1, SQLITE_TRANSIENT);

  officers = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_officer_year_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdOfficerYear *officer = g_new0 (JdOfficerYear, 1);

      officer->id = sqlite3_column_int64 (stmt, 0);
      officer->name = dup_column_text (stmt, 1);
      officer->certificate_no = dup_column_text (stmt, 2);
      officer->expires_on = dup_column_text (stmt, 3);
      officer->status = sqlite3_column_int (stmt, 4);
      officer->cancel_reason = sqlite3_column_int (stmt, 5);
      officer->records = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (officers, officer);
    }

  if (rc != SQLITE_DONE)
    {
      _jd_db_set_error (db, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);

  return g_steal_pointer (&officers);
}
