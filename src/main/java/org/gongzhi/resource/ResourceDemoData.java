package org.gongzhi.resource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.platform.demo.DemoContext;
import org.gongzhi.platform.demo.DemoDataContributor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.jboss.logging.Logger;

/**
 * Demo resource pool (order 300): services of the co-building units and NGOs, venues of the party-mass service
 * centres, volunteers' skills, dual-registration posts, red-culture sites, a street fund with spending, emergency
 * stock (one community below standard), allocations for open demo needs, the providers' track record rebuilt from
 * the rated demo needs, and co-building agreements in every state. Plain SQL, ids from {@link DemoContext}.
 */
@ApplicationScoped
class ResourceDemoData implements DemoDataContributor {

    private static final Logger LOG = Logger.getLogger(ResourceDemoData.class);
    private static final String WEEKDAYS = "12345";
    private static final String WEEKEND = "67";
    private static final String EVERY_DAY = "1234567";

    private final TimeSource time;
    private final BusinessCalendar calendar;

    ResourceDemoData(TimeSource time, BusinessCalendar calendar) {
        this.time = time;
        this.calendar = calendar;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void contribute(DemoContext ctx) {
        if (!ctx.has("street") || !ctx.has("community.1")) {
            LOG.info("Demo resources skipped: no demo street");
            return;
        }
        Writer w = new Writer(ctx.em(), time.now(), calendar);
        long street = ctx.id("street");
        long c1 = ctx.id("community.1");
        long c2 = ctx.id("community.2");
        long c3 = ctx.has("community.3") ? ctx.id("community.3") : c2;
        long tax = ctx.id("coBuildingUnit.1");
        long school = ctx.id("coBuildingUnit.2");
        long hospital = ctx.id("coBuildingUnit.3");
        long socialCentre = ctx.id("socialOrganization.1");
        long neighbours = ctx.id("socialOrganization.2");

        // services of NGOs and co-building units
        long meal = w.resource("SERVICE", "长者助餐（中心厨房配送）", "工作日午餐，60岁以上老人8元一餐，独居老人可送餐上门", "{ELDERLY_MEAL}",
                socialCentre, null, street, "UNITS", 60L, "赵站长", "13800001001", WEEKDAYS, "11:00", "13:00");
        long bath = w.resource("SERVICE", "上门助浴", "专业护理员两人一组上门助浴", "{ELDERLY_BATH}", socialCentre, null, street, "UNITS", 20L,
                "钱护士", "13800001002", WEEKDAYS, "09:00", "17:00");
        w.resource("SERVICE", "就业指导与技能培训", "简历指导、岗位推荐与技能培训", "{EMPLOYMENT}", socialCentre, null, street, "UNITS", 25L,
                null, null, "135", "09:00", "16:00");
        w.resource("SERVICE", "心理疏导热线", "社工一对一心理疏导", "{HEALTH,DISPUTE}", socialCentre, null, street, "UNITS", 30L,
                null, null, EVERY_DAY, "09:00", "21:00");
        long afterSchool = w.resource("SERVICE", "四点半课堂", "双职工家庭孩子放学后的作业辅导", "{CHILD_CARE}", neighbours, null, c1, "UNITS",
                30L, "孙老师", "13800001003", WEEKDAYS, "16:30", "18:30");
        w.resource("SERVICE", "家电义务维修", "每月第一个周六小家电义修", "{PROPERTY,OTHER}", neighbours, null, c1, "UNITS", 40L, null, null,
                WEEKEND, "09:00", "11:30");
        long legal = w.resource("SERVICE", "税务与法律咨询", "税务所党员每周二下午坐诊", "{LEGAL,DISPUTE}", tax, null, street, "UNITS", 40L,
                "李所长", "13800001004", "2", "14:00", "17:00");
        long clinic = w.resource("SERVICE", "社区义诊与慢病随访", "人民医院分院专家每月义诊", "{HEALTH,ELDERLY_MEDICAL}", hospital, null, c2,
                "UNITS", 50L, "周医生", "13800001005", "4", "08:30", "11:30");
        w.resource("SERVICE", "暑期托管班", "第一小学教师志愿托管", "{CHILD_CARE}", school, null, c1, "UNITS", 45L, null, null, WEEKDAYS,
                "08:00", "17:00");
        // venues: the party-mass service centres and the school playground
        long hall = 0;
        for (long c : List.of(c1, c2, c3)) {
            long v = w.resource("VENUE", "党群服务中心多功能厅", "可容纳80人，含投影与音响", "{OTHER,CHILD_CARE}", c, null, c, "SLOTS", null,
                    "值班室", "13800001010", EVERY_DAY, "08:30", "21:00");
            hall = hall == 0 ? v : hall;
        }
        long playground = w.resource("VENUE", "第一小学操场（周末开放）", "周末向居民开放", "{OTHER}", school, null, c1, "SLOTS", null, null, null,
                WEEKEND, "07:00", "18:00");
        // volunteers' skills (the first helper is the one who handled the rated demo needs)
        String[][] skills = {{"助浴理发", "ELDERLY_BATH"}, {"电脑与智能手机教学", "OTHER"}, {"中医推拿", "HEALTH"}, {"陪诊服务", "ELDERLY_MEDICAL"},
                {"家庭矛盾调解", "DISPUTE"}};
        List<Long> helpers = w.ids("""
                select distinct ms.member_id from membership ms where ms.tenant_id = :t and ms.role in ('PARTY_MEMBER', 'VOLUNTEER')
                  and ms.ended_on is null order by 1 limit 5
                """, street);
        for (int i = 0; i < helpers.size() && i < skills.length; i++) {
            Long community = w.one("select community_id from member where id = :t", helpers.get(i));
            w.resource("SKILL", skills[i][0], "志愿者技能，每月可服务若干次", "{" + skills[i][1] + "}", null, helpers.get(i),
                    community == null ? street : community, "UNITS", 8L, null, null, WEEKEND, "09:00", "17:00");
        }
        // dual-registration posts (双报到岗位) and red culture
        w.resource("POST", "楼道长", "在职党员认领：每月至少一次楼道走访", "{OTHER,SAFETY_HAZARD}", c1, null, c1, "UNITS", 12L, null, null, null, null, null);
        w.resource("POST", "政策宣传员", "在职党员认领：宣讲惠民政策", "{OTHER}", c2, null, c2, "UNITS", 6L, null, null, null, null, null);
        w.resource("POST", "文明劝导员", "周末文明劝导", "{ENVIRONMENT}", street, null, street, "UNITS", 20L, null, null, null, null, null);
        w.resource("CULTURE", "青石革命旧址陈列馆", "红色教育基地，可预约讲解", "{OTHER}", street, null, street, "SLOTS", null, "讲解员", "13800001020",
                "23456", "09:00", "16:30");
        w.resource("CULTURE", "老党员口述史：老兵讲述", "社区老党员口述史视频与讲座", "{OTHER}", c1, null, c1, "UNITS", 10L, null, null, null, null, null);
        // funds (资金公开)
        long fund = w.resource("FUND", "青石街道微实事资金", "2026年度居民议事确定的微实事项目资金", "{ENVIRONMENT,PROPERTY,SAFETY_HAZARD,OTHER}",
                street, null, street, "MONEY", 50_000_000L, "街道财务", "13800001030", null, null, null);
        w.resource("FUND", "桂花社区为民服务专项资金", "社区为民服务专项经费", "{OTHER,ELDERLY_MEAL,CHILD_CARE}", c1, null, c1, "MONEY", 20_000_000L,
                null, null, null, null, null);
        // emergency stock: the third community stays below the standard
        w.resource("EMERGENCY_SUPPLY", "防汛应急物资包", "雨衣、手电、沙袋", "{SAFETY_HAZARD}", c1, null, c1, "UNITS", 520L, null, null, null, null, null);
        w.resource("EMERGENCY_SUPPLY", "应急救护包", "急救包与常用药品", "{SAFETY_HAZARD,HEALTH}", c2, null, c2, "UNITS", 600L, null, null, null, null, null);
        w.resource("EMERGENCY_SUPPLY", "应急物资包", "基础应急物资", "{SAFETY_HAZARD}", c3, null, c3, "UNITS", 180L, null, null, null, null, null);

        // allocations for open demo needs
        w.allocateOpenNeed(meal, "ELDERLY_MEAL", 1, "RESERVED");
        w.allocateOpenNeed(bath, "ELDERLY_BATH", 1, "RESERVED");
        w.allocateOpenNeed(afterSchool, "CHILD_CARE", 1, "CONSUMED");
        w.allocateOpenNeed(legal, "LEGAL", 1, "RESERVED");
        w.allocateOpenNeed(clinic, "HEALTH", 1, "RESERVED");
        w.allocateOpenNeed(fund, "ENVIRONMENT", 1_200_000, "CONSUMED");
        w.allocateOpenNeed(fund, "SAFETY_HAZARD", 350_000, "RESERVED");
        w.allocateOpenNeed(fund, "PROPERTY", 2_800_000, "CONSUMED");
        LocalDate saturday = calendar.dayOf(w.now).plusDays(7).with(java.time.DayOfWeek.SATURDAY);
        w.slot(hall, "OTHER", saturday.minusDays(2), "14:00", "16:00");
        w.slot(playground, "OTHER", saturday, "09:00", "11:00");

        // providers' track record from the rated demo needs (what NeedRated maintains at run time)
        w.exec("""
                insert into resource_provider_rating (need_id, provider_type, provider_id, rating)
                select id, case when coalesce(claimer_member_id, assignee_member_id) is not null then 'M' else 'O' end,
                       coalesce(claimer_member_id, assignee_member_id, assignee_org_id), rating
                from need where tenant_id = :t and rating is not null and status in ('RATED', 'CLOSED')
                  and coalesce(claimer_member_id, assignee_member_id, assignee_org_id) is not null
                on conflict do nothing
                """, street);
        w.exec("""
                insert into resource_provider_record (provider_type, provider_id, rated_count, rating_sum, good_count)
                select r.provider_type, r.provider_id, count(*), sum(r.rating), count(*) filter (where r.rating >= 4)
                from resource_provider_rating r join need n on n.id = r.need_id where n.tenant_id = :t group by 1, 2
                on conflict (provider_type, provider_id) do update set rated_count = excluded.rated_count,
                    rating_sum = excluded.rating_sum, good_count = excluded.good_count
                """, street);

        // co-building agreements in every state
        long evaluated = w.agreement(street, tax, "2025年度街道—税务所共建协议", "EVALUATED", 92, "履约到位，税法进社区12场全部完成");
        w.item(evaluated, "PROJECT", "税法进社区宣讲", null, null, 12, 12, "场");
        w.item(evaluated, "RESOURCE", "税务与法律咨询", null, legal, 40, 0, "次");
        long performing = w.agreement(c1, school, "2026年度桂花社区—第一小学共建协议", "PERFORMING", null, null);
        w.item(performing, "RESOURCE", "第一小学操场（周末开放）", null, playground, 1, 0, "处");
        w.item(performing, "PROJECT", "青少年红色研学", null, null, 6, 2, "次");
        Long childNeed = w.one("select min(id) from need where tenant_id = :t and category = 'CHILD_CARE'", street);
        if (childNeed != null) {
            w.item(performing, "NEED", "四点半课堂报名", childNeed, null, 1, 0, null);
        }
        long signed = w.agreement(c2, hospital, "2026年度枫林社区—人民医院共建协议", "SIGNED", null, null);
        w.item(signed, "RESOURCE", "社区义诊与慢病随访", null, clinic, 50, 0, "人次");
        w.item(signed, "PROJECT", "家庭医生签约进小区", null, null, 4, 0, "次");
        long negotiating = w.agreement(c3, tax, "2027年度梧桐社区—税务所共建协议（商约中）", "NEGOTIATING", null, null);
        w.item(negotiating, "PROJECT", "个税申报辅导", null, null, 3, 0, "场");
        for (long a : List.of(evaluated, performing)) {
            w.exec("update resource set agreement_id = " + a + " where id in (select resource_id from co_building_agreement_item "
                    + "where agreement_id = :t and resource_id is not null)", a);
        }
        w.exec("update resource set agreement_id = " + signed + " where id = :t", clinic);
        LOG.infof("Demo resources: %d resources, 4 agreements", w.count);
    }

    /** Small SQL helpers over the demo transaction. */
    private static final class Writer {
        final EntityManager em;
        final Instant now;
        final BusinessCalendar calendar;
        int count;

        Writer(EntityManager em, Instant now, BusinessCalendar calendar) {
            this.em = em;
            this.now = now;
            this.calendar = calendar;
        }

        long resource(String kind, String name, String description, String categories, Long providerOrg, Long providerMember,
                long coverage, String model, Long capacity, String contactName, String phone, String days, String opens, String closes) {
            int mask = 127;
            if (days != null) {
                mask = 0;
                for (char d : days.toCharArray()) {
                    mask |= 1 << (d - '1');
                }
            }
            long id = ((Number) em.createNativeQuery("""
                    insert into resource (tenant_id, community_id, kind, name, description, categories, provider_org_id, provider_member_id,
                                          coverage_org_id, coverage_path, coverage_depth, capacity_model, capacity, remaining, open_weekdays,
                                          status, contact_name, contact_phone, created_at, updated_at)
                    select o.tenant_id, o.community_id, :kind, :name, :d, cast(:cats as text[]), cast(:po as bigint), cast(:pm as bigint),
                           o.id, o.path, o.depth, :model, cast(:cap as bigint), cast(:cap as bigint), :mask, 'ACTIVE',
                           cast(:cn as varchar), cast(:cp as varchar), :now, :now
                    from organization o where o.id = :cov returning id
                    """).setParameter("kind", kind).setParameter("name", name).setParameter("d", description).setParameter("cats", categories)
                    .setParameter("po", providerOrg).setParameter("pm", providerMember).setParameter("model", model).setParameter("cap", capacity)
                    .setParameter("mask", (short) mask).setParameter("cn", contactName).setParameter("cp", phone).setParameter("now", now)
                    .setParameter("cov", coverage).getSingleResult()).longValue();
            if (days != null) {
                for (char d : days.toCharArray()) {
                    em.createNativeQuery("insert into resource_window (resource_id, weekday, opens, closes) values (:r, :w, cast(:o as time), cast(:c as time))")
                            .setParameter("r", id).setParameter("w", (short) (d - '0')).setParameter("o", opens).setParameter("c", closes)
                            .executeUpdate();
                }
            }
            count++;
            return id;
        }

        /** An allocation of {@code quantity} for the oldest open demo need of the category covered by the resource. */
        void allocateOpenNeed(long resource, String category, long quantity, String status) {
            Long need = one("""
                    select min(n.id) from need n join resource r on r.id = :t
                    where n.tenant_id = r.tenant_id and n.category = '%s' and n.place_path like r.coverage_path || '%%'
                    """.formatted(category), resource);
            if (need == null) {
                return;
            }
            String model = (String) em.createNativeQuery("select capacity_model from resource where id = :r").setParameter("r", resource)
                    .getSingleResult();
            em.createNativeQuery("""
                    insert into resource_allocation (tenant_id, resource_id, need_id, units, amount_fen, status, note, created_at, updated_at)
                    select tenant_id, id, :n, cast(:u as bigint), cast(:a as bigint), :s, '示例分配', :now, :now from resource where id = :r
                    """).setParameter("n", need).setParameter("u", "UNITS".equals(model) ? quantity : null)
                    .setParameter("a", "MONEY".equals(model) ? quantity : null).setParameter("s", status).setParameter("now", now)
                    .setParameter("r", resource).executeUpdate();
            em.createNativeQuery("update resource set remaining = remaining - :q, open_allocations = open_allocations + :o where id = :r")
                    .setParameter("q", quantity).setParameter("o", "RESERVED".equals(status) ? 1 : 0).setParameter("r", resource).executeUpdate();
        }

        void slot(long venue, String category, LocalDate day, String from, String to) {
            Long need = one("select min(n.id) from need n join resource r on r.id = :t where n.tenant_id = r.tenant_id "
                    + "and n.place_path like r.coverage_path || '%'", venue);
            em.createNativeQuery("""
                    insert into resource_allocation (tenant_id, resource_id, need_id, purpose, slot, status, note, created_at, updated_at)
                    select tenant_id, id, cast(:n as bigint), case when cast(:n as bigint) is null then 'OTHER' else 'NEED' end,
                           tstzrange(cast(:s as timestamptz), cast(:e as timestamptz), '[)'), 'RESERVED', '示例场地预约', :now, :now
                    from resource where id = :r
                    """).setParameter("n", need).setParameter("s", calendar.at(day, LocalTime.parse(from)))
                    .setParameter("e", calendar.at(day, LocalTime.parse(to)))
                    .setParameter("now", now).setParameter("r", venue).executeUpdate();
            em.createNativeQuery("update resource set open_allocations = open_allocations + 1 where id = :r").setParameter("r", venue)
                    .executeUpdate();
        }

        long agreement(long party, long unit, String title, String status, Integer score, String notes) {
            boolean signed = !"NEGOTIATING".equals(status);
            boolean performing = "PERFORMING".equals(status) || "EVALUATED".equals(status);
            return ((Number) em.createNativeQuery("""
                    insert into co_building_agreement (tenant_id, community_id, party_org_id, party_path, unit_org_id, title, status,
                                                       starts_on, ends_on, signed_at, performing_at, evaluated_at, evaluation_score,
                                                       evaluation_notes, created_at, updated_at)
                    select o.tenant_id, o.community_id, o.id, o.path, :u, :title, :status, date '2026-01-01', date '2026-12-31',
                           case when :signed then cast(:now as timestamptz) end, case when :perf then cast(:now as timestamptz) end,
                           case when :status = 'EVALUATED' then cast(:now as timestamptz) end, cast(:score as smallint), cast(:notes as varchar), :now, :now
                    from organization o where o.id = :p returning id
                    """).setParameter("u", unit).setParameter("title", title).setParameter("status", status).setParameter("signed", signed)
                    .setParameter("perf", performing).setParameter("now", now).setParameter("score", score == null ? null : score.shortValue())
                    .setParameter("notes", notes).setParameter("p", party).getSingleResult()).longValue();
        }

        void item(long agreement, String list, String title, Long need, Long resource, long committed, long delivered, String unit) {
            em.createNativeQuery("""
                    insert into co_building_agreement_item (agreement_id, list_kind, title, need_id, resource_id, committed_quantity,
                                                            delivered_quantity, unit_label, created_at, updated_at)
                    values (:a, :l, :t, cast(:n as bigint), cast(:r as bigint), :c, :d, cast(:u as varchar), :now, :now)
                    """).setParameter("a", agreement).setParameter("l", list).setParameter("t", title).setParameter("n", need)
                    .setParameter("r", resource).setParameter("c", committed).setParameter("d", delivered).setParameter("u", unit)
                    .setParameter("now", now).executeUpdate();
        }

        List<Long> ids(String sql, long t) {
            @SuppressWarnings("unchecked")
            List<Number> rows = em.createNativeQuery(sql).setParameter("t", t).getResultList();
            return rows.stream().map(Number::longValue).toList();
        }

        Long one(String sql, long t) {
            List<?> rows = em.createNativeQuery(sql).setParameter("t", t).getResultList();
            return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
        }

        void exec(String sql, long t) {
            em.createNativeQuery(sql).setParameter("t", t).executeUpdate();
        }
    }
}
