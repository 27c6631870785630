/* jd-sha256.c: SHA-256 with the x86 SHA extensions, else GChecksum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FIPS 180-4. The compression function below follows the instructions'
 * definition: SHA256RNDS2 does two rounds on the state held as (A, B, E, F)
 * and (C, D, G, H), SHA256MSG1 and SHA256MSG2 compute the message schedule
 * four words at a time.
 */

#include "config.h"

#include <string.h>

#include "jd-sha256.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define JD_SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const guint32 initial_state[8] = {
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

#ifdef JD_SHA256_X86

static const guint32 round_constants[64] __attribute__ ((aligned (16))) = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
cpu_has_sha (void)
{
  unsigned int eax, ebx, ecx, edx;

  if (!__get_cpuid (1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_SSE4_1) || !(ecx & bit_SSSE3))
    return FALSE;
  if (!__get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx))
    return FALSE;
  return (ebx & (1u << 29)) != 0;   /* SHA */
}

__attribute__ ((target ("sha,sse4.1,ssse3")))
static void
compress_blocks (guint32      state[8],
                 const guint8 *data,
                 gsize         n_blocks)
{
  const __m128i big_endian = _mm_set_epi64x (0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i abef, cdgh, tmp;

  /* state is a b c d | e f g h; the instructions want (a b e f), (c d g h),
   * each with the first word in the highest lane */
  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xB1);   /* c d a b */
  cdgh = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1B);  /* h g f e */
  abef = _mm_alignr_epi8 (tmp, cdgh, 8);                                           /* f e b a */
  cdgh = _mm_blend_epi16 (cdgh, tmp, 0xF0);                                         /* h g d c */

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      const __m128i abef_before = abef;
      const __m128i cdgh_before = cdgh;
      __m128i w[4];

      for (int i = 0; i < 4; i++)
        w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), big_endian);

      for (int i = 0; i < 16; i++)
        {
          __m128i message;

          /* w[i % 4] holds words 4i-16 … 4i-13 of the schedule: make it
           * words 4i … 4i+3 */
          if (i >= 4)
            w[i & 3] = _mm_sha256msg2_epu32 (_mm_add_epi32 (_mm_sha256msg1_epu32 (w[i & 3], w[(i + 1) & 3]),
                                                            _mm_alignr_epi8 (w[(i + 3) & 3], w[(i + 2) & 3], 4)),
                                             w[(i + 3) & 3]);

          message = _mm_add_epi32 (w[i & 3], _mm_load_si128 ((const __m128i *) &round_constants[4 * i]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, message);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (message, 0x0E));
        }

      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  tmp = _mm_shuffle_epi32 (abef, 0x1B);          /* a b e f, lowest first */
  cdgh = _mm_shuffle_epi32 (cdgh, 0xB1);         /* g h c d */
  abef = _mm_blend_epi16 (tmp, cdgh, 0xF0);      /* a b c d */
  cdgh = _mm_alignr_epi8 (cdgh, tmp, 8);         /* e f g h */
  _mm_storeu_si128 ((__m128i *) &state[0], abef);
  _mm_storeu_si128 ((__m128i *) &state[4], cdgh);
}

#endif

gboolean
jd_sha256_accelerated (void)
{
#ifdef JD_SHA256_X86
  static gsize checked = 0;
  static gboolean has_sha = FALSE;

  if (g_once_init_enter (&checked))
    {
      has_sha = cpu_has_sha () && g_getenv ("JIANDU_NO_SHA_NI") == NULL;
      g_once_init_leave (&checked, 1);
    }
  return has_sha;
#else
  return FALSE;
#endif
}

void
jd_sha256_init (JdSha256 *self)
{
  memset (self, 0, sizeof *self);
  memcpy (self->state, initial_state, sizeof initial_state);
  if (!jd_sha256_accelerated ())
    self->fallback = g_checksum_new (G_CHECKSUM_SHA256);
}

void
jd_sha256_clear (JdSha256 *self)
{
  g_clear_pointer (&self->fallback, g_checksum_free);
}

void
jd_sha256_update (JdSha256     *self,
                  const guint8 *data,
                  gsize         length)
{
  g_return_if_fail (!self->finished);

  if (self->fallback != NULL)
    {
      g_checksum_update (self->fallback, data, (gssize) length);
      return;
    }

#ifdef JD_SHA256_X86
  self->length += length;
  if (self->n_block > 0)
    {
      gsize take = MIN (length, 64 - self->n_block);

      memcpy (self->block + self->n_block, data, take);
      self->n_block += take;
      data += take;
      length -= take;
      if (self->n_block < 64)
        return;
      compress_blocks (self->state, self->block, 1);
      self->n_block = 0;
    }
  if (length >= 64)
    {
      compress_blocks (self->state, data, length / 64);
      data += length - length % 64;
      length %= 64;
    }
  memcpy (self->block, data, length);
  self->n_block = length;
#endif
}

const char *
jd_sha256_get_string (JdSha256 *self)
{
  if (self->finished)
    return self->hex;
  self->finished = TRUE;

  if (self->fallback != NULL)
    {
      g_strlcpy (self->hex, g_checksum_get_string (self->fallback), sizeof self->hex);
      return self->hex;
    }

#ifdef JD_SHA256_X86
  {
    guint64 bits = self->length * 8;
    guint8 tail[128] = { 0 };
    gsize n_tail = self->n_block < 56 ? 64 : 128;

    /* the message, a 1 bit, zeros, and its length in bits, big-endian */
    memcpy (tail, self->block, self->n_block);
    tail[self->n_block] = 0x80;
    for (int i = 0; i < 8; i++)
      tail[n_tail - 1 - i] = (guint8) (bits >> (8 * i));
    compress_blocks (self->state, tail, n_tail / 64);
    for (int i = 0; i < 8; i++)
      g_snprintf (self->hex + 8 * i, 9, "%08x", self->state[i]);
  }
#endif
  return self->hex;
}
