/* jd-exchange-export.c: the streaming writer of the exchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>

#include "jd-db-private.h"
#include "jd-exchange-export.h"

G_DEFINE_QUARK (jd-exchange-error-quark, jd_exchange_error)

/* The digest ----------------------------------------------------------------- */

struct _JdExchangeDigest
{
  GChecksum *checksum;
  GString   *line;
};

JdExchangeDigest *
_jd_exchange_digest_new (void)
{
  JdExchangeDigest *digest = g_new0 (JdExchangeDigest, 1);

  digest->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  digest->line = g_string_new (NULL);
  return digest;
}

void
_jd_exchange_digest_free (JdExchangeDigest *digest)
{
  if (digest == NULL)
    return;
  g_checksum_free (digest->checksum);
  g_string_free (digest->line, TRUE);
  g_free (digest);
}

/* Backslash, line feed and carriage return become \\, \n and \r. */
static void
append_escaped (GString    *line,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (line, "\\\\");
      else if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p == '\r')
        g_string_append (line, "\\r");
      else
        g_string_append_c (line, *p);
    }
}

static void
digest_line (JdExchangeDigest *digest)
{
  g_string_append_c (digest->line, '\n');
  g_checksum_update (digest->checksum, (const guchar *) digest->line->str,
                     (gssize) digest->line->len);
  g_string_truncate (digest->line, 0);
}

static int
compare_attrs (gconstpointer a,
               gconstpointer b)
{
  const char * const *x = a;
  const char * const *y = b;
  int c = strcmp (x[0], y[0]);

  return c != 0 ? c : strcmp (x[1], y[1]);
}

void
_jd_exchange_digest_start (JdExchangeDigest *digest,
                           const char       *ns,
                           const char       *local_name,
                           GPtrArray        *attrs)
{
  g_autofree const char **sorted = NULL;
  guint n = attrs != NULL ? attrs->len / 3 : 0;

  g_string_append_printf (digest->line, "S%s %s", ns, local_name);
  digest_line (digest);

  /* Sort the (namespace, name, value) triples by namespace, then name. */
  sorted = g_new (const char *, n * 3 + 1);
  for (guint i = 0; i < n * 3; i++)
    sorted[i] = g_ptr_array_index (attrs, i);
  qsort (sorted, n, 3 * sizeof (const char *), compare_attrs);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (digest->line, "A%s %s=", sorted[3 * i], sorted[3 * i + 1]);
      append_escaped (digest->line, sorted[3 * i + 2]);
      digest_line (digest);
    }
}

void
_jd_exchange_digest_text (JdExchangeDigest *digest,
                          const char       *text)
{
  if (text[strspn (text, " \t\r\n")] == '\0')
    return;   /* whitespace only: not content */
  g_string_append_c (digest->line, 'T');
  append_escaped (digest->line, text);
  digest_line (digest);
}

void
_jd_exchange_digest_end (JdExchangeDigest *digest)
{
  g_string_append_c (digest->line, 'E');
  digest_line (digest);
}

const char *
_jd_exchange_digest_get_string (JdExchangeDigest *digest)
{
  return g_checksum_get_string (digest->checksum);
}

/* The writer ------------------------------------------------------------------ */

void
jd_exchange_export_options_init (JdExchangeExportOptions *options)
{
  memset (options, 0, sizeof *options);
}

typedef struct
{
  JdDb             *db;
  xmlTextWriterPtr  writer;
  JdExchangeDigest *digest;
  GPtrArray        *attrs;   /* (ns, name, value) triples of the element being written */
  GStringChunk     *values;
  gint64            district_id;
  gboolean          failed;
} Writer;

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  g_ptr_array_add (w->attrs, (gpointer) "");
  g_ptr_array_add (w->attrs, (gpointer) name);
  g_ptr_array_add (w->attrs, g_string_chunk_insert (w->values, value));
}

static void
attr_int (Writer     *w,
          const char *name,
          gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  attr (w, name, buffer);
}

static void
attr_bool (Writer     *w,
           const char *name,
           gboolean    value)
{
  attr (w, name, value ? "true" : "false");
}

/* Starts an element with the attributes gathered since the last one. With
 * DIGESTED, it counts in the digest. */
static void
start (Writer     *w,
       const char *name,
       gboolean    digested)
{
  if (xmlTextWriterStartElement (w->writer, BAD_CAST name) < 0)
    w->failed = TRUE;
  for (guint i = 0; i + 2 < w->attrs->len; i += 3)
    {
      if (xmlTextWriterWriteAttribute (w->writer, g_ptr_array_index (w->attrs, i + 1),
                                       g_ptr_array_index (w->attrs, i + 2)) < 0)
        w->failed = TRUE;
    }
  if (digested)
    _jd_exchange_digest_start (w->digest, JD_EXCHANGE_NAMESPACE, name, w->attrs);
  g_ptr_array_set_size (w->attrs, 0);
  g_string_chunk_clear (w->values);
}

static void
end (Writer   *w,
     gboolean  digested)
{
  if (xmlTextWriterEndElement (w->writer) < 0)
    w->failed = TRUE;
  if (digested)
    _jd_exchange_digest_end (w->digest);
}

static void
empty (Writer     *w,
       const char *name,
       gboolean    digested)
{
  start (w, name, digested);
  end (w, digested);
}

static const char *
level_id (int level)
{
  switch (level)
    {
    case JD_DISTRICT_LEVEL_COUNTY:
      return "county";
    case JD_DISTRICT_LEVEL_CITY:
      return "city";
    default:
      return "district";
    }
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
write_year (Writer   *w,
            int       year,
            gboolean  records,
            gboolean  personal_data,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) domains = NULL;
  g_autoptr(sqlite3_stmt) agencies = NULL;
  g_autoptr(sqlite3_stmt) officers = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) figures = NULL;
  static const char *const row_names[] = {
    "records", "fines-fen", "confiscations-fen", "publicized", "recorded",
    "review-required", "review-done", "not-penalised", "first-offence",
    "lighter", "mitigated", "referred",
  };
  static const char *const figure_names[] = {
    "reconsiderations", "reconsiderations-corrected", "lawsuits-concluded",
    "lawsuits-lost", "hearings", "head-appearances",
  };

  domains = _jd_db_prepare (w->db,
    "SELECT DISTINCT d.code, d.name FROM domain d JOIN agency a ON a.domain_id = d.id"
    " WHERE a.district_id = ?1 ORDER BY d.code;", error);
  agencies = _jd_db_prepare (w->db,
    "SELECT a.name, a.kind, d.code, a.active FROM agency a"
    " LEFT JOIN domain d ON d.id = a.domain_id WHERE a.district_id = ?1 ORDER BY a.name;", error);
  officers = _jd_db_prepare (w->db,
    "SELECT a.name, sum (o.certificate_no IS NOT NULL AND o.status = 0),"
    " sum (o.certificate_no IS NOT NULL AND o.status = 1),"
    " sum (o.certificate_no IS NOT NULL AND o.status = 2), sum (o.certificate_no IS NULL)"
    " FROM officer o JOIN agency a ON a.id = o.agency_id WHERE a.district_id = ?1"
    " GROUP BY a.id ORDER BY a.name;", error);
  rows = _jd_db_prepare (w->db,
    "SELECT a.name, r.category, r.procedure, r.n_records, r.fine_fen, r.confiscation_fen,"
    " r.n_publicized, r.n_recorded, r.n_review_required, r.n_review_done, r.n_not_penalised,"
    " r.n_first_offence, r.n_lighter, r.n_mitigated, r.n_referred"
    " FROM rollup r JOIN agency a ON a.id = r.agency_id WHERE r.district_id = ?1 AND r.year = ?2"
    " ORDER BY a.name, r.category, r.procedure;", error);
  figures = _jd_db_prepare (w->db,
    "SELECT a.name, f.reconsiderations, f.reconsiderations_corrected, f.lawsuits_concluded,"
    " f.lawsuits_lost, f.hearings, f.head_appearances"
    " FROM supervision_figures f JOIN agency a ON a.id = f.agency_id"
    " WHERE a.district_id = ?1 AND f.year = ?2 ORDER BY a.name;", error);
  if (domains == NULL || agencies == NULL || officers == NULL || rows == NULL || figures == NULL)
    return FALSE;

  attr_int (w, "value", year);
  start (w, "year", TRUE);

  start (w, "domains", TRUE);
  sqlite3_bind_int64 (domains, 1, w->district_id);
  while (sqlite3_step (domains) == SQLITE_ROW)
    {
      attr (w, "code", column_text (domains, 0));
      attr (w, "name", column_text (domains, 1));
      empty (w, "domain", TRUE);
    }
  end (w, TRUE);

  start (w, "agencies", TRUE);
  sqlite3_bind_int64 (agencies, 1, w->district_id);
  while (sqlite3_step (agencies) == SQLITE_ROW)
    {
      const char *kind = jd_agency_kind_to_id (sqlite3_column_int (agencies, 1));

      attr (w, "id", column_text (agencies, 0));
      attr (w, "name", column_text (agencies, 0));
      attr (w, "kind", kind != NULL ? kind : "other");
      if (sqlite3_column_type (agencies, 2) != SQLITE_NULL)
        attr (w, "domain", column_text (agencies, 2));
      attr_bool (w, "active", sqlite3_column_int (agencies, 3) != 0);
      empty (w, "agency", TRUE);
    }
  end (w, TRUE);

  start (w, "officers", TRUE);
  sqlite3_bind_int64 (officers, 1, w->district_id);
  while (sqlite3_step (officers) == SQLITE_ROW)
    {
      attr (w, "agency", column_text (officers, 0));
      attr_int (w, "valid", sqlite3_column_int64 (officers, 1));
      attr_int (w, "suspended", sqlite3_column_int64 (officers, 2));
      attr_int (w, "cancelled", sqlite3_column_int64 (officers, 3));
      attr_int (w, "uncertified", sqlite3_column_int64 (officers, 4));
      empty (w, "count", TRUE);
    }
  if (personal_data)
    {
      g_autoptr(sqlite3_stmt) people = _jd_db_prepare (w->db,
        "SELECT a.name, o.name, o.certificate_no, o.status, o.expires_on, o.issued_on"
        " FROM officer o JOIN agency a ON a.id = o.agency_id"
        " WHERE a.district_id = ?1 AND o.name != ''"
        " ORDER BY a.name, o.name, o.certificate_no, o.id;", error);

      if (people == NULL)
        return FALSE;
      sqlite3_bind_int64 (people, 1, w->district_id);
      while (sqlite3_step (people) == SQLITE_ROW)
        {
          const char *status = jd_cert_status_to_id (sqlite3_column_int (people, 3));

          attr (w, "agency", column_text (people, 0));
          attr (w, "name", column_text (people, 1));
          if (sqlite3_column_type (people, 2) != SQLITE_NULL)
            attr (w, "certificate", column_text (people, 2));
          attr (w, "status", status != NULL ? status : "valid");
          if (sqlite3_column_type (people, 5) != SQLITE_NULL)
            attr (w, "issued", column_text (people, 5));
          if (sqlite3_column_type (people, 4) != SQLITE_NULL)
            attr (w, "expires", column_text (people, 4));
          empty (w, "officer", TRUE);
        }
    }
  end (w, TRUE);

  start (w, "statistics", TRUE);
  sqlite3_bind_int64 (rows, 1, w->district_id);
  sqlite3_bind_int (rows, 2, year);
  while (sqlite3_step (rows) == SQLITE_ROW)
    {
      const char *category = jd_category_to_id (sqlite3_column_int (rows, 1));
      const char *procedure = jd_procedure_to_id (sqlite3_column_int (rows, 2));

      attr (w, "agency", column_text (rows, 0));
      attr (w, "category", category != NULL ? category : "other");
      attr (w, "procedure", procedure != NULL ? procedure : "none");
      for (guint i = 0; i < G_N_ELEMENTS (row_names); i++)
        attr_int (w, row_names[i], sqlite3_column_int64 (rows, 3 + (int) i));
      empty (w, "row", TRUE);
    }
  end (w, TRUE);

  start (w, "supervision", TRUE);
  sqlite3_bind_int64 (figures, 1, w->district_id);
  sqlite3_bind_int (figures, 2, year);
  while (sqlite3_step (figures) == SQLITE_ROW)
    {
      attr (w, "agency", column_text (figures, 0));
      for (guint i = 0; i < G_N_ELEMENTS (figure_names); i++)
        attr_int (w, figure_names[i], sqlite3_column_int64 (figures, 1 + (int) i));
      empty (w, "figures", TRUE);
    }
  end (w, TRUE);

  if (records)
    {
      g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (w->db,
        "SELECT a.name, r.category, r.procedure, r.penalty_type, r.opened_on, r.closed_on,"
        " r.fine_fen, r.confiscation_fen, r.publicized, r.recorded, r.legal_review_required,"
        " r.legal_review_done, r.leniency, r.referred, r.decision_no"
        " FROM record r JOIN agency a ON a.id = r.agency_id"
        " WHERE a.district_id = ?1 AND r.year = ?2 ORDER BY r.id;", error);

      if (stmt == NULL)
        return FALSE;

      start (w, "records", TRUE);
      sqlite3_bind_int64 (stmt, 1, w->district_id);
      sqlite3_bind_int (stmt, 2, year);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *category = jd_category_to_id (sqlite3_column_int (stmt, 1));
          const char *procedure = jd_procedure_to_id (sqlite3_column_int (stmt, 2));
          const char *penalty = jd_penalty_type_to_id (sqlite3_column_int (stmt, 3));
          const char *leniency = jd_leniency_to_id (sqlite3_column_int (stmt, 12));

          attr (w, "agency", column_text (stmt, 0));
          attr (w, "category", category != NULL ? category : "other");
          attr (w, "procedure", procedure != NULL ? procedure : "none");
          attr (w, "penalty-type", penalty != NULL ? penalty : "none");
          attr (w, "opened", column_text (stmt, 4));
          if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
            attr (w, "closed", column_text (stmt, 5));
          attr_int (w, "fine-fen", sqlite3_column_int64 (stmt, 6));
          attr_int (w, "confiscation-fen", sqlite3_column_int64 (stmt, 7));
          attr_bool (w, "publicized", sqlite3_column_int (stmt, 8) != 0);
          attr_bool (w, "recorded", sqlite3_column_int (stmt, 9) != 0);
          attr_bool (w, "review-required", sqlite3_column_int (stmt, 10) != 0);
          attr_bool (w, "review-done", sqlite3_column_int (stmt, 11) != 0);
          attr (w, "leniency", leniency != NULL ? leniency : "none");
          attr_bool (w, "referred", sqlite3_column_int (stmt, 13) != 0);
          if (sqlite3_column_type (stmt, 14) != SQLITE_NULL && *column_text (stmt, 14) != '\0')
            attr (w, "decision-no", column_text (stmt, 14));
          empty (w, "record", TRUE);
        }
      end (w, TRUE);
    }

  end (w, TRUE);
  return TRUE;
}

static int
write_to_file (void       *context,
               const char *buffer,
               int         len)
{
  return fwrite (buffer, 1, (size_t) len, context) == (size_t) len ? len : -1;
}

static int
close_nothing (void *context)
{
  return 0;
}

gboolean
jd_exchange_export (JdDb                          *db,
                    const JdExchangeExportOptions *options,
                    const char                    *path,
                    GCancellable                  *cancellable,
                    GError                       **error)
{
  g_autoptr(sqlite3_stmt) district = NULL;
  g_autoptr(sqlite3_stmt) years = NULL;
  g_autoptr(JdExchangeDigest) digest = NULL;
  g_autoptr(GPtrArray) attrs = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  xmlOutputBufferPtr output;
  Writer w = { db };
  FILE *file;
  int level, fd, first, last;
  gboolean ok;

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options->district_code != NULL)
    {
      district = _jd_db_prepare (db, "SELECT id, code, name, level FROM district WHERE code = ?1;", error);
      if (district == NULL)
        return FALSE;
      sqlite3_bind_text (district, 1, options->district_code, -1, SQLITE_TRANSIENT);
    }
  else
    district = _jd_db_prepare (db, "SELECT id, code, name, level FROM district WHERE is_local = 1;", error);
  if (district == NULL)
    return FALSE;
  if (sqlite3_step (district) != SQLITE_ROW)
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_FAILED,
                   _("The database holds no district “%s”"),
                   options->district_code != NULL ? options->district_code : _("(local)"));
      return FALSE;
    }
  w.district_id = sqlite3_column_int64 (district, 0);
  code = g_strdup (column_text (district, 1));
  name = g_strdup (column_text (district, 2));
  level = sqlite3_column_int (district, 3);

  years = _jd_db_prepare (db,
    "SELECT min (year), max (year) FROM (SELECT year FROM rollup WHERE district_id = ?1"
    " UNION SELECT f.year FROM supervision_figures f JOIN agency a ON a.id = f.agency_id"
    " WHERE a.district_id = ?1);", error);
  if (years == NULL)
    return FALSE;
  sqlite3_bind_int64 (years, 1, w.district_id);
  sqlite3_step (years);
  first = options->first_year > 0 ? options->first_year : sqlite3_column_int (years, 0);
  last = options->last_year > 0 ? options->last_year : sqlite3_column_int (years, 1);
  if (options->first_year > 0 && options->last_year <= 0)
    last = MAX (first, last);
  if (options->last_year > 0 && options->first_year <= 0)
    first = MIN (first, last) > 0 ? MIN (first, last) : last;
  if (first <= 0 || last < first || last - first >= 100)
    {
      g_set_error_literal (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_FAILED,
                           _("There are no years to export"));
      return FALSE;
    }

  if (options->created != NULL)
    created = g_strdup (options->created);
  else
    {
      now = g_date_time_new_now_utc ();
      created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    }

  /* A temporary file next to PATH, renamed over it once complete */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0644);
  if (fd < 0 || (file = fdopen (fd, "wb")) == NULL)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_IO,
                   _("Cannot write into “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  output = xmlOutputBufferCreateIO (write_to_file, close_nothing, file, NULL);
  w.writer = xmlNewTextWriter (output);
  w.digest = digest = _jd_exchange_digest_new ();
  w.attrs = attrs = g_ptr_array_new ();
  w.values = g_string_chunk_new (256);
  xmlTextWriterSetIndent (w.writer, 1);
  xmlTextWriterSetIndentString (w.writer, BAD_CAST "  ");

  ok = TRUE;
  if (xmlTextWriterStartDocument (w.writer, "1.0", "UTF-8", NULL) < 0)
    w.failed = TRUE;

  attr (&w, "xmlns", JD_EXCHANGE_NAMESPACE);
  attr (&w, "version", JD_EXCHANGE_VERSION);
  start (&w, "exchange", FALSE);

  start (&w, "header", FALSE);
  attr (&w, "name", "Jiandu");
  attr (&w, "version", PACKAGE_VERSION);
  empty (&w, "generator", FALSE);
  if (xmlTextWriterWriteElement (w.writer, BAD_CAST "created", BAD_CAST created) < 0)
    w.failed = TRUE;
  attr (&w, "code", code);
  attr (&w, "name", name);
  attr (&w, "level", level_id (level));
  empty (&w, "district", FALSE);
  attr_bool (&w, "records", options->records);
  attr_bool (&w, "personal-data", options->personal_data);
  empty (&w, "content", FALSE);
  end (&w, FALSE);

  for (int year = first; ok && year <= last; year++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = write_year (&w, year, options->records, options->personal_data, error);
    }

  if (ok)
    {
      attr (&w, "algorithm", "sha-256");
      start (&w, "digest", FALSE);
      if (xmlTextWriterWriteString (w.writer, BAD_CAST _jd_exchange_digest_get_string (digest)) < 0)
        w.failed = TRUE;
      end (&w, FALSE);
      end (&w, FALSE);
      if (xmlTextWriterEndDocument (w.writer) < 0)
        w.failed = TRUE;
    }

  xmlFreeTextWriter (w.writer);   /* flushes and frees the output buffer */
  g_string_chunk_free (w.values);

  if (ok && (w.failed || fflush (file) != 0 || ferror (file) || fsync (fileno (file)) != 0))
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (errno != 0 ? errno : EIO));
      ok = FALSE;
    }
  if (fclose (file) != 0 && ok)
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (errno));
      ok = FALSE;
    }
  if (ok && g_rename (tmp_path, path) != 0)
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);

  return ok;
}
