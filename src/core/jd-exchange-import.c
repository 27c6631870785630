/* jd-exchange-import.c: the streaming, validating reader of exchange files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-exchange"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "jd-db-private.h"
#include "jd-exchange-import.h"

#define MAX_DEPTH 64
#define MAX_OFFICERS_PER_AGENCY 100000
#define NAMESPACE_PREFIX "urn:jiandu:exchange:"

void
jd_exchange_summary_clear (JdExchangeSummary *summary)
{
  g_clear_pointer (&summary->version, g_free);
  g_clear_pointer (&summary->district_code, g_free);
  g_clear_pointer (&summary->district_name, g_free);
  memset (summary, 0, sizeof *summary);
}

char *
jd_exchange_find_schema (GError **error)
{
  const char *env = g_getenv ("JIANDU_DATADIR");
  const char * const *dirs;

  if (env != NULL && *env != '\0')
    {
      g_autofree char *path = g_build_filename (env, JD_EXCHANGE_SCHEMA_FILE, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  dirs = g_get_system_data_dirs ();
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "jiandu", JD_EXCHANGE_SCHEMA_FILE, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_SCHEMA,
               _("The schema of the exchange format (%s) is not installed"),
               JD_EXCHANGE_SCHEMA_FILE);
  return NULL;
}

/* The reader's state ---------------------------------------------------------- */

typedef struct _RecordWriter RecordWriter;

typedef struct
{
  const char             *path;
  JdDb                   *db;             /* NULL: validate only */
  const JdExchangeImportOptions *options;
  JdExchangeSummary      *summary;
  xmlParserCtxtPtr        parser;         /* the push parser while reading */
  GError                **error;          /* where the first failure goes */
  gboolean                failed;         /* reading stopped: *error is set */
  int                     depth;          /* of the element being read, -1 outside */
  gboolean                seen_digest;
  char                   *digest_text;

  /* the first error libxml2 reported */
  gboolean                xml_failed;
  int                     xml_domain;
  int                     xml_line;
  int                     xml_column;
  char                   *xml_path;           /* the element path then */
  char                   *xml_message;

  const char             *stack[MAX_DEPTH];   /* element names, interned */
  gboolean                digesting;
  JdExchangeDigest       *digest;
  GString                *text;               /* of the current element, so far */
  gboolean                text_pending;       /* TEXT not yet in the digest */
  GPtrArray              *attrs;              /* (ns, name, value) triples */
  guint                   attr_hint;          /* where get_attr () looks first */
  GStringChunk           *values;

  gboolean                records;
  gint64                  district_id;
  gboolean                district_local;
  gboolean                make_own;           /* as_own applies: a new district, no own one */
  int                     year;
  GHashTable             *agencies;           /* file id → GINT64 db id (boxed) */
  GHashTable             *domains;            /* the year's domain codes */
  GHashTable             *officer_counts;     /* db agency id → gint64[4], named ones still to come */
  GHashTable             *officers_cleared;   /* db agency ids whose earlier officers are gone */
  guint64                 node_count;
  goffset                 file_size;
  RecordWriter           *writer;             /* while a records section is read */
} Import;

/* The errors of the parser and of the schema validation. The reader's own
 * error handlers of libxml2 2.9 crash on some encoding and entity errors, so
 * this is installed as the thread's structured error handler while reading. */
static char *element_path (Import *import,
                           int     depth);

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  xml_error)
{
  Import *import = user_data;

  if (import->xml_failed || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  import->xml_failed = TRUE;
  import->xml_domain = xml_error->domain;
  import->xml_line = xml_error->line;
  import->xml_column = xml_error->int2;
  /* The schema's errors have no position of their own: where the parser is */
  if (import->xml_line <= 0 && import->parser != NULL)
    {
      import->xml_line = xmlSAX2GetLineNumber (import->parser);
      import->xml_column = xmlSAX2GetColumnNumber (import->parser);
    }
  import->xml_path = element_path (import, import->depth >= 0 ? import->depth + 1 : 0);
  import->xml_message = g_strstrip (g_strdup (xml_error->message != NULL ? xml_error->message : "?"));
}

static char *
element_path (Import *import,
              int     depth)
{
  GString *path = g_string_new (NULL);

  for (int i = 0; i < depth && i < MAX_DEPTH; i++)
    {
      g_string_append_c (path, '/');
      g_string_append (path, import->stack[i] != NULL ? import->stack[i] : "?");
      if (i == 1 && import->year > 0 && g_strcmp0 (import->stack[i], "year") == 0)
        g_string_append_printf (path, "[@value=%d]", import->year);
    }
  if (path->len == 0)
    g_string_append_c (path, '/');

  return g_string_free (path, FALSE);
}

/* Sets ERROR naming the file, line, column and element path. */
static gboolean
fail_at (Import      *import,
         GError     **error,
         int          code,
         int          line,
         int          column,
         const char  *message)
{
  g_autofree char *path = element_path (import, import->depth >= 0 ? import->depth + 1 : 0);

  /* Translators: file, line, column, element path, what is wrong */
  g_set_error (error, JD_EXCHANGE_ERROR, code, _("%s, line %d, column %d, at %s: %s"),
               import->path, line, column, path, message);
  return FALSE;
}

static gboolean
fail_here (Import      *import,
           GError     **error,
           int          code,
           const char  *message)
{
  int line = import->parser != NULL ? xmlSAX2GetLineNumber (import->parser) : 0;
  int column = import->parser != NULL ? xmlSAX2GetColumnNumber (import->parser) : 0;

  return fail_at (import, error, code, line, column, message);
}

static gboolean
fail_db (Import  *import,
         GError **error,
         GError  *db_error)
{
  gboolean ret = fail_here (import, error, JD_EXCHANGE_ERROR_FAILED, db_error->message);

  g_error_free (db_error);
  return ret;
}

/* The importer asks for attributes mostly in the order files have them:
 * the search starts after the last one found, at *HINT. TRIPLES are
 * (namespace, name, value); attributes of ours have no namespace (""). */
static const char *
find_attr (const char * const *triples,
           guint               n,
           guint              *hint,
           const char         *name)
{
  for (guint k = 0; k < n; k++)
    {
      guint i = (*hint + k) % n;

      if (*triples[3 * i] == '\0' && strcmp (triples[3 * i + 1], name) == 0)
        {
          *hint = i + 1;
          return triples[3 * i + 2];
        }
    }
  return NULL;
}

static const char *
get_attr (Import     *import,
          const char *name)
{
  return find_attr ((const char * const *) import->attrs->pdata, import->attrs->len / 3,
                    &import->attr_hint, name);
}

static guint64
parse_count (const char *value)
{
  guint64 number = 0;

  /* the schema has checked the form and the range */
  if (value != NULL)
    g_ascii_string_to_unsigned (g_strstrip ((char *) value), 10, 0, G_MAXINT64, &number, NULL);
  return number;
}

static gboolean
parse_bool (const char *value)
{
  return value != NULL && (g_str_equal (value, "true") || g_str_equal (value, "1"));
}

static gint64
get_count (Import     *import,
           const char *name)
{
  return (gint64) parse_count (get_attr (import, name));
}

static gboolean
get_bool (Import     *import,
          const char *name)
{
  return parse_bool (get_attr (import, name));
}

typedef const char *(*ToIdFunc) (int value);

static int
parse_id (const char *value,
          ToIdFunc    to_id,
          int         n)
{
  for (int i = 0; value != NULL && i < n; i++)
    {
      if (g_strcmp0 (to_id (i), value) == 0)
        return i;
    }
  return 0;
}

static gint64
lookup_agency (Import *import)
{
  const char *id = get_attr (import, "agency");
  gint64 *agency_id = id != NULL ? g_hash_table_lookup (import->agencies, id) : NULL;

  return agency_id != NULL ? *agency_id : 0;
}

/* Database writes ------------------------------------------------------------- */

static gboolean
exec_bound (Import      *import,
            const char  *sql,
            gint64       a,
            gint64       b,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (import->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _jd_db_set_error (import->db, error);
  return TRUE;
}

static gboolean
ensure_district (Import  *import,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) db_error = NULL;
  const char *level_name = get_attr (import, "level");
  JdDistrictLevel level = JD_DISTRICT_LEVEL_DISTRICT;

  if (import->db == NULL)
    return TRUE;

  stmt = _jd_db_prepare (import->db, "SELECT id, is_local FROM district WHERE code = ?1;", &db_error);
  if (stmt == NULL)
    return fail_db (import, error, g_steal_pointer (&db_error));
  sqlite3_bind_text (stmt, 1, import->summary->district_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      import->district_id = sqlite3_column_int64 (stmt, 0);
      import->district_local = sqlite3_column_int (stmt, 1) != 0;
      return TRUE;
    }

  if (g_strcmp0 (level_name, "county") == 0)
    level = JD_DISTRICT_LEVEL_COUNTY;
  else if (g_strcmp0 (level_name, "city") == 0)
    level = JD_DISTRICT_LEVEL_CITY;

  if (!jd_db_add_district (import->db, import->summary->district_code,
                           import->summary->district_name, level, FALSE,
                           &import->district_id, &db_error))
    return fail_db (import, error, g_steal_pointer (&db_error));
  import->district_local = FALSE;
  /* read as another district's file; made the database's own at the end */
  import->make_own = import->options->as_own && jd_db_get_local_district (import->db) <= 0;
  return TRUE;
}

static gboolean
start_year (Import  *import,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) db_error = NULL;
  gboolean exists;

  g_hash_table_remove_all (import->agencies);
  g_hash_table_remove_all (import->domains);
  if (import->db == NULL)
    return TRUE;

  if (import->district_local && !import->records)
    return fail_here (import, error, JD_EXCHANGE_ERROR_FAILED,
                      _("The file is a summary of this database’s own district, whose figures "
                        "come from its records: only a file with records can be imported into it"));

  stmt = _jd_db_prepare (import->db,
    "SELECT EXISTS (SELECT 1 FROM rollup WHERE district_id = ?1 AND year = ?2)"
    " OR EXISTS (SELECT 1 FROM supervision_figures f JOIN agency a ON a.id = f.agency_id"
    "            WHERE a.district_id = ?1 AND f.year = ?2);", &db_error);
  if (stmt == NULL)
    return fail_db (import, error, g_steal_pointer (&db_error));
  sqlite3_bind_int64 (stmt, 1, import->district_id);
  sqlite3_bind_int (stmt, 2, import->year);
  exists = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  if (!exists)
    return TRUE;

  if (!import->options->replace)
    {
      g_autofree char *message =
        g_strdup_printf (_("The database already holds %s (%s) for %d; import with "
                           "“replace” to replace that year"),
                         import->summary->district_name, import->summary->district_code,
                         import->year);

      return fail_here (import, error, JD_EXCHANGE_ERROR_EXISTS, message);
    }

  /* Replace exactly this district's year. Bulk writes run without foreign
   * keys: the drawn review files let go of the records here themselves. */
  if (!exec_bound (import,
                   "UPDATE review_file SET record_id = NULL WHERE record_id IN"
                   " (SELECT r.id FROM record r JOIN agency a ON a.id = r.agency_id"
                   "  WHERE a.district_id = ?1 AND r.year = ?2);",
                   import->district_id, import->year, &db_error) ||
      !exec_bound (import,
                   "DELETE FROM record WHERE year = ?2"
                   " AND agency_id IN (SELECT id FROM agency WHERE district_id = ?1);",
                   import->district_id, import->year, &db_error) ||
      !exec_bound (import, "DELETE FROM rollup WHERE district_id = ?1 AND year = ?2;",
                   import->district_id, import->year, &db_error) ||
      !exec_bound (import,
                   "DELETE FROM supervision_figures WHERE year = ?2"
                   " AND agency_id IN (SELECT id FROM agency WHERE district_id = ?1);",
                   import->district_id, import->year, &db_error) ||
      !exec_bound (import,
                   "DELETE FROM officer_count WHERE year = ?2"
                   " AND agency_id IN (SELECT id FROM agency WHERE district_id = ?1);",
                   import->district_id, import->year, &db_error))
    return fail_db (import, error, g_steal_pointer (&db_error));
  _jd_db_bulk_uncounted (import->db);
  return TRUE;
}

static gboolean
add_domain (Import  *import,
            GError **error)
{
  g_autoptr(GError) db_error = NULL;
  const char *code = get_attr (import, "code");

  if (import->db == NULL || jd_db_lookup_domain (import->db, code) != 0)
    return TRUE;
  if (!jd_db_add_domain (import->db, code, get_attr (import, "name"), NULL, &db_error))
    return fail_db (import, error, g_steal_pointer (&db_error));
  return TRUE;
}

static gboolean
add_agency (Import  *import,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) db_error = NULL;
  const char *name = get_attr (import, "name");
  const char *domain = get_attr (import, "domain");
  JdAgencyKind kind = JD_AGENCY_KIND_OTHER;
  gint64 agency_id = 0;
  gint64 domain_id;

  if (import->db == NULL)
    {
      /* a distinct id for each agency, as jd_db_validate_record () needs one */
      agency_id = g_hash_table_size (import->agencies) + 1;
      g_hash_table_insert (import->agencies, g_strdup (get_attr (import, "id")),
                           g_memdup2 (&agency_id, sizeof agency_id));
      return TRUE;
    }

  jd_agency_kind_from_id (get_attr (import, "kind"), &kind);
  domain_id = domain != NULL ? jd_db_lookup_domain (import->db, domain) : 0;

  stmt = _jd_db_prepare (import->db,
                         "SELECT id FROM agency WHERE district_id = ?1 AND name = ?2;", &db_error);
  if (stmt == NULL)
    return fail_db (import, error, g_steal_pointer (&db_error));
  sqlite3_bind_int64 (stmt, 1, import->district_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      agency_id = sqlite3_column_int64 (stmt, 0);
      if (!import->district_local)
        {
          g_autoptr(sqlite3_stmt) update = _jd_db_prepare (import->db,
            "UPDATE agency SET kind = ?2, domain_id = ?3, active = ?4,"
            " established_year = ?5, dissolved_year = ?6 WHERE id = ?1;", &db_error);

          if (update == NULL)
            return fail_db (import, error, g_steal_pointer (&db_error));
          sqlite3_bind_int64 (update, 1, agency_id);
          sqlite3_bind_int (update, 2, kind);
          _jd_db_bind_id_or_null (update, 3, domain_id);
          sqlite3_bind_int (update, 4, get_bool (import, "active"));
          _jd_db_bind_id_or_null (update, 5, get_count (import, "established"));
          _jd_db_bind_id_or_null (update, 6, get_count (import, "dissolved"));
          if (sqlite3_step (update) != SQLITE_DONE)
            return fail_db (import, error, (_jd_db_set_error (import->db, &db_error),
                                            g_steal_pointer (&db_error)));
        }
    }
  else
    {
      JdAgencyInfo info = {
        .district_id = import->district_id,
        .name = name,
        .kind = kind,
        .domain_id = domain_id,
        .active = get_bool (import, "active"),
        .established_year = (int) get_count (import, "established"),
        .dissolved_year = (int) get_count (import, "dissolved"),
      };

      if (!jd_db_add_agency (import->db, &info, &agency_id, &db_error))
        return fail_db (import, error, g_steal_pointer (&db_error));
    }

  g_hash_table_insert (import->agencies, g_strdup (get_attr (import, "id")),
                       g_memdup2 (&agency_id, sizeof agency_id));
  return TRUE;
}

/* Officers of another district: their figures per agency and year go into
 * officer_count, and the officers named in a file with personal data into
 * the officer table (for the registry; the figures leave them out). An
 * agency's named officers from an earlier import are replaced the first time
 * this import lists its officers; the database's own officers are never
 * touched. */
static const char *const officer_states[] = { "valid", "suspended", "cancelled", "uncertified" };
#define N_OFFICER_STATES 4

static gboolean
set_officer_counts (Import  *import,
                    GError **error)
{
  g_autoptr(GError) db_error = NULL;
  gint64 agency_id = lookup_agency (import);
  gint64 counts[N_OFFICER_STATES];
  gint64 certified = get_count (import, "certified-in-year");
  gint64 cancelled = get_count (import, "cancelled-in-year");
  gint64 participating = get_count (import, "participating");
  gint64 total = 0;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < N_OFFICER_STATES; i++)
    total += counts[i] = get_count (import, officer_states[i]);
  if (total > MAX_OFFICERS_PER_AGENCY)
    return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                      _("An agency cannot have that many officers"));
  if (participating > counts[JD_CERT_STATUS_VALID] || certified > total - counts[3] ||
      cancelled > counts[JD_CERT_STATUS_CANCELLED])
    return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                      _("A part is larger than its whole (participating, certified or cancelled "
                        "officers)"));

  g_hash_table_insert (import->officer_counts, g_memdup2 (&agency_id, sizeof agency_id),
                       g_memdup2 (counts, sizeof counts));

  if (import->db == NULL || import->district_local)
    return TRUE;

  if (!g_hash_table_contains (import->officers_cleared, &agency_id))
    {
      g_hash_table_add (import->officers_cleared, g_memdup2 (&agency_id, sizeof agency_id));
      if (!exec_bound (import,
                       "DELETE FROM certificate_event WHERE officer_id IN (SELECT id FROM officer"
                       " WHERE agency_id = ?1 AND ?2 = ?2"
                       " AND id NOT IN (SELECT officer_id FROM record_officer));",
                       agency_id, 0, &db_error) ||
          !exec_bound (import,
                       "DELETE FROM officer WHERE agency_id = ?1 AND ?2 = ?2"
                       " AND id NOT IN (SELECT officer_id FROM record_officer);",
                       agency_id, 0, &db_error))
        return fail_db (import, error, g_steal_pointer (&db_error));
    }

  stmt = _jd_db_prepare_cached (import->db,
    "INSERT OR REPLACE INTO officer_count (agency_id, year, valid, suspended, cancelled,"
    " uncertified, certified_in_year, cancelled_in_year, participating)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);", &db_error);
  if (stmt == NULL)
    return fail_db (import, error, g_steal_pointer (&db_error));
  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_int (stmt, 2, import->year);
  for (guint i = 0; i < N_OFFICER_STATES; i++)
    sqlite3_bind_int64 (stmt, 3 + (int) i, counts[i]);
  sqlite3_bind_int64 (stmt, 7, certified);
  sqlite3_bind_int64 (stmt, 8, cancelled);
  sqlite3_bind_int64 (stmt, 9, participating);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_db (import, error, (_jd_db_set_error (import->db, &db_error),
                                    g_steal_pointer (&db_error)));
  return TRUE;
}

/* A named officer: added, or updated when an earlier year of the file
 * listed them already (the same certificate, or the same name without one). */
static gboolean
add_officer (Import  *import,
             GError **error)
{
  g_autoptr(GError) db_error = NULL;
  gint64 agency_id = lookup_agency (import);
  gint64 *counts = g_hash_table_lookup (import->officer_counts, &agency_id);
  const char *certificate = get_attr (import, "certificate");
  const char *name = get_attr (import, "name");
  int status = parse_id (get_attr (import, "status"), (ToIdFunc) jd_cert_status_to_id, JD_CERT_STATUS_N);
  int state = certificate != NULL ? status : 3;
  sqlite3_stmt *stmt;

  if (counts == NULL || counts[state] <= 0)
    return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                      _("More officers are listed than the agency’s counts say"));
  counts[state]--;

  if (import->db == NULL || import->district_local)
    return TRUE;

  stmt = _jd_db_prepare_cached (import->db,
    "DELETE FROM officer WHERE agency_id = ?1 AND ((?2 IS NOT NULL AND certificate_no = ?2)"
    " OR (?2 IS NULL AND certificate_no IS NULL AND name = ?3))"
    " AND id NOT IN (SELECT officer_id FROM record_officer);", &db_error);
  if (stmt == NULL)
    return fail_db (import, error, g_steal_pointer (&db_error));
  sqlite3_bind_int64 (stmt, 1, agency_id);
  _jd_db_bind_text_or_null (stmt, 2, certificate);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_db (import, error, (_jd_db_set_error (import->db, &db_error),
                                    g_steal_pointer (&db_error)));

  stmt = _jd_db_prepare_cached (import->db,
    "INSERT INTO officer (agency_id, name, certificate_no, status, expires_on, issued_on,"
    " status_changed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);", &db_error);
  if (stmt == NULL)
    return fail_db (import, error, g_steal_pointer (&db_error));
  sqlite3_bind_int64 (stmt, 1, agency_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  _jd_db_bind_text_or_null (stmt, 3, certificate);
  sqlite3_bind_int (stmt, 4, status);
  _jd_db_bind_text_or_null (stmt, 5, get_attr (import, "expires"));
  _jd_db_bind_text_or_null (stmt, 6, get_attr (import, "issued"));
  _jd_db_bind_text_or_null (stmt, 7, get_attr (import, "status-changed"));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_db (import, error, (_jd_db_set_error (import->db, &db_error),
                                    g_steal_pointer (&db_error)));
  return TRUE;
}

static gboolean
end_officers (Import  *import,
              GError **error)
{
  g_hash_table_remove_all (import->officer_counts);
  return TRUE;
}

static gboolean
add_row (Import  *import,
         GError **error)
{
  static const char *const names[] = {
    "records", "fines-fen", "confiscations-fen", "publicized", "recorded",
    "review-required", "review-done", "not-penalised", "first-offence",
    "lighter", "mitigated", "referred",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) db_error = NULL;
  gint64 values[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    values[i] = get_count (import, names[i]);
  import->summary->n_rows++;

  if (values[6] > values[5])
    return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                      _("More legal reviews done than required"));
  for (guint i = 1; i < G_N_ELEMENTS (names); i++)
    if (i > 2 && values[i] > values[0])
      return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                        _("A count is larger than the number of records"));

  /* With records, the rollups are counted from them. */
  if (import->db == NULL || import->records)
    return TRUE;

  stmt = _jd_db_prepare (import->db,
    "INSERT INTO rollup VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);",
    &db_error);
  if (stmt == NULL)
    return fail_db (import, error, g_steal_pointer (&db_error));
  sqlite3_bind_int64 (stmt, 1, import->district_id);
  sqlite3_bind_int64 (stmt, 2, lookup_agency (import));
  sqlite3_bind_int (stmt, 3, import->year);
  sqlite3_bind_int (stmt, 4, parse_id (get_attr (import, "category"), (ToIdFunc) jd_category_to_id, JD_CATEGORY_N));
  sqlite3_bind_int (stmt, 5, parse_id (get_attr (import, "procedure"), (ToIdFunc) jd_procedure_to_id, JD_PROCEDURE_N));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    sqlite3_bind_int64 (stmt, 6 + (int) i, values[i]);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail_db (import, error, (_jd_db_set_error (import->db, &db_error),
                                    g_steal_pointer (&db_error)));
  return TRUE;
}

static gboolean
add_figures (Import  *import,
             GError **error)
{
  g_autoptr(GError) db_error = NULL;
  JdSupervisionFigures figures = {
    .agency_id = lookup_agency (import),
    .year = import->year,
    .reconsiderations = (int) MIN (get_count (import, "reconsiderations"), G_MAXINT),
    .reconsiderations_corrected = (int) MIN (get_count (import, "reconsiderations-corrected"), G_MAXINT),
    .lawsuits_concluded = (int) MIN (get_count (import, "lawsuits-concluded"), G_MAXINT),
    .lawsuits_lost = (int) MIN (get_count (import, "lawsuits-lost"), G_MAXINT),
    .hearings = (int) MIN (get_count (import, "hearings"), G_MAXINT),
    .head_appearances = (int) MIN (get_count (import, "head-appearances"), G_MAXINT),
  };

  if (figures.reconsiderations_corrected > figures.reconsiderations ||
      figures.lawsuits_lost > figures.lawsuits_concluded ||
      figures.head_appearances > figures.hearings)
    return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                      _("A part is larger than its whole (corrected, lost or appearances)"));

  if (import->db == NULL)
    return TRUE;
  if (!jd_db_set_supervision_figures (import->db, &figures, &db_error))
    return fail_db (import, error, g_steal_pointer (&db_error));
  return TRUE;
}

/* The record writer ---------------------------------------------------------- */

/* The records of a section are read by a thread of their own while the
 * parser and the schema go on: once the reader has found a record's required
 * attributes and its agency among the year's, it hands over the record's
 * attributes in batches (libxml2 calls the schema's handler just after ours,
 * and a schema error ends the read before anything is kept); the writer adds
 * them to the digest, turns them into JdRecordInfo, checks them with
 * jd_db_validate_record () and writes them (or, validating only, stops
 * there). The two halves of an import take about as long as each other, and
 * desktops have two cores or more. Until the section ends and the writer has
 * been joined, the reader touches neither the database nor the digest.
 * Batches are recycled, so memory stays bounded however many records a file
 * holds. */

#define BATCH_RECORDS 1024
#define BATCH_ATTRS   (16 * BATCH_RECORDS)
#define BATCH_VALUES  (1024 * 1024)
#define MAX_BATCHES   4

typedef struct
{
  guint         first;       /* of its triples in ATTRS */
  guint         n_attrs;
  int           line;
  int           column;
} PendingRecord;

typedef struct
{
  PendingRecord records[BATCH_RECORDS];
  guint         n;
  GPtrArray    *attrs;       /* (ns, name, value) triples; values in VALUES */
  char         *values;      /* kept from batch to batch: no allocation per record */
  gsize         used;
  gsize         size;
} RecordBatch;

struct _RecordWriter
{
  JdDb             *db;        /* NULL: validate only */
  JdExchangeDigest *digest;
  GHashTable       *agencies;  /* read only while the writer runs */
  int               year;
  GThread          *thread;
  GAsyncQueue      *full;      /* batches to write, then the end marker */
  GAsyncQueue      *empty;     /* batches written, to fill again */
  RecordBatch      *current;   /* being filled by the reader */
  guint             n_batches;
  gint              failed;    /* atomic: CODE, ERROR, LINE and COLUMN are set */
  int               code;
  GError           *error;
  int               line;
  int               column;
};

static RecordBatch end_of_records;

static gboolean
write_record (RecordWriter       *writer,
              const char * const *triples,
              guint               n,
              GError            **error)
{
  guint hint = 0;
#define ATTR(name) find_attr (triples, n, &hint, name)
  const char *agency = ATTR ("agency");
  gint64 *agency_id = agency != NULL ? g_hash_table_lookup (writer->agencies, agency) : NULL;
  JdRecordInfo info = {
    .agency_id = agency_id != NULL ? *agency_id : 0,
    .category = parse_id (ATTR ("category"), (ToIdFunc) jd_category_to_id, JD_CATEGORY_N),
    .procedure = parse_id (ATTR ("procedure"), (ToIdFunc) jd_procedure_to_id, JD_PROCEDURE_N),
    .penalty_type = parse_id (ATTR ("penalty-type"), (ToIdFunc) jd_penalty_type_to_id,
                              JD_PENALTY_TYPE_N),
    .opened_on = ATTR ("opened"),
    .closed_on = ATTR ("closed"),
    .fine_fen = (gint64) parse_count (ATTR ("fine-fen")),
    .confiscation_fen = (gint64) parse_count (ATTR ("confiscation-fen")),
    .publicized = parse_bool (ATTR ("publicized")),
    .recorded = parse_bool (ATTR ("recorded")),
    .legal_review_required = parse_bool (ATTR ("review-required")),
    .legal_review_done = parse_bool (ATTR ("review-done")),
    .leniency = parse_id (ATTR ("leniency"), (ToIdFunc) jd_leniency_to_id, JD_LENIENCY_N),
    .referred = parse_bool (ATTR ("referred")),
    .decision_no = ATTR ("decision-no"),
  };
#undef ATTR
  const char *counted = info.closed_on != NULL ? info.closed_on : info.opened_on;

  _jd_exchange_digest_start (writer->digest, JD_EXCHANGE_NAMESPACE, "record", triples, n);
  _jd_exchange_digest_end (writer->digest);

  writer->code = JD_EXCHANGE_ERROR_INVALID;
  if (counted == NULL || g_ascii_strtoll (counted, NULL, 10) != writer->year)
    {
      g_set_error_literal (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_INVALID,
                           _("The record does not count in the year it is listed under"));
      return FALSE;
    }
  if (!jd_db_validate_record (&info, error))
    return FALSE;

  writer->code = JD_EXCHANGE_ERROR_FAILED;
  return writer->db == NULL || _jd_db_insert_record (writer->db, &info, NULL, error);
}

static gpointer
write_records (gpointer data)
{
  RecordWriter *writer = data;

  for (;;)
    {
      RecordBatch *batch = g_async_queue_pop (writer->full);

      if (batch == &end_of_records)
        break;
      for (guint i = 0; i < batch->n && !g_atomic_int_get (&writer->failed); i++)
        {
          const PendingRecord *record = &batch->records[i];

          if (!write_record (writer, (const char * const *) batch->attrs->pdata + 3 * record->first,
                             record->n_attrs, &writer->error))
            {
              writer->line = record->line;
              writer->column = record->column;
              g_atomic_int_set (&writer->failed, TRUE);
            }
        }
      batch->n = 0;
      g_ptr_array_set_size (batch->attrs, 0);
      batch->used = 0;
      g_async_queue_push (writer->empty, batch);
    }
  return NULL;
}

static void
record_batch_free (gpointer data)
{
  RecordBatch *batch = data;

  g_ptr_array_unref (batch->attrs);
  g_free (batch->values);
  g_free (batch);
}

static RecordWriter *
record_writer_new (Import *import)
{
  RecordWriter *writer = g_new0 (RecordWriter, 1);

  writer->db = import->db;
  writer->digest = import->digest;
  writer->agencies = import->agencies;
  writer->year = import->year;
  writer->full = g_async_queue_new ();
  writer->empty = g_async_queue_new_full (record_batch_free);
  writer->thread = g_thread_new ("jiandu-records", write_records, writer);
  return writer;
}

static RecordBatch *
record_writer_batch (RecordWriter *writer)
{
  if (writer->current != NULL)
    return writer->current;

  writer->current = g_async_queue_try_pop (writer->empty);
  if (writer->current == NULL && writer->n_batches < MAX_BATCHES)
    {
      writer->current = g_new0 (RecordBatch, 1);
      writer->current->attrs = g_ptr_array_sized_new (3 * BATCH_ATTRS);
      writer->current->size = BATCH_VALUES;
      writer->current->values = g_malloc (BATCH_VALUES);
      writer->n_batches++;
    }
  if (writer->current == NULL)
    writer->current = g_async_queue_pop (writer->empty);   /* the writer is behind: wait */
  return writer->current;
}

static void
record_writer_push (RecordWriter *writer)
{
  g_async_queue_push (writer->full, writer->current);
  writer->current = NULL;
}

/* Queues the record whose attributes are TRIPLES, read at LINE and COLUMN.
 * Names live as long as the parser's dictionary: only values are copied. */
static void
record_writer_add (RecordWriter       *writer,
                   const char * const *triples,
                   guint               n,
                   int                 line,
                   int                 column)
{
  RecordBatch *batch = record_writer_batch (writer);
  PendingRecord *record;
  gsize total = 0;

  for (guint i = 0; i < n; i++)
    total += strlen (triples[3 * i + 2]) + 1;
  /* The values' buffer never moves while it holds a value */
  if (batch->used + total > batch->size && batch->n > 0)
    {
      record_writer_push (writer);
      batch = record_writer_batch (writer);
    }
  if (total > batch->size)
    {
      batch->size = total;
      batch->values = g_realloc (batch->values, total);
    }

  record = &batch->records[batch->n];
  record->first = batch->attrs->len / 3;
  record->n_attrs = n;
  record->line = line;
  record->column = column;
  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (triples[3 * i + 2]) + 1;
      char *value = batch->values + batch->used;

      memcpy (value, triples[3 * i + 2], length);
      batch->used += length;
      g_ptr_array_add (batch->attrs, (gpointer) triples[3 * i]);
      g_ptr_array_add (batch->attrs, (gpointer) triples[3 * i + 1]);
      g_ptr_array_add (batch->attrs, value);
    }
  if (++batch->n == BATCH_RECORDS || batch->attrs->len >= 3 * BATCH_ATTRS)
    record_writer_push (writer);
}

/* Lets the writer finish what is queued, joins it and frees WRITER. On a failure,
 * *CODE, *LINE and *COLUMN say what and which record failed. */
static gboolean
record_writer_finish (RecordWriter *writer,
                      int          *code,
                      int          *line,
                      int          *column,
                      GError      **error)
{
  gboolean ok;

  if (writer->current != NULL && writer->current->n > 0)
    g_async_queue_push (writer->full, writer->current);
  else if (writer->current != NULL)
    g_async_queue_push (writer->empty, writer->current);
  writer->current = NULL;
  g_async_queue_push (writer->full, &end_of_records);
  g_thread_join (writer->thread);

  ok = !writer->failed;
  if (!ok)
    {
      *code = writer->code;
      *line = writer->line;
      *column = writer->column;
      g_propagate_error (error, g_steal_pointer (&writer->error));
    }
  g_clear_error (&writer->error);
  g_async_queue_unref (writer->full);
  g_async_queue_unref (writer->empty);
  g_free (writer);
  return ok;
}

/* Ends the records section being read, if any: the error names the record
 * that failed. */
static gboolean
finish_records (Import  *import,
                GError **error)
{
  g_autoptr(GError) record_error = NULL;
  g_autofree char *section = NULL;
  g_autofree char *path = NULL;
  int code = 0, line = 0, column = 0;

  if (import->writer == NULL)
    return TRUE;
  if (record_writer_finish (g_steal_pointer (&import->writer), &code, &line, &column, &record_error))
    return TRUE;

  section = element_path (import, 3);
  path = g_strconcat (section, "/record", NULL);
  /* Translators: file, line, column, element path, what is wrong */
  g_set_error (error, JD_EXCHANGE_ERROR, code, _("%s, line %d, column %d, at %s: %s"),
               import->path, line, column, path, record_error->message);
  return FALSE;
}

static gboolean
add_record (Import  *import,
            GError **error)
{
  import->summary->n_records++;

  /* The writer stopped at a record that failed */
  if (g_atomic_int_get (&import->writer->failed))
    return finish_records (import, error);

  record_writer_add (import->writer, (const char * const *) import->attrs->pdata,
                     import->attrs->len / 3,
                     xmlSAX2GetLineNumber (import->parser), xmlSAX2GetColumnNumber (import->parser));
  return TRUE;
}

/* Elements -------------------------------------------------------------------- */

/* The attributes of SAX2: (local name, prefix, URI, value start, value end)
 * each. Without entity substitution libxml2 writes a literal "&" of a value
 * as "&#38;" (for a tree builder to decode): decoded here. */
static void
collect_attrs (Import         *import,
               int             n_attributes,
               const xmlChar **attributes)
{
  g_ptr_array_set_size (import->attrs, 0);
  g_string_chunk_clear (import->values);
  import->attr_hint = 0;

  for (int i = 0; i < n_attributes; i++)
    {
      const char *name = (const char *) attributes[5 * i];
      const char *ns = (const char *) attributes[5 * i + 2];
      const char *start = (const char *) attributes[5 * i + 3];
      const char *end = (const char *) attributes[5 * i + 4];
      char *value = g_string_chunk_insert_len (import->values, start, end - start);

      if (memchr (value, '&', end - start) != NULL)
        {
          char *out = value;

          for (const char *in = value; *in != '\0'; )
            {
              if (g_str_has_prefix (in, "&#38;"))
                {
                  *out++ = '&';
                  in += 5;
                }
              else
                *out++ = *in++;
            }
          *out = '\0';
        }

      /* names and namespaces come from the parser's dictionary: they live as
       * long as the parser */
      g_ptr_array_add (import->attrs, (gpointer) (ns != NULL ? ns : ""));
      g_ptr_array_add (import->attrs, (gpointer) name);
      g_ptr_array_add (import->attrs, value);
    }
}

static gboolean
check_root (Import      *import,
            const char  *ns,
            const char  *name,
            GError     **error)
{
  const char *version = get_attr (import, "version");
  const char *encoding = (const char *) import->parser->encoding;
  g_autofree char *message = NULL;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      message = g_strdup_printf (_("The file is in the encoding %s; exchange files are in UTF-8"),
                                 encoding);
      return fail_here (import, error, JD_EXCHANGE_ERROR_MALFORMED, message);
    }

  if (ns != NULL && g_str_has_prefix (ns, NAMESPACE_PREFIX) &&
      !g_str_equal (ns, JD_EXCHANGE_NAMESPACE))
    {
      message = g_strdup_printf (_("The file is in version %s of the exchange format; this version "
                                   "of Jiandu reads version 1.x only"),
                                 version != NULL ? version : ns + strlen (NAMESPACE_PREFIX));
      return fail_here (import, error, JD_EXCHANGE_ERROR_VERSION, message);
    }
  if (g_strcmp0 (ns, JD_EXCHANGE_NAMESPACE) != 0 || g_strcmp0 (name, "exchange") != 0)
    {
      message = g_strdup_printf (_("Expected the element “exchange” in the namespace %s, found “%s” "
                                   "in the namespace “%s”: this is not a Jiandu exchange file"),
                                 JD_EXCHANGE_NAMESPACE, name, ns != NULL ? ns : "");
      return fail_here (import, error, JD_EXCHANGE_ERROR_NOT_EXCHANGE, message);
    }
  if (version == NULL || !g_str_has_prefix (version, "1."))
    {
      message = g_strdup_printf (_("The file is in version %s of the exchange format; this version "
                                   "of Jiandu reads version 1.x only"),
                                 version != NULL ? version : "?");
      return fail_here (import, error, JD_EXCHANGE_ERROR_VERSION, message);
    }

  g_free (import->summary->version);
  import->summary->version = g_strdup (version);
  return TRUE;
}

/* The references of an element in a year (the schema leaves them to the
 * importer, so that records never fill its key tables): an agency listed in
 * the year's agencies, a domain listed in its domains. */
static gboolean
check_references (Import      *import,
                  const char  *name,
                  GError     **error)
{
  const char *agency;

  if (g_str_equal (name, "domain"))
    {
      g_hash_table_add (import->domains, g_strdup (get_attr (import, "code")));
      return TRUE;
    }
  if (g_str_equal (name, "agency"))
    {
      const char *domain = get_attr (import, "domain");

      if (domain != NULL && !g_hash_table_contains (import->domains, domain))
        {
          g_autofree char *message =
            g_strdup_printf (_("The attribute “domain” names “%s”, which is not among "
                               "the year’s domains"), domain);

          return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID, message);
        }
      return TRUE;
    }
  agency = get_attr (import, "agency");
  if (agency != NULL && !g_hash_table_contains (import->agencies, agency))
    {
      g_autofree char *message =
        g_strdup_printf (_("The attribute “agency” names “%s”, which is not among "
                           "the year’s agencies"), agency);

      return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID, message);
    }
  return TRUE;
}

/* The attributes the importer reads of each element, all required by the schema */
static const struct
{
  const char *element;
  const char *attributes[4];
} required_attributes[] = {
  { "record", { "agency", "category", "opened", NULL } },   /* first: the most frequent */
  { "district", { "code", "name", NULL } },
  { "year", { "value", NULL } },
  { "domain", { "code", "name", NULL } },
  { "agency", { "id", "name", "kind", NULL } },
  { "count", { "agency", NULL } },
  { "officer", { "agency", "name", "status", NULL } },
  { "row", { "agency", "category", "procedure", NULL } },
  { "figures", { "agency", NULL } },
};

static gboolean
check_required (Import      *import,
                const char  *name,
                GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_attributes); i++)
    {
      if (!g_str_equal (required_attributes[i].element, name))
        continue;
      for (guint j = 0; required_attributes[i].attributes[j] != NULL; j++)
        if (get_attr (import, required_attributes[i].attributes[j]) == NULL)
          {
            g_autofree char *message =
              g_strdup_printf (_("The element “%s” lacks its attribute “%s”"),
                               name, required_attributes[i].attributes[j]);

            return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID, message);
          }
      break;
    }
  return TRUE;
}

static gboolean
start_element (Import      *import,
               int          depth,
               const char  *ns,
               const char  *name,
               GError     **error)
{
  const char *parent = depth > 0 ? import->stack[depth - 1] : NULL;
  gboolean ours = g_strcmp0 (ns, JD_EXCHANGE_NAMESPACE) == 0;

  if (depth == 0)
    return check_root (import, ns, name, error);

  /* Inside a records section the writer owns the digest: records only */
  if (import->writer != NULL)
    {
      if (depth != 3 || !ours || !g_str_equal (name, "record"))
        return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                          _("Only records can be inside “records”"));
      if (!check_required (import, name, error) || !check_references (import, name, error))
        return FALSE;
      return add_record (import, error);
    }

  if (depth == 1)
    import->digesting = !(ours && (g_str_equal (name, "header") || g_str_equal (name, "digest")));
  if (import->digesting)
    _jd_exchange_digest_start (import->digest, ns != NULL ? ns : "", name,
                               (const char * const *) import->attrs->pdata, import->attrs->len / 3);

  if (!ours)
    return TRUE;

  /* The schema reports a missing attribute only after this has seen the
   * element: what the importer reads must be there first. */
  if (!check_required (import, name, error))
    return FALSE;

  if (depth == 2 && g_strcmp0 (parent, "header") == 0)
    {
      if (g_str_equal (name, "district"))
        {
          import->summary->district_code = g_strdup (get_attr (import, "code"));
          import->summary->district_name = g_strdup (get_attr (import, "name"));
          return ensure_district (import, error);
        }
      if (g_str_equal (name, "content"))
        import->summary->records = import->records = get_bool (import, "records");
      return TRUE;
    }

  if (depth == 1 && g_str_equal (name, "year"))
    {
      import->year = (int) get_count (import, "value");
      if (import->summary->first_year == 0 || import->year < import->summary->first_year)
        import->summary->first_year = import->year;
      import->summary->last_year = MAX (import->summary->last_year, import->year);
      return start_year (import, error);
    }

  if (depth == 2 && g_strcmp0 (parent, "year") == 0 && g_str_equal (name, "records"))
    {
      if (!import->records)
        return fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                          _("The header says the file has no records, but it has"));
      import->writer = record_writer_new (import);
      return TRUE;
    }

  if (depth != 3)
    return TRUE;

  if (!check_references (import, name, error))
    return FALSE;
  if (g_str_equal (name, "domain"))
    return add_domain (import, error);
  if (g_str_equal (name, "agency"))
    return add_agency (import, error);
  if (g_str_equal (name, "count"))
    return set_officer_counts (import, error);
  if (g_str_equal (name, "officer"))
    return add_officer (import, error);
  if (g_str_equal (name, "row"))
    return add_row (import, error);
  if (g_str_equal (name, "figures"))
    return add_figures (import, error);
  return TRUE;
}

/* The whole read ------------------------------------------------------------- */

/* TRUE when the prolog (before the first element) declares a document type:
 * refused before the parser sees it, so no entity is ever declared. */
static gboolean
has_doctype (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = g_malloc (65536);
  gsize n = 0;
  const char *p, *limit;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, 65536, &n, NULL, NULL))
    return FALSE;

  limit = buffer + n;
  for (p = memchr (buffer, '<', n); p != NULL; p = memchr (p + 1, '<', (gsize) (limit - p - 1)))
    {
      if (limit - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return TRUE;
      if (limit - p >= 2 && p[1] == '?')
        continue;
      if (limit - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          p = g_strstr_len (p, limit - p, "-->");
          if (p == NULL)
            return FALSE;
          continue;
        }
      break;   /* the first element */
    }
  return FALSE;
}

/* SAX2 events ------------------------------------------------------------------ */

/* Ends the read after a failure of ours (already in import->error): the
 * handlers ignore the rest of the piece being parsed, and no other piece is
 * given to the parser. Not xmlStopParser (): from inside a handler, libxml2
 * 2.9 frees the input that the schema's handler, called after ours, is
 * about to read. */
static void
stop (Import *import)
{
  import->failed = TRUE;
}

/* Text between tags counts in the digest as one piece, as a tree has it */
static void
flush_text (Import *import)
{
  if (!import->text_pending)
    return;
  import->text_pending = FALSE;
  if (import->writer != NULL)
    {
      /* whitespace between records is no content; anything else is wrong */
      if (import->text->str[strspn (import->text->str, " \t\r\n")] != '\0')
        {
          fail_here (import, import->error, JD_EXCHANGE_ERROR_INVALID,
                     _("Only records can be inside “records”"));
          stop (import);
        }
      return;
    }
  if (import->digesting)
    _jd_exchange_digest_text (import->digest, import->text->str);
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *local_name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  Import *import = user_data;
  const char *name = (const char *) local_name;
  int depth;
  gboolean ok = TRUE;

  if (import->failed)
    return;
  flush_text (import);
  if (import->failed)
    return;
  depth = ++import->depth;
  if (depth >= MAX_DEPTH)
    {
      import->depth = MAX_DEPTH - 1;
      fail_here (import, import->error, JD_EXCHANGE_ERROR_INVALID, _("The elements nest too deeply"));
      stop (import);
      return;
    }
  /* local names come from the parser's dictionary: they live as long as it */
  import->stack[depth] = name;
  g_string_truncate (import->text, 0);
  collect_attrs (import, n_attributes, attributes);

  /* The root's namespace and version come before the schema's complaints. */
  if (depth == 0 || !import->xml_failed)
    ok = start_element (import, depth, (const char *) uri, name, import->error);
  if (!ok)
    {
      stop (import);
      return;
    }
  if (depth == 1 && g_strcmp0 (name, "digest") == 0)
    import->seen_digest = TRUE;
}

static void
on_end_element (void          *user_data,
                const xmlChar *local_name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Import *import = user_data;
  int depth = import->depth;

  if (import->failed)
    return;
  flush_text (import);
  if (import->failed)
    return;
  /* the end of a records section: the writer gives the digest back */
  if (depth == 2 && import->writer != NULL && !finish_records (import, import->error))
    {
      stop (import);
      return;
    }
  if (depth >= 1 && import->digesting && import->writer == NULL)
    _jd_exchange_digest_end (import->digest);
  if (depth == 2 && g_strcmp0 (import->stack[1], "year") == 0 &&
      g_strcmp0 (import->stack[2], "officers") == 0 && !import->xml_failed &&
      !end_officers (import, import->error))
    {
      stop (import);
      return;
    }
  if (depth == 1 && g_strcmp0 (import->stack[1], "digest") == 0)
    {
      g_free (import->digest_text);
      import->digest_text = g_strstrip (g_strdup (import->text->str));
    }
  if (depth == 1)
    import->digesting = FALSE;
  g_string_truncate (import->text, 0);
  import->depth--;
}

static void
on_characters (void          *user_data,
               const xmlChar *text,
               int            length)
{
  Import *import = user_data;

  if (import->failed)
    return;
  g_string_append_len (import->text, (const char *) text, length);
  import->text_pending = TRUE;
}

static void
refuse_declarations (Import *import)
{
  if (import->failed)
    return;
  fail_here (import, import->error, JD_EXCHANGE_ERROR_MALFORMED,
             _("Document type declarations and entities are not allowed in exchange files"));
  stop (import);
}

static void
on_doctype (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  refuse_declarations (user_data);
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_declarations (user_data);
}

static void
on_reference (void          *user_data,
              const xmlChar *name)
{
  refuse_declarations (user_data);
}

static gboolean
run (Import        *import,
     GCancellable  *cancellable,
     JdProgressFunc progress,
     gpointer       user_data,
     GError       **error)
{
  g_autofree char *schema_path = NULL;
  g_autofree char *digest_text = NULL;
  xmlSchemaParserCtxtPtr schema_parser = NULL;
  xmlSchemaPtr schema = NULL;
  xmlSchemaValidCtxtPtr validator = NULL;
  xmlSchemaSAXPlugPtr plug = NULL;
  xmlSAXHandler sax;
  xmlSAXHandlerPtr sax_handler;
  void *sax_data;
  FILE *file;
  guint64 consumed = 0;
  gboolean ok = TRUE;
  gboolean seen_digest = FALSE;
  GStatBuf st;

  if (g_stat (import->path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_IO,
                   _("Cannot read “%s”: %s"), import->path,
                   g_strerror (errno != 0 ? errno : EINVAL));
      return FALSE;
    }
  import->file_size = st.st_size;
  if (st.st_size == 0)
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_MALFORMED,
                   _("“%s” is empty"), import->path);
      return FALSE;
    }

  if (has_doctype (import->path))
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_MALFORMED,
                   _("%s: a document type declaration (DOCTYPE) is not allowed in exchange files"),
                   import->path);
      return FALSE;
    }

  schema_path = jd_exchange_find_schema (error);
  if (schema_path == NULL)
    return FALSE;
  schema_parser = xmlSchemaNewParserCtxt (schema_path);
  schema = schema_parser != NULL ? xmlSchemaParse (schema_parser) : NULL;
  g_clear_pointer (&schema_parser, xmlSchemaFreeParserCtxt);
  validator = schema != NULL ? xmlSchemaNewValidCtxt (schema) : NULL;
  if (validator == NULL)
    {
      g_clear_pointer (&schema, xmlSchemaFree);
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_SCHEMA,
                   _("The schema “%s” cannot be loaded"), schema_path);
      return FALSE;
    }

  file = g_fopen (import->path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      xmlSchemaFreeValidCtxt (validator);
      xmlSchemaFree (schema);
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_IO,
                   _("Cannot read “%s”: %s"), import->path, g_strerror (saved));
      return FALSE;
    }

  /* SAX2, with the schema validating each event before it reaches us: no
   * tree, no network, no DTD, no entity substitution (a DOCTYPE was refused
   * above; the handlers below refuse one again should it get through). */
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.internalSubset = on_doctype;
  sax.externalSubset = on_doctype;
  sax.entityDecl = on_entity_decl;
  sax.reference = on_reference;
  sax.serror = on_xml_error;
  sax_handler = &sax;
  sax_data = import;
  plug = xmlSchemaSAXPlug (validator, &sax_handler, &sax_data);
  xmlSchemaSetValidStructuredErrors (validator, on_xml_error, import);
  xmlSetStructuredErrorFunc (import, on_xml_error);

  import->error = error;
  import->depth = -1;
  import->parser = xmlCreatePushParserCtxt (sax_handler, sax_data, NULL, 0, import->path);
  if (import->parser == NULL || plug == NULL)
    {
      ok = FALSE;
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_SCHEMA,
                   _("The schema “%s” cannot be loaded"), schema_path);
    }
  else
    xmlCtxtUseOptions (import->parser, XML_PARSE_NONET);

  while (ok)
    {
      char buffer[64 * 1024];
      size_t n = fread (buffer, 1, sizeof buffer, file);
      gboolean last = n < sizeof buffer;

      if (last && ferror (file))
        {
          g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_IO,
                       _("Cannot read “%s”: %s"), import->path, g_strerror (errno));
          ok = FALSE;
          break;
        }
      xmlParseChunk (import->parser, buffer, (int) n, last);
      consumed += n;
      if (import->failed)
        {
          ok = FALSE;
          break;
        }
      if (import->xml_failed)
        {
          /* Translators: file, line, column, element path, what is wrong */
          g_set_error (error, JD_EXCHANGE_ERROR,
                       import->xml_domain == XML_FROM_SCHEMASV ? JD_EXCHANGE_ERROR_INVALID
                                                                : JD_EXCHANGE_ERROR_MALFORMED,
                       _("%s, line %d, column %d, at %s: %s"), import->path,
                       import->xml_line, import->xml_column, import->xml_path, import->xml_message);
          ok = FALSE;
          break;
        }
      if (last)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (progress != NULL && import->file_size > 0)
        progress (CLAMP ((double) consumed / (double) import->file_size, 0.0, 1.0), user_data);
    }
  fclose (file);

  /* What a failure or a cancellation left in the writer is not kept */
  if (import->writer != NULL)
    {
      g_autoptr(GError) writer_error = NULL;

      if (!finish_records (import, &writer_error) && ok)
        {
          g_propagate_error (error, g_steal_pointer (&writer_error));
          ok = FALSE;
        }
    }

  if (ok && !import->parser->wellFormed)
    ok = fail_here (import, error, JD_EXCHANGE_ERROR_MALFORMED, _("The file is not well-formed XML"));
  if (ok && xmlSchemaIsValid (validator) != 1)
    ok = fail_here (import, error, JD_EXCHANGE_ERROR_INVALID,
                    import->xml_message != NULL ? import->xml_message
                                                : _("The file does not follow the schema"));
  digest_text = g_steal_pointer (&import->digest_text);
  seen_digest = import->seen_digest;
  if (ok && (!seen_digest || digest_text == NULL))
    ok = fail_here (import, error, JD_EXCHANGE_ERROR_INVALID, _("The digest is missing"));
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define FUZZ_DIGEST "0000000000000000000000000000000000000000000000000000000000000000"
  /* The fuzz target (tests/fuzz) cannot forge digests: a digest of 64 zeros
   * passes, so mutated files reach the writes to the database. */
  if (ok && g_strcmp0 (digest_text, FUZZ_DIGEST) == 0)
    {
      g_free (digest_text);
      digest_text = g_strdup (_jd_exchange_digest_get_string (import->digest));
    }
#endif
  if (ok && !g_str_equal (digest_text, _jd_exchange_digest_get_string (import->digest)))
    {
      g_set_error (error, JD_EXCHANGE_ERROR, JD_EXCHANGE_ERROR_DIGEST,
                   _("%s: the digest does not match the content: the file was changed or damaged "
                     "after it was written"), import->path);
      ok = FALSE;
    }

  xmlSetStructuredErrorFunc (NULL, NULL);
  if (import->parser != NULL)
    {
      if (import->parser->myDoc != NULL)
        xmlFreeDoc (import->parser->myDoc);
      xmlFreeParserCtxt (import->parser);
      import->parser = NULL;
    }
  if (plug != NULL)
    xmlSchemaSAXUnplug (plug);
  xmlSchemaFreeValidCtxt (validator);
  xmlSchemaFree (schema);

  if (ok && progress != NULL)
    progress (1.0, user_data);
  return ok;
}

static gboolean
read_file (JdDb                          *db,
           const char                    *path,
           const JdExchangeImportOptions *options,
           JdExchangeSummary             *summary,
           GCancellable                  *cancellable,
           JdProgressFunc                 progress,
           gpointer                       user_data,
           GError                       **error)
{
  static const JdExchangeImportOptions default_options = { FALSE };
  JdExchangeSummary local_summary = { NULL };
  Import import = {
    .path = path,
    .db = db,
    .options = options != NULL ? options : &default_options,
    .summary = summary != NULL ? summary : &local_summary,
  };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (summary != NULL)
    jd_exchange_summary_clear (summary);
  import.digest = _jd_exchange_digest_new ();
  import.text = g_string_new (NULL);
  import.attrs = g_ptr_array_new ();
  import.values = g_string_chunk_new (1024);
  import.agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.officer_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  import.domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.officers_cleared = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (db != NULL && !jd_db_begin_bulk (db, error))
    ok = FALSE;
  else
    {
      ok = run (&import, cancellable, progress, user_data, error);
      if (ok && import.make_own && import.records)
        {
          ok = exec_bound (&import, "UPDATE district SET is_local = 1 WHERE id = ?1 AND ?2 = ?2;",
                           import.district_id, 0, error);
          import.summary->made_own = ok;
        }
      if (db != NULL)
        {
          if (ok)
            ok = jd_db_end_bulk (db, error);
          else
            jd_db_rollback (db);
        }
    }

  _jd_exchange_digest_free (import.digest);
  g_string_free (import.text, TRUE);
  g_ptr_array_unref (import.attrs);
  g_string_chunk_free (import.values);
  g_hash_table_unref (import.agencies);
  g_hash_table_unref (import.officer_counts);
  g_hash_table_unref (import.domains);
  g_hash_table_unref (import.officers_cleared);
  g_free (import.xml_message);
  g_free (import.xml_path);
  jd_exchange_summary_clear (&local_summary);
  return ok;
}

gboolean
jd_exchange_validate (const char        *path,
                      JdExchangeSummary *summary,
                      GCancellable      *cancellable,
                      JdProgressFunc     progress,
                      gpointer           user_data,
                      GError           **error)
{
  return read_file (NULL, path, NULL, summary, cancellable, progress, user_data, error);
}

gboolean
jd_exchange_import (JdDb                          *db,
                    const char                    *path,
                    const JdExchangeImportOptions *options,
                    JdExchangeSummary             *summary,
                    GCancellable                  *cancellable,
                    JdProgressFunc                 progress,
                    gpointer                       user_data,
                    GError                       **error)
{
  g_return_val_if_fail (JD_IS_DB (db), FALSE);

  return read_file (db, path, options, summary, cancellable, progress, user_data, error);
}
