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

#include "jd-db-private.h"
#include "jd-exchange-export.h"
#include "jd-sha256.h"
#include "jd-stats-private.h"

G_DEFINE_QUARK (jd-exchange-error-quark, jd_exchange_error)

/* The digest ----------------------------------------------------------------- */

/* g_string_append_len without the call when the buffer has room: the
 * writer and the digest append a few bytes millions of times. */
static inline void
append_len (GString    *string,
            const char *text,
            gsize       len)
{
  if (G_UNLIKELY (string->len + len >= string->allocated_len))
    {
      g_string_append_len (string, text, (gssize) len);
      return;
    }
  memcpy (string->str + string->len, text, len);
  string->len += len;
  string->str[string->len] = '\0';
}

static inline void
append (GString    *string,
        const char *text)
{
  append_len (string, text, strlen (text));
}

#define DIGEST_CACHED_ATTRS 32

struct _JdExchangeDigest
{
  JdSha256      checksum;
  GString      *line;   /* canonical lines not yet hashed */

  /* The order of the last element's attributes: the next element mostly has
   * the same names at the same addresses (literals, or a parser's interned
   * names), and then sorts the same way. */
  guint         cached_n;
  const char   *cached_names[2 * DIGEST_CACHED_ATTRS];   /* (ns, name) as given */
  guint         cached_order[DIGEST_CACHED_ATTRS];       /* sorted position → given */
};

/* Hashing in large pieces gives the same digest as line by line, faster. */
#define DIGEST_CHUNK (64 * 1024)

JdExchangeDigest *
_jd_exchange_digest_new (void)
{
  JdExchangeDigest *digest = g_new0 (JdExchangeDigest, 1);

  jd_sha256_init (&digest->checksum);
  digest->line = g_string_sized_new (DIGEST_CHUNK + 4096);
  return digest;
}

void
_jd_exchange_digest_free (JdExchangeDigest *digest)
{
  if (digest == NULL)
    return;
  jd_sha256_clear (&digest->checksum);
  g_string_free (digest->line, TRUE);
  g_free (digest);
}

/* Backslash, line feed and carriage return become \\, \n and \r. */
static void
append_escaped (GString    *line,
                const char *text)
{
  while (*text != '\0')
    {
      size_t run = strcspn (text, "\\\n\r");

      append_len (line, text, run);
      text += run;
      if (*text == '\0')
        break;
      g_string_append_c (line, '\\');
      g_string_append_c (line, *text == '\\' ? '\\' : *text == '\n' ? 'n' : 'r');
      text++;
    }
}

static void
digest_flush (JdExchangeDigest *digest)
{
  if (digest->line->len == 0)
    return;   /* nothing new: the checksum may be closed already */
  jd_sha256_update (&digest->checksum, (const guint8 *) digest->line->str, digest->line->len);
  g_string_truncate (digest->line, 0);
}

static inline void
digest_line (JdExchangeDigest *digest)
{
  g_string_append_c (digest->line, '\n');
  if (digest->line->len >= DIGEST_CHUNK)
    digest_flush (digest);
}

/* By namespace, then name; attributes are mostly in no namespace and their
 * names mostly differ in the first letter. */
static inline int
compare_attrs (const char * const *x,
               const char * const *y)
{
  if (x[0][0] != '\0' || y[0][0] != '\0')
    {
      int c = strcmp (x[0], y[0]);

      if (c != 0)
        return c;
    }
  if (x[1][0] != y[1][0])
    return (guchar) x[1][0] - (guchar) y[1][0];
  return strcmp (x[1], y[1]);
}

static gboolean
same_names (JdExchangeDigest   *digest,
            const char * const *triples,
            guint               n)
{
  if (n != digest->cached_n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (triples[3 * i] != digest->cached_names[2 * i] ||
          triples[3 * i + 1] != digest->cached_names[2 * i + 1])
        return FALSE;
    }
  return TRUE;
}

/* Sorts the (namespace, name, value) triples by namespace, then name, into
 * ORDER (sorted position → given position): an insertion sort, as elements
 * have a few attributes, mostly in order. */
static void
sort_attrs (const char * const *triples,
            guint               n,
            guint              *order)
{
  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      while (j > 0 && compare_attrs (triples + 3 * order[j - 1], triples + 3 * i) > 0)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = i;
    }
}

void
_jd_exchange_digest_start (JdExchangeDigest   *digest,
                           const char         *ns,
                           const char         *local_name,
                           const char * const *triples,
                           guint               n)
{
  g_autofree guint *heap_order = NULL;
  guint *order = digest->cached_order;

  g_string_append_c (digest->line, 'S');
  append (digest->line, ns);
  g_string_append_c (digest->line, ' ');
  append (digest->line, local_name);
  digest_line (digest);

  if (n > DIGEST_CACHED_ATTRS)
    sort_attrs (triples, n, order = heap_order = g_new (guint, n));   /* rare: not cached */
  else if (!same_names (digest, triples, n))
    {
      sort_attrs (triples, n, order);
      for (guint i = 0; i < n; i++)
        {
          digest->cached_names[2 * i] = triples[3 * i];
          digest->cached_names[2 * i + 1] = triples[3 * i + 1];
        }
      digest->cached_n = n;
    }

  for (guint i = 0; i < n; i++)
    {
      const char * const *triple = triples + 3 * order[i];

      g_string_append_c (digest->line, 'A');
      append (digest->line, triple[0]);
      g_string_append_c (digest->line, ' ');
      append (digest->line, triple[1]);
      g_string_append_c (digest->line, '=');
      append_escaped (digest->line, triple[2]);
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
  digest_flush (digest);
  return jd_sha256_get_string (&digest->checksum);
}

/* The writer ------------------------------------------------------------------ */

void
jd_exchange_export_options_init (JdExchangeExportOptions *options)
{
  memset (options, 0, sizeof *options);
}

#define MAX_ATTRS 32

/* The output: XML written straight into a buffer, two spaces of indent per
 * level, empty elements closed with "/>"; far faster than xmlTextWriter for
 * a million small elements. */
typedef struct
{
  JdDb             *db;
  FILE             *file;
  GString          *out;
  guint             depth;
  gboolean          open;      /* the start tag of the innermost element is not closed yet */
  gboolean          inline_text; /* the innermost element holds text: no indent before its end */
  GPtrArray        *names;     /* the open elements */
  JdExchangeDigest *digest;
  /* (ns, name, value) of the element being written: values are literals,
   * text of the statement's current row, or NUMBERS, all alive until the
   * element starts */
  const char       *attrs[3 * MAX_ATTRS];
  guint             n_attrs;
  char              numbers[MAX_ATTRS][24];
  guint             n_numbers;
  gint64            district_id;
  gboolean          failed;
} Writer;

#define OUTPUT_CHUNK (256 * 1024)

static void
flush_output (Writer *w)
{
  if (w->out->len > 0 && fwrite (w->out->str, 1, w->out->len, w->file) != w->out->len)
    w->failed = TRUE;
  g_string_truncate (w->out, 0);
}

/* Escapes TEXT for an attribute value (QUOTE) or for element content. */
static void
append_xml (GString    *out,
            const char *text,
            gboolean    quote)
{
  const char *specials = quote ? "&<>\"\n\r\t" : "&<>\r";

  while (*text != '\0')
    {
      size_t run = strcspn (text, specials);

      append_len (out, text, run);
      text += run;
      switch (*text)
        {
        case '\0':
          return;
        case '&':
          append (out, "&amp;");
          break;
        case '<':
          append (out, "&lt;");
          break;
        case '>':
          append (out, "&gt;");
          break;
        case '"':
          append (out, "&quot;");
          break;
        case '\n':
          append (out, "&#10;");
          break;
        case '\r':
          append (out, "&#13;");
          break;
        case '\t':
          append (out, "&#9;");
          break;
        default:
          g_assert_not_reached ();
        }
      text++;
    }
}

static void
close_start_tag (Writer *w)
{
  if (w->open)
    g_string_append_c (w->out, '>');
  w->open = FALSE;
}

static void
indent (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    append (w->out, "  ");
}

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  g_assert (w->n_attrs < MAX_ATTRS);
  w->attrs[3 * w->n_attrs] = "";
  w->attrs[3 * w->n_attrs + 1] = name;
  w->attrs[3 * w->n_attrs + 2] = value;
  w->n_attrs++;
}

static void
attr_int (Writer     *w,
          const char *name,
          gint64      value)
{
  char *buffer;
  char *p;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  g_assert (w->n_numbers < MAX_ATTRS);
  buffer = w->numbers[w->n_numbers++];
  p = buffer + sizeof w->numbers[0];

  *--p = '\0';
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  attr (w, name, p);
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
  close_start_tag (w);
  if (w->depth > 0 || w->out->len > 0)
    indent (w);
  g_string_append_c (w->out, '<');
  append (w->out, name);
  for (guint i = 0; i < 3 * w->n_attrs; i += 3)
    {
      g_string_append_c (w->out, ' ');
      append (w->out, w->attrs[i + 1]);
      append (w->out, "=\"");
      append_xml (w->out, w->attrs[i + 2], TRUE);
      g_string_append_c (w->out, '"');
    }
  w->open = TRUE;
  w->inline_text = FALSE;
  w->depth++;
  g_ptr_array_add (w->names, (gpointer) name);
  if (digested)
    _jd_exchange_digest_start (w->digest, JD_EXCHANGE_NAMESPACE, name, w->attrs, w->n_attrs);
  w->n_attrs = 0;
  w->n_numbers = 0;
}

static void
end (Writer   *w,
     gboolean  digested)
{
  const char *name = g_ptr_array_steal_index (w->names, w->names->len - 1);

  w->depth--;
  if (w->open)
    append (w->out, "/>");
  else
    {
      if (!w->inline_text)
        indent (w);
      append (w->out, "</");
      append (w->out, name);
      g_string_append_c (w->out, '>');
    }
  w->open = FALSE;
  w->inline_text = FALSE;
  if (w->out->len >= OUTPUT_CHUNK)
    flush_output (w);
  if (digested)
    _jd_exchange_digest_end (w->digest);
}

static void
text (Writer     *w,
      const char *content)
{
  close_start_tag (w);
  append_xml (w->out, content, FALSE);
  w->inline_text = TRUE;
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

/* The status of officer "o" at the end of the year, ?3 being its last day */
#define STATUS_THEN \
  " (CASE WHEN o.status != 0 AND (o.status_changed_on IS NULL OR o.status_changed_on <= ?3)" \
  "  THEN o.status ELSE 0 END)"

/* An SQL condition on agency "a", the year ?2 and its last day ?3: the
 * agency is listed in the year when it existed then, or when the year holds
 * figures of it (records, supervision figures, officers in service). */
#define AGENCY_LISTED \
  " ((" JD_SQL_AGENCY_EXISTED ("a", "?2") ")" \
  "  OR EXISTS (SELECT 1 FROM rollup r WHERE r.agency_id = a.id AND r.year = ?2)" \
  "  OR EXISTS (SELECT 1 FROM supervision_figures f WHERE f.agency_id = a.id AND f.year = ?2)" \
  "  OR EXISTS (SELECT 1 FROM officer_count c WHERE c.agency_id = a.id AND c.year = ?2)" \
  "  OR EXISTS (SELECT 1 FROM officer o WHERE o.agency_id = a.id AND o.issued_on <= ?3" \
  "             AND (o.status != 2 OR o.status_changed_on > ?3)))"

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
  g_autofree char *first_day = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last_day = g_strdup_printf ("%04d-12-31", year);
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
  if (domains == NULL)
    return FALSE;
  agencies = _jd_db_prepare (w->db,
    "SELECT a.name, a.kind, d.code, a.active, a.established_year, a.dissolved_year FROM agency a"
    " LEFT JOIN domain d ON d.id = a.domain_id WHERE a.district_id = ?1 AND" AGENCY_LISTED
    " ORDER BY a.name;", error);
  /* Officer figures at the end of the year: another district's as its files
   * stated them, the database's own from its officers. */
  if (agencies == NULL)
    return FALSE;
  officers = _jd_db_prepare (w->db,
    "SELECT a.name, c.valid, c.suspended, c.cancelled, c.uncertified, c.certified_in_year,"
    " c.cancelled_in_year, c.participating"
    " FROM officer_count c JOIN agency a ON a.id = c.agency_id"
    " WHERE a.district_id = ?1 AND c.year = ?2"
    " UNION ALL "
    "SELECT a.name,"
    " sum (o.certificate_no IS NOT NULL AND" JD_SQL_OFFICER_VALID ("o", "?3") "),"
    " sum (o.certificate_no IS NOT NULL AND o.issued_on <= ?3 AND" STATUS_THEN " = 1),"
    " sum (o.certificate_no IS NOT NULL AND o.issued_on <= ?3 AND" STATUS_THEN " = 2),"
    " sum (o.certificate_no IS NULL),"
    " sum (o.certificate_no IS NOT NULL AND o.issued_on BETWEEN ?4 AND ?3),"
    " sum (o.certificate_no IS NOT NULL AND o.status = 2 AND o.status_changed_on BETWEEN ?4 AND ?3),"
    " sum (o.certificate_no IS NOT NULL AND" JD_SQL_OFFICER_VALID ("o", "?3")
    "      AND EXISTS (SELECT 1 FROM officer_activity act"
    "                  WHERE act.officer_id = o.id AND act.year = ?2 AND act.n_records > 0))"
    " FROM officer o JOIN agency a ON a.id = o.agency_id WHERE a.district_id = ?1 AND" AGENCY_LISTED
    " AND NOT EXISTS (SELECT 1 FROM officer_count c WHERE c.agency_id = a.id)"
    " GROUP BY a.id ORDER BY 1;", error);
  if (officers == NULL)
    return FALSE;
  rows = _jd_db_prepare (w->db,
    "SELECT a.name, r.category, r.procedure, r.n_records, r.fine_fen, r.confiscation_fen,"
    " r.n_publicized, r.n_recorded, r.n_review_required, r.n_review_done, r.n_not_penalised,"
    " r.n_first_offence, r.n_lighter, r.n_mitigated, r.n_referred"
    " FROM rollup r JOIN agency a ON a.id = r.agency_id WHERE r.district_id = ?1 AND r.year = ?2"
    " ORDER BY a.name, r.category, r.procedure;", error);
  if (rows == NULL)
    return FALSE;
  figures = _jd_db_prepare (w->db,
    "SELECT a.name, f.reconsiderations, f.reconsiderations_corrected, f.lawsuits_concluded,"
    " f.lawsuits_lost, f.hearings, f.head_appearances"
    " FROM supervision_figures f JOIN agency a ON a.id = f.agency_id"
    " WHERE a.district_id = ?1 AND f.year = ?2 ORDER BY a.name;", error);
  if (figures == NULL)
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
  sqlite3_bind_int (agencies, 2, year);
  sqlite3_bind_text (agencies, 3, last_day, -1, SQLITE_STATIC);
  while (sqlite3_step (agencies) == SQLITE_ROW)
    {
      const char *kind = jd_agency_kind_to_id (sqlite3_column_int (agencies, 1));

      attr (w, "id", column_text (agencies, 0));
      attr (w, "name", column_text (agencies, 0));
      attr (w, "kind", kind != NULL ? kind : "other");
      if (sqlite3_column_type (agencies, 2) != SQLITE_NULL)
        attr (w, "domain", column_text (agencies, 2));
      attr_bool (w, "active", sqlite3_column_int (agencies, 3) != 0);
      if (sqlite3_column_type (agencies, 4) != SQLITE_NULL)
        attr_int (w, "established", sqlite3_column_int (agencies, 4));
      if (sqlite3_column_type (agencies, 5) != SQLITE_NULL)
        attr_int (w, "dissolved", sqlite3_column_int (agencies, 5));
      empty (w, "agency", TRUE);
    }
  end (w, TRUE);

  start (w, "officers", TRUE);
  sqlite3_bind_int64 (officers, 1, w->district_id);
  sqlite3_bind_int (officers, 2, year);
  sqlite3_bind_text (officers, 3, last_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (officers, 4, first_day, -1, SQLITE_STATIC);
  while (sqlite3_step (officers) == SQLITE_ROW)
    {
      static const char *const names[] = {
        "valid", "suspended", "cancelled", "uncertified",
        "certified-in-year", "cancelled-in-year", "participating",
      };

      attr (w, "agency", column_text (officers, 0));
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        attr_int (w, names[i], sqlite3_column_int64 (officers, 1 + (int) i));
      empty (w, "count", TRUE);
    }
  if (personal_data)
    {
      g_autoptr(sqlite3_stmt) people = _jd_db_prepare (w->db,
        "SELECT a.name, o.name, o.certificate_no," STATUS_THEN ", o.expires_on, o.issued_on,"
        " o.status_changed_on"
        " FROM officer o JOIN agency a ON a.id = o.agency_id"
        " WHERE a.district_id = ?1 AND o.name != '' AND" AGENCY_LISTED
        " AND (o.certificate_no IS NULL OR o.issued_on <= ?3)"
        " ORDER BY a.name, o.name, o.certificate_no, o.id;", error);

      if (people == NULL)
        return FALSE;
      sqlite3_bind_int64 (people, 1, w->district_id);
      sqlite3_bind_int (people, 2, year);
      sqlite3_bind_text (people, 3, last_day, -1, SQLITE_STATIC);
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
          if (sqlite3_column_type (people, 6) != SQLITE_NULL && sqlite3_column_int (people, 3) != 0)
            attr (w, "status-changed", column_text (people, 6));
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
      /* Agency by agency in name order, each one's records in id order: the
       * index on (agency, year) gives them so, without a sort; a database
       * that imported the file inserted them in that order, so its own
       * export lists them the same way. */
      g_autoptr(sqlite3_stmt) agency_ids = _jd_db_prepare (w->db,
        "SELECT id, name FROM agency WHERE district_id = ?1 ORDER BY name;", error);
      g_autoptr(sqlite3_stmt) stmt = agency_ids == NULL ? NULL : _jd_db_prepare (w->db,
        "SELECT category, procedure, penalty_type, opened_on, closed_on,"
        " fine_fen, confiscation_fen, publicized, recorded, legal_review_required,"
        " legal_review_done, leniency, referred, decision_no"
        " FROM record WHERE agency_id = ?1 AND year = ?2 ORDER BY id;", error);

      if (stmt == NULL)
        return FALSE;

      start (w, "records", TRUE);
      sqlite3_bind_int64 (agency_ids, 1, w->district_id);
      while (sqlite3_step (agency_ids) == SQLITE_ROW)
        {
          const char *agency = column_text (agency_ids, 1);

          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, sqlite3_column_int64 (agency_ids, 0));
          sqlite3_bind_int (stmt, 2, year);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              const char *category = jd_category_to_id (sqlite3_column_int (stmt, 0));
              const char *procedure = jd_procedure_to_id (sqlite3_column_int (stmt, 1));
              const char *penalty = jd_penalty_type_to_id (sqlite3_column_int (stmt, 2));
              const char *leniency = jd_leniency_to_id (sqlite3_column_int (stmt, 11));

              attr (w, "agency", agency);
              attr (w, "category", category != NULL ? category : "other");
              attr (w, "procedure", procedure != NULL ? procedure : "none");
              attr (w, "penalty-type", penalty != NULL ? penalty : "none");
              attr (w, "opened", column_text (stmt, 3));
              if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
                attr (w, "closed", column_text (stmt, 4));
              attr_int (w, "fine-fen", sqlite3_column_int64 (stmt, 5));
              attr_int (w, "confiscation-fen", sqlite3_column_int64 (stmt, 6));
              attr_bool (w, "publicized", sqlite3_column_int (stmt, 7) != 0);
              attr_bool (w, "recorded", sqlite3_column_int (stmt, 8) != 0);
              attr_bool (w, "review-required", sqlite3_column_int (stmt, 9) != 0);
              attr_bool (w, "review-done", sqlite3_column_int (stmt, 10) != 0);
              attr (w, "leniency", leniency != NULL ? leniency : "none");
              attr_bool (w, "referred", sqlite3_column_int (stmt, 12) != 0);
              if (sqlite3_column_type (stmt, 13) != SQLITE_NULL && *column_text (stmt, 13) != '\0')
                attr (w, "decision-no", column_text (stmt, 13));
              empty (w, "record", TRUE);
            }
        }
      end (w, TRUE);
    }

  end (w, TRUE);
  return TRUE;
}

static gint64
query_cache_size (JdDb *db)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (db, "PRAGMA cache_size;", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -2000;   /* SQLite's default */
  return sqlite3_column_int64 (stmt, 0);
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
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  Writer w = { db };
  FILE *file;
  int level, fd, first, last;
  gint64 cache_pages;
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

  w.file = file;
  w.out = g_string_sized_new (OUTPUT_CHUNK + 4096);
  w.names = g_ptr_array_new ();
  w.digest = digest = _jd_exchange_digest_new ();

  ok = TRUE;
  append (w.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

  attr (&w, "xmlns", JD_EXCHANGE_NAMESPACE);
  attr (&w, "version", JD_EXCHANGE_VERSION);
  start (&w, "exchange", FALSE);

  start (&w, "header", FALSE);
  attr (&w, "name", "Jiandu");
  attr (&w, "version", PACKAGE_VERSION);
  empty (&w, "generator", FALSE);
  start (&w, "created", FALSE);
  text (&w, created);
  end (&w, FALSE);
  attr (&w, "code", code);
  attr (&w, "name", name);
  attr (&w, "level", level_id (level));
  empty (&w, "district", FALSE);
  attr_bool (&w, "records", options->records);
  attr_bool (&w, "personal-data", options->personal_data);
  empty (&w, "content", FALSE);
  end (&w, FALSE);

  /* A small page cache while streaming: what is read once needs no cache,
   * and the sort of a year's records spills to a temporary file beyond it,
   * so the memory stays flat however large the district. */
  cache_pages = query_cache_size (db);
  _jd_db_exec (db, "PRAGMA cache_size = -16384;", NULL);
  for (int year = first; ok && year <= last; year++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = write_year (&w, year, options->records, options->personal_data, error);
    }
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";", cache_pages);

    _jd_db_exec (db, restore, NULL);
  }

  if (ok)
    {
      attr (&w, "algorithm", "sha-256");
      start (&w, "digest", FALSE);
      text (&w, _jd_exchange_digest_get_string (digest));
      end (&w, FALSE);
      end (&w, FALSE);
      g_string_append_c (w.out, '\n');
    }

  flush_output (&w);
  g_string_free (w.out, TRUE);
  g_ptr_array_unref (w.names);

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
