/* jd-figure-card.h: one figure of the overview, its value and its change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "jd-stats.h"

G_BEGIN_DECLS

#define JD_TYPE_FIGURE_CARD (jd_figure_card_get_type ())
G_DECLARE_FINAL_TYPE (JdFigureCard, jd_figure_card, JD, FIGURE_CARD, GtkFlowBoxChild)

GtkWidget  *jd_figure_card_new              (JdFigure      figure);
JdFigure    jd_figure_card_get_figure       (JdFigureCard *self);
/* Shows VALUE; with HAS_PREVIOUS, the change from PREVIOUS (the figure of
 * PREVIOUS_YEAR), else a note that there is nothing to compare with. */
void        jd_figure_card_set_values       (JdFigureCard *self,
                                             gint64        value,
                                             gboolean      has_previous,
                                             gint64        previous,
                                             int           previous_year);
/* A card for something that is not a JdFigure (a rate, a leniency count). */
GtkWidget  *jd_figure_card_new_titled       (const char   *title);
/* Shows preformatted texts. TREND > 0 colours the change as a rise, < 0 as a
 * fall; SPOKEN_CHANGE is what a screen reader says for CHANGE (NULL: CHANGE);
 * DETAIL, when not NULL, is a small line under the change (raw numbers);
 * TOOLTIP is the card's tooltip (formula and raw numbers). */
void        jd_figure_card_set_texts        (JdFigureCard *self,
                                             const char   *value,
                                             const char   *change,
                                             int           trend,
                                             const char   *spoken_change,
                                             const char   *detail,
                                             const char   *tooltip);
const char *jd_figure_card_get_title        (JdFigureCard *self);
const char *jd_figure_card_get_detail_text  (JdFigureCard *self);
const char *jd_figure_card_get_value_text   (JdFigureCard *self);
const char *jd_figure_card_get_change_text  (JdFigureCard *self);

G_END_DECLS
