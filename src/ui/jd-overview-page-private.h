/* jd-overview-page-private.h: what the tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-figure-card.h"
#include "jd-overview-page.h"
#include "jd-stats.h"

G_BEGIN_DECLS

JdFigureCard *_jd_overview_page_get_card        (JdOverviewPage *self,
                                                 JdFigure        figure);
const char   *_jd_overview_page_get_value_text  (JdOverviewPage *self,
                                                 JdFigure        figure);
const char   *_jd_overview_page_get_change_text (JdOverviewPage *self,
                                                 JdFigure        figure);
const char   *_jd_overview_page_get_title       (JdOverviewPage *self);

G_END_DECLS
