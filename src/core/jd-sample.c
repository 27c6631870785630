/* jd-sample.c: a deterministic, fictitious sample district (示例区)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures follow the yearly reports of real district bureaus: 32
 * district departments and 24 streets and towns, about 1,400 certified
 * officers with some 100 new certificates and 160 cancellations a year, and
 * tens of thousands of records a year, mostly inspections, with penalties by
 * simple and general procedure. Everything comes from one GRand seeded by the
 * options, consumed in a fixed order, so the same options always write the
 * same database.
 */

#define G_LOG_DOMAIN "jd-sample"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-sample.h"

#define CHECK_EVERY 1000

typedef struct
{
  const char *code;
  const char *name;
} DomainSeed;

static const DomainSeed domain_seeds[] = {
  { "market_regulation",               "市场监管" },
  { "ecology_environment",             "生态环境" },
  { "culture_tourism",                 "文化旅游" },
  { "transport",                       "交通运输" },
  { "agriculture_rural",               "农业农村" },
  { "urban_management",                "城市管理" },
  { "emergency_safety",                "应急管理" },
  { "natural_resources_planning",      "规划和自然资源" },
  { "housing_construction",            "住房和建设" },
  { "health",                          "卫生健康" },
  { "human_resources_social_security", "劳动保障" },
  { "education",                       "教育" },
  { "public_security",                 "公安" },
  { "water",                           "水务" },
  { "forestry_grassland",              "林业草原" },
  { "statistics",                      "统计" },
  { "civil_affairs",                   "民政" },
  { "other",                           "其他" },
};

typedef struct
{
  const char *name;
  const char *abbreviation;   /* for decision numbers: 示市监罚〔2025〕12号 */
  const char *domain;
  double      weight;         /* share of the district's records */
  guint       officers;
  double      penalty_share;  /* of its records; 0: never penalises */
  double      simple_share;   /* of its penalties */
  double      licensing_share;
} AgencySeed;

/* 32 district departments */
static const AgencySeed department_seeds[] = {
  { "区市场监督管理局",       "示市监",   "market_regulation",               15.0, 190, 0.10, 0.35, 0.06 },
  { "区城市管理委员会",       "示城管",   "urban_management",                 9.0, 120, 0.16, 0.55, 0.03 },
  { "区生态环境局",           "示环",     "ecology_environment",              6.0,  70, 0.12, 0.10, 0.04 },
  { "区卫生健康委员会",       "示卫",     "health",                           5.0,  80, 0.10, 0.45, 0.08 },
  { "区应急管理局",           "示应急",   "emergency_safety",                 4.5,  55, 0.08, 0.20, 0.02 },
  { "区交通运输局",           "示交",     "transport",                        4.0,  60, 0.18, 0.60, 0.05 },
  { "区公安分局",             "示公",     "public_security",                  6.5, 150, 0.20, 0.70, 0.06 },
  { "区农业农村委员会",       "示农",     "agriculture_rural",                2.5,  45, 0.07, 0.30, 0.05 },
  { "区文化和旅游局",         "示文旅",   "culture_tourism",                  2.2,  35, 0.06, 0.35, 0.05 },
  { "区规划和自然资源局",     "示规资",   "natural_resources_planning",       1.8,  40, 0.08, 0.05, 0.10 },
  { "区住房和建设委员会",     "示建",     "housing_construction",             2.4,  45, 0.06, 0.10, 0.08 },
  { "区人力资源和社会保障局", "示人社",   "human_resources_social_security",  2.0,  35, 0.04, 0.20, 0.04 },
  { "区教育局",               "示教",     "education",                        1.2,  25, 0.02, 0.30, 0.10 },
  { "区水务局",               "示水",     "water",                            1.3,  30, 0.06, 0.25, 0.06 },
  { "区民政局",               "示民",     "civil_affairs",                    0.6,  16, 0.01, 0.50, 0.12 },
  { "区统计局",               "示统",     "statistics",                       0.4,  10, 0.03, 0.20, 0.00 },
  { "区商务局",               "示商",     "market_regulation",                0.7,  15, 0.02, 0.30, 0.15 },
  { "区发展和改革委员会",     "示发改",   "other",                            0.5,  14, 0.00, 0.00, 0.20 },
  { "区医疗保障局",           "示医保",   "health",                           0.9,  18, 0.04, 0.20, 0.03 },
  { "区退役军人事务局",       "示退役",   "other",                            0.2,   8, 0.00, 0.00, 0.10 },
  { "区司法局",               "示司",     "other",                            0.3,  12, 0.01, 0.50, 0.10 },
  { "区财政局",               "示财",     "other",                            0.3,  10, 0.01, 0.30, 0.05 },
  { "区林业局",               "示林",     "forestry_grassland",               0.5,  12, 0.04, 0.30, 0.08 },
  { "区体育局",               "示体",     "culture_tourism",                  0.3,   8, 0.01, 0.50, 0.10 },
  { "区气象局",               "示气",     "other",                            0.2,   6, 0.00, 0.00, 0.20 },
  { "区档案馆",               "示档",     "other",                            0.1,   5, 0.00, 0.00, 0.00 },
  { "区消防救援支队",         "示消",     "emergency_safety",                 2.6,  45, 0.09, 0.15, 0.06 },
  { "区审计局",               "示审",     "other",                            0.2,   8, 0.01, 0.00, 0.00 },
  { "区国防动员办公室",       "示人防",   "other",                            0.3,   9, 0.03, 0.20, 0.10 },
  { "区烟草专卖局",           "示烟",     "market_regulation",                0.8,  14, 0.12, 0.40, 0.20 },
  { "区粮食和物资储备局",     "示粮",     "market_regulation",                0.3,   8, 0.03, 0.20, 0.10 },
  { "区科学技术局",           "示科",     "other",                            0.2,   6, 0.00, 0.00, 0.05 },
};

/* The integrated team, set up in the middle of the period */
static const AgencySeed team_seed =
  { "区城市管理综合行政执法大队", "示综执", "urban_management",                3.0,  45, 0.22, 0.65, 0.00 };

G_STATIC_ASSERT (G_N_ELEMENTS (department_seeds) == 32);

/* 24 streets and towns */
static const char * const town_names[] = {
  "新华街道", "朝阳街道", "和平街道", "光明街道", "东湖街道", "西城街道",
  "南苑街道", "北塘街道", "青年路街道", "建设路街道", "文昌街道", "振兴街道",
  "河东街道", "滨江街道", "兴隆街道", "长安街道",
  "东坪镇", "柳河镇", "大兴庄镇", "石桥镇", "双河镇", "马坊镇", "杨村镇", "白塔镇",
};

G_STATIC_ASSERT (G_N_ELEMENTS (town_names) == 24);

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
  "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
  "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾",
};

static const char * const given_names[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "志强", "海燕",
  "建国", "丹", "鹏", "辉", "玲", "宁", "晨", "浩", "宇", "欣怡", "子涵", "思远", "雪",
  "立新", "振华", "晓东", "春梅", "国庆", "永刚", "建军", "淑珍", "海涛",
};

static const char * const firm_places[] = {
  "津华", "宏达", "鑫源", "恒泰", "瑞丰", "永盛", "金桥", "华信", "博远", "天成", "顺和",
  "聚福", "康宁", "盛世", "安泰", "新港", "德润", "佳美", "万通", "兴业",
};

static const char * const firm_trades[] = {
  "餐饮", "商贸", "建筑工程", "物流", "食品", "汽车维修", "装饰工程", "超市", "医药",
  "物业管理", "印刷", "化工", "五金", "网络科技", "文化传媒", "农业科技", "酒店管理", "服装",
};

static const char * const firm_forms[] = { "有限公司", "有限责任公司", "个体工商户", "经营部" };

/* Records by month, with the Spring Festival lull and spring and autumn
 * campaigns; in thousandths. */
static const guint month_weights[12] = { 58, 52, 88, 90, 91, 86, 80, 78, 92, 86, 110, 89 };

typedef struct
{
  gint64      id;
  char       *abbreviation;
  double      weight;
  double      penalty_share;
  double      simple_share;
  double      licensing_share;
  guint       n_officers;
  GArray     *pool;           /* officer indices, busy ones repeated */
  guint       decision_seq;
  int         established_year;   /* 0: before the period */
} Agency;

typedef struct
{
  guint   agency;
  guint32 issued;             /* Julian days */
  guint32 cancelled;          /* 0: never */
  guint   cancel_reason;
  guint32 suspended;          /* 0: never */
  gboolean stop_renewing;     /* expired but still marked valid */
  guint   exam_year;
  gint64  id;
} Officer;

typedef struct
{
  JdDb            *db;
  const JdSampleOptions *options;
  GCancellable    *cancellable;
  JdProgressFunc   progress;
  gpointer         user_data;

  GRand           *rand;
  int              first_year;
  guint32          first_day;       /* Julian day of the first record date */
  guint32          last_day;
  GPtrArray       *day_names;       /* "YYYY-MM-DD" for every day in range */
  guint32          day_base;        /* the Julian day of day_names[0] */
  GArray          *agencies;        /* Agency */
  GArray          *officers;        /* Officer */
  GPtrArray       *parties;
  gint64           district_id;

  guint64          total_records;
  guint64          records_done;
  guint            since_check;
  double           next_progress;
} Generator;

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static int
year_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

static const char *
day_name (Generator *gen,
          guint32    day)
{
  g_assert (day >= gen->day_base && day - gen->day_base < gen->day_names->len);
  return g_ptr_array_index (gen->day_names, day - gen->day_base);
}

static double
uniform (Generator *gen)
{
  return g_rand_double (gen->rand);
}

static int
range (Generator *gen,
       int        begin,
       int        end)
{
  return g_rand_int_range (gen->rand, begin, end);
}

static const char *
pick (Generator          *gen,
      const char * const *strings,
      guint               n)
{
  return strings[g_rand_int_range (gen->rand, 0, n)];
}

#define PICK(gen, array) pick (gen, array, G_N_ELEMENTS (array))

static gboolean
advance (Generator  *gen,
         GError    **error)
{
  gen->records_done++;

  if (++gen->since_check >= CHECK_EVERY)
    {
      gen->since_check = 0;
      if (g_cancellable_set_error_if_cancelled (gen->cancellable, error))
        return FALSE;
    }

  if (gen->progress != NULL && gen->records_done >= gen->next_progress)
    {
      gen->next_progress += gen->total_records / 100.0;
      gen->progress (MIN (0.99, (double) gen->records_done / gen->total_records), gen->user_data);
    }

  return TRUE;
}

/* Registry ------------------------------------------------------------------ */

static gboolean
write_registry (Generator  *gen,
                GError    **error)
{
  int middle_year = gen->first_year + (int) gen->options->years / 2;

  if (!jd_db_add_district (gen->db,
                           gen->options->district_code != NULL ? gen->options->district_code : "120199",
                           gen->options->district_name != NULL ? gen->options->district_name : "示例区",
                           JD_DISTRICT_LEVEL_DISTRICT, TRUE,
                           &gen->district_id, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (domain_seeds); i++)
    {
      if (!jd_db_add_domain (gen->db, domain_seeds[i].code, domain_seeds[i].name, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i <= G_N_ELEMENTS (department_seeds) + G_N_ELEMENTS (town_names); i++)
    {
      JdAgencyInfo info = { .district_id = gen->district_id, .active = TRUE };
      Agency agency = { 0 };

      if (i < G_N_ELEMENTS (department_seeds) || i == G_N_ELEMENTS (department_seeds) + G_N_ELEMENTS (town_names))
        {
          const AgencySeed *seed = i < G_N_ELEMENTS (department_seeds) ? &department_seeds[i] : &team_seed;

          info.name = seed->name;
          info.kind = seed == &team_seed ? JD_AGENCY_KIND_INTEGRATED_TEAM
                                         : JD_AGENCY_KIND_DISTRICT_DEPARTMENT;
          info.domain_id = jd_db_lookup_domain (gen->db, seed->domain);
          agency.abbreviation = g_strdup (seed->abbreviation);
          agency.weight = seed->weight;
          agency.n_officers = (guint) round (seed->officers * 0.85);
          agency.penalty_share = seed->penalty_share;
          agency.simple_share = seed->simple_share;
          agency.licensing_share = seed->licensing_share;

          if (seed == &team_seed && gen->options->years > 1)
            {
              info.established_year = middle_year;
              agency.established_year = middle_year;
            }
        }
      else
        {
          gboolean town = g_str_has_suffix (town_names[i - G_N_ELEMENTS (department_seeds)], "镇");

          info.name = town_names[i - G_N_ELEMENTS (department_seeds)];
          info.kind = JD_AGENCY_KIND_SUBDISTRICT_TOWN;
          info.domain_id = jd_db_lookup_domain (gen->db, "urban_management");
          /* 新华街道 → 示新华 */
          {
            const char *after_two = g_utf8_offset_to_pointer (info.name, 2);
            g_autofree char *head = g_strndup (info.name, after_two - info.name);

            agency.abbreviation = g_strconcat ("示", head, NULL);
          }
          /* Some streets are busy, a few barely active */
          agency.weight = 0.4 + 2.6 * uniform (gen) * uniform (gen) + (town ? 0.3 : 0.0);
          agency.n_officers = range (gen, 11, 21);
          agency.penalty_share = uniform (gen) < 0.15 ? 0.0 : 0.04 + 0.10 * uniform (gen);
          agency.simple_share = 0.4 + 0.4 * uniform (gen);
          agency.licensing_share = 0.01;
        }

      if (!jd_db_add_agency (gen->db, &info, &agency.id, error))
        return FALSE;

      agency.pool = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (gen->agencies, agency);
    }

  /* One more department, merged away early in the period */
  if (gen->options->years > 2)
    {
      JdAgencyInfo info = {
        .district_id = gen->district_id, .name = "区安全生产监督管理局",
        .kind = JD_AGENCY_KIND_DISTRICT_DEPARTMENT, .active = FALSE,
        .domain_id = jd_db_lookup_domain (gen->db, "emergency_safety"),
        .dissolved_year = gen->first_year,
      };

      if (!jd_db_add_agency (gen->db, &info, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static void
add_officer_plan (Generator *gen,
                  guint      agency,
                  guint32    issued)
{
  Officer officer = { .agency = agency, .issued = issued };
  int issue_year = year_of (issued);

  officer.exam_year = issue_year - (uniform (gen) < 0.7 ? 0 : 1);
  g_array_append_val (gen->officers, officer);
}

/* Staff at the start, then each year's cancellations (retirement,
 * transfer, reassignment) and newly certified officers. */
static void
plan_officers (Generator *gen)
{
  guint32 start = julian (gen->first_year, 1, 1);
  GArray *active = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint a = 0; a < gen->agencies->len; a++)
    {
      Agency *agency = &g_array_index (gen->agencies, Agency, a);

      for (guint k = 0; k < agency->n_officers; k++)
        add_officer_plan (gen, a, start - range (gen, 30, 8 * 365));
    }

  for (int year = gen->first_year; year <= gen->options->last_year; year++)
    {
      guint32 year_start = julian (year, 1, 1);
      guint n_active, n_cancel, n_new;

      g_array_set_size (active, 0);
      for (guint i = 0; i < gen->officers->len; i++)
        {
          Officer *o = &g_array_index (gen->officers, Officer, i);

          if (o->issued < year_start && o->cancelled == 0)
            g_array_append_val (active, i);
        }

      n_active = active->len;
      n_cancel = n_active * (95 + range (gen, 0, 30)) / 1000;
      n_new = n_active * (85 + range (gen, 0, 30)) / 1000;

      for (guint k = 0; k < n_cancel && active->len > 0; k++)
        {
          guint pos = range (gen, 0, active->len);
          Officer *o = &g_array_index (gen->officers, Officer, g_array_index (active, guint, pos));
          double why = uniform (gen);

          o->cancelled = year_start + range (gen, 0, 365);
          o->cancel_reason = why < 0.55 ? JD_CANCEL_REASON_RETIRED
                           : why < 0.85 ? JD_CANCEL_REASON_TRANSFERRED
                           : why < 0.98 ? JD_CANCEL_REASON_REASSIGNED
                                        : JD_CANCEL_REASON_REVOKED;
          g_array_remove_index_fast (active, pos);
        }

      for (guint k = 0; k < n_new; k++)
        {
          /* New officers join agencies roughly in proportion to their size */
          guint a = g_array_index (gen->officers, Officer,
                                   range (gen, 0, gen->officers->len)).agency;

          add_officer_plan (gen, a, year_start + range (gen, 20, 350));
        }
    }

  /* A few problems for the dashboards to find: certificates suspended in the
   * last year, and some left to expire while still marked valid. */
  {
    guint32 end = julian (gen->options->last_year, 12, 31);
    guint n_suspended = 0, n_expired = 0;

    for (guint tries = 0; tries < 200 && active->len > 0 && (n_suspended < 3 || n_expired < 4); tries++)
      {
        guint pos = range (gen, 0, active->len);
        Officer *o = &g_array_index (gen->officers, Officer, g_array_index (active, guint, pos));

        if (o->cancelled != 0)
          continue;

        if (n_suspended < 3)
          {
            o->suspended = julian (gen->options->last_year, range (gen, 3, 12), range (gen, 1, 28));
            n_suspended++;
          }
        else if (o->issued + 4 * 365 + 60 < end)
          {
            o->stop_renewing = TRUE;
            n_expired++;
          }
        else
          continue;

        g_array_remove_index_fast (active, pos);
      }
  }

  /* Busy officers appear often in their agency's pool, quiet ones once, and
   * some hold a certificate but never act (the reports' participation rates
   * stay around 90%) */
  for (guint i = 0; i < gen->officers->len; i++)
    {
      Officer *o = &g_array_index (gen->officers, Officer, i);
      Agency *agency = &g_array_index (gen->agencies, Agency, o->agency);
      double u = uniform (gen);
      guint copies = u < 0.07 ? 0 : u < 0.37 ? 1 : 12;

      for (guint c = 0; c < copies; c++)
        g_array_append_val (agency->pool, i);
    }

  /* Every agency has someone to act */
  for (guint i = 0; i < gen->officers->len; i++)
    {
      Agency *agency = &g_array_index (gen->agencies, Agency,
                                       g_array_index (gen->officers, Officer, i).agency);

      if (agency->pool->len == 0)
        g_array_append_val (agency->pool, i);
    }

  g_array_unref (active);
}

static gboolean
write_officers (Generator  *gen,
                GError    **error)
{
  guint32 end = julian (gen->options->last_year, 12, 31);
  char number[32];

  for (guint i = 0; i < gen->officers->len; i++)
    {
      Officer *o = &g_array_index (gen->officers, Officer, i);
      Agency *agency = &g_array_index (gen->agencies, Agency, o->agency);
      g_autofree char *name = NULL;
      JdOfficerInfo info = { 0 };
      guint32 expiry = o->issued + 4 * 365;

      name = g_strconcat (PICK (gen, surnames), PICK (gen, given_names), NULL);
      g_snprintf (number, sizeof number, "12019%04d%05u", year_of (o->issued), i + 1);

      info.agency_id = agency->id;
      info.name = name;
      info.certificate_no = number;
      info.issued_on = day_name (gen, o->issued);
      info.expires_on = day_name (gen, expiry);
      info.status = JD_CERT_STATUS_VALID;
      info.status_changed_on = info.issued_on;
      info.exam_year = o->exam_year;

      if (!jd_db_add_officer (gen->db, &info, &o->id, error) ||
          !jd_db_apply_certificate_event (gen->db, o->id, JD_CERT_EVENT_ISSUE, info.issued_on,
                                          info.expires_on, JD_CANCEL_REASON_NONE, error))
        return FALSE;

      /* Renewed a few weeks before each expiry, while in service */
      for (;;)
        {
          guint32 renewal = expiry - range (gen, 10, 60);

          if (renewal > end || (o->cancelled != 0 && renewal >= o->cancelled))
            break;
          /* Left to lapse while still marked valid */
          if (o->stop_renewing && expiry + 4 * 365 > end)
            break;

          expiry += 4 * 365;
          if (!jd_db_apply_certificate_event (gen->db, o->id, JD_CERT_EVENT_RENEW,
                                              day_name (gen, renewal), day_name (gen, expiry),
                                              JD_CANCEL_REASON_NONE, error))
            return FALSE;
        }

      if (o->suspended != 0 &&
          !jd_db_apply_certificate_event (gen->db, o->id, JD_CERT_EVENT_SUSPEND,
                                          day_name (gen, o->suspended), NULL,
                                          JD_CANCEL_REASON_NONE, error))
        return FALSE;

      if (o->cancelled != 0 &&
          !jd_db_apply_certificate_event (gen->db, o->id, JD_CERT_EVENT_CANCEL,
                                          day_name (gen, o->cancelled), NULL,
                                          o->cancel_reason, error))
        return FALSE;
    }

  return TRUE;
}

/* Records ------------------------------------------------------------------- */

static void
build_parties (Generator *gen)
{
  for (guint i = 0; i < 3000; i++)
    {
      if (i % 3 == 0)
        g_ptr_array_add (gen->parties, g_strconcat (PICK (gen, surnames), "某", NULL));
      else
        g_ptr_array_add (gen->parties,
                         g_strconcat ("示例区", PICK (gen, firm_places), PICK (gen, firm_trades),
                                      PICK (gen, firm_forms), NULL));
    }
}

static gboolean
officer_serves (const Officer *o,
                guint32        day)
{
  return o->issued <= day && (o->cancelled == 0 || o->cancelled > day) &&
         (o->suspended == 0 || o->suspended > day);
}

/* One or (usually) two officers of the agency who held a valid certificate
 * on DAY. */
static guint
pick_officers (Generator *gen,
               Agency    *agency,
               guint32    day,
               gint64     ids[2])
{
  guint n = 0;
  guint wanted = uniform (gen) < 0.97 ? 2 : 1;

  for (guint tries = 0; tries < 24 && n < wanted && agency->pool->len > 0; tries++)
    {
      guint index = g_array_index (agency->pool, guint, range (gen, 0, agency->pool->len));
      const Officer *o = &g_array_index (gen->officers, Officer, index);

      if (!officer_serves (o, day) || (n == 1 && ids[0] == o->id))
        continue;
      ids[n++] = o->id;
    }

  return n;
}

static gint64
fine_for (Generator   *gen,
          JdProcedure  procedure)
{
  if (procedure == JD_PROCEDURE_SIMPLE)
    /* On the spot: up to 200 yuan for people, 3,000 for firms */
    return (gint64) (uniform (gen) < 0.8 ? 50 * range (gen, 1, 5) : 100 * range (gen, 2, 31)) * 100;

  /* General procedure: 1,000 to 200,000 yuan, heavy-tailed, in hundreds */
  {
    double yuan = 1000.0 * exp (2.2 * uniform (gen) * uniform (gen) + 1.6 * uniform (gen) * uniform (gen) * uniform (gen));
    return (gint64) MIN (200000.0, round (yuan / 100.0) * 100.0) * 100;
  }
}

static gboolean
write_record (Generator  *gen,
              Agency     *agency,
              guint32     day,
              GError    **error)
{
  JdRecordInfo info = { 0 };
  gint64 officers[2];
  char decision[64];
  double what = uniform (gen);
  guint32 closed = day;

  info.agency_id = agency->id;
  info.opened_on = day_name (gen, day);
  info.officer_ids = officers;
  info.n_officers = pick_officers (gen, agency, day, officers);
  info.publicized = uniform (gen) < 0.97;
  info.recorded = uniform (gen) < 0.95;

  if (what < agency->penalty_share)
    {
      double lenient = uniform (gen);
      double type = uniform (gen);

      info.category = JD_CATEGORY_PENALTY;
      info.procedure = uniform (gen) < agency->simple_share ? JD_PROCEDURE_SIMPLE
                                                            : JD_PROCEDURE_GENERAL;
      info.party = g_ptr_array_index (gen->parties, range (gen, 0, gen->parties->len));

      if (info.procedure == JD_PROCEDURE_SIMPLE)
        info.penalty_type = type < 0.3 ? JD_PENALTY_TYPE_WARNING : JD_PENALTY_TYPE_FINE;
      else
        info.penalty_type = type < 0.06 ? JD_PENALTY_TYPE_WARNING
                          : type < 0.80 ? JD_PENALTY_TYPE_FINE
                          : type < 0.90 ? JD_PENALTY_TYPE_CONFISCATION
                          : type < 0.94 ? JD_PENALTY_TYPE_LICENCE_SUSPENDED
                          : type < 0.97 ? JD_PENALTY_TYPE_SUSPENSION_ORDER
                          : type < 0.99 ? JD_PENALTY_TYPE_LICENCE_REVOKED
                                        : JD_PENALTY_TYPE_OTHER;

      if (info.penalty_type != JD_PENALTY_TYPE_WARNING)
        info.fine_fen = fine_for (gen, info.procedure);
      if (info.penalty_type == JD_PENALTY_TYPE_CONFISCATION)
        info.confiscation_fen = (gint64) range (gen, 5, 500) * 10000;

      info.leniency = lenient < 0.02 ? JD_LENIENCY_NOT_PENALISED
                    : lenient < 0.04 ? JD_LENIENCY_FIRST_OFFENCE
                    : lenient < 0.07 ? JD_LENIENCY_LIGHTER
                    : lenient < 0.08 ? JD_LENIENCY_MITIGATED
                                     : JD_LENIENCY_NONE;
      if (info.leniency == JD_LENIENCY_NOT_PENALISED || info.leniency == JD_LENIENCY_FIRST_OFFENCE)
        {
          info.penalty_type = JD_PENALTY_TYPE_NONE;
          info.fine_fen = 0;
          info.confiscation_fen = 0;
        }

      if (info.procedure == JD_PROCEDURE_GENERAL)
        {
          closed = day + range (gen, 10, 75);
          info.legal_review_required = info.fine_fen >= 1000000 ||
                                       info.penalty_type >= JD_PENALTY_TYPE_LICENCE_SUSPENDED;
          info.legal_review_done = info.legal_review_required && uniform (gen) < 0.98;
          info.referred = uniform (gen) < 0.004;
        }

      /* Decisions not to penalise are documents too (不予行政处罚决定书) */
      if (closed <= gen->last_day)
        {
          g_snprintf (decision, sizeof decision, "%s%s〔%d〕%u号", agency->abbreviation,
                      info.penalty_type == JD_PENALTY_TYPE_NONE ? "不罚" : "罚",
                      year_of (closed), ++agency->decision_seq);
          info.decision_no = decision;
        }
    }
  else if (what < agency->penalty_share + agency->licensing_share)
    {
      info.category = JD_CATEGORY_LICENSING;
      info.party = g_ptr_array_index (gen->parties, range (gen, 0, gen->parties->len));
      closed = day + range (gen, 1, 20);
    }
  else if (what < agency->penalty_share + agency->licensing_share + 0.012)
    {
      info.category = uniform (gen) < 0.7 ? JD_CATEGORY_COERCIVE_MEASURE
                                          : JD_CATEGORY_COERCIVE_EXECUTION;
      info.party = g_ptr_array_index (gen->parties, range (gen, 0, gen->parties->len));
      closed = day + range (gen, 1, 30);
    }
  else if (what < agency->penalty_share + agency->licensing_share + 0.025)
    {
      static const JdActionCategory others[] = {
        JD_CATEGORY_CONFIRMATION, JD_CATEGORY_LEVY, JD_CATEGORY_BENEFIT_PAYMENT,
        JD_CATEGORY_REWARD, JD_CATEGORY_ADJUDICATION, JD_CATEGORY_FEE_COLLECTION,
        JD_CATEGORY_OTHER,
      };

      info.category = others[range (gen, 0, G_N_ELEMENTS (others))];
      closed = day + range (gen, 1, 30);
    }
  else
    {
      info.category = JD_CATEGORY_INSPECTION;
      closed = day + (uniform (gen) < 0.8 ? 0 : range (gen, 1, 4));
    }

  /* Cases still open at the end of the period have no closing date */
  if (closed <= gen->last_day)
    info.closed_on = day_name (gen, closed);

  if (!jd_db_add_record (gen->db, &info, NULL, error))
    return FALSE;

  return advance (gen, error);
}

static guint
records_in_year (Generator *gen,
                 int        year)
{
  /* Growth of about 8% a year towards the last year */
  return (guint) round (gen->options->records_per_year *
                        pow (1.08, (double) (year - gen->options->last_year)));
}

static gboolean
write_records (Generator  *gen,
               GError    **error)
{
  double total_weight = 0.0;

  for (guint a = 0; a < gen->agencies->len; a++)
    total_weight += g_array_index (gen->agencies, Agency, a).weight;

  for (int year = gen->first_year; year <= gen->options->last_year; year++)
    {
      guint n_year = records_in_year (gen, year);
      /* Each agency's activity drifts from year to year */
      for (guint a = 0; a < gen->agencies->len; a++)
        {
          Agency *agency = &g_array_index (gen->agencies, Agency, a);
          double drift = 0.85 + 0.3 * uniform (gen);
          guint n_agency = (guint) round (n_year * agency->weight / total_weight * drift);
          if (year < agency->established_year)
            continue;

          for (guint month = 0; month < 12; month++)
            {
              guint n_month = (guint) round (n_agency * month_weights[month] / 1000.0);
              guint32 month_start = julian (year, month + 1, 1);
              guint days = g_date_get_days_in_month (month + 1, year);

              for (guint k = 0; k < n_month; k++)
                {
                  if (!write_record (gen, agency, month_start + range (gen, 0, days), error))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

static gboolean
write_supervision_figures (Generator  *gen,
                           GError    **error)
{
  for (int year = gen->first_year; year <= gen->options->last_year; year++)
    {
      for (guint a = 0; a < gen->agencies->len; a++)
        {
          Agency *agency = &g_array_index (gen->agencies, Agency, a);
          JdSupervisionFigures figures = { .agency_id = agency->id, .year = year };

          if (year < agency->established_year)
            continue;

          /* Most agencies have none in a year; every agency reports a row */
          if (agency->penalty_share > 0.0 && uniform (gen) < 0.4)
            {
              figures.reconsiderations = range (gen, 1, 2 + (int) (agency->weight));
              figures.reconsiderations_corrected = uniform (gen) < 0.2 ? 1 : 0;
              figures.lawsuits_concluded = range (gen, 0, 2 + (int) (agency->weight / 3));
              figures.lawsuits_lost = figures.lawsuits_concluded > 0 && uniform (gen) < 0.1 ? 1 : 0;
              figures.hearings = figures.lawsuits_concluded;
              figures.head_appearances = figures.hearings > 0 ? range (gen, 0, figures.hearings + 1) : 0;
            }

          if (!jd_db_set_supervision_figures (gen->db, &figures, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Public API ---------------------------------------------------------------- */

void
jd_sample_options_init (JdSampleOptions *options)
{
  g_return_if_fail (options != NULL);

  options->records_per_year = 60000;
  options->years = 5;
  options->last_year = 2025;
  options->seed = 20250101;
  options->district_code = NULL;
  options->district_name = NULL;
}

static gboolean
check_options (const JdSampleOptions  *options,
               GError                **error)
{
  if (options->years < 1 || options->years > 30)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The sample district needs between 1 and 30 years, not %u"), options->years);
      return FALSE;
    }
  if (options->records_per_year < 1 || options->records_per_year > 10000000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The sample district needs between 1 and 10,000,000 records a year, not %u"),
                   options->records_per_year);
      return FALSE;
    }
  if (options->last_year < 1990 || options->last_year > 2999)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The last year of the sample district must lie between 1990 and 2999, not %d"),
                   options->last_year);
      return FALSE;
    }

  return TRUE;
}

static void
generator_clear (Generator *gen)
{
  if (gen->agencies != NULL)
    {
      for (guint a = 0; a < gen->agencies->len; a++)
        {
          g_array_unref (g_array_index (gen->agencies, Agency, a).pool);
          g_free (g_array_index (gen->agencies, Agency, a).abbreviation);
        }
    }
  g_clear_pointer (&gen->agencies, g_array_unref);
  g_clear_pointer (&gen->officers, g_array_unref);
  g_clear_pointer (&gen->parties, g_ptr_array_unref);
  g_clear_pointer (&gen->day_names, g_ptr_array_unref);
  g_clear_pointer (&gen->rand, g_rand_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Generator, generator_clear)

gboolean
jd_sample_generate (JdDb                  *db,
                    const JdSampleOptions *options,
                    GCancellable          *cancellable,
                    JdProgressFunc         progress,
                    gpointer               user_data,
                    GError               **error)
{
  g_auto(Generator) gen = { 0 };

  g_return_val_if_fail (JD_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;

  if (!jd_db_is_empty (db) || jd_db_get_local_district (db) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY,
                   _("The database already holds data: the sample district can only be "
                     "written into an empty database"));
      return FALSE;
    }

  gen.db = db;
  gen.options = options;
  gen.cancellable = cancellable;
  gen.progress = progress;
  gen.user_data = user_data;
  gen.rand = g_rand_new_with_seed (options->seed);
  gen.first_year = options->last_year - (int) options->years + 1;
  gen.first_day = julian (gen.first_year, 1, 1);
  gen.last_day = julian (options->last_year, 12, 31);
  gen.agencies = g_array_new (FALSE, TRUE, sizeof (Agency));
  gen.officers = g_array_new (FALSE, TRUE, sizeof (Officer));
  gen.parties = g_ptr_array_new_with_free_func (g_free);
  gen.day_names = g_ptr_array_new_with_free_func (g_free);

  /* Certificates go back up to eight years before the first record, and
   * renewals four years past the last */
  gen.day_base = julian (gen.first_year - 9, 1, 1);
  for (guint32 day = gen.day_base; day <= gen.last_day + 6 * 365; day++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      g_ptr_array_add (gen.day_names,
                       g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                        g_date_get_month (&date), g_date_get_day (&date)));
    }

  for (int year = gen.first_year; year <= options->last_year; year++)
    gen.total_records += records_in_year (&gen, year);
  gen.next_progress = 0;

  if (!jd_db_begin_bulk (db, error))
    return FALSE;

  if (!write_registry (&gen, error))
    goto failed;

  plan_officers (&gen);
  build_parties (&gen);

  if (!write_officers (&gen, error) ||
      !write_records (&gen, error) ||
      !write_supervision_figures (&gen, error))
    goto failed;

  if (!jd_db_end_bulk (db, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;

failed:
  jd_db_rollback (db);
  return FALSE;
}
