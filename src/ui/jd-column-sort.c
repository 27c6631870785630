/* jd-column-sort.c: a column view's sort menu, for the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Column headers sort with the mouse; the menu does the same from the
 * keyboard, and like a header clicked twice, the same entry reverses.
 */

#include "config.h"

#include "jd-column-sort.h"

void
jd_column_sort_init (JdColumnSort *self)
{
  self->column = -1;
  self->order = GTK_SORT_ASCENDING;
}

void
jd_column_sort_apply (JdColumnSort        *self,
                      GtkColumnView       *view,
                      GtkColumnViewColumn *column,
                      int                  index,
                      gboolean             numeric)
{
  GtkSortType order;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  if (index == self->column)
    order = self->order == GTK_SORT_ASCENDING ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
  else
    order = numeric ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;

  self->column = index;
  self->order = order;
  gtk_column_view_sort_by_column (view, column, order);
}

GMenuModel *
jd_column_sort_menu_new (const char  *action,
                         const char **titles,
                         guint        n_titles)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < n_titles; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (titles[i], NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_int32 ((gint32) i));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}
