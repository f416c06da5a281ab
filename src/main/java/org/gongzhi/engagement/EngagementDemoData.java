package org.gongzhi.engagement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.platform.demo.DemoContext;
import org.gongzhi.platform.demo.DemoDataContributor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.jboss.logging.Logger;

/**
 * Demo engagement (order 500): a month of activities per community with sign-ups, a waitlist and check-ins; the
 * ledger history they posted (and points for rated needs); rewards with a redemption; dual registrations with
 * services and deliberate compliance gaps; visits of responsibility households; a few leaderboard opt-outs.
 * Set-based SQL, so the whole demo street still loads in seconds; posting keys are those the services use.
 */
@ApplicationScoped
class EngagementDemoData implements DemoDataContributor {

    private static final Logger LOG = Logger.getLogger(EngagementDemoData.class);
    private static final String[][] ACTIVITIES = {
            {"PARTY_DAY", "PARTY_MEMBERS", "主题党日：重温入党誓词", "党群服务中心"},
            {"VOLUNTEER_SERVICE", "RESIDENTS", "清洁家园志愿服务", "社区广场"},
            {"RED_CULTURE", "RESIDENTS", "红色故事分享会：老兵讲党史", "社区文化活动室"},
            {"JOINT_MEETING", "PARTY_MEMBERS", "三方联席会议：电梯加装", "社区会议室"},
            {"VOLUNTEER_SERVICE", "VOLUNTEERS", "敬老院陪伴志愿服务", "街道敬老院"},
            {"PARTY_DAY", "PARTY_MEMBERS", "在职党员季度集体服务日", "社区广场"}};

    private final TimeSource time;
    private final EngagementConfig config;
    private final BusinessCalendar calendar;

    EngagementDemoData(TimeSource time, EngagementConfig config, BusinessCalendar calendar) {
        this.time = time;
        this.config = config;
        this.calendar = calendar;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void contribute(DemoContext ctx) {
        if (!ctx.has("street")) {
            LOG.info("Demo engagement skipped: no demo street");
            return;
        }
        EntityManager em = ctx.em();
        long street = ctx.id("street");
        Instant now = time.now();
        activities(em, street, ctx.list("communities"), now);
        ledger(em, street, now);
        rewards(em, street, ctx, now);
        dualRegistration(em, street, now);
        visits(em, street, now);
        em.createNativeQuery("update member set leaderboard_opt_out = true where tenant_id = :t and id % 7 = 3 and id in ("
                + "select member_id from membership where role = 'VOLUNTEER')").setParameter("t", street).executeUpdate();
    }

    private void activities(EntityManager em, long street, List<Long> communities, Instant now) {
        for (long community : communities) {
            String path = (String) em.createNativeQuery("select path from organization where id = :id").setParameter("id", community)
                    .getSingleResult();
            // six past activities over the last month, two upcoming (one of them small, to show a waitlist)
            for (int i = 0; i < 8; i++) {
                String[] a = ACTIVITIES[i % ACTIVITIES.length];
                Instant starts = i < 6 ? now.minus(Duration.ofDays(28 - i * 5L)).minus(Duration.ofHours(2))
                        : now.plus(Duration.ofDays(i - 4L));
                int capacity = i == 7 ? 3 : 30;
                int minutes = a[0].equals("VOLUNTEER_SERVICE") || i == 5 ? 120 : 0;
                em.createNativeQuery("""
                        insert into activity (tenant_id, organizer_org_id, organizer_path, kind, title, description, place, starts_at, ends_at,
                                              capacity, audience, audience_org_id, audience_path, check_in_code, points, service_minutes,
                                              collective_service, created_at)
                        values (:t, :c, :p, :kind, :title, :d, :place, :s, :e, :cap, :aud, :c, :p, :code, :pts, :min, :coll, :created)
                        """).setParameter("t", street).setParameter("c", community).setParameter("p", path).setParameter("kind", a[0])
                        .setParameter("title", a[2]).setParameter("d", a[2] + "，欢迎报名参加").setParameter("place", a[3])
                        .setParameter("s", starts).setParameter("e", starts.plus(Duration.ofHours(2))).setParameter("cap", capacity)
                        .setParameter("aud", a[1]).setParameter("code", String.format("%06d", (community * 7919 + i * 104729) % 1_000_000))
                        .setParameter("pts", config.pointsCheckIn()).setParameter("min", minutes).setParameter("coll", i == 5)
                        .setParameter("created", starts.minus(Duration.ofDays(7))).executeUpdate();
            }
        }
        // sign-ups: eligible members of the community, first come first served, the rest waitlisted
        em.createNativeQuery("""
                insert into activity_signup (tenant_id, activity_id, member_id, status, signed_up_at, queued_at, confirmed_at)
                select x.tenant_id, x.aid, x.mid, case when x.n <= x.capacity then 'CONFIRMED' else 'WAITLISTED' end,
                       x.signed, x.signed, case when x.n <= x.capacity then x.signed end
                from (
                    select a.tenant_id, a.id as aid, m.id as mid, a.capacity, a.created_at + (m.id % 48) * interval '1 hour' as signed,
                           row_number() over (partition by a.id order by m.id % 48, m.id) as n
                    from activity a join member m on m.tenant_id = a.tenant_id and m.community_id = a.audience_org_id
                    where a.tenant_id = :t and (
                          (a.audience = 'PARTY_MEMBERS' and exists (select 1 from party_profile pp where pp.member_id = m.id))
                       or (a.audience = 'VOLUNTEERS' and exists (select 1 from membership ms where ms.member_id = m.id and ms.role = 'VOLUNTEER'))
                       or (a.audience = 'RESIDENTS' and (m.id + a.id) % 5 = 0))
                ) x where x.n <= x.capacity + 2
                """).setParameter("t", street).executeUpdate();
        em.createNativeQuery("""
                update activity a set confirmed_count = (select count(*) from activity_signup s where s.activity_id = a.id and s.status = 'CONFIRMED')
                where a.tenant_id = :t
                """).setParameter("t", street).executeUpdate();
        // three in four confirmed members of past activities checked in with the code
        em.createNativeQuery("""
                update activity_signup s set checked_in_at = a.starts_at + interval '10 minutes', check_in_method = 'CODE'
                from activity a where a.id = s.activity_id and a.tenant_id = :t and a.ends_at < :now and s.status = 'CONFIRMED'
                  and (s.member_id + s.activity_id) % 4 <> 0
                """).setParameter("t", street).setParameter("now", now).executeUpdate();
    }

    /** The postings the services would have made: check-ins, rated needs. */
    private void ledger(EntityManager em, long street, Instant now) {
        String checkIns = """
                select a.tenant_id, u.unit, 'ACTIVITY_CHECK_IN' as kind, 'checkin:' || a.id || ':' || s.member_id || ':' || u.unit as key,
                       case u.unit when 'POINTS' then a.points else a.service_minutes end as amount, s.checked_in_at as at,
                       s.member_id, a.title as memo
                from activity_signup s join activity a on a.id = s.activity_id cross join (values ('POINTS'), ('MINUTES')) u(unit)
                where a.tenant_id = %d and s.checked_in_at is not null
                """.formatted(street);
        String needs = """
                select n.tenant_id, 'POINTS' as unit, 'NEED_RATED' as kind, 'need:' || n.id || ':POINTS' as key,
                       case when n.kind = 'MICRO_WISH' then %d else %d end as amount, n.rated_at as at,
                       coalesce(n.claimer_member_id, n.assignee_member_id) as member_id, '服务群众: ' || n.title as memo
                from need n where n.tenant_id = %d and n.rated_at is not null and n.rating >= 3
                  and coalesce(n.claimer_member_id, n.assignee_member_id) in (
                      select member_id from membership where role in ('PARTY_MEMBER', 'VOLUNTEER') union select member_id from party_profile)
                """.formatted(config.pointsMicroWish(), config.pointsNeed(), street);
        post(em, street, checkIns, now);
        post(em, street, needs, now);
    }

    /** Writes transfers from a source query (tenant_id, unit, kind, key, amount, at, member_id, memo); the triggers write the legs. */
    static void post(EntityManager em, long street, String source, Instant now) {
        em.createNativeQuery("""
                insert into ledger_account (tenant_id, kind, unit, created_at)
                select :t, k, u, :now from (values ('ISSUANCE'), ('REDEMPTION')) k(k), (values ('POINTS'), ('MINUTES')) u(u)
                on conflict do nothing
                """).setParameter("t", street).setParameter("now", now).executeUpdate();
        em.createNativeQuery("insert into ledger_account (tenant_id, kind, unit, member_id, created_at) select distinct x.tenant_id, 'MEMBER',"
                + " x.unit, x.member_id, cast(:now as timestamptz) from (" + source + ") x where x.amount > 0 on conflict do nothing")
                .setParameter("now", now).executeUpdate();
        em.createNativeQuery("""
                insert into ledger_transfer (tenant_id, unit, kind, posting_key, amount, from_account_id, to_account_id, member_id, memo, at,
                                             actor_subject)
                select x.tenant_id, x.unit, x.kind, x.key, x.amount, s.id, a.id, x.member_id, x.memo, x.at, 'demo'
                from (%s) x
                join ledger_account s on s.tenant_id = x.tenant_id and s.kind = 'ISSUANCE' and s.unit = x.unit and s.member_id is null
                join ledger_account a on a.member_id = x.member_id and a.unit = x.unit
                where x.amount > 0 order by x.at on conflict do nothing
                """.formatted(source)).executeUpdate();
    }

    private void rewards(EntityManager em, long street, DemoContext ctx, Instant now) {
        String streetPath = (String) em.createNativeQuery("select path from organization where id = :id").setParameter("id", street)
                .getSingleResult();
        String[][] catalogue = {{"ITEM", "环保购物袋", "5", "200"}, {"ITEM", "洗衣液一瓶", "30", "50"}, {"SERVICE", "免费理发一次", "20", "30"},
                {"SERVICE", "家电清洗一次", "80", "10"}, {"ITEM", "红色经典图书", "40", "0"}};
        for (String[] r : catalogue) {
            em.createNativeQuery("""
                    insert into reward (tenant_id, owner_org_id, owner_path, kind, name, description, price_points, stock, created_at)
                    values (:t, :t, :p, :k, :n, :n, :price, :stock, :now)
                    """).setParameter("t", street).setParameter("p", streetPath).setParameter("k", r[0]).setParameter("n", r[1])
                    .setParameter("price", Integer.parseInt(r[2])).setParameter("stock", Integer.parseInt(r[3]))
                    .setParameter("now", now.minus(Duration.ofDays(40))).executeUpdate();
        }
        // the demo party member (and the other top earners) redeemed a shopping bag
        em.createNativeQuery("""
                insert into ledger_transfer (tenant_id, unit, kind, posting_key, amount, from_account_id, to_account_id, member_id, memo, at,
                                             actor_subject)
                select :t, 'POINTS', 'REDEMPTION', 'redemption:demo-' || a.member_id || ':POINTS', 5, a.id, s.id, a.member_id, '兑换 环保购物袋 ×1',
                       :at, 'demo'
                from ledger_account a join ledger_account s on s.tenant_id = :t and s.kind = 'REDEMPTION' and s.unit = 'POINTS'
                where a.tenant_id = :t and a.kind = 'MEMBER' and a.unit = 'POINTS' and a.balance >= 30
                order by a.member_id limit 50
                """).setParameter("t", street).setParameter("at", now.minus(Duration.ofDays(2))).executeUpdate();
        em.createNativeQuery("""
                insert into reward_redemption (tenant_id, reward_id, member_id, quantity, points, transfer_id, at)
                select t.tenant_id, r.id, t.member_id, 1, 5, t.id, t.at from ledger_transfer t
                join reward r on r.tenant_id = t.tenant_id and r.name = '环保购物袋'
                where t.tenant_id = :t and t.kind = 'REDEMPTION'
                """).setParameter("t", street).executeUpdate();
        em.createNativeQuery("""
                update reward r set stock = stock - (select count(*) from reward_redemption x where x.reward_id = r.id)
                where r.tenant_id = :t
                """).setParameter("t", street).executeUpdate();
    }

    /** In-service members registered at their community 100 days ago; services with deliberate gaps. */
    private void dualRegistration(EntityManager em, long street, Instant now) {
        LocalDate today = calendar.dayOf(now);
        YearMonth thisMonth = YearMonth.from(today);
        em.createNativeQuery("""
                insert into dual_registration (tenant_id, member_id, community_id, community_path, home_branch_id, home_branch_path,
                                               registered_on, created_at)
                select m.tenant_id, pp.member_id, c.id, c.path, hb.id, hb.path, :d, :now
                from party_profile pp join member m on m.id = pp.member_id join organization c on c.id = pp.registered_community_id
                left join organization hb on hb.id = pp.home_branch_id
                where m.tenant_id = :t and pp.in_service
                """).setParameter("d", today.minusDays(100)).setParameter("now", now).setParameter("t", street).executeUpdate();
        // last month: two in three served (one in four of them at the collective service); this month: half so far
        for (int back = 1; back >= 0; back--) {
            YearMonth ym = thisMonth.minusMonths(back);
            LocalDate day = back == 0 ? ym.atDay(Math.min(today.getDayOfMonth(), 3)) : ym.atDay(12);
            em.createNativeQuery("""
                    insert into dual_service (tenant_id, registration_id, member_id, served_on, minutes, collective, note, created_at)
                    select r.tenant_id, r.id, r.member_id, :day, 120, r.id % 4 = 1, case when r.id % 4 = 1 then '季度集体服务：社区环境整治'
                           else '认领岗位服务：楼道文明督导' end, :now
                    from dual_registration r where r.tenant_id = :t and r.id % :mod <> 0
                    """).setParameter("day", day).setParameter("now", now).setParameter("t", street).setParameter("mod", back == 1 ? 3 : 2)
                    .executeUpdate();
        }
        // posted at 18:00 of the service day in the business zone (a zone id is letters, digits and / _ + -)
        post(em, street, """
                select s.tenant_id, u.unit, 'DUAL_SERVICE' as kind, 'dual-service:' || s.id || ':' || u.unit as key,
                       case u.unit when 'POINTS' then %d else s.minutes end as amount,
                       (s.served_on + time '18:00') at time zone '%s' as at, s.member_id, '双报到服务 ' || s.served_on as memo
                from dual_service s cross join (values ('POINTS'), ('MINUTES')) u(unit) where s.tenant_id = %d
                """.formatted(config.pointsDualService(), calendar.zone().getId(), street), now);
    }

    /** 敲门行动: three in five links visited last month, two in five so far this month. */
    private void visits(EntityManager em, long street, Instant now) {
        LocalDate today = calendar.dayOf(now);
        YearMonth last = YearMonth.from(today).minusMonths(1);
        em.createNativeQuery("""
                insert into household_visit (tenant_id, party_member_id, household_id, grid_id, community_id, visited_on, note, created_at)
                select h.tenant_id, rl.party_member_id, h.id, h.grid_id, h.community_id,
                       cast(:last as date) + cast(rl.id % 20 as int), '入户走访，了解近况', cast(:now as timestamptz)
                from responsibility_link rl join household h on h.id = rl.household_id
                where h.tenant_id = :t and rl.id % 5 < 3
                union all
                select h.tenant_id, rl.party_member_id, h.id, h.grid_id, h.community_id, cast(:first as date), '敲门问需，老人身体安好',
                       cast(:now as timestamptz)
                from responsibility_link rl join household h on h.id = rl.household_id
                where h.tenant_id = :t and rl.id % 5 in (1, 3)
                """).setParameter("last", last.atDay(1)).setParameter("first", YearMonth.from(today).atDay(1))
                .setParameter("now", now).setParameter("t", street).executeUpdate();
    }
}
