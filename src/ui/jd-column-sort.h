/* jd-column-sort.h: a column view's sort menu, for the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the menu sorted by last: the same column again reverses the order. */
typedef struct
{
  int          column;   /* -1: none yet */
  GtkSortType  order;
} JdColumnSort;

void        jd_column_sort_init  (JdColumnSort        *self);
/* Sorts VIEW by COLUMN (its INDEX in the menu): ascending first, or
 * descending for NUMERIC columns; the same column again reverses. */
void        jd_column_sort_apply (JdColumnSort        *self,
                                  GtkColumnView       *view,
                                  GtkColumnViewColumn *column,
                                  int                  index,
                                  gboolean             numeric);
/* A menu of TITLES (translated already), each activating ACTION with its
 * index as an int32 target. */
GMenuModel *jd_column_sort_menu_new (const char  *action,
                                     const char **titles,
                                     guint        n_titles);

G_END_DECLS
