package org.gongzhi.engagement;

import static org.gongzhi.platform.persistence.Rows.date;
import static org.gongzhi.platform.persistence.Rows.lng;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.engagement.ActivityViews.Activity;
import org.gongzhi.engagement.DualInputs.DualRegistrationPayload;
import org.gongzhi.engagement.DualInputs.DualServicePayload;
import org.gongzhi.engagement.DualInputs.RecordDualServiceInput;
import org.gongzhi.engagement.DualInputs.RegisterDualInput;
import org.gongzhi.engagement.DualViews.DualCompliance;
import org.gongzhi.engagement.DualViews.DualComplianceRow;
import org.gongzhi.engagement.DualViews.DualComplianceRowConnection;
import org.gongzhi.engagement.DualViews.DualRegistration;
import org.gongzhi.engagement.DualViews.DualService;
import org.gongzhi.engagement.Ledger.Counterparty;
import org.gongzhi.engagement.Ledger.Posting;
import org.gongzhi.member.Member;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.organization.OrganizationKind;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.BusinessPeriod;
import org.gongzhi.platform.time.PeriodKind;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;
import org.gongzhi.resource.AllocationPurpose;
import org.gongzhi.resource.CapacityModel;
import org.gongzhi.resource.Resource;
import org.gongzhi.resource.ResourceAllocations;
import org.gongzhi.resource.ResourceEntity;

/**
 * Dual registration (双报到): registering at the residential community with a claimed post, service records that
 * post points once each, and the monthly compliance report (ServeMonthlyRule: at least one service a month;
 * CollectiveQuarterlyRule: the quarter's collective service by its last month). The home branch keeps seeing its
 * members, floating ones included, because registrations carry the home branch's path.
 */
@ApplicationScoped
@Transactional
public class DualRegistrationService {

    static final int MAX_NOTE = 500;
    static final int MAX_DAYS_BACK = 366;
    static final String REG_COLUMNS = "r.id, r.registered_on, r.ended_on, r.post_resource_id, r.member_id, r.community_id, r.home_branch_id";

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final Ledger ledger;
    private final EngagementConfig config;
    private final ResourceAllocations allocations;
    private final BusinessCalendar calendar;

    DualRegistrationService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time,
            Ledger ledger, EngagementConfig config, ResourceAllocations allocations, BusinessCalendar calendar) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
        this.ledger = ledger;
        this.config = config;
        this.allocations = allocations;
        this.calendar = calendar;
    }

    private LocalDate today() {
        return calendar.today();
    }

    // ------------------------------------------------------------------ register

    public DualRegistrationPayload register(RegisterDualInput input) {
        long communityId = GlobalId.decode(Organization.TYPE, input.communityId(), "communityId");
        Long postId = GlobalId.decodeNullable(Resource.TYPE, input.postResourceId(), "postResourceId");
        var outcome = idempotency.once(input.idempotencyKey(), "registerDual", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long me = actor.requireMember();
            @SuppressWarnings("unchecked")
            List<Object[]> profile = em.createNativeQuery("""
                    select pp.in_service, pp.home_branch_id, hb.path from party_profile pp left join organization hb on hb.id = pp.home_branch_id
                    where pp.member_id = :m
                    """).setParameter("m", me).getResultList();
            if (profile.isEmpty() || !(Boolean) profile.get(0)[0]) {
                throw DomainException.forbidden("Dual registration is for in-service party members (在职党员双报到)");
            }
            OrganizationEntity community = OrganizationEntity.findById(communityId);
            if (community == null || !community.isActive() || community.kind != OrganizationKind.COMMUNITY_COMMITTEE
                    || actor.tenantId() == null || community.tenantId != actor.tenantId()) {
                throw DomainException.invalid("communityId", "Not an active community of this street");
            }
            LocalDate today = today();
            @SuppressWarnings("unchecked")
            List<Object[]> open = em.createNativeQuery("""
                    select id, community_id, post_resource_id, post_allocation_id from dual_registration
                    where member_id = :m and ended_on is null for update
                    """).setParameter("m", me).getResultList();
            long id;
            if (!open.isEmpty() && lng(open.get(0)[1]) == communityId) {
                id = lng(open.get(0)[0]);
                if (postId != null && !postId.equals(lng(open.get(0)[2]))) {
                    releasePost(lng(open.get(0)[3]));
                    claimPost(id, postId, community.tenantId);
                }
            } else {
                if (!open.isEmpty()) {
                    releasePost(lng(open.get(0)[3]));
                    em.createNativeQuery("update dual_registration set ended_on = greatest(registered_on, :d), version = version + 1 where id = :id")
                            .setParameter("d", today).setParameter("id", lng(open.get(0)[0])).executeUpdate();
                    em.flush();
                }
                id = ((Number) em.createNativeQuery("""
                        with ins as (
                            insert into dual_registration (tenant_id, member_id, community_id, community_path, home_branch_id, home_branch_path,
                                                           registered_on, created_at)
                            values (:t, :m, :c, :cp, :hb, :hbp, :d, :now) returning id)
                        select id from ins
                        """).setParameter("t", community.tenantId).setParameter("m", me).setParameter("c", communityId)
                        .setParameter("cp", community.path).setParameter("hb", lng(profile.get(0)[1]))
                        .setParameter("hbp", profile.get(0)[2]).setParameter("d", today).setParameter("now", time.now())
                        .getSingleResult()).longValue();
                if (postId != null) {
                    claimPost(id, postId, community.tenantId);
                }
                em.createNativeQuery("update party_profile set registered_community_id = :c, updated_at = :now where member_id = :m")
                        .setParameter("c", communityId).setParameter("now", time.now()).setParameter("m", me).executeUpdate();
            }
            audit.record(community.auditChainKey(), "dual.register", "DualRegistration", id, AuditLog.change("member", me,
                    "community", communityId, "post", postId));
            return id;
        });
        return new DualRegistrationPayload(registration(outcome.id()), outcome.replayed());
    }

    private void claimPost(long registrationId, long postId, long tenantId) {
        ResourceEntity post = allocations.requireClaimablePost(postId);
        if (post.tenantId != tenantId) {
            throw DomainException.invalid("postResourceId", "No such post in this street");
        }
        Long allocation = null;
        if (post.capacityModel == CapacityModel.UNITS) {
            allocation = allocations.reserve(new ResourceAllocations.Request(postId, AllocationPurpose.OTHER, null, registrationId, 1L, null,
                    null, null, "双报到认领岗位"));
        }
        em.createNativeQuery("update dual_registration set post_resource_id = :p, post_allocation_id = :a, version = version + 1 where id = :id")
                .setParameter("p", postId).setParameter("a", allocation).setParameter("id", registrationId).executeUpdate();
    }

    private void releasePost(Long allocationId) {
        if (allocationId != null) {
            allocations.release(allocationId, "双报到岗位变更");
        }
    }

    // ------------------------------------------------------------------ services

    public DualServicePayload recordService(RecordDualServiceInput input) {
        Long memberId = GlobalId.decodeNullable(Member.TYPE, input.memberId(), "memberId");
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        if (input.minutes() < 1 || input.minutes() > config.maxServiceMinutes()) {
            throw DomainException.invalid("minutes", "minutes is 1 to " + config.maxServiceMinutes());
        }
        LocalDate today = today();
        if (input.servedOn() == null || input.servedOn().isAfter(today) || input.servedOn().isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw DomainException.invalid("servedOn", "servedOn is a past day within a year");
        }
        var outcome = idempotency.once(input.idempotencyKey(), "recordDualService", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long member = memberId == null ? actor.requireMember() : memberId;
            @SuppressWarnings("unchecked")
            List<Object[]> reg = em.createNativeQuery("""
                    select id, tenant_id, community_path, community_id from dual_registration
                    where member_id = :m and registered_on <= :d and (ended_on is null or ended_on > :d) order by id desc limit 1
                    """).setParameter("m", member).setParameter("d", input.servedOn()).getResultList();
            if (reg.isEmpty()) {
                throw DomainException.invalidTransition("Not dual-registered on that day (当日未报到)");
            }
            Object[] r = reg.get(0);
            if (memberId != null && !actor.isMember(memberId)) {
                actor.requireAdministers((String) r[2], "the community the member is registered at");
            }
            long id = ((Number) em.createNativeQuery("""
                    with ins as (
                        insert into dual_service (tenant_id, registration_id, member_id, served_on, minutes, collective, note, recorded_by, created_at)
                        values (:t, :r, :m, :d, :min, :coll, :note, :by, :now) returning id)
                    select id from ins
                    """).setParameter("t", lng(r[1])).setParameter("r", lng(r[0])).setParameter("m", member)
                    .setParameter("d", input.servedOn()).setParameter("min", input.minutes())
                    .setParameter("coll", Boolean.TRUE.equals(input.collective())).setParameter("note", note)
                    .setParameter("by", actor.memberId()).setParameter("now", time.now()).getSingleResult()).longValue();
            String memo = "双报到服务 " + input.servedOn() + (note == null ? "" : " " + note);
            ledger.post(new Posting(lng(r[1]), member, LedgerUnit.POINTS, LedgerEntryKind.DUAL_SERVICE, Counterparty.ISSUANCE,
                    "dual-service:" + id, config.pointsDualService(), memo, null));
            ledger.post(new Posting(lng(r[1]), member, LedgerUnit.MINUTES, LedgerEntryKind.DUAL_SERVICE, Counterparty.ISSUANCE,
                    "dual-service:" + id, input.minutes(), memo, null));
            audit.record(lng(r[3]), "dual.service", "DualService", id, AuditLog.change("member", member, "servedOn", input.servedOn(),
                    "minutes", input.minutes(), "collective", input.collective()));
            return id;
        });
        return new DualServicePayload(service(outcome.id()), outcome.replayed());
    }

    /** Attendance at a collective-service activity counts as the quarter's collective service (points came with the check-in). */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordCollective(Activity a, long memberId) {
        LocalDate day = calendar.dayOf(a.startsAt().toInstant());
        int minutes = (int) Math.max(1, Math.min(1440, java.time.Duration.between(a.startsAt(), a.endsAt()).toMinutes()));
        em.createNativeQuery("""
                insert into dual_service (tenant_id, registration_id, member_id, served_on, minutes, collective, activity_id, note, created_at)
                select r.tenant_id, r.id, r.member_id, :d, :min, true, :a, :note, :now from dual_registration r
                where r.member_id = :m and r.registered_on <= :d and (r.ended_on is null or r.ended_on > :d)
                on conflict do nothing
                """).setParameter("d", day).setParameter("min", minutes).setParameter("a", a.dbId()).setParameter("note", a.title())
                .setParameter("now", time.now()).setParameter("m", memberId).executeUpdate();
    }

    // ------------------------------------------------------------------ reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public DualRegistration mine() {
        long me = currentActor.get().requireMember();
        List<DualRegistration> found = registrations("r.member_id = :m and r.ended_on is null", Map.of("m", me));
        return found.isEmpty() ? null : found.get(0);
    }

    DualRegistration registration(long id) {
        return registrations("r.id = :id", Map.of("id", id)).get(0);
    }

    private List<DualRegistration> registrations(String where, Map<String, Object> params) {
        List<DualRegistration> out = new ArrayList<>();
        for (Object[] r : NativeSql.list(em, "select " + REG_COLUMNS + " from dual_registration r where " + where, params)) {
            long id = lng(r[0]);
            out.add(new DualRegistration(GlobalId.encode(DualRegistration.TYPE, id), date(r[1]), date(r[2]),
                    GlobalId.encodeNullable(Resource.TYPE, lng(r[3])), id, lng(r[4]), lng(r[5]), lng(r[6])));
        }
        return out;
    }

    private DualService service(long id) {
        Object[] r = NativeSql.list(em, "select id, served_on, minutes, collective, note from dual_service where id = :id", Map.of("id", id)).get(0);
        return new DualService(GlobalId.encode(DualService.TYPE, id), date(r[1]), lng(r[2]).intValue(), (Boolean) r[3], (String) r[4]);
    }

    /**
     * Compliance of the members registered at communities under the organization, or whose home branch lies under
     * it, for one month (YYYY-MM). Two statements: the totals and one page of rows.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DualCompliance compliance(String organizationId, String month, PageRequest page) {
        YearMonth ym = EngagementMonths.parse(month);
        Actor actor = currentActor.get().requireAuthenticated();
        OrganizationEntity org = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, organizationId, "organizationId"));
        if (org == null || actor.tenantId() == null || org.tenantId != actor.tenantId()) {
            throw DomainException.notFound("Organization", organizationId);
        }
        actor.requireAdministers(org.path, "organization");
        BusinessPeriod monthPeriod = calendar.month(ym);
        BusinessPeriod quarter = calendar.period(PeriodKind.QUARTER, monthPeriod.firstDay());
        LocalDate start = monthPeriod.firstDay();
        LocalDate end = monthPeriod.lastDay();
        LocalDate quarterStart = quarter.firstDay();
        boolean quarterEnd = quarter.endDay().equals(monthPeriod.endDay());
        Map<String, Object> params = new HashMap<>(Map.of("t", org.tenantId, "p", org.path + "%", "ms", start, "me", end, "qs", quarterStart,
                "qe", quarterEnd));
        String stats = """
                with reg as (
                    select r.id, r.member_id, r.community_id, r.home_branch_id, r.post_resource_id, coalesce(pp.floating, false) as floating
                    from dual_registration r left join party_profile pp on pp.member_id = r.member_id
                    where r.tenant_id = :t and (r.community_path like :p or r.home_branch_path like :p)
                      and r.registered_on <= :me and (r.ended_on is null or r.ended_on > :ms)
                ), stats as (
                    select reg.*, coalesce(s.services, 0) as services, coalesce(s.minutes, 0) as minutes, coalesce(q.collective, false) as collective
                    from reg
                    left join (select registration_id, count(*) as services, sum(minutes) as minutes from dual_service
                               where served_on between :ms and :me group by registration_id) s on s.registration_id = reg.id
                    left join (select registration_id, true as collective from dual_service
                               where collective and served_on between :qs and :me group by registration_id) q on q.registration_id = reg.id
                ), judged as (
                    select stats.*, services > 0 and (collective or not :qe) as compliant from stats
                )
                """;
        Object[] totals = (Object[]) NativeSql.query(em, stats + """
                select count(*), count(*) filter (where services > 0), count(*) filter (where collective), count(*) filter (where compliant)
                from judged
                """, params).getSingleResult();
        Long after = page.afterId();
        Map<String, Object> rowParams = new HashMap<>(params);
        rowParams.put("after", after == null ? 0L : after);
        rowParams.put("n", page.fetchSize());
        List<DualComplianceRow> fetched = new ArrayList<>();
        for (Object[] r : NativeSql.list(em, stats + """
                select id, member_id, community_id, home_branch_id, post_resource_id, floating, services, minutes, collective, compliant
                from judged where id > :after order by id limit :n
                """, rowParams)) {
            int services = lng(r[6]).intValue();
            fetched.add(new DualComplianceRow((Boolean) r[5], GlobalId.encodeNullable(Resource.TYPE, lng(r[4])),
                    services, lng(r[7]).intValue(), services > 0, (Boolean) r[8], (Boolean) r[9], lng(r[0]), lng(r[1]), lng(r[2]), lng(r[3])));
        }
        int registered = lng(totals[0]).intValue();
        int compliant = lng(totals[3]).intValue();
        return new DualCompliance(ym.toString(), registered, lng(totals[1]).intValue(), lng(totals[2]).intValue(), compliant,
                registered == 0 ? 0 : (double) compliant / registered,
                DualComplianceRowConnection.of(Slice.of(fetched, page, registered)));
    }


}
