/* test-csv-import.c: CSV import of enforcement records, in core and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fixture.h"
#include "jd-csv-import.h"
#include "jd-db-private.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  JdDb    *db;
  Fixture  fx;
} Test;

static void
setup (Test          *t,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("jd-test-csv-XXXXXX", &error);
  g_assert_no_error (error);
  t->db_path = g_build_filename (t->dir, "district.db", NULL);
  t->db = jd_db_open (t->db_path, &error);
  g_assert_no_error (error);
  fixture_fill (t->db, &t->fx);
}

static void
teardown (Test          *t,
          gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&t->db);
  dir = g_dir_open (t->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (t->dir);
  g_free (t->dir);
  g_free (t->db_path);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

/* A file in the test's folder with CONTENTS */
static char *
write_temp (Test       *t,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (t->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* A checksum of every table's rows, and of the schema (the triggers a bulk
 * write sets aside must be back). */
static char *
db_checksum (JdDb *db)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = _jd_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 3; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_checksum_update (sum, (const guchar *) (text != NULL ? text : "NULL"), -1);
          g_checksum_update (sum, (const guchar *) "|", 1);
        }
      if (g_str_equal (sqlite3_column_text (stmt, 0), "table") &&
          !g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 1), "sqlite_"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[i]);
      g_autoptr(GString) sql = g_string_new (probe);
      int n;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      n = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);
      g_string_append (sql, " ORDER BY ");
      for (int c = 1; c <= n; c++)
        g_string_append_printf (sql, "%s%d", c > 1 ? ", " : "", c);

      g_checksum_update (sum, (const guchar *) tables->pdata[i], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n; c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_checksum_update (sum, (const guchar *) (text != NULL ? text : "NULL"), -1);
              g_checksum_update (sum, (const guchar *) "|", 1);
            }
          g_checksum_update (sum, (const guchar *) "\n", 1);
        }
      sqlite3_finalize (stmt);
    }

  return g_strdup (g_checksum_get_string (sum));
}

static gint64
query_int (JdDb       *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_jd_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The imported record with DECISION_NO, as "column=value;..." */
static char *
record_text (JdDb       *db,
             const char *decision_no)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (_jd_db_get_handle (db),
    "SELECT a.name, r.category, r.procedure, r.penalty_type, r.opened_on, r.closed_on, r.party,"
    " r.fine_fen, r.confiscation_fen, r.publicized, r.recorded, r.legal_review_required,"
    " r.legal_review_done, r.leniency, r.referred,"
    " (SELECT group_concat (o.certificate_no, ' ') FROM"
    "   (SELECT o.certificate_no FROM record_officer ro JOIN officer o ON o.id = ro.officer_id"
    "    WHERE ro.record_id = r.id ORDER BY o.certificate_no) o)"
    " FROM record r JOIN agency a ON a.id = r.agency_id WHERE r.decision_no = ?1",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, decision_no, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, c);
      g_string_append_printf (out, "%s%s", c > 0 ? ";" : "", text != NULL ? text : "NULL");
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
assert_rollups (JdDb *db)
{
  g_autoptr(GError) error = NULL;

  jd_db_check_rollups (db, &error);
  g_assert_no_error (error);
}

static JdCsvImport *
import_file (Test       *t,
             const char *path,
             GError    **error)
{
  JdCsvImport *import = jd_csv_import_new (t->db, path, error);

  return import;
}

static gboolean
has_error (JdCsvImport *import,
           guint        line,
           JdCsvField   field,
           const char  *column)
{
  GPtrArray *errors = jd_csv_import_get_errors (import);

  for (guint i = 0; i < errors->len; i++)
    {
      JdCsvError *e = g_ptr_array_index (errors, i);

      if (e->line == line && e->field == field && g_strcmp0 (e->column, column) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Mapping ------------------------------------------------------------------- */

static void
test_guess_mapping (void)
{
  const char *headers[] = {
    "执法单位", "行为类别", "适用程序", "处罚种类", "受理日期", "办结日期", "行政相对人",
    "罚款金额（万元）", "没收违法所得", "是否公示", "是否全过程记录", "是否需法制审核", "是否法制审核",
    "首违不罚", "是否移送司法机关", "处罚决定书文号", "执法人员执法证号", "备注", "执法主体", NULL
  };
  const char *english[] = { "Agency", "Category", "Opened", "Closed", "Fine (10k yuan)", "officers", NULL };
  g_autoptr(JdCsvMapping) mapping = jd_csv_import_guess_mapping (headers);
  g_autoptr(JdCsvMapping) mapping_en = jd_csv_import_guess_mapping (english);
  g_autoptr(GError) error = NULL;
  const JdCsvField expected[] = {
    JD_CSV_FIELD_AGENCY, JD_CSV_FIELD_CATEGORY, JD_CSV_FIELD_PROCEDURE, JD_CSV_FIELD_PENALTY_TYPE,
    JD_CSV_FIELD_OPENED_ON, JD_CSV_FIELD_CLOSED_ON, JD_CSV_FIELD_PARTY, JD_CSV_FIELD_FINE,
    JD_CSV_FIELD_CONFISCATION, JD_CSV_FIELD_PUBLICIZED, JD_CSV_FIELD_RECORDED,
    JD_CSV_FIELD_LEGAL_REVIEW_REQUIRED, JD_CSV_FIELD_LEGAL_REVIEW_DONE, JD_CSV_FIELD_LENIENCY,
    JD_CSV_FIELD_REFERRED, JD_CSV_FIELD_DECISION_NO, JD_CSV_FIELD_OFFICERS,
    JD_CSV_FIELD_NONE,    /* 备注 */
    JD_CSV_FIELD_NONE,    /* a second agency column: the first keeps it */
  };

  g_assert_cmpuint (mapping->n_columns, ==, G_N_ELEMENTS (expected));
  for (guint c = 0; c < mapping->n_columns; c++)
    {
      g_test_message ("column %u: %s", c, headers[c]);
      g_assert_cmpint (mapping->fields[c], ==, expected[c]);
      if (expected[c] != JD_CSV_FIELD_NONE)
        g_assert_cmpfloat (mapping->confidence[c], ==, 1.0);
    }
  g_assert_cmpint (mapping->units[7], ==, JD_CSV_UNIT_WAN_YUAN);
  g_assert_cmpint (mapping->units[8], ==, JD_CSV_UNIT_YUAN);
  g_assert_cmpint (jd_csv_mapping_find (mapping, JD_CSV_FIELD_OPENED_ON), ==, 4);

  g_assert_cmpint (mapping_en->fields[0], ==, JD_CSV_FIELD_AGENCY);
  g_assert_cmpint (mapping_en->fields[2], ==, JD_CSV_FIELD_OPENED_ON);
  g_assert_cmpint (mapping_en->fields[3], ==, JD_CSV_FIELD_CLOSED_ON);
  g_assert_cmpint (mapping_en->fields[4], ==, JD_CSV_FIELD_FINE);
  g_assert_cmpint (mapping_en->units[4], ==, JD_CSV_UNIT_WAN_YUAN);
  g_assert_cmpint (mapping_en->fields[5], ==, JD_CSV_FIELD_OFFICERS);

  /* A header that only contains a synonym is a guess */
  {
    const char *loose[] = { "本单位执法主体全称", NULL };
    g_autoptr(JdCsvMapping) m = jd_csv_import_guess_mapping (loose);

    g_assert_cmpint (m->fields[0], ==, JD_CSV_FIELD_AGENCY);
    g_assert_cmpfloat (m->confidence[0], >, 0.5);
    g_assert_cmpfloat (m->confidence[0], <, 1.0);
  }

  /* Corrections: by header text and by 1-based index; "field=" unmaps */
  jd_csv_mapping_apply_overrides (mapping, "opened_on=办结日期, closed=5, party=", &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_csv_mapping_find (mapping, JD_CSV_FIELD_OPENED_ON), ==, 5);
  g_assert_cmpint (jd_csv_mapping_find (mapping, JD_CSV_FIELD_CLOSED_ON), ==, 4);
  g_assert_cmpint (jd_csv_mapping_find (mapping, JD_CSV_FIELD_PARTY), ==, -1);

  jd_csv_mapping_apply_overrides (mapping, "colour=1", &error);
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  jd_csv_mapping_apply_overrides (mapping, "agency=99", &error);
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  jd_csv_mapping_apply_overrides (mapping, "agency", &error);
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING);
}

/* Imports ------------------------------------------------------------------- */

/* The five rows of chinese.csv, however encoded */
static void
check_chinese_import (Test       *t,
                      const char *path,
                      const char *encoding)
{
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = query_int (t->db, "SELECT count(*) FROM record");
  char *text;

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_csv_import_get_encoding (import), ==, encoding);

  jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_csv_import_get_n_rows (import), ==, 5);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 5);
  g_assert_cmpuint (jd_csv_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (jd_csv_import_get_errors (import)->len, ==, 0);
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM record"), ==, before + 5);

  /* Quoted comma, thousands separator, two date forms */
  text = record_text (t->db, "示市监罚〔2025〕1号");
  g_assert_cmpstr (text, ==, "区市场监督管理局;1;1;3;2025-03-05;2025-03-20;某某商贸有限公司,第一分公司;"
                             "1200050;0;1;1;1;1;0;0;1201920180001 1201920180002");
  g_free (text);
  /* Full-width digits in a certificate number; Y/N */
  text = record_text (t->db, "示市监检〔2025〕2号");
  g_assert_cmpstr (text, ==, "区市场监督管理局;7;0;0;2025-03-05;2025-03-06;张三;"
                             "0;0;1;0;0;0;0;0;1201920180001 1201920180002");
  g_free (text);
  /* A newline inside quotes, ¥, 年月日, a yes/no leniency column, yes/no;
   * the fine makes the warning a fine, the heavier type */
  text = record_text (t->db, "示环罚〔2025〕3号");
  g_assert_cmpstr (text, ==, "区生态环境局;1;2;3;2025-03-05;2025-03-05;多行\n当事人;"
                             "30000;0;1;1;0;0;2;0;1201920190003");
  g_free (text);
  /* Spaces around the agency; doubled quotes; 20250306; 1/0 */
  text = record_text (t->db, "示环许〔2025〕4号");
  g_assert_cmpstr (text, ==, "区生态环境局;0;0;0;2025-03-05;2025-03-06;He said \"hi\";"
                             "0;0;1;0;0;0;0;0;1201920190003 1201920200006");
  g_free (text);
  /* 20250305; true/false; referred; officers split on a space */
  text = record_text (t->db, "示新强〔2025〕5号");
  g_assert_cmpstr (text, ==, "新华街道;2;0;0;2025-03-05;2025-03-07;NULL;"
                             "0;0;1;0;0;0;0;1;1201920200004 1201920240005");
  g_free (text);

  assert_rollups (t->db);
}

static void
test_utf8 (Test          *t,
           gconstpointer  data)
{
  g_autofree char *path = data_path ("chinese.csv");

  check_chinese_import (t, path, "UTF-8");
}

static void
test_utf8_bom_crlf (Test          *t,
                    gconstpointer  data)
{
  g_autofree char *contents = read_data ("chinese.csv", NULL);
  g_autofree char *crlf = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  /* CRLF between records; the newline inside quotes stays a lone LF */
  crlf = g_strjoinv ("\r\n", lines);
  {
    char *quoted = strstr (crlf, "多行\r\n");
    g_assert_nonnull (quoted);
    memmove (quoted + strlen ("多行"), quoted + strlen ("多行\r"), strlen (quoted + strlen ("多行\r")) + 1);
  }
  with_bom = g_strconcat ("\xef\xbb\xbf", crlf, NULL);
  path = write_temp (t, "bom.csv", with_bom, -1);
  check_chinese_import (t, path, "UTF-8 with BOM");
}

static void
test_gbk (Test          *t,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length, gbk_length = 0;
  g_autofree char *contents = read_data ("chinese.csv", &length);
  g_autofree char *gbk = NULL;
  g_autofree char *path = NULL;

  /* ¥ and the full-width digits have no GBK form: keep to what GBK holds */
  {
    g_autoptr(GString) s = g_string_new (contents);
    g_string_replace (s, "¥300", "300", 0);
    g_string_replace (s, "１２０１９２０１８０００１", "1201920180001", 0);
    gbk = g_convert (s->str, (gssize) s->len, "GBK", "UTF-8", NULL, &gbk_length, &error);
    g_assert_no_error (error);
  }
  g_assert_false (g_utf8_validate_len (gbk, gbk_length, NULL));
  path = write_temp (t, "gbk.csv", gbk, (gssize) gbk_length);
  check_chinese_import (t, path, "GB18030");
}

static void
test_utf16_refused (Test          *t,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (t, "utf16.csv", "\xff\xfe" "a\0,\0b\0", 8);
  g_autoptr(JdCsvImport) import = import_file (t, path, &error);

  g_assert_null (import);
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

static void
test_empty (Test          *t,
            gconstpointer  data)
{
  const char *contents[] = { "", "\xef\xbb\xbf", "\n\r\n\n" };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_temp (t, "empty.csv", contents[i], -1);
      g_autoptr(JdCsvImport) import = import_file (t, path, &error);

      g_assert_null (import);
      g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_EMPTY);
    }
}

/* A quote left open: the row is reported at the line where it starts */
static void
test_unterminated (Test          *t,
                   gconstpointer  data)
{
  g_autofree char *path = write_temp (t, "open.csv",
                                      "执法主体,行为类别,立案日期\n"
                                      "区市场监督管理局,行政检查,2025-01-02\n"
                                      "区市场监督管理局,\"行政检查\n,2025-01-03\n", -1);
  g_autofree char *before = db_checksum (t->db);
  g_autofree char *after = NULL;
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  g_assert_false (jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS);
  g_assert_true (has_error (import, 3, JD_CSV_FIELD_NONE, NULL));
  g_assert_cmpuint (jd_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (jd_csv_import_get_n_good (import), ==, 1);
  after = db_checksum (t->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_english (Test          *t,
              gconstpointer  data)
{
  g_autofree char *path = data_path ("english.csv");
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  import = import_file (t, path, &error);
  g_assert_no_error (error);

  /* 市场监管局 is not an agency until it is an alias */
  jd_csv_import_run (import, JD_CSV_IMPORT_DRY_RUN, NULL, NULL, NULL, &error);
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS);
  g_clear_error (&error);
  g_assert_cmpuint (jd_csv_import_get_n_rejected (import), ==, 1);

  jd_csv_import_add_agency_alias (import, "某某局", "不存在的局", &error);
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  jd_csv_import_add_agency_alias (import, "市场监管局", "区市场监督管理局", &error);
  g_assert_no_error (error);

  jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 2);

  first = record_text (t->db, "D-1");
  g_assert_cmpstr (first, ==, "区市场监督管理局;1;1;4;2025-04-01;2025-04-10;ACME Ltd.;"
                              "50000;10050;1;1;1;1;3;0;1201920180001");
  second = record_text (t->db, "D-2");
  g_assert_cmpstr (second, ==, "区市场监督管理局;7;0;0;2025-04-02;NULL;Someone;"
                               "0;0;0;0;0;0;0;0;1201920180002");
  assert_rollups (t->db);
}

static void
test_wan_yuan (Test          *t,
               gconstpointer  data)
{
  g_autofree char *path = data_path ("wan.csv");
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 2);

  /* 1.5 万元 = 15,000.00 yuan; 0.000001 万元 = 1 fen; 1,234.56 万元 */
  g_assert_cmpint (query_int (t->db, "SELECT fine_fen FROM record WHERE opened_on = '2025-05-01'"), ==, 1500000);
  g_assert_cmpint (query_int (t->db, "SELECT confiscation_fen FROM record WHERE opened_on = '2025-05-01'"), ==, 1);
  g_assert_cmpint (query_int (t->db, "SELECT procedure FROM record WHERE opened_on = '2025-05-01'"), ==, 1);
  g_assert_cmpint (query_int (t->db, "SELECT fine_fen FROM record WHERE opened_on = '2025-05-03'"), ==,
                   G_GINT64_CONSTANT (1234560000));
  g_assert_cmpint (query_int (t->db, "SELECT procedure FROM record WHERE opened_on = '2025-05-03'"), ==, 2);
  assert_rollups (t->db);
}

static void
test_broken (Test          *t,
             gconstpointer  data)
{
  g_autofree char *path = data_path ("broken.csv");
  g_autofree char *before = db_checksum (t->db);
  g_autofree char *after = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *errors;

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  g_assert_false (jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS);

  after = db_checksum (t->db);
  g_assert_cmpstr (before, ==, after);
  assert_rollups (t->db);

  g_assert_cmpuint (jd_csv_import_get_n_rows (import), ==, 9);
  g_assert_cmpuint (jd_csv_import_get_n_good (import), ==, 2);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 0);
  g_assert_cmpuint (jd_csv_import_get_n_rejected (import), ==, 7);

  errors = jd_csv_import_get_errors (import);
  for (guint i = 0; i < errors->len; i++)
    {
      g_autofree char *text = jd_csv_import_format_error (import, g_ptr_array_index (errors, i));
      g_test_message ("%s", text);
    }
  g_assert_cmpuint (errors->len, ==, 7);
  g_assert_true (has_error (import, 3, JD_CSV_FIELD_OPENED_ON, "立案日期"));
  g_assert_true (has_error (import, 4, JD_CSV_FIELD_AGENCY, "执法主体"));
  g_assert_true (has_error (import, 5, JD_CSV_FIELD_CATEGORY, "行为类别"));
  g_assert_true (has_error (import, 6, JD_CSV_FIELD_PROCEDURE, "办案程序"));
  g_assert_true (has_error (import, 7, JD_CSV_FIELD_OFFICERS, "执法人员"));
  g_assert_true (has_error (import, 8, JD_CSV_FIELD_CLOSED_ON, "决定日期"));
  g_assert_true (has_error (import, 9, JD_CSV_FIELD_FINE, "罚款金额(元)"));

  formatted = jd_csv_import_format_error (import, g_ptr_array_index (errors, 1));
  g_assert_true (g_str_has_prefix (formatted, path));
  g_assert_nonnull (strstr (formatted, ":4: 执法主体: "));
  g_assert_nonnull (strstr (formatted, "不存在的局"));
}

static void
test_missing_column (Test          *t,
                     gconstpointer  data)
{
  g_autofree char *path = data_path ("missing-column.csv");
  g_autofree char *before = db_checksum (t->db);
  g_autofree char *after = NULL;
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = import_file (t, path, &error);
  g_assert_no_error (error);

  /* Not even the good rows can go in */
  g_assert_false (jd_csv_import_run (import, JD_CSV_IMPORT_GOOD_ROWS_ONLY, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS);
  after = db_checksum (t->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpuint (jd_csv_import_get_errors (import)->len, ==, 2);
  g_assert_true (has_error (import, 1, JD_CSV_FIELD_OPENED_ON, NULL));
  g_assert_true (has_error (import, 3, JD_CSV_FIELD_CATEGORY, "行为类别"));
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 0);
}

static void
test_good_rows_only (Test          *t,
                     gconstpointer  data)
{
  g_autofree char *path = data_path ("broken.csv");
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = query_int (t->db, "SELECT count(*) FROM record");

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_csv_import_run (import, JD_CSV_IMPORT_GOOD_ROWS_ONLY, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (jd_csv_import_get_n_rows (import), ==, 9);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 2);
  g_assert_cmpuint (jd_csv_import_get_n_rejected (import), ==, 7);
  g_assert_cmpuint (jd_csv_import_get_errors (import)->len, ==, 7);
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM record"), ==, before + 2);
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM record WHERE opened_on IN ('2025-06-01', '2025-06-08')"), ==, 2);
  assert_rollups (t->db);
}

static void
test_dry_run (Test          *t,
              gconstpointer  data)
{
  g_autofree char *path = data_path ("chinese.csv");
  g_autofree char *before = db_checksum (t->db);
  g_autofree char *after = NULL;
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  g_assert_true (jd_csv_import_run (import, JD_CSV_IMPORT_DRY_RUN, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_csv_import_get_n_good (import), ==, 5);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 0);
  after = db_checksum (t->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_preview (Test          *t,
              gconstpointer  data)
{
  g_autofree char *path = data_path ("broken.csv");
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  JdCsvPreviewRow *row;

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  rows = jd_csv_import_preview (import, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->cells[0], ==, "区市场监督管理局");
  g_assert_cmpuint (g_strv_length (row->cells), ==, 7);
  g_assert_null (row->problem);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_nonnull (row->problem);
  g_assert_nonnull (strstr (row->problem, "2025-13-01"));
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  double        last;
} ProgressData;

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  ProgressData *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  p->last = fraction;
  p->calls++;
  if (fraction > 0.2)
    g_cancellable_cancel (p->cancellable);
}

static void
count_progress (double   fraction,
                gpointer user_data)
{
  ProgressData *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  p->last = fraction;
  p->calls++;
}

static char *
write_large (Test  *t,
             guint  n_rows)
{
  g_autoptr(GString) s = g_string_new ("执法主体,行为类别,立案日期,执法人员\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (s, "区市场监督管理局,行政检查,2025-%02u-%02u,1201920180001\n",
                            1 + i % 12, 1 + i % 28);
  return write_temp (t, "large.csv", s->str, (gssize) s->len);
}

static void
test_cancel (Test          *t,
             gconstpointer  data)
{
  g_autofree char *path = write_large (t, 20000);
  g_autofree char *before = db_checksum (t->db);
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  ProgressData progress = { cancellable, 0, 0 };

  import = import_file (t, path, &error);
  g_assert_no_error (error);
  g_assert_false (jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, cancellable,
                                     cancel_on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (jd_csv_import_get_n_rows (import), <, 20000);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 0);

  after = db_checksum (t->db);
  g_assert_cmpstr (before, ==, after);
  assert_rollups (t->db);

  /* The same import, not cancelled, reports its progress up to 1 */
  g_clear_error (&error);
  progress.calls = 0;
  progress.last = 0;
  g_assert_true (jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, NULL, count_progress, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jd_csv_import_get_n_imported (import), ==, 20000);
  g_assert_cmpuint (progress.calls, >, 3);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  assert_rollups (t->db);
}

static void
test_no_district (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  g_autofree char *path = data_path ("chinese.csv");
  g_autoptr(JdCsvImport) import = NULL;

  g_assert_no_error (error);
  import = jd_csv_import_new (db, path, &error);
  g_assert_no_error (error);
  g_assert_false (jd_csv_import_run (import, JD_CSV_IMPORT_DEFAULT, NULL, NULL, NULL, &error));
  g_assert_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_NO_DISTRICT);
  g_assert_true (jd_db_is_empty (db));
}

/* Larger than the 8 MB the validation takes at a time, with a character
 * across the first boundary */
static void
test_chunked_validation (Test          *t,
                         gconstpointer  data)
{
  const gsize chunk = 8 * 1024 * 1024;
  g_autoptr(GString) s = g_string_new ("执法主体,行为类别,立案日期,当事人\n");
  g_autoptr(JdCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint rows = 0;

  while (s->len < chunk + 4096)
    {
      g_string_append (s, "区市场监督管理局,行政检查,2025-01-01,某某有限公司\n");
      rows++;
    }
  while (((guchar) s->str[chunk] & 0xC0) != 0x80)
    g_string_prepend_c (s, ' ');

  path = write_temp (t, "big.csv", s->str, (gssize) s->len);
  import = import_file (t, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_csv_import_get_encoding (import), ==, "UTF-8");
  jd_csv_import_run (import, JD_CSV_IMPORT_DRY_RUN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_csv_import_get_n_good (import), ==, rows);
}

/* The CLI ------------------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_cli (Run        *run,
         const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("JIANDU_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
test_cli (Test          *t,
          gconstpointer  data)
{
  g_autofree char *broken = data_path ("broken.csv");
  g_autofree char *good = data_path ("chinese.csv");
  g_autofree char *english = data_path ("english.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  /* The CLI opens the file itself */
  g_clear_object (&t->db);

  {
    const char *args[] = { "--database", t->db_path, "import-csv", broken, NULL };
    t->db = jd_db_open (t->db_path, &error);
    g_assert_no_error (error);
    before = db_checksum (t->db);
    g_clear_object (&t->db);

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    expected = g_strdup_printf ("%s:4: 执法主体: ", broken);
    g_assert_nonnull (strstr (run.err, expected));
    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf ("%s:9: 罚款金额(元): ", broken);
    g_assert_nonnull (strstr (run.err, expected));
    g_assert_nonnull (strstr (run.out, "9"));
    run_clear (&run);

    t->db = jd_db_open (t->db_path, &error);
    g_assert_no_error (error);
    after = db_checksum (t->db);
    g_assert_cmpstr (before, ==, after);
    g_clear_object (&t->db);
  }

  {
    const char *args[] = { "--database", t->db_path, "import-csv", "--dry-run", good, NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
  }

  {
    const char *args[] = { "--database", t->db_path, "import-csv", broken, "--good-rows-only", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, ":7: 执法人员: "));
    run_clear (&run);
  }

  /* English headers, with the second row's agency mapped away: a usage of
   * --mapping that leaves the agency column out is a bad file */
  {
    const char *args[] = { "--database", t->db_path, "import-csv", english,
                           "--mapping", "agency=,party=Agency", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    run_clear (&run);
  }

  /* An agency under another name */
  {
    const char *args[] = { "--database", t->db_path, "import-csv", english, "--dry-run",
                           "--agency-alias", "市场监管局=区市场监督管理局", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", t->db_path, "import-csv", english, "--dry-run",
                           "--agency-alias", "市场监管局=不存在的局", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
  }

  /* Usage errors */
  {
    const char *args[] = { "--database", t->db_path, "import-csv", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", t->db_path, "import-csv", good, "--mapping", "colour=1", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", t->db_path, "import-csv", good, "--mapping", "opened_on=立案时间", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
  }

  {
    const char *args[] = { "--database", t->db_path, "import-csv", good,
                           "--mapping", "opened_on=5,closed_on=决定日期", NULL };
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
  }

  t->db = jd_db_open (t->db_path, &error);
  g_assert_no_error (error);
  /* 19 of the fixture, 2 good rows of broken.csv, 5 of chinese.csv */
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM record"), ==, 19 + 2 + 5);
  assert_rollups (t->db);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-import/guess-mapping", test_guess_mapping);
  g_test_add ("/csv-import/utf8", Test, NULL, setup, test_utf8, teardown);
  g_test_add ("/csv-import/utf8-bom-crlf", Test, NULL, setup, test_utf8_bom_crlf, teardown);
  g_test_add ("/csv-import/gbk", Test, NULL, setup, test_gbk, teardown);
  g_test_add ("/csv-import/utf16-refused", Test, NULL, setup, test_utf16_refused, teardown);
  g_test_add ("/csv-import/empty", Test, NULL, setup, test_empty, teardown);
  g_test_add ("/csv-import/unterminated", Test, NULL, setup, test_unterminated, teardown);
  g_test_add ("/csv-import/english", Test, NULL, setup, test_english, teardown);
  g_test_add ("/csv-import/wan-yuan", Test, NULL, setup, test_wan_yuan, teardown);
  g_test_add ("/csv-import/broken", Test, NULL, setup, test_broken, teardown);
  g_test_add ("/csv-import/missing-column", Test, NULL, setup, test_missing_column, teardown);
  g_test_add ("/csv-import/good-rows-only", Test, NULL, setup, test_good_rows_only, teardown);
  g_test_add ("/csv-import/dry-run", Test, NULL, setup, test_dry_run, teardown);
  g_test_add ("/csv-import/preview", Test, NULL, setup, test_preview, teardown);
  g_test_add ("/csv-import/cancel", Test, NULL, setup, test_cancel, teardown);
  g_test_add_func ("/csv-import/no-district", test_no_district);
  g_test_add ("/csv-import/chunked-validation", Test, NULL, setup, test_chunked_validation, teardown);
  g_test_add ("/csv-import/cli", Test, NULL, setup, test_cli, teardown);

  return g_test_run ();
}
