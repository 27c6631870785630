/* test-sha256.c: the exchange digest's SHA-256 agrees with GChecksum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "jd-sha256.h"

static char *
hash_in_pieces (const guint8 *data,
                gsize         length,
                GRand        *rand)
{
  JdSha256 sha;
  char *hex;
  gsize offset = 0;

  jd_sha256_init (&sha);
  while (offset < length)
    {
      gsize piece = (gsize) g_rand_int_range (rand, 1, 150);

      piece = MIN (piece, length - offset);
      jd_sha256_update (&sha, data + offset, piece);
      offset += piece;
    }
  hex = g_strdup (jd_sha256_get_string (&sha));
  /* asking again gives the same */
  g_assert_cmpstr (jd_sha256_get_string (&sha), ==, hex);
  jd_sha256_clear (&sha);
  return hex;
}

/* Every length around the block and padding edges, in random pieces */
static void
test_lengths (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  g_test_message ("SHA instructions used: %s", jd_sha256_accelerated () ? "yes" : "no");
  for (gsize length = 0; length <= 1100; length++)
    {
      g_autofree guint8 *data = g_malloc (length + 1);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      for (gsize i = 0; i < length; i++)
        data[i] = (guint8) g_rand_int (rand);
      expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
      got = hash_in_pieces (data, length, rand);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* The FIPS 180-2 examples */
static void
test_known_answers (void)
{
  static const struct { const char *message; const char *digest; } cases[] = {
    { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JdSha256 sha;

      jd_sha256_init (&sha);
      jd_sha256_update (&sha, (const guint8 *) cases[i].message, strlen (cases[i].message));
      g_assert_cmpstr (jd_sha256_get_string (&sha), ==, cases[i].digest);
      jd_sha256_clear (&sha);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sha256/known-answers", test_known_answers);
  g_test_add_func ("/sha256/lengths", test_lengths);

  return g_test_run ();
}
