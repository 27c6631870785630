/* test-db.c: opening, refusing and writing the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "jd-db.h"

typedef struct
{
  char *dir;
} TmpDir;

static void
tmp_setup (TmpDir        *tmp,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tmp->dir = g_dir_make_tmp ("jd-test-db-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
tmp_teardown (TmpDir        *tmp,
              gconstpointer  data)
{
  remove_tree (tmp->dir);
  g_free (tmp->dir);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* Opening PATH fails with CODE, and the file is byte-identical afterwards. */
static void
assert_refused (const char *path,
                JdDbError   code,
                const char *message_part)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;

  db = jd_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, JD_DB_ERROR, (int) code);
  /* The message names the file and says what is wrong. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, message_part));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_create_and_reopen (TmpDir        *tmp,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp->dir, "sub", "dir", "jiandu.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;
  gint64 district = 0;

  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (jd_db_get_schema_version (db), ==, JD_DB_SCHEMA_VERSION);
  g_assert_true (jd_db_is_empty (db));
  g_assert_null (jd_db_get_backup_path (db));

  jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, &district, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_db_get_local_district (db), ==, district);
  {
    g_autofree char *name = jd_db_dup_local_district_name (db);
    g_assert_cmpstr (name, ==, "示例区");
  }
}

static void
test_default_path (void)
{
  g_autofree char *path = jd_db_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "jiandu", "jiandu.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_refuse_newer (TmpDir        *tmp,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp->dir, "newer.db", NULL);

  make_sqlite_file (path, "PRAGMA application_id = 1245987906; PRAGMA user_version = 99;"
                          "CREATE TABLE future (x);");
  assert_refused (path, JD_DB_ERROR_TOO_NEW, "newer version of Jiandu");
}

static void
test_refuse_not_sqlite (TmpDir        *tmp,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp->dir, "report.db", NULL);

  g_file_set_contents (path, "2024年行政执法工作情况报告\n一、基本情况\n", -1, NULL);
  assert_refused (path, JD_DB_ERROR_NOT_DATABASE, "not an SQLite file");
}

static void
test_refuse_foreign (TmpDir        *tmp,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp->dir, "other.db", NULL);

  make_sqlite_file (path, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL);"
                          "INSERT INTO accounts VALUES (1, 2.5);");
  assert_refused (path, JD_DB_ERROR_FOREIGN, "another program");
}

static void
test_refuse_damaged (TmpDir        *tmp,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp->dir, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  /* A real Jiandu database, then its first page scribbled over past the
   * 100-byte header. */
  {
    g_autoptr(JdDb) db = jd_db_open (path, &error);
    g_assert_no_error (error);
    jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, NULL, &error);
    g_assert_no_error (error);
  }
  /* Fold the WAL into the main file so the damage is not masked. */
  make_sqlite_file (path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 4096);
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char) (i * 7);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  g_free (contents);

  assert_refused (path, JD_DB_ERROR_CORRUPT, "damaged");
}

static void
test_empty_file_is_new (TmpDir        *tmp,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = NULL;

  g_file_set_contents (path, "", 0, NULL);
  db = jd_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_db_get_schema_version (db), ==, JD_DB_SCHEMA_VERSION);
}

static void
test_record_validation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  JdAgencyInfo agency = { .name = "区市场监督管理局", .active = TRUE };
  JdRecordInfo record = { 0 };
  gint64 agency_id = 0;

  g_assert_no_error (error);
  jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, &agency.district_id, &error);
  g_assert_no_error (error);
  jd_db_add_agency (db, &agency, &agency_id, &error);
  g_assert_no_error (error);

  record.agency_id = agency_id;
  record.category = JD_CATEGORY_PENALTY;
  record.opened_on = "2024-03-05";

  /* A penalty without a procedure */
  g_assert_false (jd_db_add_record (db, &record, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "procedure"));
  g_clear_error (&error);

  /* A date in another form names the field and the value */
  record.procedure = JD_PROCEDURE_SIMPLE;
  record.opened_on = "2024/3/5";
  g_assert_false (jd_db_add_record (db, &record, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "opened_on"));
  g_assert_nonnull (strstr (error->message, "2024/3/5"));
  g_clear_error (&error);

  /* Closed before opened */
  record.opened_on = "2024-03-05";
  record.closed_on = "2024-03-01";
  g_assert_false (jd_db_add_record (db, &record, NULL, &error));
  g_assert_nonnull (strstr (error->message, "closed_on"));
  g_clear_error (&error);

  /* Negative money */
  record.closed_on = NULL;
  record.fine_fen = -1;
  g_assert_false (jd_db_add_record (db, &record, NULL, &error));
  g_assert_nonnull (strstr (error->message, "fine"));
  g_clear_error (&error);

  /* A non-penalty with a procedure */
  record.fine_fen = 0;
  record.category = JD_CATEGORY_INSPECTION;
  g_assert_false (jd_db_add_record (db, &record, NULL, &error));
  g_assert_nonnull (strstr (error->message, "procedure"));
  g_clear_error (&error);

  /* An unknown agency is refused by the foreign key, and nothing is left */
  record.procedure = JD_PROCEDURE_NONE;
  record.agency_id = 999;
  g_assert_false (jd_db_add_record (db, &record, NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(GArray) years = jd_db_list_years (db);
    g_assert_cmpuint (years->len, ==, 0);
  }

  record.agency_id = agency_id;
  g_assert_true (jd_db_add_record (db, &record, NULL, &error));
  g_assert_no_error (error);
}

static void
test_transaction_rollback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);

  g_assert_no_error (error);

  g_assert_true (jd_db_begin (db, &error));
  g_assert_true (jd_db_begin (db, &error));   /* nested */
  jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, NULL, &error);
  g_assert_no_error (error);
  jd_db_rollback (db);
  g_assert_cmpint (jd_db_get_local_district (db), ==, 0);

  g_assert_true (jd_db_begin (db, &error));
  jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, NULL, &error);
  g_assert_true (jd_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_db_get_local_district (db), >, 0);

  /* Only one district is ours */
  g_assert_false (jd_db_add_district (db, "120299", "另一区", JD_DISTRICT_LEVEL_DISTRICT, TRUE,
                                      NULL, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
}

static void
test_certificate_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDb) db = jd_db_open (":memory:", &error);
  JdAgencyInfo agency = { .name = "区应急管理局", .active = TRUE };
  JdOfficerInfo officer = { .name = "孙丽", .certificate_no = "1201920210001",
                            .issued_on = "2021-04-01", .expires_on = "2024-04-01" };
  gint64 officer_id = 0;

  jd_db_add_district (db, "120199", "示例区", JD_DISTRICT_LEVEL_DISTRICT, TRUE, &agency.district_id, &error);
  jd_db_add_agency (db, &agency, &officer.agency_id, &error);
  jd_db_add_officer (db, &officer, &officer_id, &error);
  g_assert_no_error (error);

  g_assert_true (jd_db_apply_certificate_event (db, officer_id, JD_CERT_EVENT_RENEW, "2024-03-20",
                                                "2027-04-01", JD_CANCEL_REASON_NONE, &error));
  /* A cancellation needs its reason */
  g_assert_false (jd_db_apply_certificate_event (db, officer_id, JD_CERT_EVENT_CANCEL, "2025-01-01",
                                                 NULL, JD_CANCEL_REASON_NONE, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (jd_db_apply_certificate_event (db, officer_id, JD_CERT_EVENT_CANCEL, "2025-01-01",
                                                NULL, JD_CANCEL_REASON_TRANSFERRED, &error));
  g_assert_no_error (error);
  /* An unknown officer */
  g_assert_false (jd_db_apply_certificate_event (db, 4242, JD_CERT_EVENT_SUSPEND, "2025-01-01",
                                                 NULL, JD_CANCEL_REASON_NONE, &error));
  g_assert_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/jd/db/create-and-reopen", TmpDir, NULL, tmp_setup, test_create_and_reopen, tmp_teardown);
  g_test_add ("/jd/db/empty-file-is-new", TmpDir, NULL, tmp_setup, test_empty_file_is_new, tmp_teardown);
  g_test_add ("/jd/db/refuse/newer", TmpDir, NULL, tmp_setup, test_refuse_newer, tmp_teardown);
  g_test_add ("/jd/db/refuse/not-sqlite", TmpDir, NULL, tmp_setup, test_refuse_not_sqlite, tmp_teardown);
  g_test_add ("/jd/db/refuse/foreign", TmpDir, NULL, tmp_setup, test_refuse_foreign, tmp_teardown);
  g_test_add ("/jd/db/refuse/damaged", TmpDir, NULL, tmp_setup, test_refuse_damaged, tmp_teardown);
  g_test_add_func ("/jd/db/default-path", test_default_path);
  g_test_add_func ("/jd/db/record-validation", test_record_validation);
  g_test_add_func ("/jd/db/transaction-rollback", test_transaction_rollback);
  g_test_add_func ("/jd/db/certificate-events", test_certificate_events);

  return g_test_run ();
}
