/* jd-review-print.c: printed review documents, drawn with Cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a list of blocks (texts, tables, page breaks) built once
 * from the data; paginate measures every text with a Pango context of its
 * own (zh-cn, 72 DPI, no hinted metrics: the same geometry in print and in
 * PDF) and lays the blocks out into drawing operations per page. Table
 * rows never split across pages unless taller than a whole page; a table's
 * header row is repeated at the top of each page it continues on.
 */

#define G_LOG_DOMAIN "jd-review-print"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "jd-review-print.h"
#include "jd-core-types.h"
#include "jd-registry.h"

#define FONT_FAMILY  "Noto Sans CJK SC"
#define STAR         "\xe2\x98\x85"   /* ★ */
#define GE           "\xe2\x89\xa5"   /* ≥ */
#define MIDDOT       " \xc2\xb7 "     /* · */
#define BLANK_LINE   "________________"

#define MAX_COLS     8
#define CELL_PAD     3.0
#define HEADER_H     24.0
#define FOOTER_H     22.0

static const JdEnumName doc_kinds[JD_REVIEW_DOC_N] = {
  { "blank", N_("Blank review sheets") },
  { "filled", N_("Filled review sheets") },
  { "results", N_("Review results report") },
  { "letters", N_("Supervision letters") },
};

const char *
jd_review_doc_kind_to_id (JdReviewDocKind kind)
{
  return jd_enum_name_to_id (doc_kinds, G_N_ELEMENTS (doc_kinds), (int) kind);
}

const char *
jd_review_doc_kind_to_label (JdReviewDocKind kind)
{
  return jd_enum_name_to_label (doc_kinds, G_N_ELEMENTS (doc_kinds), (int) kind);
}

gboolean
jd_review_doc_kind_from_id (const char      *id,
                            JdReviewDocKind *out)
{
  int value;

  if (!jd_enum_name_lookup (doc_kinds, G_N_ELEMENTS (doc_kinds), id, &value))
    return FALSE;
  *out = (JdReviewDocKind) value;
  return TRUE;
}

/* Blocks -------------------------------------------------------------------- */

typedef enum
{
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_TABLE,
  STYLE_SMALL,
  N_STYLES
} TextStyle;

static const struct
{
  double   size;
  gboolean bold;
} styles[N_STYLES] = {
  { 16, TRUE }, { 10, FALSE }, { 11.5, TRUE }, { 10, TRUE }, { 10, FALSE }, { 8.5, FALSE },
  { 8, FALSE },
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_TABLE,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockKind;

enum
{
  ROW_SPAN  = 1 << 0,   /* one cell across the table, shaded: a stage */
  ROW_BOLD  = 1 << 1,
  ROW_GROUP = 1 << 2,   /* the first cell repeats the row above's: shown only atop a page */
};

typedef struct
{
  char  **cells;
  guint   flags;
} Row;

typedef struct
{
  BlockKind       kind;
  /* text */
  char           *text;
  TextStyle       style;
  PangoAlignment  align;
  double          space;          /* BLOCK_SPACE, and after a text */
  gboolean        keep_with_next;
  /* table */
  guint           n_cols;
  double          widths[MAX_COLS];   /* fractions of the width */
  PangoAlignment  aligns[MAX_COLS];
  char          **header;             /* NULL: no header row */
  GPtrArray      *rows;               /* Row* */
  double          min_row_h;
  gboolean        label_cols;         /* columns 0, 2, ... are shaded labels */
} Block;

typedef enum
{
  OP_TEXT,
  OP_FILL,
  OP_RECT,
  OP_LINE,
} OpKind;

typedef struct
{
  OpKind       kind;
  guint        page;
  double       x, y, w, h;
  PangoLayout *layout;
  gboolean     clip;
  double       clip_y, clip_h;
} Op;

typedef struct
{
  JdReviewBox box;
  char       *text;
} BoxEntry;

typedef struct
{
  guint        page;
  double       y;
  gboolean     fresh;     /* nothing but a repeated header on this page yet */
  const Block *table;     /* the table whose header repeats, or NULL */
} Cursor;

struct _JdReviewDoc
{
  JdReviewDocKind  kind;
  char            *title;
  char            *district;
  GPtrArray       *blocks;     /* Block* */

  PangoContext    *context;
  GArray          *ops;        /* Op */
  GArray          *boxes;      /* BoxEntry */
  guint            n_pages;
  double           width, height, body_top, body_bottom;
  Cursor           cursor;      /* where the layout has got to */
  guint            next_block;  /* the first block not laid out yet */
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->header);
  if (block->rows != NULL)
    g_ptr_array_unref (block->rows);
  g_free (block);
}

static void
clear_layout (JdReviewDoc *doc)
{
  for (guint i = 0; i < doc->ops->len; i++)
    g_clear_object (&g_array_index (doc->ops, Op, i).layout);
  g_array_set_size (doc->ops, 0);
  for (guint i = 0; i < doc->boxes->len; i++)
    g_free (g_array_index (doc->boxes, BoxEntry, i).text);
  g_array_set_size (doc->boxes, 0);
  doc->n_pages = 0;
}

static JdReviewDoc *
doc_new (JdReviewDocKind  kind,
         const char      *district)
{
  JdReviewDoc *doc = g_new0 (JdReviewDoc, 1);

  doc->kind = kind;
  doc->district = g_strdup (district);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  doc->boxes = g_array_new (FALSE, TRUE, sizeof (BoxEntry));
  return doc;
}

void
jd_review_doc_free (JdReviewDoc *doc)
{
  if (doc == NULL)
    return;
  clear_layout (doc);
  g_array_unref (doc->ops);
  g_array_unref (doc->boxes);
  g_ptr_array_unref (doc->blocks);
  g_clear_object (&doc->context);
  g_free (doc->title);
  g_free (doc->district);
  g_free (doc);
}

const char *
jd_review_doc_get_title (JdReviewDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->title;
}

static Block *
add_text (JdReviewDoc    *doc,
          TextStyle       style,
          PangoAlignment  align,
          double          space_after,
          const char     *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->text = g_strdup (text != NULL ? text : "");
  block->style = style;
  block->align = align;
  block->space = space_after;
  block->keep_with_next = style == STYLE_HEADING || style == STYLE_SUBHEADING;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

static void
add_space (JdReviewDoc *doc,
           double       space)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_SPACE;
  block->space = space;
  g_ptr_array_add (doc->blocks, block);
}

static void
add_page_break (JdReviewDoc *doc)
{
  Block *block;

  /* No empty first page */
  if (doc->blocks->len == 0)
    return;
  block = g_new0 (Block, 1);
  block->kind = BLOCK_PAGE_BREAK;
  g_ptr_array_add (doc->blocks, block);
}

/* A table of N_COLS columns: WIDTHS are relative (any scale), ALIGNS a
 * string of 'l', 'c', 'r' per column; HEADER may be NULL. */
static Block *
add_table (JdReviewDoc        *doc,
           guint               n_cols,
           const double       *widths,
           const char         *aligns,
           const char * const *header)
{
  Block *block = g_new0 (Block, 1);
  double sum = 0;

  g_assert (n_cols > 0 && n_cols <= MAX_COLS);
  block->kind = BLOCK_TABLE;
  block->n_cols = n_cols;
  for (guint c = 0; c < n_cols; c++)
    sum += widths[c];
  for (guint c = 0; c < n_cols; c++)
    {
      block->widths[c] = widths[c] / sum;
      block->aligns[c] = aligns[c] == 'c' ? PANGO_ALIGN_CENTER
                         : aligns[c] == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    }
  if (header != NULL)
    block->header = g_strdupv ((char **) header);
  block->rows = g_ptr_array_new_with_free_func (row_free);
  block->space = 8;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

/* Appends a row of the table's column count (NULL cells are empty). */
static void
table_add_row (Block  *table,
               guint   flags,
               ...)
{
  Row *row = g_new0 (Row, 1);
  guint n = (flags & ROW_SPAN) ? 1 : table->n_cols;
  va_list args;

  row->flags = flags;
  row->cells = g_new0 (char *, n + 1);
  va_start (args, flags);
  for (guint c = 0; c < n; c++)
    {
      const char *cell = va_arg (args, const char *);

      row->cells[c] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

/* Layout -------------------------------------------------------------------- */

static PangoLayout *
make_layout (JdReviewDoc    *doc,
             const char     *text,
             TextStyle       style,
             gboolean        bold,
             double          width,
             PangoAlignment  align)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoLayout *layout = pango_layout_new (doc->context);

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  if (bold || styles[style].bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* The lowest line bottom of LAYOUT at or above LIMIT (layout coordinates),
 * or 0 when not even the first line fits. */
static double
line_boundary (PangoLayout *layout,
               double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double best = 0;

  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (bottom > limit)
        break;
      best = bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return best;
}

/* One row as placed: cells side by side */
typedef struct
{
  guint        n;
  double       x[MAX_COLS], w[MAX_COLS];
  PangoLayout *layouts[MAX_COLS];   /* owned until placed */
  gboolean     shade[MAX_COLS];
  gboolean     borders;
  double       pad;
  double       height;
  JdReviewBoxKind kind;
  char        *text;                 /* for the box */
} Geom;

static void
geom_clear (Geom *g)
{
  for (guint c = 0; c < g->n; c++)
    g_clear_object (&g->layouts[c]);
  g_clear_pointer (&g->text, g_free);
}

static void
push_op (JdReviewDoc *doc,
         Op           op)
{
  g_array_append_val (doc->ops, op);
}

static void
push_box (JdReviewDoc     *doc,
          JdReviewBoxKind  kind,
          guint            page,
          double           x,
          double           y,
          double           w,
          double           h,
          const char      *text)
{
  BoxEntry entry = { { kind, page, x, y, w, h, NULL }, g_strdup (text) };

  g_array_append_val (doc->boxes, entry);
}

static void place_geom (JdReviewDoc *doc, Cursor *cur, Geom *g);

static void
build_header_geom (JdReviewDoc *doc,
                   const Block *table,
                   Geom        *g);

static void
new_page (JdReviewDoc *doc,
          Cursor      *cur)
{
  cur->page++;
  cur->y = doc->body_top;
  cur->fresh = TRUE;
  if (cur->table != NULL && cur->table->header != NULL)
    {
      Geom g = { 0, };

      build_header_geom (doc, cur->table, &g);
      place_geom (doc, cur, &g);
      geom_clear (&g);
      cur->fresh = TRUE;
    }
}

/* Emits slice [FROM, TO) of the row (row coordinates) at the cursor. */
static void
emit_slice (JdReviewDoc *doc,
            Cursor      *cur,
            Geom        *g,
            double       from,
            double       to)
{
  double h = to - from;
  gboolean sliced = from > 0 || to < g->height;

  for (guint c = 0; c < g->n; c++)
    {
      if (g->shade[c])
        push_op (doc, (Op) { OP_FILL, cur->page, g->x[c], cur->y, g->w[c], h, NULL, FALSE, 0, 0 });
      if (g->layouts[c] != NULL)
        push_op (doc, (Op) { OP_TEXT, cur->page, g->x[c] + g->pad, cur->y + g->pad - from,
                             g->w[c] - 2 * g->pad, 0, g_object_ref (g->layouts[c]),
                             sliced, cur->y, h });
      if (g->borders)
        push_op (doc, (Op) { OP_RECT, cur->page, g->x[c], cur->y, g->w[c], h, NULL, FALSE, 0, 0 });
    }
  push_box (doc, g->kind, cur->page, g->x[0], cur->y,
            g->x[g->n - 1] + g->w[g->n - 1] - g->x[0], h, g->text);
  cur->y += h;
  cur->fresh = FALSE;
}

/* Places G at the cursor: on the next page when it does not fit here, in
 * slices cut between lines when it is taller than a whole page. */
static void
place_geom (JdReviewDoc *doc,
            Cursor      *cur,
            Geom        *g)
{
  double from = 0;

  if (cur->y + g->height > doc->body_bottom + 0.01 && !cur->fresh)
    new_page (doc, cur);

  while (cur->y + (g->height - from) > doc->body_bottom + 0.01)
    {
      double avail = doc->body_bottom - cur->y;
      double to = 0;

      /* Cut below the last whole line of the tallest cell that fits */
      for (guint c = 0; c < g->n; c++)
        if (g->layouts[c] != NULL)
          {
            double cut = g->pad + line_boundary (g->layouts[c], from + avail - 2 * g->pad);

            to = MAX (to, cut);
          }
      if (to <= from + 1)
        to = from + avail;
      /* Always forward, even on a page with no room at all */
      to = MAX (MIN (to, from + avail), from + 1);
      emit_slice (doc, cur, g, from, to);
      from = to;
      new_page (doc, cur);
    }
  emit_slice (doc, cur, g, from, g->height);
}

static char *
join_cells (char **cells)
{
  return g_strjoinv (" | ", cells);
}

static void
build_header_geom (JdReviewDoc *doc,
                   const Block *table,
                   Geom        *g)
{
  double x = 0, height = 0;

  g->n = table->n_cols;
  g->borders = TRUE;
  g->pad = CELL_PAD;
  g->kind = JD_REVIEW_BOX_HEADER_ROW;
  g->text = join_cells (table->header);
  for (guint c = 0; c < table->n_cols; c++)
    {
      g->x[c] = x;
      g->w[c] = table->widths[c] * doc->width;
      x += g->w[c];
      g->shade[c] = TRUE;
      g->layouts[c] = make_layout (doc, table->header[c], STYLE_TABLE, TRUE,
                                   g->w[c] - 2 * g->pad, PANGO_ALIGN_CENTER);
      height = MAX (height, layout_height (g->layouts[c]));
    }
  g->height = ceil (height + 2 * g->pad);
}

static void
build_row_geom (JdReviewDoc *doc,
                const Block *table,
                const Row   *row,
                gboolean     show_first,
                Geom        *g)
{
  double x = 0, height = 0;

  g->borders = TRUE;
  g->pad = CELL_PAD;
  g->kind = JD_REVIEW_BOX_ROW;
  g->text = join_cells (row->cells);
  if (row->flags & ROW_SPAN)
    {
      g->n = 1;
      g->x[0] = 0;
      g->w[0] = doc->width;
      g->shade[0] = TRUE;
      g->layouts[0] = make_layout (doc, row->cells[0], STYLE_TABLE, TRUE,
                                   g->w[0] - 2 * g->pad, PANGO_ALIGN_LEFT);
      g->height = ceil (layout_height (g->layouts[0]) + 2 * g->pad);
      return;
    }

  g->n = table->n_cols;
  for (guint c = 0; c < table->n_cols; c++)
    {
      const char *text = row->cells[c];

      g->x[c] = x;
      g->w[c] = table->widths[c] * doc->width;
      x += g->w[c];
      g->shade[c] = table->label_cols && c % 2 == 0;
      if (c == 0 && (row->flags & ROW_GROUP) && !show_first)
        text = "";
      if (text[0] == '\0')
        continue;
      g->layouts[c] = make_layout (doc, text, STYLE_TABLE,
                                   (row->flags & ROW_BOLD) || g->shade[c],
                                   g->w[c] - 2 * g->pad, table->aligns[c]);
      height = MAX (height, layout_height (g->layouts[c]));
    }
  g->height = ceil (MAX (height + 2 * g->pad, table->min_row_h));
}

static void
layout_table (JdReviewDoc *doc,
              Cursor      *cur,
              const Block *table)
{
  if (table->header != NULL)
    {
      Geom header = { 0, };
      Geom first = { 0, };

      build_header_geom (doc, table, &header);
      /* The header row never stays alone at the bottom of a page */
      if (table->rows->len > 0)
        build_row_geom (doc, table, g_ptr_array_index (table->rows, 0), TRUE, &first);
      if (!cur->fresh && cur->y + header.height + first.height > doc->body_bottom)
        new_page (doc, cur);
      place_geom (doc, cur, &header);
      cur->fresh = TRUE;
      geom_clear (&header);
      geom_clear (&first);
    }
  cur->table = table;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (table->rows, i);
      Geom g = { 0, };

      build_row_geom (doc, table, row, cur->fresh, &g);
      if (!cur->fresh && cur->y + g.height > doc->body_bottom + 0.01)
        {
          new_page (doc, cur);
          if (row->flags & ROW_GROUP)
            {
              /* Atop a new page, a row names its group again */
              geom_clear (&g);
              build_row_geom (doc, table, row, TRUE, &g);
            }
        }
      place_geom (doc, cur, &g);
      geom_clear (&g);
    }
  cur->table = NULL;
  cur->y += table->space;
}

static double
block_height_hint (JdReviewDoc *doc,
                   const Block *block)
{
  if (block == NULL)
    return 0;
  if (block->kind == BLOCK_TEXT)
    {
      g_autoptr(PangoLayout) layout = make_layout (doc, block->text, block->style, FALSE,
                                                   doc->width, block->align);
      return MIN (layout_height (layout), 60);
    }
  if (block->kind == BLOCK_TABLE)
    return 40;
  return 0;
}

static void
layout_text (JdReviewDoc *doc,
             Cursor      *cur,
             const Block *block,
             const Block *next)
{
  Geom g = { 0, };

  g.n = 1;
  g.x[0] = 0;
  g.w[0] = doc->width;
  g.kind = JD_REVIEW_BOX_TEXT;
  g.text = g_strdup (block->text);
  g.layouts[0] = make_layout (doc, block->text, block->style, FALSE, doc->width, block->align);
  g.height = ceil (layout_height (g.layouts[0]));

  if (block->keep_with_next && !cur->fresh &&
      cur->y + g.height + block->space + block_height_hint (doc, next) > doc->body_bottom)
    new_page (doc, cur);
  place_geom (doc, cur, &g);
  geom_clear (&g);
  cur->y += block->space;
}

static void
ensure_context (JdReviewDoc *doc)
{
  cairo_font_options_t *options;

  if (doc->context != NULL)
    return;
  doc->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Simplified Chinese glyphs whatever the locale */
  pango_context_set_language (doc->context, pango_language_from_string ("zh-cn"));
  /* One unit is one point */
  pango_cairo_context_set_resolution (doc->context, 72);
  /* Metrics independent of the target: the same pages on screen, on paper and in PDF */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);
}

void
jd_review_doc_paginate_begin (JdReviewDoc *doc,
                              double       width,
                              double       height)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (width > 100 && height > 100);

  /* The text is measured on a context of our own, whatever prints it */
  ensure_context (doc);
  clear_layout (doc);
  doc->width = width;
  doc->height = height;
  doc->body_top = HEADER_H;
  doc->body_bottom = height - FOOTER_H;

  memset (&doc->cursor, 0, sizeof doc->cursor);
  doc->cursor.y = doc->body_top;
  doc->cursor.fresh = TRUE;
  doc->next_block = 0;
}

gboolean
jd_review_doc_paginate_step (JdReviewDoc *doc,
                             guint        n_blocks)
{
  Cursor *cur = &doc->cursor;
  guint end;

  g_return_val_if_fail (doc != NULL, TRUE);
  g_return_val_if_fail (doc->width > 0, TRUE);

  end = doc->blocks->len - doc->next_block > n_blocks ? doc->next_block + n_blocks
                                                       : doc->blocks->len;
  for (guint i = doc->next_block; i < end; i++)
    {
      const Block *block = g_ptr_array_index (doc->blocks, i);
      const Block *next = i + 1 < doc->blocks->len ? g_ptr_array_index (doc->blocks, i + 1) : NULL;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          layout_text (doc, cur, block, next);
          break;
        case BLOCK_TABLE:
          layout_table (doc, cur, block);
          break;
        case BLOCK_SPACE:
          if (!cur->fresh)
            cur->y += block->space;
          break;
        case BLOCK_PAGE_BREAK:
          if (!cur->fresh)
            new_page (doc, cur);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  doc->next_block = end;
  if (end < doc->blocks->len)
    return FALSE;

  doc->n_pages = cur->page + 1;
  for (guint i = 0; i < doc->boxes->len; i++)
    {
      BoxEntry *entry = &g_array_index (doc->boxes, BoxEntry, i);

      entry->box.text = entry->text;
    }
  return TRUE;
}

guint
jd_review_doc_get_n_pages (JdReviewDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 1);

  return MAX (doc->n_pages, 1);
}

guint
jd_review_doc_paginate (JdReviewDoc *doc,
                        cairo_t     *cr,
                        double       width,
                        double       height)
{
  g_return_val_if_fail (doc != NULL, 1);
  g_return_val_if_fail (width > 100 && height > 100, 1);

  (void) cr;
  jd_review_doc_paginate_begin (doc, width, height);
  jd_review_doc_paginate_step (doc, G_MAXUINT);
  return doc->n_pages;
}

guint
jd_review_doc_get_n_boxes (JdReviewDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->boxes->len;
}

const JdReviewBox *
jd_review_doc_get_box (JdReviewDoc *doc,
                       guint        index)
{
  g_return_val_if_fail (doc != NULL && index < doc->boxes->len, NULL);
  return &g_array_index (doc->boxes, BoxEntry, index).box;
}

void
jd_review_doc_get_body (JdReviewDoc *doc,
                        double      *top,
                        double      *bottom)
{
  g_return_if_fail (doc != NULL);
  if (top != NULL)
    *top = doc->body_top;
  if (bottom != NULL)
    *bottom = doc->body_bottom;
}

/* Drawing ------------------------------------------------------------------- */

static void
show_plain (JdReviewDoc    *doc,
            cairo_t        *cr,
            const char     *text,
            double          x,
            double          y,
            double          width,
            PangoAlignment  align,
            gboolean        bold)
{
  g_autoptr(PangoLayout) layout = make_layout (doc, text, STYLE_SMALL, bold, width, align);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
jd_review_doc_draw_page (JdReviewDoc *doc,
                         cairo_t     *cr,
                         guint        page,
                         const char  *date)
{
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;

  g_return_if_fail (doc != NULL && cr != NULL);
  g_return_if_fail (doc->n_pages > 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (doc->district != NULL && *doc->district != '\0')
    header = g_strdup_printf ("%s" MIDDOT "%s", doc->district, doc->title);
  else
    header = g_strdup (doc->title);
  show_plain (doc, cr, header, 0, 0, doc->width, PANGO_ALIGN_LEFT, FALSE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, HEADER_H - 8);
  cairo_line_to (cr, doc->width, HEADER_H - 8);
  cairo_stroke (cr);

  /* Translators: a printed page's footer */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, doc->n_pages);
  show_plain (doc, cr, footer, doc->width / 2, doc->height - 11, doc->width / 2,
              PANGO_ALIGN_RIGHT, FALSE);
  if (date != NULL)
    show_plain (doc, cr, date, 0, doc->height - 11, doc->width / 2, PANGO_ALIGN_LEFT, FALSE);

  for (guint i = 0; i < doc->ops->len; i++)
    {
      const Op *op = &g_array_index (doc->ops, Op, i);

      if (op->page != page)
        continue;
      switch (op->kind)
        {
        case OP_FILL:
          cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case OP_RECT:
          cairo_set_line_width (cr, 0.5);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_stroke (cr);
          break;
        case OP_LINE:
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x + op->w, op->y + op->h);
          cairo_stroke (cr);
          break;
        case OP_TEXT:
          cairo_save (cr);
          if (op->clip)
            {
              cairo_rectangle (cr, op->x - CELL_PAD, op->clip_y, op->w + 2 * CELL_PAD, op->clip_h);
              cairo_clip (cr);
            }
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout (cr, op->layout);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

/* PDF ----------------------------------------------------------------------- */

static char *
temporary_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.%u.tmp", base, g_random_int ());

  return g_build_filename (dir, name, NULL);
}

gboolean
jd_review_doc_export_pdf (JdReviewDoc  *doc,
                          const char   *path,
                          GError      **error)
{
  /* A4 portrait */
  const double page_w = 595.28, page_h = 841.89, margin = 40;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (doc != NULL && path != NULL, FALSE);

  tmp = temporary_path (path);
  surface = cairo_pdf_surface_create (tmp, page_w, page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cr = cairo_create (surface);
  n_pages = jd_review_doc_paginate (doc, cr, page_w - 2 * margin, page_h - 2 * margin);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, margin, margin);
      jd_review_doc_draw_page (doc, cr, i, date);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name, then cairo's reason */
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Content: numbers ---------------------------------------------------------- */

/* 5, 0.5, 87.25: no trailing zeros, whatever the locale */
static char *
format_points (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *p;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  p = strchr (buffer, '.');
  if (p != NULL)
    {
      char *end = p + strlen (p) - 1;

      while (end > p && *end == '0')
        *end-- = '\0';
      if (end == p)
        *p = '\0';
    }
  return g_strdup (buffer);
}

static char *
format_average (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

/* Content: checklists ------------------------------------------------------- */

static const JdReviewSection *
section_at (const JdReviewTemplate *tmpl,
            int                     index)
{
  if (index < 0 || (guint) index >= tmpl->sections->len)
    return NULL;
  return g_ptr_array_index (tmpl->sections, index);
}

static char *
section_label (const JdReviewSection *section)
{
  g_autofree char *points = NULL;

  if (section->points <= 0)
    return g_strdup (section->title);
  points = format_points (section->points);
  /* Translators: a checklist section and its points, e.g. "立案阶段 (5)" */
  return g_strdup_printf (C_("checklist section", "%s (%s)"), section->title, points);
}

static char *
bands_text (const JdReviewTemplate *tmpl)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tmpl->bands != NULL && i < tmpl->bands->len; i++)
    {
      const JdGradeBand *band = &g_array_index (tmpl->bands, JdGradeBand, i);
      g_autofree char *min = format_points (band->min_score);

      if (text->len > 0)
        g_string_append (text, MIDDOT);
      if (band->min_score > 0 || i == 0)
        g_string_append_printf (text, "%s " GE " %s", jd_grade_to_label (band->grade), min);
      else
        {
          const JdGradeBand *above = &g_array_index (tmpl->bands, JdGradeBand, i - 1);
          g_autofree char *limit = format_points (above->min_score);

          g_string_append_printf (text, "%s < %s", jd_grade_to_label (band->grade), limit);
        }
    }
  /* Translators: %s lists the grade bands, e.g. "优秀 ≥ 90 · 合格 ≥ 60 · 不合格 < 60" */
  return g_strdup_printf (_("Grades: %s"), text->str);
}

static const JdReviewMark *
find_mark (const GArray *marks,
           gint64        item_id)
{
  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const JdReviewMark *mark = &g_array_index (marks, JdReviewMark, i);

      if (mark->item_id == item_id)
        return mark;
    }
  return NULL;
}

static char *
item_text (const JdReviewItem *item,
           gboolean            full)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (item->veto != JD_VETO_NONE)
    g_string_append (text, STAR " ");
  g_string_append (text, item->text);
  if (full && item->rule != NULL && *item->rule != '\0')
    g_string_append_printf (text, "\n%s", item->rule);
  if (full && item->n_typical > 0)
    {
      g_autoptr(GString) typical = g_string_new (NULL);

      for (guint i = 0; i < item->n_typical && i < JD_REVIEW_MAX_TYPICAL; i++)
        {
          g_autofree char *value = format_points (item->typical[i]);

          g_string_append_printf (typical, "%s%s", i > 0 ? " / " : "", value);
        }
      /* Translators: the usual deductions per defect of a checklist item, e.g. "0.5 / 1" */
      g_string_append_printf (text, "\n");
      g_string_append_printf (text, _("Usual deductions: %s"), typical->str);
    }
  if (full && item->veto != JD_VETO_NONE)
    {
      g_string_append_c (text, '\n');
      /* Translators: %s is what failing a legality item does, e.g. "the score becomes 0" */
      g_string_append_printf (text, _("★ Veto: %s"), jd_veto_effect_to_label (item->veto));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The checklist table of TMPL; MARKS NULL for a blank sheet. SCORE, when
 * not NULL, is the sheet's official score for the total row. */
static void
add_checklist (JdReviewDoc            *doc,
               const JdReviewTemplate *tmpl,
               const GArray           *marks,
               const JdReviewScore    *score)
{
  const double widths[] = { 14, 5, 42, 7, 10, 7, 15 };
  const char *header[] = {
    C_("review sheet column", "Section"),
    C_("review sheet column", "No."),
    C_("review sheet column", "Item"),
    C_("review sheet column", "Points"),
    C_("review sheet column", "Deducted"),
    C_("review sheet column", "Score"),
    C_("review sheet column", "Note"),
    NULL
  };
  Block *table = add_table (doc, 7, widths, "lclccc" "l", header);
  int last_parent = -2, last_section = -2;
  guint number = 0;
  double total_deducted = 0;

  for (guint i = 0; i < tmpl->items->len; i++)
    {
      const JdReviewItem *item = g_ptr_array_index (tmpl->items, i);
      const JdReviewSection *section = section_at (tmpl, item->section);
      int parent = section != NULL ? section->parent : -1;
      const JdReviewSection *stage = section_at (tmpl, parent);
      const JdReviewMark *mark = marks != NULL ? find_mark (marks, item->id) : NULL;
      g_autofree char *group = section != NULL ? section_label (section) : g_strdup ("");
      g_autofree char *no = NULL;
      /* A blank sheet explains how to deduct; a filled one shows what was */
      g_autofree char *text = item_text (item, marks == NULL);
      g_autofree char *points = format_points (item->points);
      g_autofree char *deducted = NULL;
      g_autofree char *kept = NULL;
      guint flags = 0;

      if (stage != NULL && parent != last_parent)
        {
          g_autofree char *label = section_label (stage);

          table_add_row (table, ROW_SPAN, label);
        }
      last_parent = parent;
      if (item->section == last_section)
        flags |= ROW_GROUP;
      else
        number = 0;
      last_section = item->section;
      no = g_strdup_printf ("%u", ++number);

      if (marks != NULL)
        {
          double taken = mark != NULL ? MIN (mark->deducted, item->points) : 0;

          total_deducted += taken;
          if (mark != NULL && mark->veto_hit)
            {
              g_autofree char *value = format_points (taken);

              deducted = taken > 0 ? g_strdup_printf (STAR " %s", value) : g_strdup (STAR);
            }
          else if (taken > 0)
            deducted = format_points (taken);
          /* Legality items of no points only show their veto */
          if (item->points > 0)
            kept = format_points (MAX (item->points - taken, 0));
        }
      table_add_row (table, flags, group, no, text, points, deducted,
                     kept, mark != NULL ? mark->note : NULL);
    }

  {
    g_autofree char *total = format_points (tmpl->total_points);
    g_autofree char *deducted = marks != NULL ? format_points (total_deducted) : NULL;
    g_autofree char *final = score != NULL ? format_points (score->score) : NULL;

    table_add_row (table, ROW_BOLD, NULL, NULL, C_("review sheet", "Total"), total,
                   deducted, final, NULL);
  }
}

/* The fields atop a sheet: label, value, label, value */
static Block *
add_fields (JdReviewDoc *doc,
            double       min_row_h)
{
  const double widths[] = { 14, 36, 14, 36 };
  Block *table = add_table (doc, 4, widths, "llll", NULL);

  table->label_cols = TRUE;
  table->min_row_h = min_row_h;
  return table;
}

static void
add_template_sheet (JdReviewDoc            *doc,
                    const JdReviewTemplate *tmpl)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = format_points (tmpl->total_points);
  g_autofree char *bands = bands_text (tmpl);
  Block *fields;
  gboolean any_veto = FALSE;

  add_page_break (doc);
  /* Translators: the title of a checklist sheet; %s is the template's name */
  title = g_strdup_printf (_("Case-File Review Sheet: %s"), tmpl->name);
  add_text (doc, STYLE_TITLE, PANGO_ALIGN_CENTER, 4, title);
  /* Translators: under a review sheet's title: the template's version and total points */
  subtitle = g_strdup_printf (_("Version %d · %s points"), tmpl->version, total);
  add_text (doc, STYLE_SUBTITLE, PANGO_ALIGN_CENTER, 10, subtitle);

  fields = add_fields (doc, 22);
  table_add_row (fields, 0, _("Enforcement agency"), NULL, _("Party"), NULL);
  table_add_row (fields, 0, _("Case no."), NULL, _("Reviewer"), NULL);
  table_add_row (fields, 0, _("Review date"), NULL, _("Date closed"), NULL);

  add_checklist (doc, tmpl, NULL, NULL);

  for (guint i = 0; i < tmpl->items->len; i++)
    any_veto |= ((const JdReviewItem *) g_ptr_array_index (tmpl->items, i))->veto != JD_VETO_NONE;
  add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 4, bands);
  if (any_veto)
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 4,
              _("★ marks a legality item: failing it vetoes the file as the item says."));
  add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 4,
            _("Deductions never take an item below zero, nor the total."));
  add_space (doc, 18);
  {
    /* Translators: the signature line at the end of a paper review sheet */
    g_autofree char *sign = g_strdup_printf (_("Total score: %s    Grade: %s"),
                                             "__________", "__________");
    g_autofree char *sign2 = g_strdup_printf (_("Reviewer (signature): %s    Date: %s"),
                                              BLANK_LINE, "__________");

    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 14, sign);
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 0, sign2);
  }
}

JdReviewDoc *
jd_review_doc_new_for_templates (GPtrArray  *templates,
                                 const char *district)
{
  JdReviewDoc *doc = doc_new (JD_REVIEW_DOC_BLANK_SHEETS, district);

  g_return_val_if_fail (templates != NULL, doc);

  doc->title = g_strdup (_("Blank Case-File Review Sheets"));
  for (guint i = 0; i < templates->len; i++)
    add_template_sheet (doc, g_ptr_array_index (templates, i));
  if (doc->blocks->len == 0)
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 0, _("There are no review templates."));
  return doc;
}

/* Content: filled sheets ---------------------------------------------------- */

static void
add_filled_sheet (JdReviewDoc            *doc,
                  const char             *batch_name,
                  const JdReviewTemplate *tmpl,
                  const JdReviewFile     *file,
                  const JdReviewSheet    *sheet)
{
  g_autofree char *title = NULL;
  g_autofree char *seq = g_strdup_printf ("%u", file->seq);
  g_autofree char *score = format_points (sheet->score.score);
  g_autofree char *summary = NULL;
  g_autoptr(GString) vetoes = g_string_new (NULL);
  const char *reviewer;
  Block *fields;

  add_page_break (doc);
  title = g_strdup_printf (_("Case-File Review Sheet: %s"), tmpl->name);
  add_text (doc, STYLE_TITLE, PANGO_ALIGN_CENTER, 10, title);

  if (sheet->reviewer_id == 0)
    reviewer = _("Reconciled by the reviewers");
  else
    reviewer = sheet->reviewer_name != NULL ? sheet->reviewer_name : "";

  fields = add_fields (doc, 0);
  table_add_row (fields, 0, _("Enforcement agency"), file->agency_name,
                 _("Party"), file->party);
  table_add_row (fields, 0, _("Case no."), file->decision_no,
                 _("Date closed"), file->closed_on);
  table_add_row (fields, 0, _("Review batch"), batch_name, _("File no."), seq);
  table_add_row (fields, 0, _("Reviewer"), reviewer, _("Status"),
                 sheet->status == 2 ? _("Finished") : _("In progress"));

  add_checklist (doc, tmpl, sheet->marks, &sheet->score);

  /* Translators: the result of a filled review sheet: the score, then the grade */
  summary = g_strdup_printf (_("Score: %s · Grade: %s"), score,
                             jd_grade_to_label (sheet->score.grade));
  add_text (doc, STYLE_HEADING, PANGO_ALIGN_LEFT, 4, summary);

  for (guint i = 0; sheet->marks != NULL && i < sheet->marks->len; i++)
    {
      const JdReviewMark *mark = &g_array_index (sheet->marks, JdReviewMark, i);
      int index = mark->veto_hit ? jd_review_template_find_item (tmpl, mark->item_id) : -1;

      if (index >= 0)
        {
          const JdReviewItem *item = g_ptr_array_index (tmpl->items, index);

          g_string_append (vetoes, "\n" STAR " ");
          /* Translators: a veto hit on a filled sheet: the item, then what the veto does */
          g_string_append_printf (vetoes, C_("veto hit", "%s (%s)"), item->text,
                                  jd_veto_effect_to_label (item->veto));
        }
    }
  if (vetoes->len > 0)
    {
      g_autofree char *text = g_strdup_printf ("%s%s", _("Vetoes hit:"), vetoes->str);

      add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 4, text);
    }
  else
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 4, _("Vetoes hit: none"));

  if (sheet->comment != NULL && *sheet->comment != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Comment: %s"), sheet->comment);

      add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 4, text);
    }
  add_space (doc, 14);
  {
    g_autofree char *sign = g_strdup_printf (_("Reviewer (signature): %s    Date: %s"),
                                             BLANK_LINE, "__________");

    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 0, sign);
  }
}

/* Content: results ---------------------------------------------------------- */

static char *
scope_agencies (JdDb                    *db,
                const JdReviewBatchSpec *spec)
{
  g_autoptr(GString) text = g_string_new (NULL);
  /* Translators: between the names of a list, e.g. "、" */
  const char *separator = C_("list separator", ", ");

  if (spec->agency_ids == NULL || spec->agency_ids->len == 0)
    return g_strdup (_("Every agency of the district"));
  /* A long list would fill the page: the ranking names them all */
  if (spec->agency_ids->len > 6)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agency", "%u agencies",
                                         spec->agency_ids->len),
                            spec->agency_ids->len);
  for (guint i = 0; i < spec->agency_ids->len; i++)
    {
      g_autoptr(JdAgency) agency = jd_registry_get_agency (db, g_array_index (spec->agency_ids, gint64, i), NULL);

      if (agency == NULL)
        continue;
      g_string_append_printf (text, "%s%s", text->len > 0 ? separator : "", agency->name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
scope_categories (const JdReviewBatchSpec *spec)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *separator = C_("list separator", ", ");

  if (spec->categories == NULL || spec->categories->len == 0)
    return g_strdup (_("Every reviewed category"));
  for (guint i = 0; i < spec->categories->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? separator : "",
                            jd_category_to_label (g_array_index (spec->categories, int, i)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_defects_table (JdReviewDoc     *doc,
                   const GPtrArray *defects,
                   guint            limit)
{
  const double widths[] = { 6, 64, 12, 18 };
  const char *header[] = {
    C_("results column", "No."),
    C_("results column", "Item"),
    C_("results column", "Files"),
    C_("results column", "Points deducted"),
    NULL
  };
  Block *table = add_table (doc, 4, widths, "clrr", header);

  for (guint i = 0; i < defects->len && i < limit; i++)
    {
      const JdReviewDefect *defect = g_ptr_array_index (defects, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *item = NULL;
      g_autofree char *files = g_strdup_printf ("%u", defect->n_files);
      g_autofree char *points = defect->n_vetoes > 0 && defect->points <= 0.0
                                  ? g_strdup (C_("points deducted", "Veto"))
                                  : format_points (defect->points);

      if (defect->section != NULL && *defect->section != '\0')
        item = g_strdup_printf ("%s\n%s", defect->text, defect->section);
      else
        item = g_strdup (defect->text);
      table_add_row (table, 0, no, item, files, points);
    }
}

static void
add_results (JdReviewDoc             *doc,
             JdDb                    *db,
             const JdReviewBatchSpec *spec,
             const JdReviewResults   *results)
{
  g_autofree char *year = g_strdup_printf ("%d", spec->year);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, spec->seed);
  g_autofree char *drawn = g_strdup_printf ("%u", results->n_files);
  g_autofree char *reviewed = g_strdup_printf ("%u", results->n_reviewed);
  g_autofree char *average = results->n_reviewed > 0 ? format_average (results->average)
                                                     : g_strdup ("—");
  g_autofree char *agencies = scope_agencies (db, spec);
  g_autofree char *categories = scope_categories (spec);
  g_autofree char *from = spec->closed_from != NULL ? g_strdup (spec->closed_from)
                                                    : g_strdup_printf ("%d-01-01", spec->year);
  g_autofree char *to = spec->closed_to != NULL ? g_strdup (spec->closed_to)
                                                : g_strdup_printf ("%d-12-31", spec->year);
  g_autofree char *closed = g_strdup_printf ("%s – %s", from, to);
  g_autofree char *size = NULL;
  Block *fields, *table;

  add_text (doc, STYLE_TITLE, PANGO_ALIGN_CENTER, 4, doc->title);
  add_text (doc, STYLE_SUBTITLE, PANGO_ALIGN_CENTER, 10, spec->name);

  if (spec->sample_size > 0)
    /* Translators: the sample size of a review batch */
    size = g_strdup_printf (_("%u files"), spec->sample_size);
  else
    {
      g_autofree char *percent = format_points (spec->sample_percent);

      /* Translators: the sample size of a review batch as a percentage */
      size = g_strdup_printf (_("%s%% of the files"), percent);
    }

  fields = add_fields (doc, 0);
  table_add_row (fields, 0, _("Year"), year, _("Kind"), jd_review_batch_kind_to_label (spec->kind));
  table_add_row (fields, 0, _("Agencies"), agencies, _("Categories"), categories);
  table_add_row (fields, 0, _("Closed between"), closed, _("Sample"), size);
  table_add_row (fields, 0, _("Random seed"), seed, _("Files drawn"), drawn);
  table_add_row (fields, 0, _("Files reviewed"), reviewed, _("Average score"), average);

  add_text (doc, STYLE_HEADING, PANGO_ALIGN_LEFT, 4, _("Grade distribution"));
  {
    const double widths[] = { 40, 30, 30 };
    const char *header[] = {
      C_("results column", "Grade"), C_("results column", "Files"),
      C_("results column", "Share"), NULL
    };

    table = add_table (doc, 3, widths, "lrr", header);
    for (JdGrade g = 0; g < JD_GRADE_N; g++)
      {
        g_autofree char *n = g_strdup_printf ("%u", results->n_by_grade[g]);
        g_autofree char *share = NULL;

        /* 良好 only when a template uses it */
        if (g == JD_GRADE_GOOD && results->n_by_grade[g] == 0)
          continue;
        if (results->n_reviewed > 0)
          {
            g_autofree char *value = format_average (100.0 * results->n_by_grade[g] / results->n_reviewed);

            share = g_strdup_printf ("%s%%", value);
          }
        table_add_row (table, 0, jd_grade_to_label (g), n, share);
      }
  }

  add_text (doc, STYLE_HEADING, PANGO_ALIGN_LEFT, 4, _("Agencies by rank"));
  {
    const double widths[] = { 8, 44, 14, 12, 10, 12 };
    const char *header[] = {
      C_("results column", "Rank"), C_("results column", "Agency"),
      C_("results column", "Files reviewed"), C_("results column", "Average"),
      C_("results column", "Grade"), C_("results column", "Failed files"), NULL
    };

    table = add_table (doc, 6, widths, "clrrcr", header);
    for (guint i = 0; i < results->agencies->len; i++)
      {
        const JdReviewAgencyResult *agency = g_ptr_array_index (results->agencies, i);
        g_autofree char *rank = agency->rank > 0 ? g_strdup_printf ("%u", agency->rank) : g_strdup ("—");
        g_autofree char *files = g_strdup_printf ("%u / %u", agency->n_reviewed, agency->n_files);
        g_autofree char *avg = agency->n_reviewed > 0 ? format_average (agency->average) : g_strdup ("—");
        g_autofree char *failed = g_strdup_printf ("%u", agency->n_by_grade[JD_GRADE_FAIL]);

        table_add_row (table, 0, rank, agency->agency_name, files, avg,
                       agency->n_reviewed > 0 ? jd_grade_to_label (agency->grade) : "—", failed);
      }
    if (results->agencies->len == 0)
      table_add_row (table, ROW_SPAN, _("No agency has files in this batch."));
  }

  add_text (doc, STYLE_HEADING, PANGO_ALIGN_LEFT, 4, _("Most frequent defects"));
  if (results->defects->len > 0)
    add_defects_table (doc, results->defects, 20);
  else
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 8, _("No defect was found."));

  add_text (doc, STYLE_HEADING, PANGO_ALIGN_LEFT, 4, _("Defects by agency"));
  for (guint i = 0; i < results->agencies->len; i++)
    {
      const JdReviewAgencyResult *agency = g_ptr_array_index (results->agencies, i);

      if (agency->defects == NULL || agency->defects->len == 0)
        continue;
      add_text (doc, STYLE_SUBHEADING, PANGO_ALIGN_LEFT, 3, agency->agency_name);
      add_defects_table (doc, agency->defects, G_MAXUINT);
    }
}

/* Content: letters ---------------------------------------------------------- */

static void
add_letter (JdReviewDoc          *doc,
            const char           *batch_name,
            const JdReviewLetter *letter)
{
  g_autofree char *to = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *bureau = NULL;
  g_auto(GStrv) problems = g_strsplit (letter->problems != NULL ? letter->problems : "", "\n", -1);
  guint n = 0;

  add_page_break (doc);
  add_text (doc, STYLE_TITLE, PANGO_ALIGN_CENTER, 4, _("Law Enforcement Supervision Recommendation"));
  if (letter->number != NULL && *letter->number != '\0')
    add_text (doc, STYLE_SUBTITLE, PANGO_ALIGN_CENTER, 4, letter->number);
  if (letter->issued_on == NULL)
    add_text (doc, STYLE_SUBTITLE, PANGO_ALIGN_CENTER, 4, _("(Draft)"));
  add_space (doc, 10);

  /* Translators: the addressee of a supervision letter, e.g. "区市场监督管理局：" */
  to = g_strdup_printf (C_("letter addressee", "%s:"), letter->agency_name != NULL ? letter->agency_name : "");
  add_text (doc, STYLE_HEADING, PANGO_ALIGN_LEFT, 8, to);

  if (batch_name != NULL && *batch_name != '\0')
    /* Translators: %s is the name of a review batch */
    intro = g_strdup_printf (_("In the case-file review “%s”, this bureau reviewed case files of your "
                               "agency and found the following problems:"), batch_name);
  else
    intro = g_strdup (_("In a case-file review, this bureau reviewed case files of your agency and "
                        "found the following problems:"));
  add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 6, intro);

  for (guint i = 0; problems[i] != NULL; i++)
    {
      g_autofree char *line = NULL;

      g_strstrip (problems[i]);
      if (problems[i][0] == '\0')
        continue;
      line = g_strdup_printf ("%u. %s", ++n, problems[i]);
      add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 3, line);
    }
  if (n == 0)
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 3, _("(No problem listed.)"));
  add_space (doc, 8);

  add_text (doc, STYLE_HEADING, PANGO_ALIGN_LEFT, 4, _("Required measures"));
  add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 8,
            letter->measures != NULL && *letter->measures != '\0'
              ? letter->measures
              : _("Rectify the problems above, review the agency’s other files for the same problems, "
                  "and improve the rules and training that let them happen."));

  if (letter->due_on != NULL && *letter->due_on != '\0')
    /* Translators: %s is the reply's due date */
    reply = g_strdup_printf (_("Please re-examine the matters above and reply to this bureau in writing "
                               "within 15 days of receiving this letter (by %s)."), letter->due_on);
  else
    reply = g_strdup (_("Please re-examine the matters above and reply to this bureau in writing "
                        "within 15 days of receiving this letter."));
  add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 30, reply);

  /* Translators: the issuing bureau at the foot of a letter; %s is the district */
  bureau = g_strdup_printf (_("%s Justice Bureau"), doc->district != NULL ? doc->district : "");
  add_text (doc, STYLE_BODY, PANGO_ALIGN_RIGHT, 4, bureau);
  add_text (doc, STYLE_BODY, PANGO_ALIGN_RIGHT, 0,
            letter->issued_on != NULL ? letter->issued_on : _("Date: __________"));
}

JdReviewDoc *
jd_review_doc_new_for_letters (GPtrArray  *letters,
                               const char *batch_name,
                               const char *district)
{
  JdReviewDoc *doc = doc_new (JD_REVIEW_DOC_LETTERS, district);

  g_return_val_if_fail (letters != NULL, doc);

  doc->title = g_strdup (_("Law Enforcement Supervision Recommendations"));
  for (guint i = 0; i < letters->len; i++)
    add_letter (doc, batch_name, g_ptr_array_index (letters, i));
  if (doc->blocks->len == 0)
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 0, _("There are no supervision letters."));
  return doc;
}

/* From the database --------------------------------------------------------- */

static JdReviewTemplate *
cached_template (JdDb        *db,
                 GHashTable  *cache,
                 gint64       template_id,
                 GError     **error)
{
  JdReviewTemplate *tmpl = g_hash_table_lookup (cache, &template_id);

  if (tmpl == NULL)
    {
      gint64 *key;

      tmpl = jd_review_template_load (db, template_id, error);
      if (tmpl == NULL)
        return NULL;
      key = g_new (gint64, 1);
      *key = template_id;
      g_hash_table_insert (cache, key, tmpl);
    }
  return tmpl;
}

static gboolean
build_filled (JdReviewDoc  *doc,
              JdDb         *db,
              gint64        batch_id,
              gint64        file_id,
              GError      **error)
{
  g_autoptr(JdReviewBatchSpec) spec = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) jd_review_template_free);

  if (file_id != 0)
    {
      JdReviewFile *file = jd_review_file_load (db, file_id, error);

      if (file == NULL)
        return FALSE;
      /* One file names its batch */
      batch_id = file->batch_id;
      files = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_file_free);
      g_ptr_array_add (files, file);
    }
  else if ((files = jd_review_batch_files (db, batch_id, error)) == NULL)
    return FALSE;

  spec = jd_review_batch_load_spec (db, batch_id, error);
  if (spec == NULL)
    return FALSE;
  /* Translators: the title of a batch's filled review sheets; %s is the batch */
  doc->title = g_strdup_printf (_("Review Sheets: %s"), spec->name);

  for (guint i = 0; i < files->len; i++)
    {
      const JdReviewFile *file = g_ptr_array_index (files, i);
      g_autoptr(GPtrArray) sheets = NULL;
      const JdReviewSheet *reconciled = NULL;
      JdReviewTemplate *tmpl;

      if (file->n_sheets == 0)
        continue;
      sheets = jd_review_file_sheets (db, file->id, error);
      if (sheets == NULL)
        return FALSE;
      tmpl = cached_template (db, templates, file->template_id, error);
      if (tmpl == NULL)
        return FALSE;
      for (guint s = 0; s < sheets->len; s++)
        {
          const JdReviewSheet *sheet = g_ptr_array_index (sheets, s);

          if (sheet->reviewer_id == 0)
            reconciled = sheet;
        }
      if (reconciled != NULL)
        add_filled_sheet (doc, spec->name, tmpl, file, reconciled);
      else
        for (guint s = 0; s < sheets->len; s++)
          {
            const JdReviewSheet *sheet = g_ptr_array_index (sheets, s);

            if (sheet->status >= 1)
              add_filled_sheet (doc, spec->name, tmpl, file, sheet);
          }
    }
  if (doc->blocks->len == 0)
    add_text (doc, STYLE_BODY, PANGO_ALIGN_LEFT, 0, _("No file of this batch has been scored yet."));
  return TRUE;
}

JdReviewDoc *
jd_review_doc_new (JdDb             *db,
                   JdReviewDocKind   kind,
                   gint64            batch_id,
                   gint64            file_id,
                   gint64            letter_id,
                   GError          **error)
{
  g_autofree char *district = NULL;
  g_autoptr(JdReviewDoc) doc = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kind < JD_REVIEW_DOC_N, NULL);

  district = jd_db_dup_local_district_name (db);

  switch (kind)
    {
    case JD_REVIEW_DOC_BLANK_SHEETS:
      {
        g_autoptr(GPtrArray) templates = NULL;

        if (batch_id != 0)
          {
            g_autoptr(GPtrArray) files = jd_review_batch_files (db, batch_id, error);
            g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

            if (files == NULL)
              return NULL;
            templates = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_review_template_free);
            for (guint i = 0; i < files->len; i++)
              {
                const JdReviewFile *file = g_ptr_array_index (files, i);
                gboolean seen = FALSE;

                for (guint j = 0; j < ids->len && !seen; j++)
                  seen = g_array_index (ids, gint64, j) == file->template_id;
                if (!seen && file->template_id != 0)
                  {
                    JdReviewTemplate *tmpl = jd_review_template_load (db, file->template_id, error);

                    if (tmpl == NULL)
                      return NULL;
                    g_array_append_val (ids, file->template_id);
                    g_ptr_array_add (templates, tmpl);
                  }
              }
          }
        else
          {
            if (!jd_review_templates_ensure (db, error))
              return NULL;
            templates = jd_review_templates_list (db, error);
            if (templates == NULL)
              return NULL;
          }
        doc = jd_review_doc_new_for_templates (templates, district);
      }
      break;

    case JD_REVIEW_DOC_FILLED_SHEETS:
      doc = doc_new (kind, district);
      if (!build_filled (doc, db, batch_id, file_id, error))
        return NULL;
      break;

    case JD_REVIEW_DOC_RESULTS:
      {
        g_autoptr(JdReviewBatchSpec) spec = jd_review_batch_load_spec (db, batch_id, error);
        g_autoptr(JdReviewResults) results = NULL;

        if (spec == NULL)
          return NULL;
        results = jd_review_batch_results (db, batch_id, error);
        if (results == NULL)
          return NULL;
        doc = doc_new (kind, district);
        doc->title = g_strdup (_("Case-File Review Results"));
        add_results (doc, db, spec, results);
      }
      break;

    case JD_REVIEW_DOC_LETTERS:
      {
        g_autoptr(GPtrArray) letters = jd_review_letters_list (db, batch_id, error);
        g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
        g_autoptr(JdReviewBatchSpec) spec = NULL;

        if (letters == NULL)
          return NULL;
        for (guint i = 0; i < letters->len; i++)
          {
            JdReviewLetter *letter = g_ptr_array_index (letters, i);

            if (letter_id == 0 || letter->id == letter_id)
              g_ptr_array_add (chosen, letter);
          }
        if (batch_id != 0)
          {
            spec = jd_review_batch_load_spec (db, batch_id, error);
            if (spec == NULL)
              return NULL;
          }
        else if (chosen->len == 1)
          spec = jd_review_batch_load_spec (db, ((JdReviewLetter *) chosen->pdata[0])->batch_id, NULL);
        doc = jd_review_doc_new_for_letters (chosen, spec != NULL ? spec->name : NULL, district);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&doc);
}
