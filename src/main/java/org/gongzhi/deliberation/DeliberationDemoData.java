package org.gongzhi.deliberation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.platform.demo.DemoContext;
import org.gongzhi.platform.persistence.Rows;
import org.gongzhi.platform.demo.DemoDataContributor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.jboss.logging.Logger;

/**
 * Demo deliberations (order 400) in the demo resident's community: every stage, a joint meeting of the three
 * parties, a 四议两公开 in progress and a finished one with both publicities, a passed resolution being
 * implemented with tasks (one overdue), a participatory budget being voted on, a referral and a withdrawal.
 * Written by SQL in the loader's transaction, with rolls and ballots that the tallies count like real ones.
 */
@ApplicationScoped
class DeliberationDemoData implements DemoDataContributor {

    private static final Logger LOG = Logger.getLogger(DeliberationDemoData.class);

    private final TimeSource time;
    private final BusinessCalendar calendar;
    private EntityManager em;
    private Instant now;

    DeliberationDemoData(TimeSource time, BusinessCalendar calendar) {
        this.time = time;
        this.calendar = calendar;
    }

    @Override
    public int order() {
        return 400;
    }

    private record Place(long tenant, long community, String communityPath, long grid, String gridPath, long admin, long resident) {
    }

    @Override
    public void contribute(DemoContext context) {
        em = context.em();
        now = time.now();
        if (!context.has("member.demo-resident") || !context.has("member.demo-community-admin")) {
            LOG.info("Demo deliberations skipped: no demo personas");
            return;
        }
        long resident = context.id("member.demo-resident");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.tenant_id, m.community_id, c.path, h.grid_id, g.path from member m join household h on h.id = m.household_id
                join organization c on c.id = m.community_id join organization g on g.id = h.grid_id where m.id = :m
                """).setParameter("m", resident).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] r = rows.get(0);
        Place p = new Place(Rows.lng(r[0]), Rows.lng(r[1]), (String) r[2], Rows.lng(r[3]), (String) r[4], context.id("member.demo-community-admin"), resident);

        deliberation(p, false, "RESIDENTS_COUNCIL", "楼道堆物清理与消防通道畅通", "多个楼道堆放杂物，堵塞消防通道，提请居民议事会商议清理办法",
                "PROPOSED", null, null, -2);
        long consulting = deliberation(p, true, "RESIDENTS_COUNCIL", "增设电动自行车集中充电桩", "电动车楼道充电存在火灾隐患，拟在小区东侧增设充电棚",
                "CONSULTING", null, null, -6);
        opinions(consulting, p);
        long voting = deliberation(p, false, "HEARING", "小区停车位划线及收费听证", "停车难，拟重新划线并按月收取管理费，召开听证会",
                "VOTING", null, null, -10);
        vote(voting, p, "RESIDENTS", "SIMPLE_MAJORITY", false, null, false, 0.6);
        long joint = deliberation(p, true, "JOINT_MEETING", "物业服务标准与收费调整（三方联席会议）", "居委会、业委会、物业服务企业三方联席会议协商服务标准",
                "DECIDED", "PASSED", null, -20);
        for (String kind : List.of("RESIDENTS_COMMITTEE", "OWNERS_COMMITTEE", "PROPERTY_COMPANY")) {
            em.createNativeQuery("""
                    insert into deliberation_participant_org (deliberation_id, organization_id)
                    select :d, id from organization where parent_id = :c and kind = :k order by id limit 1
                    """).setParameter("d", joint).setParameter("c", p.community).setParameter("k", kind).executeUpdate();
        }
        vote(joint, p, "REPRESENTATIVES", "SIMPLE_MAJORITY", false, null, true, 0.8);

        long inProgress = deliberation(p, true, "FOUR_DELIBERATIONS", "社区养老服务站建设（四议两公开）", "拟使用社区公益金80万元建设养老服务站",
                "CONSULTING", null, "PROJECT", -12);
        steps(inProgress, p, 2, true);

        long finished = deliberation(p, true, "FOUR_DELIBERATIONS", "老旧小区管网改造资金使用（四议两公开）", "使用专项资金120万元改造雨污管网",
                "COMPLETED", "PASSED", "LARGE_FUND", -90);
        steps(finished, p, 3, false);
        vote(finished, p, "REPRESENTATIVES", "SIMPLE_MAJORITY", false, null, true, 0.9);
        publicity(finished, "RESOLUTION", "经居民代表会议表决通过：使用专项资金120万元改造雨污管网", -60);
        task(finished, p, "管网改造施工", -30, "DONE", -32);
        task(finished, p, "竣工验收", -20, "DONE", -21);
        publicity(finished, "IMPLEMENTATION_RESULT", "管网改造已完工并通过验收，资金使用明细见附件", -10);
        em.createNativeQuery("update deliberation set resolution = '使用专项资金120万元改造雨污管网', completed_at = :t where id = :d")
                .setParameter("t", now.minus(Duration.ofDays(10))).setParameter("d", finished).executeUpdate();

        long implementing = deliberation(p, false, "RESIDENTS_COUNCIL", "3号楼加装电梯", "3号楼住户多为老人，申请加装电梯", "IMPLEMENTING", "PASSED",
                null, -45);
        vote(implementing, p, "HOUSEHOLDS", "TWO_THIRDS", false, null, true, 0.9);
        publicity(implementing, "RESOLUTION", "3号楼加装电梯方案经三分之二以上住户同意通过", -30);
        task(implementing, p, "电梯方案设计与报批", -10, "DONE", -12);
        task(implementing, p, "施工队进场", -2, "IN_PROGRESS", null);
        task(implementing, p, "电梯验收与启用", 40, "OPEN", null);

        long publicized = deliberation(p, true, "RESIDENTS_COUNCIL", "社区长者食堂运营方案", "引入社会组织运营长者食堂，老人用餐享补贴",
                "PUBLICIZED", "PASSED", null, -18);
        vote(publicized, p, "RESIDENTS", "SIMPLE_MAJORITY", true, null, true, 0.8);
        publicity(publicized, "RESOLUTION", "长者食堂由社会组织运营，60岁以上老人每餐补贴3元", -2);
        em.createNativeQuery("""
                insert into deliberation_objection (publicity_id, member_id, body, raised_at)
                select id, :m, '希望把补贴年龄放宽到55岁', :now from deliberation_publicity where deliberation_id = :d
                """).setParameter("m", p.resident).setParameter("now", now).setParameter("d", publicized).executeUpdate();
        em.createNativeQuery("update deliberation set resolution = '长者食堂由社会组织运营，60岁以上老人每餐补贴3元' where id = :d")
                .setParameter("d", publicized).executeUpdate();

        long budget = deliberation(p, true, "PARTICIPATORY_BUDGET", "2027年社区微实事项目", "10万元以内民生小项目，居民提议、投票决定", "VOTING",
                null, null, -15);
        em.createNativeQuery("insert into deliberation_budget (deliberation_id, total_fen, max_projects_per_voter) values (:d, 10000000, 2)")
                .setParameter("d", budget).executeUpdate();
        String[][] projects = {{"加装楼道扶手", "6000000"}, {"改造儿童游乐区", "5000000"}, {"增设休闲座椅", "3000000"}, {"安装智能快递柜", "2000000"}};
        for (String[] pr : projects) {
            em.createNativeQuery("""
                    insert into budget_project (deliberation_id, title, description, cost_fen, proposer_member_id, created_at)
                    values (:d, :t, :t, :c, :m, :now)
                    """).setParameter("d", budget).setParameter("t", pr[0]).setParameter("c", Long.parseLong(pr[1]))
                    .setParameter("m", p.resident).setParameter("now", now).executeUpdate();
        }
        vote(budget, p, "RESIDENTS", "APPROVAL", false, 2, false, 0.5);

        long withdrawn = deliberation(p, false, "RESIDENTS_COUNCIL", "广场舞噪音协调", "晚间广场舞音量过大", "WITHDRAWN", null, null, -8);
        em.createNativeQuery("update deliberation set withdraw_reason = '已由网格员协调解决', closed_at = :t where id = :d")
                .setParameter("t", now.minus(Duration.ofDays(3))).setParameter("d", withdrawn).executeUpdate();
        long referred = deliberation(p, false, "RESIDENTS_COUNCIL", "跨社区道路拓宽", "道路涉及两个社区，需街道统筹", "REFERRED", null, null, -25);
        long up = deliberation(p, false, "RESIDENTS_COUNCIL", "跨社区道路拓宽", "道路涉及两个社区，需街道统筹", "PROPOSED", null, null, -20);
        em.createNativeQuery("""
                update deliberation set scope_org_id = :s, scope_path = (select path from organization where id = :s), community_id = null,
                       referred_from_id = :f, referral_direction = 'UP' where id = :d
                """).setParameter("s", p.tenant).setParameter("f", referred).setParameter("d", up).executeUpdate();
        long archived = deliberation(p, false, "RESIDENTS_COUNCIL", "绿地改停车位", "拟将部分绿地改为停车位", "ARCHIVED", "REJECTED", null, -120);
        vote(archived, p, "RESIDENTS", "SIMPLE_MAJORITY", true, null, true, 0.3);
        LOG.info("Demo deliberations written");
    }

    private long deliberation(Place p, boolean community, String kind, String title, String background, String stage, String outcome,
            String majorCategory, int proposedDaysAgo) {
        Instant proposed = now.plus(Duration.ofDays(proposedDaysAgo));
        boolean closed = List.of("ARCHIVED", "WITHDRAWN", "REFERRED").contains(stage);
        return Rows.lng(em.createNativeQuery("""
                insert into deliberation (tenant_id, community_id, scope_org_id, scope_path, title, background, kind, major_matter, major_category,
                                          stage, outcome, proposer_member_id, proposed_at, decided_at, closed_at, updated_at)
                values (:t, :c, :s, :path, :title, :bg, :kind, :major, :cat, :stage, :outcome, :m, :at, :decided, :closed, :now) returning id
                """).setParameter("t", p.tenant).setParameter("c", p.community).setParameter("s", community ? p.community : p.grid)
                .setParameter("path", community ? p.communityPath : p.gridPath).setParameter("title", title).setParameter("bg", background)
                .setParameter("kind", kind).setParameter("major", majorCategory != null).setParameter("cat", majorCategory)
                .setParameter("stage", stage).setParameter("outcome", outcome).setParameter("m", kind.equals("FOUR_DELIBERATIONS") ? p.admin : p.resident)
                .setParameter("at", proposed).setParameter("decided", outcome == null ? null : proposed.plus(Duration.ofDays(7)))
                .setParameter("closed", closed ? now : null).setParameter("now", now).getSingleResult());
    }

    private void opinions(long d, Place p) {
        String[][] texts = {{"SUPPORT", "支持，早该建了，楼道充电太危险"}, {"NEUTRAL", "位置要远离窗户，注意噪音"}, {"OPPOSE", "担心收费太高"}};
        @SuppressWarnings("unchecked")
        List<Number> members = em.createNativeQuery("select id from member where community_id = :c and household_id is not null order by id limit 3")
                .setParameter("c", p.community).getResultList();
        for (int i = 0; i < members.size(); i++) {
            em.createNativeQuery("insert into deliberation_opinion (deliberation_id, member_id, stance, body, is_current, created_at) values (:d, :m, :s, :b, true, :now)")
                    .setParameter("d", d).setParameter("m", members.get(i).longValue()).setParameter("s", texts[i][0]).setParameter("b", texts[i][1])
                    .setParameter("now", now).executeUpdate();
        }
    }

    /** A vote with its roll and open ballots from the first part of the roll; FOR with the given share. */
    private void vote(long d, Place p, String eligibility, String rule, boolean secret, Integer maxChoices, boolean closed, double forShare) {
        long vote = Rows.lng(em.createNativeQuery("""
                insert into deliberation_vote (deliberation_id, eligibility, rule, secret, major_matter, quorum_num, quorum_den, max_choices,
                                               opened_at, closed_at)
                values (:d, :e, :r, :s, false, :qn, :qd, :mc, :opened, :closed) returning id
                """).setParameter("d", d).setParameter("e", eligibility).setParameter("r", rule).setParameter("s", secret)
                .setParameter("qn", eligibility.equals("REPRESENTATIVES") ? 2 : 1).setParameter("qd", eligibility.equals("REPRESENTATIVES") ? 3 : 2)
                .setParameter("mc", maxChoices).setParameter("opened", now.minus(Duration.ofDays(5)))
                .setParameter("closed", closed ? now.minus(Duration.ofDays(2)) : null).getSingleResult());
        String path = (String) em.createNativeQuery("select scope_path from deliberation where id = :d").setParameter("d", d).getSingleResult();
        VoteRolls.bindRoll(em.createNativeQuery("insert into vote_roll (vote_id, member_id, unit_id, area_sqm) select :v, e.member_id, e.unit_id,"
                + " e.area_sqm from (" + VoteRolls.rollSql(VoteEligibility.valueOf(eligibility)) + ") e"), VoteEligibility.valueOf(eligibility),
                p.tenant, path, calendar.dayOf(now)).setParameter("v", vote).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> roll = em.createNativeQuery("""
                select distinct on (unit_id) unit_id, member_id from vote_roll where vote_id = :v order by unit_id, member_id
                """).setParameter("v", vote).getResultList();
        int voters = (int) Math.ceil(roll.size() * 0.75);
        long[] projects = em.createNativeQuery("select id from budget_project where deliberation_id = :d order by id").setParameter("d", d)
                .getResultList().stream().mapToLong(x -> ((Number) x).longValue()).toArray();
        for (int i = 0; i < voters; i++) {
            String choice = i < voters * forShare ? "FOR" : (i % 2 == 0 ? "AGAINST" : "ABSTAIN");
            String approvals = projects.length == 0 ? null : "{" + projects[i % projects.length] + "," + projects[(i + 2) % projects.length] + "}";
            if (secret) {
                em.createNativeQuery("insert into vote_participation (vote_id, unit_id, voter_member_id) values (:v, :u, :m)")
                        .setParameter("v", vote).setParameter("u", Rows.lng(roll.get(i)[0])).setParameter("m", Rows.lng(roll.get(i)[1])).executeUpdate();
                em.createNativeQuery("insert into vote_secret_choice (vote_id, choice) values (:v, :c)").setParameter("v", vote)
                        .setParameter("c", choice).executeUpdate();
            } else {
                em.createNativeQuery("""
                        insert into vote_ballot (vote_id, unit_id, voter_member_id, choice, project_ids, is_current, cast_at)
                        values (:v, :u, :m, :c, cast(:p as bigint[]), true, :now)
                        """).setParameter("v", vote).setParameter("u", Rows.lng(roll.get(i)[0])).setParameter("m", Rows.lng(roll.get(i)[1]))
                        .setParameter("c", approvals == null ? choice : null).setParameter("p", approvals).setParameter("now", now).executeUpdate();
            }
        }
    }

    /** The four steps: the first {@code passed} passed, the next one in progress (or all four passed when finished). */
    private void steps(long d, Place p, int passed, boolean nextInProgress) {
        FourStepKind[] kinds = FourStepKind.values();
        for (int i = 0; i < kinds.length; i++) {
            boolean done = i < passed || !nextInProgress;
            String status = done ? "PASSED" : i == passed ? "IN_PROGRESS" : "PENDING";
            em.createNativeQuery("""
                    insert into deliberation_step (deliberation_id, seq, kind, body_org_id, status, eligible_count, attended_count, for_count,
                                                   against_count, abstain_count, note, started_at, concluded_at)
                    values (:d, :s, :k, :b, :st, :e, :a, :f, :ag, 0, :note, :start, :end)
                    """).setParameter("d", d).setParameter("s", i + 1).setParameter("k", kinds[i].name()).setParameter("b", p.community)
                    .setParameter("st", status).setParameter("e", done ? 9 : null).setParameter("a", done ? 8 : null)
                    .setParameter("f", done ? 7 : null).setParameter("ag", done ? 1 : null).setParameter("note", done ? "会议纪要已存档" : null)
                    .setParameter("start", status.equals("PENDING") ? null : now.minus(Duration.ofDays(30 - i)))
                    .setParameter("end", done ? now.minus(Duration.ofDays(29 - i)) : null).executeUpdate();
        }
    }

    private void publicity(long d, String kind, String content, int startDaysAgo) {
        Instant start = now.plus(Duration.ofDays(startDaysAgo));
        em.createNativeQuery("""
                insert into deliberation_publicity (deliberation_id, kind, content, starts_at, display_until, objection_deadline)
                values (:d, :k, :c, :s, :u, :o)
                """).setParameter("d", d).setParameter("k", kind).setParameter("c", content).setParameter("s", start)
                .setParameter("u", start.plus(Duration.ofDays(7))).setParameter("o", start.plus(Duration.ofDays(5))).executeUpdate();
    }

    private void task(long d, Place p, String title, int dueInDays, String status, Integer completedDaysAgo) {
        em.createNativeQuery("""
                insert into deliberation_task (deliberation_id, tenant_id, title, owner_org_id, due_at, status, fund_fen, evidence_urls,
                                               completed_at, created_at, updated_at)
                values (:d, :t, :title, :o, :due, :s, 500000, cast(:e as text[]), :done, :now, :now)
                """).setParameter("d", d).setParameter("t", p.tenant).setParameter("title", title).setParameter("o", p.community)
                .setParameter("due", now.plus(Duration.ofDays(dueInDays))).setParameter("s", status)
                .setParameter("e", status.equals("DONE") ? "{https://demo.gongzhi.cn/evidence/" + d + ".jpg}" : "{}")
                .setParameter("done", completedDaysAgo == null ? null : now.plus(Duration.ofDays(completedDaysAgo)))
                .setParameter("now", now).executeUpdate();
    }
}
