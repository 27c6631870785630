/* jd-csv-import.c: enforcement records from a supervision platform's CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-csv-import"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "jd-csv-import.h"
#include "jd-db-private.h"

#define MAX_KEPT_ERRORS 10000
#define MAX_CACHED_VALUES 20000

G_DEFINE_QUARK (jd-csv-import-error-quark, jd_csv_import_error)

/* Fields and their synonyms ------------------------------------------------- */

typedef struct
{
  const char *id;
  const char *label;              /* NC_("CSV field", ...) */
  gboolean    required;
  const char *synonyms[14];       /* normalised: NFKC, no spaces, ASCII lower case */
} FieldInfo;

static const FieldInfo fields[JD_CSV_FIELD_N] = {
  [JD_CSV_FIELD_NONE] = { "none", NC_("CSV field", "Ignored"), FALSE, { NULL } },
  [JD_CSV_FIELD_AGENCY] = { "agency", NC_("CSV field", "Agency"), TRUE,
    { "执法主体", "执法单位", "实施机关", "执法机关", "执法部门", "实施主体", "执法主体名称",
      "实施机关名称", "执法单位名称", "处罚机关", "agency", "agencyname", "agency_name", NULL } },
  [JD_CSV_FIELD_CATEGORY] = { "category", NC_("CSV field", "Category"), TRUE,
    { "行为类别", "执法类别", "执法行为类别", "执法行为", "执法类型", "行为类型", "执法行为类型",
      "事项类别", "执法事项类别", "category", NULL } },
  [JD_CSV_FIELD_PROCEDURE] = { "procedure", NC_("CSV field", "Procedure"), FALSE,
    { "程序", "办案程序", "适用程序", "处罚程序", "程序类型", "procedure", NULL } },
  [JD_CSV_FIELD_PENALTY_TYPE] = { "penalty_type", NC_("CSV field", "Penalty type"), FALSE,
    { "处罚种类", "处罚类型", "处罚种类名称", "处罚类别", "penalty_type", "penaltytype", NULL } },
  [JD_CSV_FIELD_OPENED_ON] = { "opened_on", NC_("CSV field", "Opened on"), TRUE,
    { "立案日期", "受理日期", "立案时间", "受理时间", "检查日期", "开始日期", "发起日期",
      "opened", "opened_on", "openedon", NULL } },
  [JD_CSV_FIELD_CLOSED_ON] = { "closed_on", NC_("CSV field", "Closed on"), FALSE,
    { "决定日期", "结案日期", "办结日期", "处罚决定日期", "作出决定日期", "决定时间", "结案时间",
      "办结时间", "closed", "closed_on", "closedon", "decided", NULL } },
  [JD_CSV_FIELD_PARTY] = { "party", NC_("CSV field", "Party"), FALSE,
    { "当事人", "行政相对人", "相对人", "当事人名称", "相对人名称", "行政相对人名称", "party", NULL } },
  [JD_CSV_FIELD_FINE] = { "fine", NC_("CSV field", "Fine"), FALSE,
    { "罚款金额", "罚款", "罚款数额", "罚款额", "fine", "fine_yuan", "fine_wan", NULL } },
  [JD_CSV_FIELD_CONFISCATION] = { "confiscation", NC_("CSV field", "Confiscation"), FALSE,
    { "没收金额", "没收违法所得金额", "没收违法所得", "没收财物金额", "没收数额", "没收违法所得数额",
      "confiscation", "confiscation_yuan", "confiscation_wan", NULL } },
  [JD_CSV_FIELD_PUBLICIZED] = { "publicized", NC_("CSV field", "Publicized"), FALSE,
    { "是否公示", "公示", "已公示", "是否已公示", "publicized", NULL } },
  [JD_CSV_FIELD_RECORDED] = { "recorded", NC_("CSV field", "Recorded throughout"), FALSE,
    { "是否全过程记录", "全过程记录", "是否全程记录", "全程记录", "recorded", NULL } },
  [JD_CSV_FIELD_LEGAL_REVIEW_REQUIRED] = { "legal_review_required",
    NC_("CSV field", "Legal review required"), FALSE,
    { "是否需法制审核", "需法制审核", "应法制审核", "是否应当法制审核", "是否需要法制审核",
      "legal_review_required", "legalreviewrequired", NULL } },
  [JD_CSV_FIELD_LEGAL_REVIEW_DONE] = { "legal_review_done", NC_("CSV field", "Legally reviewed"), FALSE,
    { "是否法制审核", "法制审核", "是否经法制审核", "已法制审核", "是否进行法制审核",
      "legal_review", "legal_review_done", "legalreview", "legalreviewdone", NULL } },
  [JD_CSV_FIELD_LENIENCY] = { "leniency", NC_("CSV field", "Leniency"), FALSE,
    { "从宽", "从宽处理", "从宽情形", "从宽处罚", "首违不罚", "轻微不罚", "不予处罚", "包容审慎",
      "leniency", NULL } },
  [JD_CSV_FIELD_REFERRED] = { "referred", NC_("CSV field", "Referred to judicial organs"), FALSE,
    { "移送司法机关", "是否移送司法机关", "移送", "是否移送", "referred", NULL } },
  [JD_CSV_FIELD_DECISION_NO] = { "decision_no", NC_("CSV field", "Decision number"), FALSE,
    { "决定书文号", "处罚决定书文号", "文书号", "决定文号", "文号", "决定书编号", "decision_no",
      "decisionno", "decisionnumber", NULL } },
  [JD_CSV_FIELD_OFFICERS] = { "officers", NC_("CSV field", "Officers"), FALSE,
    { "执法人员", "执法证号", "执法人员证号", "执法证件号", "执法人员执法证号", "执法证件号码",
      "officers", "certificates", NULL } },
};

const char *
jd_csv_field_to_id (JdCsvField field)
{
  if ((guint) field >= JD_CSV_FIELD_N)
    return NULL;
  return fields[field].id;
}

const char *
jd_csv_field_to_label (JdCsvField field)
{
  if ((guint) field >= JD_CSV_FIELD_N)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, "CSV field", fields[field].label);
}

gboolean
jd_csv_field_from_id (const char *id,
                      JdCsvField *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < JD_CSV_FIELD_N; i++)
    {
      if (g_ascii_strcasecmp (id, fields[i].id) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  /* The short forms of the header synonyms */
  if (g_ascii_strcasecmp (id, "opened") == 0 || g_ascii_strcasecmp (id, "closed") == 0)
    {
      if (out != NULL)
        *out = g_ascii_strcasecmp (id, "opened") == 0 ? JD_CSV_FIELD_OPENED_ON : JD_CSV_FIELD_CLOSED_ON;
      return TRUE;
    }

  return FALSE;
}

gboolean
jd_csv_field_is_required (JdCsvField field)
{
  return (guint) field < JD_CSV_FIELD_N && fields[field].required;
}

/* Text helpers -------------------------------------------------------------- */

/* NFKC (full-width to half-width), without white space, ASCII lower case */
static char *
normalize (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out;

  if (nfkc == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0xFEFF)
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Trims ASCII white space and U+3000 on both sides, in place. */
static char *
trim (char *text)
{
  char *end;

  for (;;)
    {
      if (g_ascii_isspace (*text))
        text++;
      else if (strncmp (text, "\xe3\x80\x80", 3) == 0)
        text += 3;
      else
        break;
    }

  end = text + strlen (text);
  for (;;)
    {
      if (end > text && g_ascii_isspace (end[-1]))
        end--;
      else if (end - text >= 3 && strncmp (end - 3, "\xe3\x80\x80", 3) == 0)
        end -= 3;
      else
        break;
    }
  *end = '\0';

  return text;
}

/* The mapping --------------------------------------------------------------- */

/* The header without its parenthesised unit, normalised; *UNIT from it */
static char *
normalize_header (const char *header,
                  JdCsvUnit  *unit)
{
  g_autofree char *norm = normalize (header);
  GString *out = g_string_new (NULL);
  int depth = 0;

  *unit = (strstr (norm, "万元") != NULL || strstr (norm, "(万)") != NULL ||
           strstr (norm, "10k") != NULL || g_str_has_suffix (norm, "_wan"))
          ? JD_CSV_UNIT_WAN_YUAN : JD_CSV_UNIT_YUAN;

  for (const char *p = norm; *p != '\0'; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth == 0 && *p != '*' && *p != ':')
        g_string_append_c (out, *p);
    }

  if (g_str_has_suffix (out->str, "_wan"))
    g_string_truncate (out, out->len - 4);
  else if (g_str_has_suffix (out->str, "_yuan"))
    g_string_truncate (out, out->len - 5);

  return g_string_free (out, FALSE);
}

JdCsvMapping *
jd_csv_import_guess_mapping (const char * const *headers)
{
  JdCsvMapping *mapping;
  guint n;

  g_return_val_if_fail (headers != NULL, NULL);

  n = g_strv_length ((char **) headers);
  mapping = g_new0 (JdCsvMapping, 1);
  mapping->n_columns = n;
  mapping->headers = g_strdupv ((char **) headers);
  mapping->fields = g_new0 (JdCsvField, n + 1);
  mapping->confidence = g_new0 (double, n + 1);
  mapping->units = g_new0 (JdCsvUnit, n + 1);

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *h = normalize_header (headers[c], &mapping->units[c]);
      gsize h_len = strlen (h);

      if (h_len == 0)
        continue;

      for (guint f = 1; f < JD_CSV_FIELD_N; f++)
        {
          for (guint s = 0; fields[f].synonyms[s] != NULL; s++)
            {
              const char *syn = fields[f].synonyms[s];
              double score = 0;

              if (strcmp (h, syn) == 0)
                score = 1.0;
              else if (strstr (h, syn) != NULL)
                score = 0.5 + 0.4 * (double) strlen (syn) / (double) h_len;

              if (score > mapping->confidence[c])
                {
                  mapping->confidence[c] = score;
                  mapping->fields[c] = f;
                }
            }
        }
    }

  /* Each field on one column only: the most confident, the first on a tie */
  for (guint c = 0; c < n; c++)
    {
      for (guint d = 0; d < n && mapping->fields[c] != JD_CSV_FIELD_NONE; d++)
        {
          if (d == c || mapping->fields[d] != mapping->fields[c])
            continue;
          if (mapping->confidence[d] > mapping->confidence[c] ||
              (mapping->confidence[d] == mapping->confidence[c] && d < c))
            {
              mapping->fields[c] = JD_CSV_FIELD_NONE;
              mapping->confidence[c] = 0;
            }
        }
    }

  return mapping;
}

JdCsvMapping *
jd_csv_mapping_copy (const JdCsvMapping *mapping)
{
  JdCsvMapping *copy;
  guint n;

  g_return_val_if_fail (mapping != NULL, NULL);

  n = mapping->n_columns;
  copy = g_new0 (JdCsvMapping, 1);
  copy->n_columns = n;
  copy->headers = g_strdupv (mapping->headers);
  copy->fields = g_memdup2 (mapping->fields, sizeof (JdCsvField) * (n + 1));
  copy->confidence = g_memdup2 (mapping->confidence, sizeof (double) * (n + 1));
  copy->units = g_memdup2 (mapping->units, sizeof (JdCsvUnit) * (n + 1));
  return copy;
}

void
jd_csv_mapping_free (JdCsvMapping *mapping)
{
  if (mapping == NULL)
    return;

  g_strfreev (mapping->headers);
  g_free (mapping->fields);
  g_free (mapping->confidence);
  g_free (mapping->units);
  g_free (mapping);
}

int
jd_csv_mapping_find (const JdCsvMapping *mapping,
                     JdCsvField          field)
{
  g_return_val_if_fail (mapping != NULL, -1);

  if (field == JD_CSV_FIELD_NONE)
    return -1;

  for (guint c = 0; c < mapping->n_columns; c++)
    {
      if (mapping->fields[c] == field)
        return (int) c;
    }

  return -1;
}

void
jd_csv_mapping_set (JdCsvMapping *mapping,
                    JdCsvField    field,
                    int           column)
{
  int old;

  g_return_if_fail (mapping != NULL);
  g_return_if_fail ((guint) field < JD_CSV_FIELD_N);
  g_return_if_fail (column < (int) mapping->n_columns);

  while ((old = jd_csv_mapping_find (mapping, field)) >= 0)
    {
      mapping->fields[old] = JD_CSV_FIELD_NONE;
      mapping->confidence[old] = 0;
    }

  if (column >= 0)
    {
      mapping->fields[column] = field;
      mapping->confidence[column] = field == JD_CSV_FIELD_NONE ? 0 : 1.0;
    }
}

gboolean
jd_csv_mapping_apply_overrides (JdCsvMapping  *mapping,
                                const char    *spec,
                                GError       **error)
{
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *equals = strchr (item, '=');
      const char *column_text;
      JdCsvField field;
      int column = -1;
      char *end = NULL;
      guint64 index;

      if (*item == '\0')
        continue;
      if (equals == NULL)
        {
          g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING,
                       /* Translators: %s is a part of the --mapping option */
                       _("“%s” is not of the form field=column"), item);
          return FALSE;
        }
      *equals = '\0';
      column_text = g_strstrip (equals + 1);

      if (!jd_csv_field_from_id (g_strstrip (item), &field))
        {
          g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING,
                       /* Translators: %s is what the user gave as a field name */
                       _("Unknown field “%s”"), item);
          return FALSE;
        }

      if (*column_text != '\0')
        {
          for (guint c = 0; c < mapping->n_columns && column < 0; c++)
            {
              if (strcmp (mapping->headers[c], column_text) == 0)
                column = (int) c;
            }

          if (column < 0 && g_ascii_isdigit (*column_text))
            {
              index = g_ascii_strtoull (column_text, &end, 10);
              if (end != NULL && *end == '\0' && index >= 1 && index <= mapping->n_columns)
                column = (int) index - 1;
            }

          if (column < 0)
            {
              g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING,
                           /* Translators: %s is what the user gave as a column */
                           _("The file has no column “%s”"), column_text);
              return FALSE;
            }
        }

      jd_csv_mapping_set (mapping, field, column);
    }

  return TRUE;
}

/* The CSV reader ------------------------------------------------------------ */

typedef struct
{
  guint offset;              /* in the reader's buffer */
  guint length;
} Cell;

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       line;          /* the physical line at pos, 1-based */
  char       *buf;           /* the current record's cells, each NUL-terminated */
  gsize       buf_len;
  gsize       buf_size;
  Cell       *cells;
  guint       n_cells;
  guint       cells_size;
} Reader;

typedef enum
{
  READ_RECORD,
  READ_END,
  READ_UNTERMINATED,
} ReadResult;

static void
reader_init (Reader     *reader,
             const char *data,
             gsize       len)
{
  memset (reader, 0, sizeof *reader);
  reader->data = data;
  reader->len = len;
  reader->line = 1;
  reader->buf_size = 4096;
  reader->buf = g_malloc (reader->buf_size);
  reader->cells_size = 32;
  reader->cells = g_new (Cell, reader->cells_size);
}

static void
reader_clear (Reader *reader)
{
  g_free (reader->buf);
  g_free (reader->cells);
}

static inline void
reader_append (Reader     *reader,
               const char *text,
               gsize       n)
{
  if (G_UNLIKELY (reader->buf_len + n + 1 > reader->buf_size))
    {
      while (reader->buf_len + n + 1 > reader->buf_size)
        reader->buf_size *= 2;
      reader->buf = g_realloc (reader->buf, reader->buf_size);
    }
  memcpy (reader->buf + reader->buf_len, text, n);
  reader->buf_len += n;
}

static inline guint
reader_n_fields (Reader *reader)
{
  return reader->n_cells;
}

static inline const char *
reader_field (Reader *reader,
              guint   i)
{
  return reader->buf + reader->cells[i].offset;
}

/* The cell without white space (ASCII and U+3000) around it */
static inline char *
reader_trimmed (Reader *reader,
                guint   i)
{
  char *start = reader->buf + reader->cells[i].offset;
  char *end = start + reader->cells[i].length;

  if (G_LIKELY (start == end ||
                ((guchar) *start > ' ' && (guchar) *start != 0xE3 &&
                 (guchar) end[-1] > ' ' && (guchar) end[-1] != 0x80)))
    return start;

  return trim (start);
}

/* Reads one record; *START_LINE is the line where it begins. */
static ReadResult
reader_next (Reader *reader,
             guint  *start_line)
{
  const char *data = reader->data;
  gsize len = reader->len;
  gsize pos = reader->pos;

  if (pos >= len)
    return READ_END;

  reader->buf_len = 0;
  reader->n_cells = 0;
  *start_line = reader->line;

  for (;;)
    {
      Cell *cell;

      if (G_UNLIKELY (reader->n_cells == reader->cells_size))
        {
          reader->cells_size *= 2;
          reader->cells = g_renew (Cell, reader->cells, reader->cells_size);
        }
      cell = &reader->cells[reader->n_cells++];
      cell->offset = (guint) reader->buf_len;

      if (pos < len && data[pos] == '"')
        {
          pos++;
          for (;;)
            {
              gsize start = pos;

              while (pos < len && data[pos] != '"')
                {
                  if (data[pos] == '\n')
                    reader->line++;
                  pos++;
                }
              reader_append (reader, data + start, pos - start);
              if (pos >= len)
                {
                  reader->buf[reader->buf_len] = '\0';
                  cell->length = (guint) (reader->buf_len - cell->offset);
                  reader->pos = pos;
                  return READ_UNTERMINATED;
                }
              pos++;   /* the quote */
              if (pos < len && data[pos] == '"')
                {
                  reader_append (reader, "\"", 1);
                  pos++;
                }
              else
                break;
            }
        }

      /* Unquoted, or what follows a closing quote (kept, leniently) */
      {
        gsize start = pos;
        char c;

        while (pos < len && (c = data[pos]) != ',' && c != '\n' && c != '\r')
          pos++;
        reader_append (reader, data + start, pos - start);
      }
      cell->length = (guint) (reader->buf_len - cell->offset);
      reader->buf[reader->buf_len++] = '\0';

      if (pos >= len)
        break;
      if (data[pos] == ',')
        {
          pos++;
          continue;
        }
      /* The end of the record: LF, CRLF or a lone CR */
      if (data[pos] == '\r')
        pos++;
      if (pos < len && data[pos] == '\n')
        pos++;
      reader->line++;
      break;
    }

  reader->pos = pos;
  return READ_RECORD;
}

/* Values -------------------------------------------------------------------- */

typedef struct
{
  const char *text;
  int         value;
} Name;

/* DOMAIN.md §4.1, with the ids and the English labels */
static const Name category_names[] = {
  { "行政许可", JD_CATEGORY_LICENSING }, { "许可", JD_CATEGORY_LICENSING },
  { "行政处罚", JD_CATEGORY_PENALTY }, { "处罚", JD_CATEGORY_PENALTY },
  { "行政强制措施", JD_CATEGORY_COERCIVE_MEASURE }, { "强制措施", JD_CATEGORY_COERCIVE_MEASURE },
  { "行政强制执行", JD_CATEGORY_COERCIVE_EXECUTION }, { "强制执行", JD_CATEGORY_COERCIVE_EXECUTION },
  { "行政征收", JD_CATEGORY_LEVY }, { "征收", JD_CATEGORY_LEVY },
  { "行政征用", JD_CATEGORY_REQUISITION }, { "征用", JD_CATEGORY_REQUISITION },
  { "行政收费", JD_CATEGORY_FEE_COLLECTION }, { "收费", JD_CATEGORY_FEE_COLLECTION },
  { "行政检查", JD_CATEGORY_INSPECTION }, { "检查", JD_CATEGORY_INSPECTION },
  { "行政确认", JD_CATEGORY_CONFIRMATION }, { "确认", JD_CATEGORY_CONFIRMATION },
  { "行政给付", JD_CATEGORY_BENEFIT_PAYMENT }, { "给付", JD_CATEGORY_BENEFIT_PAYMENT },
  { "行政奖励", JD_CATEGORY_REWARD }, { "奖励", JD_CATEGORY_REWARD },
  { "行政裁决", JD_CATEGORY_ADJUDICATION }, { "裁决", JD_CATEGORY_ADJUDICATION },
  { "其他行政执法行为", JD_CATEGORY_OTHER }, { "其他", JD_CATEGORY_OTHER },
  { "licensing", JD_CATEGORY_LICENSING }, { "penalty", JD_CATEGORY_PENALTY },
  { "coercive_measure", JD_CATEGORY_COERCIVE_MEASURE }, { "coercivemeasure", JD_CATEGORY_COERCIVE_MEASURE },
  { "coercive_execution", JD_CATEGORY_COERCIVE_EXECUTION },
  { "coerciveexecution", JD_CATEGORY_COERCIVE_EXECUTION },
  { "levy", JD_CATEGORY_LEVY }, { "requisition", JD_CATEGORY_REQUISITION },
  { "fee_collection", JD_CATEGORY_FEE_COLLECTION }, { "feecollection", JD_CATEGORY_FEE_COLLECTION },
  { "inspection", JD_CATEGORY_INSPECTION }, { "confirmation", JD_CATEGORY_CONFIRMATION },
  { "benefit_payment", JD_CATEGORY_BENEFIT_PAYMENT }, { "benefitpayment", JD_CATEGORY_BENEFIT_PAYMENT },
  { "reward", JD_CATEGORY_REWARD }, { "adjudication", JD_CATEGORY_ADJUDICATION },
  { "other", JD_CATEGORY_OTHER }, { "otheraction", JD_CATEGORY_OTHER },
  { NULL, 0 }
};

static const Name procedure_names[] = {
  { "一般程序", JD_PROCEDURE_GENERAL }, { "普通程序", JD_PROCEDURE_GENERAL }, { "一般", JD_PROCEDURE_GENERAL },
  { "简易程序", JD_PROCEDURE_SIMPLE }, { "简易", JD_PROCEDURE_SIMPLE }, { "当场处罚", JD_PROCEDURE_SIMPLE },
  { "general", JD_PROCEDURE_GENERAL }, { "simple", JD_PROCEDURE_SIMPLE },
  { "", JD_PROCEDURE_NONE }, { "无", JD_PROCEDURE_NONE }, { "none", JD_PROCEDURE_NONE },
  { NULL, 0 }
};

/* Looked for inside the text: a decision counts under its heaviest type */
static const Name penalty_type_names[] = {
  { "警告", JD_PENALTY_TYPE_WARNING }, { "通报批评", JD_PENALTY_TYPE_CRITICISM },
  { "罚款", JD_PENALTY_TYPE_FINE }, { "没收", JD_PENALTY_TYPE_CONFISCATION },
  { "暂扣", JD_PENALTY_TYPE_LICENCE_SUSPENDED }, { "降低资质", JD_PENALTY_TYPE_QUALIFICATION_LOWERED },
  { "限制开展生产经营", JD_PENALTY_TYPE_BUSINESS_RESTRICTED },
  { "停产停业", JD_PENALTY_TYPE_SUSPENSION_ORDER }, { "责令关闭", JD_PENALTY_TYPE_CLOSURE },
  { "限制从业", JD_PENALTY_TYPE_CLOSURE }, { "吊销", JD_PENALTY_TYPE_LICENCE_REVOKED },
  { "拘留", JD_PENALTY_TYPE_DETENTION }, { "其他", JD_PENALTY_TYPE_OTHER },
  { "warning", JD_PENALTY_TYPE_WARNING }, { "criticism", JD_PENALTY_TYPE_CRITICISM },
  { "fine", JD_PENALTY_TYPE_FINE }, { "confiscation", JD_PENALTY_TYPE_CONFISCATION },
  { "licence_suspended", JD_PENALTY_TYPE_LICENCE_SUSPENDED },
  { "qualification_lowered", JD_PENALTY_TYPE_QUALIFICATION_LOWERED },
  { "business_restricted", JD_PENALTY_TYPE_BUSINESS_RESTRICTED },
  { "suspension_order", JD_PENALTY_TYPE_SUSPENSION_ORDER }, { "closure", JD_PENALTY_TYPE_CLOSURE },
  { "licence_revoked", JD_PENALTY_TYPE_LICENCE_REVOKED }, { "detention", JD_PENALTY_TYPE_DETENTION },
  { "other", JD_PENALTY_TYPE_OTHER },
  { NULL, 0 }
};

static const Name leniency_names[] = {
  { "不予处罚", JD_LENIENCY_NOT_PENALISED }, { "不予行政处罚", JD_LENIENCY_NOT_PENALISED },
  { "轻微不罚", JD_LENIENCY_NOT_PENALISED }, { "首违不罚", JD_LENIENCY_FIRST_OFFENCE },
  { "从轻处罚", JD_LENIENCY_LIGHTER }, { "从轻", JD_LENIENCY_LIGHTER },
  { "减轻处罚", JD_LENIENCY_MITIGATED }, { "减轻", JD_LENIENCY_MITIGATED },
  { "", JD_LENIENCY_NONE }, { "无", JD_LENIENCY_NONE }, { "否", JD_LENIENCY_NONE },
  { "none", JD_LENIENCY_NONE }, { "not_penalised", JD_LENIENCY_NOT_PENALISED },
  { "first_offence", JD_LENIENCY_FIRST_OFFENCE }, { "lighter", JD_LENIENCY_LIGHTER },
  { "mitigated", JD_LENIENCY_MITIGATED },
  { NULL, 0 }
};

static const Name boolean_names[] = {
  { "是", 1 }, { "否", 0 }, { "有", 1 }, { "无", 0 }, { "已", 1 }, { "未", 0 },
  { "y", 1 }, { "n", 0 }, { "yes", 1 }, { "no", 0 }, { "1", 1 }, { "0", 0 },
  { "true", 1 }, { "false", 0 }, { "t", 1 }, { "f", 0 }, { "", 0 },
  { "√", 1 }, { "×", 0 },
  { NULL, 0 }
};

static gboolean
lookup_name (const Name *names,
             const char *normalized,
             int        *out)
{
  for (guint i = 0; names[i].text != NULL; i++)
    {
      if (strcmp (names[i].text, normalized) == 0)
        {
          *out = names[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_number (const char **p,
              guint        max_digits,
              guint       *out)
{
  guint value = 0, n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  *out = value;
  return n > 0;
}

/* 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, with an optional
 * time after a space or a T; into OUT as YYYY-MM-DD. */
static gboolean
parse_date (const char *text,
            char        out[11])
{
  const char *p = text;
  guint year, month, day;

  if (strlen (text) >= 8 && g_ascii_isdigit (text[4]))
    {
      for (guint i = 0; i < 8; i++)
        {
          if (!g_ascii_isdigit (text[i]))
            return FALSE;
        }
      year = (guint) ((text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0'));
      month = (guint) ((text[4] - '0') * 10 + (text[5] - '0'));
      day = (guint) ((text[6] - '0') * 10 + (text[7] - '0'));
      p = text + 8;
    }
  else
    {
      gboolean chinese;

      if (!parse_number (&p, 4, &year) || p - text != 4)
        return FALSE;
      chinese = g_str_has_prefix (p, "年");
      if (chinese)
        p += strlen ("年");
      else if (*p == '-' || *p == '/' || *p == '.')
        p++;
      else
        return FALSE;
      if (!parse_number (&p, 2, &month))
        return FALSE;
      if (chinese && g_str_has_prefix (p, "月"))
        p += strlen ("月");
      else if (!chinese && *p == text[4])
        p++;
      else
        return FALSE;
      if (!parse_number (&p, 2, &day))
        return FALSE;
      if (chinese && g_str_has_prefix (p, "日"))
        p += strlen ("日");
      else if (chinese && g_str_has_prefix (p, "号"))
        p += strlen ("号");
    }

  if (*p != '\0' && *p != ' ' && *p != 'T')
    return FALSE;
  if (year < 1900 || year > 2999 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  out[0] = (char) ('0' + year / 1000);
  out[1] = (char) ('0' + year / 100 % 10);
  out[2] = (char) ('0' + year / 10 % 10);
  out[3] = (char) ('0' + year % 10);
  out[4] = '-';
  out[5] = (char) ('0' + month / 10);
  out[6] = (char) ('0' + month % 10);
  out[7] = '-';
  out[8] = (char) ('0' + day / 10);
  out[9] = (char) ('0' + day % 10);
  out[10] = '\0';
  return TRUE;
}

typedef enum
{
  AMOUNT_OK,
  AMOUNT_INVALID,
  AMOUNT_NEGATIVE,
  AMOUNT_TOO_PRECISE,
  AMOUNT_TOO_LARGE,
} AmountResult;

/* "12,000.50", "¥300", "1.2万元": exact decimal, into fen */
static AmountResult
parse_amount (const char *text,
              JdCsvUnit   unit,
              gint64     *out)
{
  const char *p = text;
  const char *end;
  gint64 whole = 0, fraction = 0;
  guint scale_digits, n_digits = 0, n_fraction = 0;
  gint64 scale;

  *out = 0;

  /* ¥ (U+00A5) and ￥ (U+FFE5) before, 元 or 万元 after */
  if (g_str_has_prefix (p, "\xc2\xa5"))
    p += 2;
  else if (g_str_has_prefix (p, "\xef\xbf\xa5"))
    p += 3;
  while (*p == ' ')
    p++;
  if (*p == '-')
    return AMOUNT_NEGATIVE;
  if (*p == '+')
    p++;

  end = p + strlen (p);
  if (end - p >= 6 && strcmp (end - 6, "万元") == 0)
    {
      unit = JD_CSV_UNIT_WAN_YUAN;
      end -= 6;
    }
  else if (end - p >= 3 && strcmp (end - 3, "万") == 0)
    {
      unit = JD_CSV_UNIT_WAN_YUAN;
      end -= 3;
    }
  else if (end - p >= 3 && strcmp (end - 3, "元") == 0)
    end -= 3;
  while (end > p && end[-1] == ' ')
    end--;

  if (p == end)
    return AMOUNT_INVALID;

  scale_digits = unit == JD_CSV_UNIT_WAN_YUAN ? 6 : 2;
  scale = unit == JD_CSV_UNIT_WAN_YUAN ? 1000000 : 100;

  for (; p < end && *p != '.'; p++)
    {
      if (*p == ',')
        continue;
      if (!g_ascii_isdigit (*p))
        return AMOUNT_INVALID;
      if (++n_digits > 13)
        return AMOUNT_TOO_LARGE;
      whole = whole * 10 + (*p - '0');
    }
  if (p < end)
    {
      p++;   /* the point */
      for (; p < end; p++)
        {
          if (!g_ascii_isdigit (*p))
            return AMOUNT_INVALID;
          if (n_fraction < scale_digits)
            {
              fraction = fraction * 10 + (*p - '0');
              n_fraction++;
            }
          else if (*p != '0')
            return AMOUNT_TOO_PRECISE;
        }
    }
  if (n_digits == 0 && n_fraction == 0)
    return AMOUNT_INVALID;

  for (; n_fraction < scale_digits; n_fraction++)
    fraction *= 10;

  *out = whole * scale + fraction;
  return AMOUNT_OK;
}

/* The import ---------------------------------------------------------------- */

struct _JdCsvImport
{
  GObject       parent_instance;

  JdDb         *db;
  char         *path;
  const char   *encoding;
  GMappedFile  *mapped;        /* a UTF-8 file */
  char         *converted;     /* or the file converted from GB18030 */
  const char   *data;          /* the text after the BOM */
  gsize         len;
  gsize         body;          /* where the first data row starts */
  guint         body_line;
  JdCsvMapping *mapping;

  GHashTable   *agencies;      /* normalised name → gint64 * */
  GHashTable   *agency_domains; /* agency id → its domain id (gint64 *, both) */
  GHashTable   *officers;      /* normalised certificate number → gint64 * */
  GHashTable   *cache[JD_CSV_FIELD_N];   /* cell text → int (value + 1) or gint64 * */
  gboolean      registry_loaded;
  char         *district_name;

  /* The results of the last run */
  GPtrArray    *errors;
  guint         n_errors;
  guint         n_rows;
  guint         n_good;
  guint         n_imported;
  guint         n_rejected;
};

G_DEFINE_FINAL_TYPE (JdCsvImport, jd_csv_import, G_TYPE_OBJECT)

static void
csv_error_free (JdCsvError *error)
{
  g_free (error->column);
  g_free (error->message);
  g_free (error);
}

static void
preview_row_free (JdCsvPreviewRow *row)
{
  g_strfreev (row->cells);
  g_free (row->problem);
  g_free (row);
}

static void
jd_csv_import_finalize (GObject *object)
{
  JdCsvImport *self = JD_CSV_IMPORT (object);

  g_clear_object (&self->db);
  g_free (self->path);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_free (self->converted);
  g_clear_pointer (&self->mapping, jd_csv_mapping_free);
  g_clear_pointer (&self->agencies, g_hash_table_unref);
  g_clear_pointer (&self->agency_domains, g_hash_table_unref);
  g_clear_pointer (&self->officers, g_hash_table_unref);
  for (guint i = 0; i < JD_CSV_FIELD_N; i++)
    g_clear_pointer (&self->cache[i], g_hash_table_unref);
  g_free (self->district_name);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_csv_import_parent_class)->finalize (object);
}

static void
jd_csv_import_class_init (JdCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_csv_import_finalize;
}

static void
jd_csv_import_init (JdCsvImport *self)
{
  self->agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->officers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->agency_domains = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < JD_CSV_FIELD_N; i++)
    self->cache[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_error_free);
}

/* Gives the pages of the mapped file between FROM and TO back: read once,
 * they need not stay resident (they come back from the file if read again).
 * Not for a converted file, which lives on the heap. */
static void
release_pages (JdCsvImport *self,
               const char  *from,
               const char  *to)
{
#ifdef MADV_DONTNEED
  static gsize page_size;
  guintptr start, end;

  if (self->mapped == NULL)
    return;
  if (page_size == 0)
    page_size = (gsize) sysconf (_SC_PAGESIZE);

  start = ((guintptr) from + page_size - 1) & ~(guintptr) (page_size - 1);
  end = (guintptr) to & ~(guintptr) (page_size - 1);
  if (end > start)
    madvise ((void *) start, end - start, MADV_DONTNEED);
#endif
}

/* Validates a mapped file a few megabytes at a time, releasing them. */
static gboolean
validate_utf8 (JdCsvImport *self,
               const char  *data,
               gsize        len)
{
  const gsize chunk = 8 * 1024 * 1024;
  gsize pos = 0;

  while (pos < len)
    {
      gsize n = MIN (len - pos, chunk);
      const char *end = NULL;

      if (!g_utf8_validate_len (data + pos, n, &end))
        {
          gsize done = (gsize) (end - (data + pos));

          /* Only a character cut by the end of the chunk may go on */
          if (pos + n >= len || n - done >= 4 || done == 0)
            return FALSE;
          n = done;
        }
      release_pages (self, data + pos, data + pos + n);
      pos += n;
    }

  return TRUE;
}

static gboolean
decode (JdCsvImport  *self,
        GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  const guchar *bytes;
  gsize len;

  self->mapped = g_mapped_file_new (self->path, FALSE, &local_error);
  if (self->mapped == NULL)
    {
      g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_READ,
                   "%s", local_error->message);
      return FALSE;
    }

  bytes = (const guchar *) g_mapped_file_get_contents (self->mapped);
  len = g_mapped_file_get_length (self->mapped);
  if (len == 0 || bytes == NULL)
    {
      g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("%s has no header row"), self->path);
      return FALSE;
    }

  if (len >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_ENCODING,
                   /* Translators: %s is a file name */
                   _("%s is in UTF-16, which Jiandu does not read: save it as CSV in UTF-8 or GBK"),
                   self->path);
      return FALSE;
    }

  if (len >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      self->encoding = "UTF-8 with BOM";
      self->data = (const char *) bytes + 3;
      self->len = len - 3;
      if (!validate_utf8 (self, self->data, self->len))
        {
          g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_ENCODING,
                       /* Translators: %s is a file name */
                       _("%s starts as UTF-8 but holds bytes that are not UTF-8"), self->path);
          return FALSE;
        }
      return TRUE;
    }

  if (validate_utf8 (self, (const char *) bytes, len))
    {
      self->encoding = "UTF-8";
      self->data = (const char *) bytes;
      self->len = len;
      return TRUE;
    }

  self->converted = g_convert ((const char *) bytes, (gssize) len, "UTF-8", "GB18030",
                               NULL, &self->len, NULL);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  if (self->converted == NULL)
    {
      g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_ENCODING,
                   /* Translators: %s is a file name */
                   _("%s is neither UTF-8 nor GBK (GB18030) text"), self->path);
      return FALSE;
    }
  self->encoding = "GB18030";
  self->data = self->converted;
  return TRUE;
}

JdCsvImport *
jd_csv_import_new (JdDb        *db,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(JdCsvImport) self = NULL;
  g_autoptr(GPtrArray) headers = NULL;
  Reader reader;
  guint line;
  ReadResult result;

  g_return_val_if_fail (JD_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (JD_TYPE_CSV_IMPORT, NULL);
  self->db = g_object_ref (db);
  self->path = g_strdup (path);

  if (!decode (self, error))
    return NULL;

  reader_init (&reader, self->data, self->len);
  /* Blank lines before the header do not count */
  do
    result = reader_next (&reader, &line);
  while (result == READ_RECORD && reader_n_fields (&reader) == 1 && *reader_trimmed (&reader, 0) == '\0');

  if (result != READ_RECORD)
    {
      reader_clear (&reader);
      g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_EMPTY,
                   /* Translators: %s is a file name */
                   _("%s has no header row"), self->path);
      return NULL;
    }

  headers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < reader_n_fields (&reader); i++)
    g_ptr_array_add (headers, g_strdup (reader_trimmed (&reader, i)));
  g_ptr_array_add (headers, NULL);

  self->body = reader.pos;
  self->body_line = reader.line;
  reader_clear (&reader);

  self->mapping = jd_csv_import_guess_mapping ((const char * const *) headers->pdata);
  return g_steal_pointer (&self);
}

const char *
jd_csv_import_get_path (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), NULL);
  return self->path;
}

const char *
jd_csv_import_get_encoding (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), NULL);
  return self->encoding;
}

JdCsvMapping *
jd_csv_import_get_mapping (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), NULL);
  return self->mapping;
}

static gboolean
load_registry (JdCsvImport  *self,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 district;

  if (self->registry_loaded)
    return TRUE;

  district = jd_db_get_local_district (self->db);
  if (district == 0)
    {
      g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_NO_DISTRICT,
                   _("The database holds no district yet: enter the district and its agencies first"));
      return FALSE;
    }
  self->district_name = jd_db_dup_local_district_name (self->db);

  stmt = _jd_db_prepare (self->db, "SELECT id, name, coalesce (domain_id, 0) FROM agency"
                                   " WHERE district_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, district);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gint64 domain = sqlite3_column_int64 (stmt, 2);

      g_hash_table_insert (self->agency_domains, g_memdup2 (&id, sizeof id),
                           g_memdup2 (&domain, sizeof domain));

      /* the exact name, then the normalised one */
      g_hash_table_insert (self->agencies, g_strdup (name), g_memdup2 (&id, sizeof id));
      g_hash_table_insert (self->agencies, normalize (name), g_memdup2 (&id, sizeof id));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _jd_db_prepare (self->db, "SELECT id, certificate_no FROM officer"
                                   " WHERE certificate_no IS NOT NULL;", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (self->officers, normalize ((const char *) sqlite3_column_text (stmt, 1)),
                           g_memdup2 (&id, sizeof id));
    }

  self->registry_loaded = TRUE;
  return TRUE;
}

gboolean
jd_csv_import_add_agency_alias (JdCsvImport  *self,
                                const char   *alias,
                                const char   *agency_name,
                                GError      **error)
{
  g_autofree char *key = NULL;
  const gint64 *id;

  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (alias != NULL && agency_name != NULL, FALSE);

  if (!load_registry (self, error))
    return FALSE;

  key = normalize (agency_name);
  id = g_hash_table_lookup (self->agencies, key);
  if (id == NULL)
    {
      g_set_error (error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_MAPPING,
                   /* Translators: %s is an agency name */
                   _("No agency is called “%s”"), agency_name);
      return FALSE;
    }

  g_hash_table_insert (self->agencies, normalize (alias), g_memdup2 (id, sizeof *id));
  g_hash_table_remove_all (self->cache[JD_CSV_FIELD_AGENCY]);
  return TRUE;
}

/* Converting a row ---------------------------------------------------------- */

typedef struct
{
  JdCsvImport  *self;
  guint         line;
  gboolean      bad;
  gboolean      rules;      /* every required column is there: check the rows whole */
  GPtrArray    *errors;     /* the run's list, or a preview's */
  guint        *n_errors;
} RowContext;

static void
add_error (RowContext *ctx,
           JdCsvField  field,
           int         column,
           char       *message)   /* taken */
{
  JdCsvError *error;

  ctx->bad = TRUE;
  (*ctx->n_errors)++;
  if (ctx->errors->len >= MAX_KEPT_ERRORS)
    {
      g_free (message);
      return;
    }

  error = g_new0 (JdCsvError, 1);
  error->line = ctx->line;
  error->field = field;
  error->column = column >= 0 ? g_strdup (ctx->self->mapping->headers[column]) : NULL;
  error->message = message;
  g_ptr_array_add (ctx->errors, error);
}

/* Looks a cell's value up in TABLE, through the field's cache; -1 when unknown */
static int
lookup_cached (JdCsvImport *self,
               JdCsvField   field,
               const Name  *table,
               const char  *cell)
{
  GHashTable *cache = self->cache[field];
  int *cached = g_hash_table_lookup (cache, cell);
  g_autofree char *norm = NULL;
  int value = -1;

  if (cached != NULL)
    return *cached;

  norm = normalize (cell);
  if (!lookup_name (table, norm, &value))
    value = -1;

  if (g_hash_table_size (cache) < MAX_CACHED_VALUES)
    g_hash_table_insert (cache, g_strdup (cell), g_memdup2 (&value, sizeof value));
  return value;
}

/* The heaviest penalty type named in the cell; -1 when none */
static int
lookup_penalty_type (JdCsvImport *self,
                     const char  *cell)
{
  GHashTable *cache = self->cache[JD_CSV_FIELD_PENALTY_TYPE];
  int *cached = g_hash_table_lookup (cache, cell);
  g_autofree char *norm = NULL;
  int value = -1;

  if (cached != NULL)
    return *cached;

  norm = normalize (cell);
  if (*norm == '\0' || strcmp (norm, "无") == 0 || strcmp (norm, "none") == 0)
    value = JD_PENALTY_TYPE_NONE;
  for (guint i = 0; penalty_type_names[i].text != NULL; i++)
    {
      if (strstr (norm, penalty_type_names[i].text) != NULL)
        value = MAX (value, penalty_type_names[i].value);
    }

  if (g_hash_table_size (cache) < MAX_CACHED_VALUES)
    g_hash_table_insert (cache, g_strdup (cell), g_memdup2 (&value, sizeof value));
  return value;
}

static gint64
lookup_id (JdCsvImport *self,
           JdCsvField   field,
           GHashTable  *registry,
           const char  *cell)
{
  GHashTable *cache = self->cache[field];
  gint64 *cached = g_hash_table_lookup (cache, cell);
  gint64 *found;
  gint64 id;

  if (cached != NULL)
    return *cached;

  found = g_hash_table_lookup (registry, cell);
  if (found == NULL)
    {
      g_autofree char *norm = normalize (cell);
      found = g_hash_table_lookup (registry, norm);
    }
  id = found != NULL ? *found : 0;

  if (g_hash_table_size (cache) < MAX_CACHED_VALUES)
    g_hash_table_insert (cache, g_strdup (cell), g_memdup2 (&id, sizeof id));
  return id;
}

typedef struct
{
  JdRecordInfo  info;
  char          opened[11];
  char          closed[11];
  GArray       *officer_ids;
} Row;

static gboolean
convert_boolean (RowContext *ctx,
                 JdCsvField  field,
                 int         column,
                 const char *cell,
                 gboolean   *out)
{
  int value;

  /* The usual values first: 是, 否, empty */
  if (strcmp (cell, "是") == 0)
    value = 1;
  else if (strcmp (cell, "否") == 0 || *cell == '\0')
    value = 0;
  else
    value = lookup_cached (ctx->self, field, boolean_names, cell);

  if (value < 0)
    {
      add_error (ctx, field, column,
                 /* Translators: %s is the value found in the file */
                 g_strdup_printf (_("“%s” is not yes or no (是/否)"), cell));
      return FALSE;
    }
  *out = value != 0;
  return TRUE;
}

static void
convert_amount (RowContext *ctx,
                JdCsvField  field,
                int         column,
                const char *cell,
                gint64     *out)
{
  if (*cell == '\0')
    return;

  switch (parse_amount (cell, ctx->self->mapping->units[column], out))
    {
    case AMOUNT_OK:
      break;
    case AMOUNT_NEGATIVE:
      add_error (ctx, field, column,
                 g_strdup_printf (_("“%s”: an amount cannot be negative"), cell));
      break;
    case AMOUNT_TOO_PRECISE:
      add_error (ctx, field, column,
                 g_strdup_printf (_("“%s” is more precise than a fen (0.01 yuan)"), cell));
      break;
    case AMOUNT_TOO_LARGE:
      add_error (ctx, field, column, g_strdup_printf (_("“%s” is too large an amount"), cell));
      break;
    case AMOUNT_INVALID:
    default:
      add_error (ctx, field, column,
                 /* Translators: %s is the value found in the file */
                 g_strdup_printf (_("“%s” is not an amount"), cell));
      break;
    }
}

/* The length of the separator at P (、，；U+3000 , ; and white space), or 0 */
static inline gsize
separator_length (const char *p)
{
  guchar c = (guchar) *p;

  if (c == ' ' || c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\r')
    return 1;
  if (c == 0xE3 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0x81 || (guchar) p[2] == 0x80))
    return 3;   /* 、 and the ideographic space */
  if (c == 0xEF && (guchar) p[1] == 0xBC && ((guchar) p[2] == 0x8C || (guchar) p[2] == 0x9B))
    return 3;   /* ， and ； */
  return 0;
}

static void
convert_officers (RowContext *ctx,
                  int         column,
                  char       *cell,
                  GArray     *ids)
{
  char *p = cell;

  while (*p != '\0')
    {
      char *start;
      gsize n;
      gint64 id;

      while ((n = separator_length (p)) > 0)
        p += n;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && (n = separator_length (p)) == 0)
        p++;
      if (*p != '\0')
        {
          *p = '\0';
          p += n;
        }

      id = lookup_id (ctx->self, JD_CSV_FIELD_OFFICERS, ctx->self->officers, start);
      if (id == 0)
        add_error (ctx, JD_CSV_FIELD_OFFICERS, column,
                   /* Translators: %s is a certificate number */
                   g_strdup_printf (_("no officer holds the certificate “%s”"), start));
      else
        g_array_append_val (ids, id);
    }
}

/* Converts the reader's current record into ROW; FALSE when it has errors,
 * which are added to CTX. */
static gboolean
convert_row (RowContext *ctx,
             Reader     *reader,
             Row        *row)
{
  JdCsvImport *self = ctx->self;
  JdCsvMapping *mapping = self->mapping;
  JdRecordInfo *info = &row->info;
  g_autoptr(GError) local_error = NULL;
  gboolean review_required_given = FALSE;
  int procedure = JD_PROCEDURE_NONE, penalty_type = JD_PENALTY_TYPE_NONE;
  int procedure_column = -1;
  guint n_cells = reader_n_fields (reader);

  memset (info, 0, sizeof *info);
  g_array_set_size (row->officer_ids, 0);
  ctx->bad = FALSE;

  for (guint c = mapping->n_columns; c < n_cells; c++)
    {
      if (*reader_trimmed (reader, c) != '\0')
        {
          add_error (ctx, JD_CSV_FIELD_NONE, -1,
                     /* Translators: the numbers of cells in a row and in the header */
                     g_strdup_printf (_("the row has %u cells, the header only %u"),
                                      n_cells, mapping->n_columns));
          break;
        }
    }

  for (guint c = 0; c < mapping->n_columns; c++)
    {
      JdCsvField field = mapping->fields[c];
      char *cell;
      int value;

      if (field == JD_CSV_FIELD_NONE)
        continue;
      cell = c < n_cells ? reader_trimmed (reader, c) : (char *) "";

      switch (field)
        {
        case JD_CSV_FIELD_AGENCY:
          if (*cell == '\0')
            add_error (ctx, field, (int) c, g_strdup (_("the agency is missing")));
          else if ((info->agency_id = lookup_id (self, field, self->agencies, cell)) == 0)
            add_error (ctx, field, (int) c,
                       /* Translators: an agency name, then the district's */
                       g_strdup_printf (_("no agency called “%s” in %s"), cell, self->district_name));
          break;

        case JD_CSV_FIELD_CATEGORY:
          value = *cell == '\0' ? -1 : lookup_cached (self, field, category_names, cell);
          if (*cell == '\0')
            add_error (ctx, field, (int) c, g_strdup (_("the category is missing")));
          else if (value < 0)
            add_error (ctx, field, (int) c,
                       /* Translators: %s is the value found in the file */
                       g_strdup_printf (_("unknown category “%s” (行政检查, 行政处罚, inspection, penalty…)"), cell));
          else
            info->category = value;
          break;

        case JD_CSV_FIELD_PROCEDURE:
          procedure_column = (int) c;
          procedure = *cell == '\0' ? JD_PROCEDURE_NONE : lookup_cached (self, field, procedure_names, cell);
          if (procedure < 0)
            add_error (ctx, field, (int) c,
                       g_strdup_printf (_("unknown procedure “%s” (一般程序, 简易程序, general, simple)"), cell));
          break;

        case JD_CSV_FIELD_PENALTY_TYPE:
          penalty_type = *cell == '\0' ? JD_PENALTY_TYPE_NONE : lookup_penalty_type (self, cell);
          if (penalty_type < 0)
            add_error (ctx, field, (int) c,
                       g_strdup_printf (_("unknown penalty type “%s”"), cell));
          break;

        case JD_CSV_FIELD_OPENED_ON:
        case JD_CSV_FIELD_CLOSED_ON:
          {
            char *out = field == JD_CSV_FIELD_OPENED_ON ? row->opened : row->closed;

            if (*cell == '\0')
              {
                if (field == JD_CSV_FIELD_OPENED_ON)
                  add_error (ctx, field, (int) c, g_strdup (_("the date is missing")));
              }
            else if (!parse_date (cell, out))
              add_error (ctx, field, (int) c,
                         /* Translators: %s is the value found in the file */
                         g_strdup_printf (_("“%s” is not a date (2024-03-05, 2024/3/5 or 2024年3月5日)"), cell));
            else if (field == JD_CSV_FIELD_OPENED_ON)
              info->opened_on = row->opened;
            else
              info->closed_on = row->closed;
          }
          break;

        case JD_CSV_FIELD_PARTY:
          info->party = *cell != '\0' ? cell : NULL;
          break;

        case JD_CSV_FIELD_DECISION_NO:
          info->decision_no = *cell != '\0' ? cell : NULL;
          break;

        case JD_CSV_FIELD_FINE:
          convert_amount (ctx, field, (int) c, cell, &info->fine_fen);
          break;

        case JD_CSV_FIELD_CONFISCATION:
          convert_amount (ctx, field, (int) c, cell, &info->confiscation_fen);
          break;

        case JD_CSV_FIELD_PUBLICIZED:
          convert_boolean (ctx, field, (int) c, cell, &info->publicized);
          break;

        case JD_CSV_FIELD_RECORDED:
          convert_boolean (ctx, field, (int) c, cell, &info->recorded);
          break;

        case JD_CSV_FIELD_LEGAL_REVIEW_REQUIRED:
          review_required_given = TRUE;
          convert_boolean (ctx, field, (int) c, cell, &info->legal_review_required);
          break;

        case JD_CSV_FIELD_LEGAL_REVIEW_DONE:
          convert_boolean (ctx, field, (int) c, cell, &info->legal_review_done);
          break;

        case JD_CSV_FIELD_REFERRED:
          convert_boolean (ctx, field, (int) c, cell, &info->referred);
          break;

        case JD_CSV_FIELD_LENIENCY:
          value = *cell == '\0' ? JD_LENIENCY_NONE : lookup_cached (self, field, leniency_names, cell);
          if (value < 0)
            {
              /* A yes/no column named after one kind: 首违不罚 是/否 */
              int yes = lookup_cached (self, JD_CSV_FIELD_NONE, boolean_names, cell);
              g_autofree char *header = normalize (mapping->headers[c]);

              for (guint i = 0; yes >= 0 && leniency_names[i].text != NULL; i++)
                {
                  if (leniency_names[i].value != JD_LENIENCY_NONE &&
                      strstr (header, leniency_names[i].text) != NULL)
                    {
                      value = yes ? leniency_names[i].value : JD_LENIENCY_NONE;
                      break;
                    }
                }
            }
          if (value < 0)
            add_error (ctx, field, (int) c,
                       g_strdup_printf (_("unknown kind of leniency “%s” (不予处罚, 首违不罚, 从轻处罚, 减轻处罚)"), cell));
          else
            info->leniency = value;
          break;

        case JD_CSV_FIELD_OFFICERS:
          convert_officers (ctx, (int) c, cell, row->officer_ids);
          break;

        case JD_CSV_FIELD_NONE:
        default:
          break;
        }
    }

  /* Only penalties have a procedure and a type: a platform may fill them in
   * for every row, so they are ignored on other categories. */
  if (info->category == JD_CATEGORY_PENALTY)
    {
      info->procedure = procedure > 0 ? procedure : JD_PROCEDURE_NONE;
      /* Amounts imply a type, the heaviest counting */
      info->penalty_type = MAX (penalty_type, JD_PENALTY_TYPE_NONE);
      if (info->fine_fen > 0)
        info->penalty_type = MAX (info->penalty_type, JD_PENALTY_TYPE_FINE);
      if (info->confiscation_fen > 0)
        info->penalty_type = MAX (info->penalty_type, JD_PENALTY_TYPE_CONFISCATION);
    }
  /* Without a column saying whether it was required, a review done was one
   * required. */
  if (!review_required_given)
    info->legal_review_required = info->legal_review_done;

  info->officer_ids = (const gint64 *) (gpointer) row->officer_ids->data;
  info->n_officers = row->officer_ids->len;

  if (ctx->bad || !ctx->rules)
    return FALSE;

  /* The rules across fields, with the field they concern */
  if (info->category == JD_CATEGORY_PENALTY && info->procedure == JD_PROCEDURE_NONE)
    {
      add_error (ctx, JD_CSV_FIELD_PROCEDURE, procedure_column,
                 g_strdup (_("a penalty needs its procedure (一般程序 or 简易程序)")));
      return FALSE;
    }
  if (info->closed_on != NULL && strcmp (info->closed_on, info->opened_on) < 0)
    {
      add_error (ctx, JD_CSV_FIELD_CLOSED_ON, jd_csv_mapping_find (mapping, JD_CSV_FIELD_CLOSED_ON),
                 g_strdup (_("the case cannot close before it was opened")));
      return FALSE;
    }

  if (!jd_db_validate_record (info, &local_error))
    {
      add_error (ctx, JD_CSV_FIELD_NONE, -1, g_strdup (local_error->message));
      return FALSE;
    }

  return TRUE;
}

/* Reports the required fields without a column; FALSE when there is one. */
static gboolean
check_required (RowContext *ctx)
{
  gboolean ok = TRUE;
  guint line = ctx->line;

  ctx->line = 1;
  for (guint f = 1; f < JD_CSV_FIELD_N; f++)
    {
      if (fields[f].required && jd_csv_mapping_find (ctx->self->mapping, f) < 0)
        {
          add_error (ctx, f, -1,
                     /* Translators: %s is the name of a field */
                     g_strdup_printf (_("no column holds the required field “%s”"),
                                      jd_csv_field_to_label (f)));
          ok = FALSE;
        }
    }
  ctx->line = line;
  return ok;
}

/* Writing ------------------------------------------------------------------- */

/* The rows go in through statements of their own rather than jd_db_add_record
 * (), for speed: the columns are those of jd_db_add_record, the record has
 * been through jd_db_validate_record, and the domain comes from the agency
 * as jd_db_add_record would take it. */
#define MAX_OFFICERS_PER_INSERT 4

typedef struct
{
  JdDb          *db;
  sqlite3_stmt  *record;
  sqlite3_stmt  *officers[MAX_OFFICERS_PER_INSERT + 1];   /* by number of officers */
  gint64         bound[18];     /* the integers bound to record, by index */
  gboolean       have_bound;
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->record, sqlite3_finalize);
  for (guint i = 0; i <= MAX_OFFICERS_PER_INSERT; i++)
    g_clear_pointer (&writer->officers[i], sqlite3_finalize);
}

static gboolean
writer_init (Writer   *writer,
             JdDb     *db,
             GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT OR IGNORE INTO record_officer (record_id, officer_id) VALUES ");

  memset (writer, 0, sizeof *writer);
  writer->db = db;
  writer->record = _jd_db_prepare (db,
    "INSERT INTO record (agency_id, category, procedure, penalty_type, opened_on, closed_on,"
    " domain_id, party, fine_fen, confiscation_fen, publicized, recorded,"
    " legal_review_required, legal_review_done, leniency, referred, decision_no)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);", error);
  if (writer->record == NULL)
    return FALSE;

  for (guint n = 1; n <= MAX_OFFICERS_PER_INSERT; n++)
    {
      g_string_append_printf (sql, "%s(?1, ?%u)", n > 1 ? ", " : "", n + 1);
      writer->officers[n] = _jd_db_prepare (db, sql->str, error);
      if (writer->officers[n] == NULL)
        {
          writer_clear (writer);
          return FALSE;
        }
    }

  return TRUE;
}

/* Bindings outlive sqlite3_reset (): an integer that has not changed since
 * the last row is not bound again (each bind takes the connection's mutex). */
static inline void
bind_int (Writer *writer,
          int     index,
          gint64  value)
{
  if (writer->have_bound && writer->bound[index] == value)
    return;
  writer->bound[index] = value;
  sqlite3_bind_int64 (writer->record, index, value);
}

/* Texts change from row to row, except NULL: bound[] is 1 after a NULL */
static inline void
bind_text (Writer     *writer,
           int         index,
           const char *text)
{
  if (text != NULL)
    {
      writer->bound[index] = 0;
      sqlite3_bind_text (writer->record, index, text, -1, SQLITE_STATIC);
    }
  else if (!writer->have_bound || writer->bound[index] != 1)
    {
      writer->bound[index] = 1;
      sqlite3_bind_null (writer->record, index);
    }
}

static gboolean
writer_add (Writer             *writer,
            const JdRecordInfo *info,
            gint64              domain_id,
            GError            **error)
{
  sqlite3 *handle = _jd_db_get_handle (writer->db);
  sqlite3_stmt *stmt = writer->record;
  gint64 record_id;

  bind_int (writer, 1, info->agency_id);
  bind_int (writer, 2, info->category);
  bind_int (writer, 3, info->procedure);
  bind_int (writer, 4, info->penalty_type);
  bind_text (writer, 5, info->opened_on);
  bind_text (writer, 6, info->closed_on);
  if (!writer->have_bound || writer->bound[7] != domain_id)
    {
      writer->bound[7] = domain_id;
      if (domain_id > 0)
        sqlite3_bind_int64 (stmt, 7, domain_id);
      else
        sqlite3_bind_null (stmt, 7);
    }
  bind_text (writer, 8, info->party);
  bind_int (writer, 9, info->fine_fen);
  bind_int (writer, 10, info->confiscation_fen);
  bind_int (writer, 11, info->publicized ? 1 : 0);
  bind_int (writer, 12, info->recorded ? 1 : 0);
  bind_int (writer, 13, info->legal_review_required ? 1 : 0);
  bind_int (writer, 14, info->legal_review_done ? 1 : 0);
  bind_int (writer, 15, info->leniency);
  bind_int (writer, 16, info->referred ? 1 : 0);
  bind_text (writer, 17, info->decision_no);
  writer->have_bound = TRUE;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return _jd_db_set_error (writer->db, error);
    }
  sqlite3_reset (stmt);
  record_id = sqlite3_last_insert_rowid (handle);

  for (guint done = 0; done < info->n_officers;)
    {
      guint n = MIN (info->n_officers - done, MAX_OFFICERS_PER_INSERT);

      stmt = writer->officers[n];
      sqlite3_bind_int64 (stmt, 1, record_id);
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 2, info->officer_ids[done + i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return _jd_db_set_error (writer->db, error);
        }
      sqlite3_reset (stmt);
      done += n;
    }

  _jd_db_bulk_count_record (writer->db, info);

  return TRUE;
}

static void
reset_results (JdCsvImport *self)
{
  g_ptr_array_set_size (self->errors, 0);
  self->n_errors = 0;
  self->n_rows = 0;
  self->n_good = 0;
  self->n_imported = 0;
  self->n_rejected = 0;
}

GPtrArray *
jd_csv_import_preview (JdCsvImport  *self,
                       guint         n_rows,
                       GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GArray) officer_ids = NULL;
  Reader reader;
  RowContext ctx = { 0 };
  Row row = { 0 };
  guint n_errors = 0;
  gboolean have_required;

  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), NULL);

  if (!load_registry (self, error))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_row_free);
  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_error_free);
  officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  row.officer_ids = officer_ids;
  ctx.self = self;
  ctx.errors = errors;
  ctx.n_errors = &n_errors;
  have_required = check_required (&ctx);
  ctx.rules = have_required;

  reader_init (&reader, self->data, self->len);
  reader.pos = self->body;
  reader.line = self->body_line;

  while (rows->len < n_rows)
    {
      JdCsvPreviewRow *preview;
      ReadResult result = reader_next (&reader, &ctx.line);
      GPtrArray *cells;

      if (result != READ_RECORD)
        break;
      if (reader_n_fields (&reader) == 1 && *reader_field (&reader, 0) == '\0')
        continue;

      preview = g_new0 (JdCsvPreviewRow, 1);
      preview->line = ctx.line;
      cells = g_ptr_array_new ();
      for (guint i = 0; i < reader_n_fields (&reader); i++)
        g_ptr_array_add (cells, g_strdup (reader_field (&reader, i)));
      g_ptr_array_add (cells, NULL);
      preview->cells = (char **) g_ptr_array_free (cells, FALSE);

      g_ptr_array_set_size (errors, 0);
      if (!convert_row (&ctx, &reader, &row) || !have_required)
        {
          if (errors->len > 0)
            {
              JdCsvError *first = g_ptr_array_index (errors, 0);
              preview->problem = jd_csv_import_format_error (self, first);
            }
          else
            preview->problem = g_strdup (_("a required column is missing"));
        }
      g_ptr_array_add (rows, preview);
    }

  reader_clear (&reader);
  return g_steal_pointer (&rows);
}

/* The pipeline -------------------------------------------------------------- */

/* A thread reads and checks the rows (the producer) while the caller's thread
 * writes the good ones (the consumer). They pass batches of rows through two
 * queues: a few batches go round, so memory stays bounded however large the
 * file. Everything about the rows (counts, errors, caches) belongs to the
 * producer until it is joined; the database belongs to the consumer. */
#define BATCH_ROWS 1024
#define N_BATCHES 8

typedef struct
{
  JdRecordInfo  info;
  gint64        domain_id;
  gssize        opened, closed, party, decision_no;   /* in text, or -1 */
  guint         first_officer;
} PackedRecord;

typedef struct
{
  GArray    *records;     /* PackedRecord */
  GArray    *officers;    /* gint64 */
  GString   *text;
  gsize      pos;         /* how far in the file the batch reaches */
  gboolean   last;
} Batch;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->records = g_array_sized_new (FALSE, FALSE, sizeof (PackedRecord), BATCH_ROWS);
  batch->officers = g_array_sized_new (FALSE, FALSE, sizeof (gint64), BATCH_ROWS * 2);
  batch->text = g_string_sized_new (BATCH_ROWS * 64);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_array_unref (batch->records);
  g_array_unref (batch->officers);
  g_string_free (batch->text, TRUE);
  g_free (batch);
}

static void
batch_reset (Batch *batch)
{
  g_array_set_size (batch->records, 0);
  g_array_set_size (batch->officers, 0);
  g_string_truncate (batch->text, 0);
  batch->pos = 0;
  batch->last = FALSE;
}

static gssize
batch_add_text (Batch      *batch,
                const char *text)
{
  gssize offset;

  if (text == NULL)
    return -1;
  offset = (gssize) batch->text->len;
  g_string_append_len (batch->text, text, (gssize) strlen (text) + 1);
  return offset;
}

static void
batch_add (Batch              *batch,
           const JdRecordInfo *info,
           gint64              domain_id)
{
  PackedRecord packed;

  packed.info = *info;
  packed.domain_id = domain_id;
  packed.opened = batch_add_text (batch, info->opened_on);
  packed.closed = batch_add_text (batch, info->closed_on);
  packed.party = batch_add_text (batch, info->party);
  packed.decision_no = batch_add_text (batch, info->decision_no);
  packed.first_officer = batch->officers->len;
  g_array_append_vals (batch->officers, info->officer_ids, info->n_officers);
  g_array_append_val (batch->records, packed);
}

/* The record at I, its pointers into the batch */
static void
batch_unpack (Batch        *batch,
              guint         i,
              JdRecordInfo *info,
              gint64       *domain_id)
{
  const PackedRecord *packed = &g_array_index (batch->records, PackedRecord, i);
  const char *text = batch->text->str;

  *info = packed->info;
  *domain_id = packed->domain_id;
  info->opened_on = packed->opened >= 0 ? text + packed->opened : NULL;
  info->closed_on = packed->closed >= 0 ? text + packed->closed : NULL;
  info->party = packed->party >= 0 ? text + packed->party : NULL;
  info->decision_no = packed->decision_no >= 0 ? text + packed->decision_no : NULL;
  info->officer_ids = info->n_officers > 0
                      ? &g_array_index (batch->officers, gint64, packed->first_officer) : NULL;
}

typedef struct
{
  JdCsvImport   *self;
  gboolean       pack;            /* hand the good rows over for writing */
  gboolean       good_rows_only;
  gboolean       have_required;
  GCancellable  *cancellable;
  GAsyncQueue   *free_batches;
  GAsyncQueue   *full_batches;
  gint           stop;            /* atomic: the consumer gave up */
  GError        *error;           /* the producer's: cancellation */
} Pipeline;

static gpointer
produce (gpointer data)
{
  Pipeline *pl = data;
  JdCsvImport *self = pl->self;
  g_autoptr(GArray) officer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RowContext ctx = { 0 };
  Row row = { 0 };
  Reader reader;
  ReadResult result;
  gboolean packing = pl->pack;
  guint in_batch = 0;
  gsize released = 0;
  Batch *batch;

  row.officer_ids = officer_ids;
  ctx.self = self;
  ctx.errors = self->errors;
  ctx.n_errors = &self->n_errors;
  ctx.rules = pl->have_required;

  reader_init (&reader, self->data, self->len);
  reader.pos = self->body;
  reader.line = self->body_line;
  batch = g_async_queue_pop (pl->free_batches);

  while ((result = reader_next (&reader, &ctx.line)) == READ_RECORD)
    {
      if (reader_n_fields (&reader) == 1 && *reader_field (&reader, 0) == '\0')
        continue;   /* a blank line */

      self->n_rows++;

      if (convert_row (&ctx, &reader, &row))
        {
          self->n_good++;
          if (packing)
            {
              const gint64 *domain = g_hash_table_lookup (self->agency_domains, &row.info.agency_id);
              batch_add (batch, &row.info, domain != NULL ? *domain : 0);
            }
        }
      else
        {
          self->n_rejected++;
          /* Nothing will be kept: stop handing rows over, go on checking */
          if (!pl->good_rows_only)
            packing = FALSE;
        }

      if (++in_batch == BATCH_ROWS)
        {
          if (g_atomic_int_get (&pl->stop) ||
              g_cancellable_set_error_if_cancelled (pl->cancellable, &pl->error))
            break;
          batch->pos = reader.pos;
          g_async_queue_push (pl->full_batches, batch);
          if (reader.pos - released > 4 * 1024 * 1024)
            {
              release_pages (self, self->data + released, self->data + reader.pos);
              released = reader.pos;
            }
          batch = g_async_queue_pop (pl->free_batches);
          in_batch = 0;
        }
    }

  if (result == READ_UNTERMINATED && pl->error == NULL)
    {
      add_error (&ctx, JD_CSV_FIELD_NONE, -1,
                 g_strdup (_("a quoted cell is not closed before the end of the file")));
      self->n_rows++;
      self->n_rejected++;
    }

  reader_clear (&reader);
  batch->pos = self->len;
  batch->last = TRUE;
  g_async_queue_push (pl->full_batches, batch);
  return NULL;
}

gboolean
jd_csv_import_run (JdCsvImport       *self,
                   JdCsvImportFlags   flags,
                   GCancellable      *cancellable,
                   JdProgressFunc     progress,
                   gpointer           user_data,
                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean good_rows_only = (flags & JD_CSV_IMPORT_GOOD_ROWS_ONLY) != 0;
  gboolean dry_run = (flags & JD_CSV_IMPORT_DRY_RUN) != 0;
  gboolean writing, in_transaction = FALSE;
  Pipeline pl = { 0 };
  Writer writer = { 0 };
  RowContext ctx = { 0 };
  GThread *thread;
  guint reported = 0;

  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  reset_results (self);

  if (!load_registry (self, error))
    return FALSE;

  ctx.self = self;
  ctx.errors = self->errors;
  ctx.n_errors = &self->n_errors;
  pl.have_required = check_required (&ctx);
  /* Without a required column, still read the rows to report their errors */
  writing = !dry_run && pl.have_required;

  if (writing)
    {
      if (!jd_db_begin_bulk (self->db, error))
        return FALSE;
      in_transaction = TRUE;
      if (!writer_init (&writer, self->db, error))
        {
          jd_db_rollback (self->db);
          return FALSE;
        }
    }

  if (progress != NULL)
    progress (0.0, user_data);

  pl.self = self;
  pl.pack = writing;
  pl.good_rows_only = good_rows_only;
  pl.cancellable = cancellable;
  pl.free_batches = g_async_queue_new_full ((GDestroyNotify) batch_free);
  pl.full_batches = g_async_queue_new_full ((GDestroyNotify) batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (pl.free_batches, batch_new ());

  thread = g_thread_new ("jd-csv-import", produce, &pl);

  for (;;)
    {
      Batch *batch = g_async_queue_pop (pl.full_batches);
      gboolean last = batch->last;

      if (local_error == NULL && g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        g_atomic_int_set (&pl.stop, 1);

      for (guint i = 0; local_error == NULL && i < batch->records->len; i++)
        {
          JdRecordInfo info;
          gint64 domain_id;

          batch_unpack (batch, i, &info, &domain_id);
          /* A failure here is the database's, not the row's: it ends the
           * import, rolled back. */
          if (!writer_add (&writer, &info, domain_id, &local_error))
            g_atomic_int_set (&pl.stop, 1);
          else
            self->n_imported++;
        }

      if (progress != NULL && !last)
        {
          double fraction = (double) batch->pos / (double) MAX (self->len, 1);

          if ((guint) (fraction * 100) != reported)
            {
              reported = (guint) (fraction * 100);
              progress (fraction, user_data);
            }
        }

      batch_reset (batch);
      g_async_queue_push (pl.free_batches, batch);
      if (last)
        break;
    }

  g_thread_join (thread);
  g_async_queue_unref (pl.free_batches);
  g_async_queue_unref (pl.full_batches);
  writer_clear (&writer);

  if (local_error == NULL && pl.error != NULL)
    local_error = g_steal_pointer (&pl.error);
  g_clear_error (&pl.error);

  if (local_error == NULL && !pl.have_required)
    g_set_error (&local_error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS,
                 /* Translators: %s is a file name */
                 _("%s lacks a required column: nothing was imported"), self->path);
  else if (local_error == NULL && self->n_rejected > 0 && !good_rows_only)
    g_set_error (&local_error, JD_CSV_IMPORT_ERROR, JD_CSV_IMPORT_ERROR_BAD_ROWS,
                 g_dngettext (GETTEXT_PACKAGE,
                              /* Translators: %s is a file name, %u a number of rows */
                              "%s has %u bad row: nothing was imported",
                              "%s has %u bad rows: nothing was imported",
                              self->n_rejected),
                 self->path, self->n_rejected);

  if (local_error != NULL)
    {
      if (in_transaction)
        jd_db_rollback (self->db);
      self->n_imported = 0;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (in_transaction && !jd_db_end_bulk (self->db, error))
    {
      self->n_imported = 0;
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

guint
jd_csv_import_get_n_rows (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), 0);
  return self->n_rows;
}

guint
jd_csv_import_get_n_good (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), 0);
  return self->n_good;
}

guint
jd_csv_import_get_n_imported (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), 0);
  return self->n_imported;
}

guint
jd_csv_import_get_n_rejected (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), 0);
  return self->n_rejected;
}

GPtrArray *
jd_csv_import_get_errors (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), NULL);
  return self->errors;
}

guint
jd_csv_import_get_n_errors (JdCsvImport *self)
{
  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), 0);
  return self->n_errors;
}

char *
jd_csv_import_format_error (JdCsvImport      *self,
                            const JdCsvError *error)
{
  const char *column;

  g_return_val_if_fail (JD_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  column = error->column != NULL && *error->column != '\0' ? error->column
           : error->field != JD_CSV_FIELD_NONE ? jd_csv_field_to_label (error->field)
           : NULL;

  if (column == NULL)
    /* Translators: file name, line number, message */
    return g_strdup_printf (_("%s:%u: %s"), self->path, error->line, error->message);

  /* Translators: file name, line number, column or field, message */
  return g_strdup_printf (_("%s:%u: %s: %s"), self->path, error->line, column, error->message);
}
