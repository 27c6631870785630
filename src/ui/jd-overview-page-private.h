/* jd-overview-page-private.h: what the tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-chart-view.h"
#include "jd-dashboard.h"
#include "jd-figure-card.h"
#include "jd-overview-page.h"
#include "jd-stats.h"

G_BEGIN_DECLS

typedef enum
{
  JD_RANKING_DEPARTMENTS = 0,
  JD_RANKING_TOWNS,
  JD_RANKING_TOP_PER_OFFICER,
  JD_RANKING_BOTTOM_PER_OFFICER,
  JD_RANKING_PENALTIES,
} JdRankingList;
#define JD_RANKING_N (JD_RANKING_PENALTIES + 1)

JdFigureCard *_jd_overview_page_get_card        (JdOverviewPage *self,
                                                 JdFigure        figure);
JdFigureCard *_jd_overview_page_get_rate_card   (JdOverviewPage *self,
                                                 JdRate          rate);
/* LENIENCY from JD_LENIENCY_NOT_PENALISED; JD_LENIENCY_NONE is the referrals card */
JdFigureCard *_jd_overview_page_get_leniency_card (JdOverviewPage *self,
                                                   JdLeniency      leniency);
const char   *_jd_overview_page_get_value_text  (JdOverviewPage *self,
                                                 JdFigure        figure);
const char   *_jd_overview_page_get_change_text (JdOverviewPage *self,
                                                 JdFigure        figure);
const char   *_jd_overview_page_get_title       (JdOverviewPage *self);
JdChartView  *_jd_overview_page_get_trend_view  (JdOverviewPage *self);
GtkListBox   *_jd_overview_page_get_ranking     (JdOverviewPage *self,
                                                 JdRankingList   list);
/* The agency a ranking or officer row stands for */
gint64        _jd_overview_page_get_row_agency  (GtkListBoxRow  *row);
gint64        _jd_overview_page_get_row_officer (GtkListBoxRow  *row);
GtkListBox   *_jd_overview_page_get_officers    (JdOverviewPage *self);
GtkGrid      *_jd_overview_page_get_history     (JdOverviewPage *self);

G_END_DECLS
