/* jd-exchange-export.h: the exchange format between districts, and its writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is defined by data/jiandu-exchange-1.xsd and explained in
 * docs/exchange-format.md, which also defines the integrity digest.
 */
#pragma once

#include <gio/gio.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_EXCHANGE_NAMESPACE      "urn:jiandu:exchange:1"
#define JD_EXCHANGE_VERSION        "1.0"
#define JD_EXCHANGE_SCHEMA_FILE    "jiandu-exchange-1.xsd"

#define JD_EXCHANGE_ERROR (jd_exchange_error_quark ())

typedef enum
{
  JD_EXCHANGE_ERROR_IO,           /* the file cannot be read or written */
  JD_EXCHANGE_ERROR_MALFORMED,    /* not well-formed XML, not UTF-8, empty, a DOCTYPE */
  JD_EXCHANGE_ERROR_NOT_EXCHANGE, /* well-formed XML, but not a Jiandu exchange file */
  JD_EXCHANGE_ERROR_VERSION,      /* a major version this build does not read */
  JD_EXCHANGE_ERROR_INVALID,      /* does not follow the schema */
  JD_EXCHANGE_ERROR_DIGEST,       /* the integrity digest does not match */
  JD_EXCHANGE_ERROR_EXISTS,       /* the district's year is already in the database */
  JD_EXCHANGE_ERROR_SCHEMA,       /* the schema file cannot be found or loaded */
  JD_EXCHANGE_ERROR_CANCELLED,
  JD_EXCHANGE_ERROR_FAILED,       /* the database refused a value */
} JdExchangeError;

GQuark      jd_exchange_error_quark     (void);

typedef struct
{
  const char *district_code;  /* NULL: the local district */
  int         first_year;     /* 0: the first year with data */
  int         last_year;      /* 0: the last year with data */
  gboolean    records;        /* add every record of each year */
  gboolean    personal_data;  /* add officers' names and certificate numbers */
  const char *created;        /* NULL: now; an xs:dateTime, for tests */
} JdExchangeExportOptions;

void        jd_exchange_export_options_init (JdExchangeExportOptions *options);

/* Writes the district's years from DB to PATH. The file is written under a
 * temporary name in the same folder and renamed over PATH only when complete,
 * so PATH is never left half-written. */
gboolean    jd_exchange_export          (JdDb                          *db,
                                         const JdExchangeExportOptions *options,
                                         const char                    *path,
                                         GCancellable                  *cancellable,
                                         GError                       **error);

/* The canonical content the digest covers (docs/exchange-format.md): shared
 * by the writer and the reader. */
typedef struct _JdExchangeDigest JdExchangeDigest;

JdExchangeDigest *_jd_exchange_digest_new        (void);
void              _jd_exchange_digest_free       (JdExchangeDigest *digest);
/* TRIPLES: N_ATTRS × (NAMESPACE ("" when none), LOCAL NAME, VALUE), any order */
void              _jd_exchange_digest_start      (JdExchangeDigest   *digest,
                                                  const char         *ns,
                                                  const char         *local_name,
                                                  const char * const *triples,
                                                  guint               n_attrs);
void              _jd_exchange_digest_text       (JdExchangeDigest *digest,
                                                  const char       *text);
void              _jd_exchange_digest_end        (JdExchangeDigest *digest);
/* Lower-case hex; owned by DIGEST; ends the digest */
const char       *_jd_exchange_digest_get_string (JdExchangeDigest *digest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdExchangeDigest, _jd_exchange_digest_free)

G_END_DECLS
