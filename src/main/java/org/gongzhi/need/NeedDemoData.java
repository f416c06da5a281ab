package org.gongzhi.need;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.platform.demo.DemoContext;
import org.gongzhi.platform.persistence.Rows;
import org.gongzhi.platform.demo.DemoDataContributor;
import org.gongzhi.platform.time.TimeSource;
import org.jboss.logging.Logger;

/**
 * Demo needs (order 200): every status, some overdue, some escalated to a DEPARTMENT, micro-wishes open and
 * claimed — so every screen of the demo street looks real. Finds the street's rows by SQL (grids, residents,
 * party members/volunteers, departments), never by constants of the organization feature.
 */
@ApplicationScoped
class NeedDemoData implements DemoDataContributor {

    private static final Logger LOG = Logger.getLogger(NeedDemoData.class);

    private final NeedSlaPolicies sla;
    private final TimeSource time;

    NeedDemoData(NeedSlaPolicies sla, TimeSource time) {
        this.sla = sla;
        this.time = time;
    }

    @Override
    public int order() {
        return 200;
    }

    private record Resident(long memberId, long householdId, long gridId, String gridPath, long communityId, long tenantId,
            long buildingId) {
    }

    private static final String[][] TITLES = {
            {"ELDERLY_MEAL", "PERSONAL_REQUEST", "独居老人需要助餐送餐", "腿脚不便，希望每天中午有人送餐"},
            {"ELDERLY_BATH", "PERSONAL_REQUEST", "预约上门助浴", "老人行动不便，家里浴室有台阶"},
            {"ELDERLY_MEDICAL", "PERSONAL_REQUEST", "需要陪同去医院复查", "子女在外地，下周二需复查"},
            {"CHILD_CARE", "PERSONAL_REQUEST", "四点半课堂报名", "双职工家庭，孩子放学无人照看"},
            {"ENVIRONMENT", "PUBLIC_ISSUE", "3号楼门口垃圾堆放无人清理", "已经三天了，气味很大"},
            {"PROPERTY", "PUBLIC_ISSUE", "电梯经常故障", "2单元电梯本月已停运三次"},
            {"DISPUTE", "PERSONAL_REQUEST", "楼上漏水邻里纠纷", "协商未果，希望社区调解"},
            {"SAFETY_HAZARD", "PUBLIC_ISSUE", "电动车楼道充电", "存在火灾隐患"},
            {"LEGAL", "PERSONAL_REQUEST", "咨询赡养纠纷法律问题", "希望得到法律援助"},
            {"EMPLOYMENT", "PERSONAL_REQUEST", "求职就业指导", "失业半年，希望推荐岗位"},
            {"HEALTH", "PERSONAL_REQUEST", "慢病随访", "高血压需要定期测量"},
            {"MICRO_WISH", "MICRO_WISH", "想要一副老花镜", "眼睛看不清报纸"},
            {"MICRO_WISH", "MICRO_WISH", "孩子想要一套绘本", "留守儿童的小心愿"},
            {"OTHER", "PERSONAL_REQUEST", "办理居住证明", "不清楚需要什么材料"}};

    @Override
    public void contribute(DemoContext context) {
        EntityManager em = context.em();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, h.id, h.grid_id, o.path, h.community_id, h.tenant_id, h.building_id
                from member m join household h on h.id = m.household_id join organization o on o.id = h.grid_id
                where o.status = 'ACTIVE' and h.tenant_id = :street
                order by m.id limit 40
                """).setParameter("street", demoStreet(context)).getResultList();
        if (rows.isEmpty()) {
            LOG.info("Demo needs skipped: no residents with households yet");
            return;
        }
        List<Resident> residents = rows.stream().map(r -> new Resident(Rows.lng(r[0]), Rows.lng(r[1]), Rows.lng(r[2]), (String) r[3], Rows.lng(r[4]), Rows.lng(r[5]), Rows.lng(r[6])))
                .toList();
        long tenant = residents.get(0).tenantId();
        List<Long> helpers = ids(em, "select distinct ms.member_id from membership ms where ms.tenant_id = :t and ms.role in ('PARTY_MEMBER', 'VOLUNTEER') and ms.ended_on is null order by 1", tenant);
        List<Long> departments = ids(em, "select id from organization where tenant_id = :t and kind = 'DEPARTMENT' and status = 'ACTIVE' order by id", tenant);
        List<Long> workers = ids(em, "select distinct ms.member_id from membership ms where ms.tenant_id = :t and ms.role = 'GRID_WORKER' and ms.ended_on is null order by 1", tenant);
        long helper = helpers.isEmpty() ? residents.get(0).memberId() : helpers.get(0);
        long worker = workers.isEmpty() ? residents.get(0).memberId() : workers.get(0);

        Instant now = time.now();
        int i = 0;
        for (NeedStatus status : NeedStatus.values()) {
            for (int k = 0; k < 2; k++, i++) {
                String[] t = TITLES[i % TITLES.length];
                boolean wishStatus = status == NeedStatus.CLAIMED;
                if (wishStatus) {
                    t = TITLES[11 + k];
                }
                Resident r = residents.get(i % residents.size());
                boolean overdue = k == 1 && status.isOpen();
                Instant submitted = overdue ? now.minus(Duration.ofDays(6)) : now.minus(Duration.ofHours(3 + i));
                NeedEntity n = need(r, t, submitted, worker, i);
                NeedSlaPolicy policy = sla.policy(tenant, n.category, n.urgency);
                n.respondBy = submitted.plus(policy.respondWithin());
                n.resolveBy = submitted.plus(policy.resolveWithin());
                n.status = status;
                apply(em, n, status, helper, departments, policy, now, k);
                n.recomputeNextDeadline();
                n.updatedAt = now;
                n.persist();
                em.flush();
                event(em, n, NeedEventKind.SUBMITTED, null, NeedStatus.SUBMITTED, submitted, n.reporterMemberId, null);
                if (status != NeedStatus.SUBMITTED) {
                    event(em, n, kindOf(status), NeedStatus.SUBMITTED, status, submitted.plus(Duration.ofHours(1)), worker, null);
                }
                if (n.escalationLevel > 0) {
                    em.createNativeQuery("""
                            insert into need_escalation (tenant_id, need_id, deadline_kind, deadline_at, from_org_id, to_org_id,
                                                         automatic, at, acknowledge_by, note)
                            values (:t, :n, 'MANUAL', null, :from, :to, false, :at, :ack, '街道吹哨，部门报到')
                            """).setParameter("t", n.tenantId).setParameter("n", n.id).setParameter("from", n.tenantId)
                            .setParameter("to", n.responsibleOrgId).setParameter("at", now.minus(Duration.ofHours(2)))
                            .setParameter("ack", n.acknowledgeBy == null ? now : n.acknowledgeBy).executeUpdate();
                    event(em, n, NeedEventKind.ESCALATED, NeedStatus.ACCEPTED, NeedStatus.ESCALATED, now.minus(Duration.ofHours(2)),
                            worker, n.responsibleOrgId);
                }
            }
        }
        // open micro-wishes waiting for a claimer (the 微心愿 wall)
        for (int k = 0; k < 3; k++) {
            Resident r = residents.get((i + k) % residents.size());
            NeedEntity n = need(r, TITLES[11 + (k % 2)], now.minus(Duration.ofHours(5 + k)), worker, i + k);
            NeedSlaPolicy policy = sla.policy(tenant, n.category, n.urgency);
            n.respondBy = n.submittedAt.plus(policy.respondWithin());
            n.resolveBy = n.submittedAt.plus(policy.resolveWithin());
            n.status = NeedStatus.ACCEPTED;
            n.respondedAt = n.submittedAt.plus(Duration.ofHours(1));
            n.recomputeNextDeadline();
            n.updatedAt = now;
            n.persist();
            em.flush();
            event(em, n, NeedEventKind.SUBMITTED, null, NeedStatus.SUBMITTED, n.submittedAt, n.reporterMemberId, null);
            event(em, n, NeedEventKind.ACCEPTED, NeedStatus.SUBMITTED, NeedStatus.ACCEPTED, n.respondedAt, worker, null);
        }
    }

    /** The street the demo works on: the one published by the street contributor, else the first street with residents. */
    private static long demoStreet(DemoContext context) {
        if (context.has("street")) {
            return context.id("street");
        }
        List<?> first = context.em().createNativeQuery("""
                select h.tenant_id from member m join household h on h.id = m.household_id order by m.id limit 1
                """).getResultList();
        return first.isEmpty() ? -1L : ((Number) first.get(0)).longValue();
    }

    private static NeedEntity need(Resident r, String[] t, Instant submitted, long worker, int i) {
        NeedEntity n = new NeedEntity();
        n.tenantId = r.tenantId();
        n.communityId = r.communityId();
        n.placeOrgId = r.gridId();
        n.placePath = r.gridPath();
        n.buildingId = r.buildingId();
        n.householdId = r.householdId();
        n.category = NeedCategory.valueOf(t[0]);
        n.kind = NeedKind.valueOf(t[1]);
        n.title = t[2];
        n.description = t[3];
        n.urgency = i % 7 == 0 ? NeedUrgency.HIGH : NeedUrgency.NORMAL;
        boolean patrol = n.kind == NeedKind.PUBLIC_ISSUE;
        n.channel = patrol ? NeedChannel.GRID_PATROL : i % 5 == 0 ? NeedChannel.PROXY : NeedChannel.MINI_PROGRAM;
        n.visibility = n.kind == NeedKind.PERSONAL_REQUEST ? NeedVisibility.PRIVATE : NeedVisibility.COMMUNITY;
        n.reporterMemberId = n.channel.recordedByStaff() ? worker : r.memberId();
        n.beneficiaryMemberId = n.channel == NeedChannel.PROXY ? r.memberId() : null;
        n.requesterMemberId = n.beneficiaryMemberId != null ? n.beneficiaryMemberId : n.reporterMemberId;
        n.responsibleOrgId = r.gridId();
        n.responsiblePath = r.gridPath();
        n.submittedAt = submitted;
        return n;
    }

    private static void apply(EntityManager em, NeedEntity n, NeedStatus status, long helper, List<Long> departments,
            NeedSlaPolicy policy, Instant now, int k) {
        if (status != NeedStatus.SUBMITTED && status != NeedStatus.CANCELLED) {
            n.respondedAt = n.submittedAt.plus(Duration.ofHours(1));
        }
        switch (status) {
            case ASSIGNED, IN_PROGRESS, RESOLVED, RATED, CLOSED -> n.assigneeMemberId = helper;
            case CLAIMED -> n.claimerMemberId = helper;
            case REJECTED -> n.rejectReason = "不属于社区受理范围，已告知办理渠道";
            default -> {
            }
        }
        if (status == NeedStatus.IN_PROGRESS) {
            n.startedAt = n.submittedAt.plus(Duration.ofHours(2));
        }
        if (status == NeedStatus.RESOLVED || status == NeedStatus.RATED || status == NeedStatus.CLOSED) {
            n.startedAt = n.submittedAt.plus(Duration.ofHours(2));
            n.resolvedAt = n.submittedAt.plus(Duration.ofHours(k == 0 ? 20 : 30));
            n.resolutionNote = "已办结";
        }
        if (status == NeedStatus.RATED || status == NeedStatus.CLOSED) {
            n.rating = (short) (k == 0 ? 5 : 4);
            n.ratedAt = n.resolvedAt.plus(Duration.ofHours(1));
        }
        if (status == NeedStatus.CLOSED || status == NeedStatus.REJECTED || status == NeedStatus.CANCELLED) {
            n.closedAt = n.submittedAt.plus(Duration.ofHours(2));
        }
        if (!departments.isEmpty() && (status == NeedStatus.ESCALATED || (status == NeedStatus.ACCEPTED && k == 0))) {
            long dept = departments.get(0);
            n.responsibleOrgId = dept;
            n.responsiblePath = (String) em.createNativeQuery("select path from organization where id = :id").setParameter("id", dept)
                    .getSingleResult();
            n.escalationLevel = 3;
            n.acknowledgeBy = status == NeedStatus.ESCALATED ? (k == 1 ? now.minus(Duration.ofHours(1)) : now.plus(policy.acknowledgeWithin()))
                    : null;
        } else if (status == NeedStatus.ESCALATED) {
            n.responsibleOrgId = n.communityId;
            n.responsiblePath = (String) em.createNativeQuery("select path from organization where id = :id")
                    .setParameter("id", n.communityId).getSingleResult();
            n.escalationLevel = 1;
            n.acknowledgeBy = k == 1 ? now.minus(Duration.ofHours(1)) : now.plus(policy.acknowledgeWithin());
        }
    }

    private static NeedEventKind kindOf(NeedStatus s) {
        return switch (s) {
            case ACCEPTED, ESCALATED -> NeedEventKind.ACCEPTED;
            case ASSIGNED -> NeedEventKind.ASSIGNED;
            case CLAIMED -> NeedEventKind.CLAIMED;
            case IN_PROGRESS -> NeedEventKind.STARTED;
            case RESOLVED -> NeedEventKind.RESOLVED;
            case RATED -> NeedEventKind.RATED;
            case CLOSED -> NeedEventKind.CLOSED;
            case REJECTED -> NeedEventKind.REJECTED;
            case CANCELLED -> NeedEventKind.CANCELLED;
            case SUBMITTED -> NeedEventKind.SUBMITTED;
        };
    }

    private static void event(EntityManager em, NeedEntity n, NeedEventKind kind, NeedStatus from, NeedStatus to, Instant at,
            long actor, Long org) {
        em.createNativeQuery("""
                insert into need_event (tenant_id, need_id, at, kind, from_status, to_status, actor_member_id, actor_subject,
                                        organization_id, note)
                values (:t, :n, :at, :k, :from, :to, :a, 'demo-data', :org, null)
                """).setParameter("t", n.tenantId).setParameter("n", n.id).setParameter("at", at).setParameter("k", kind.name())
                .setParameter("from", from == null ? null : from.name()).setParameter("to", to.name()).setParameter("a", actor)
                .setParameter("org", org).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(EntityManager em, String sql, long tenant) {
        List<Number> ids = em.createNativeQuery(sql).setParameter("t", tenant).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
