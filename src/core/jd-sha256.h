/* jd-sha256.h: SHA-256 for the exchange digest, with the CPU's SHA
 * instructions when it has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GChecksum's SHA-256 is portable C; the digest of a city's exchange file
 * hashes hundreds of megabytes, a fifth of the time of reading it. On x86-64
 * with the SHA extensions this hashes several times faster; elsewhere it is
 * GChecksum. Both give the same digest (tests/test-exchange.c checks).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint32    state[8];
  guint8     block[64];
  gsize      n_block;      /* bytes waiting in BLOCK */
  guint64    length;       /* bytes hashed so far */
  GChecksum *fallback;     /* without the SHA instructions */
  char       hex[65];
  gboolean   finished;
} JdSha256;

void        jd_sha256_init        (JdSha256     *self);
void        jd_sha256_clear       (JdSha256     *self);
void        jd_sha256_update      (JdSha256     *self,
                                   const guint8 *data,
                                   gsize         length);
/* The digest in lowercase hex; no more updates after it. */
const char *jd_sha256_get_string  (JdSha256     *self);
/* Whether the SHA instructions are used (for the tests). */
gboolean    jd_sha256_accelerated (void);

G_END_DECLS
