/* fuzz-exchange-import.c: libFuzzer target for the exchange importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is written to a file and handed to jd_exchange_validate and to
 * jd_exchange_import (with replace) on one database that lives for the whole
 * run. Beyond not crashing, the importer must agree with the validator, and
 * must leave the rollups exact whether it succeeds or fails. The digest is
 * checked last, so most mutated inputs fail there: the fuzzer still walks
 * the parser, the schema validation and every check before it.
 *
 * Built only when clang is found (tests/fuzz/meson.build); the test suite
 * runs it briefly over the corpus in tests/data/exchange.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "jd-db.h"
#include "jd-exchange-import.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static JdDb *db;
static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jd-fuzz-XXXXXX", &error);
  g_autofree char *db_path = NULL;

  if (dir == NULL)
    g_error ("%s", error->message);
  if (g_getenv ("JIANDU_DATADIR") == NULL)
    g_setenv ("JIANDU_DATADIR", JIANDU_SOURCE_DATADIR, TRUE);

  db_path = g_build_filename (dir, "fuzz.db", NULL);
  input_path = g_build_filename (dir, "input.xml", NULL);
  db = jd_db_open (db_path, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autoptr(GError) check_error = NULL;
  JdExchangeImportOptions options = { .replace = TRUE };
  gboolean valid, imported;

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    abort ();

  valid = jd_exchange_validate (input_path, NULL, NULL, NULL, NULL, &validate_error);
  imported = jd_exchange_import (db, input_path, &options, NULL, NULL, NULL, NULL, &import_error);

  /* A file the validator refuses is never imported; the importer may refuse
   * more (a district that is the local one, say), never less. */
  if (imported && !valid)
    abort ();
  if (!valid && (validate_error == NULL || validate_error->message[0] == '\0'))
    abort ();
  if (!imported && (import_error == NULL || import_error->message[0] == '\0'))
    abort ();
  if (!jd_db_check_rollups (db, &check_error))
    abort ();
  return 0;
}
