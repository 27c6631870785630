/* fixture.h: a small district whose figures the tests state by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 district;
  gint64 market;       /* department, market regulation */
  gint64 ecology;      /* department, ecology */
  gint64 town;         /* street */
  gint64 team;         /* integrated team, established 2024 */
  gint64 officers[6];
} Fixture;

/* Fills DB with:
 *  - 示例区 with 3 agencies existing in 2023 and 4 in 2024 (a team founded 2024);
 *  - 6 officers: 4 issued before 2023, 1 issued 2024-03-01, 1 cancelled (retired)
 *    2024-06-30 after issue in 2020; valid at end of 2023: 5; at end of 2024: 5;
 *    new in 2024: 1; cancelled in 2024: 1;
 *  - 2023: 4 inspections, 2 penalties (1 general fine 5,000.00 yuan,
 *          1 simple fine 200.00 yuan), 1 licensing               = 7 records
 *  - 2024: 6 inspections, 3 penalties (2 general: fines 12,000.50 and 0 with
 *          confiscation 3,000 yuan; 1 simple 100 yuan), 1 coercive measure,
 *          1 coercive execution, 1 confirmation                    = 12 records
 *    one of the 2024 inspections was opened 2023-12-28 and closed 2024-01-05. */
void   fixture_fill   (JdDb    *db,
                       Fixture *fixture);

G_END_DECLS
