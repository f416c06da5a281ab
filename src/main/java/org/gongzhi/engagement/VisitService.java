package org.gongzhi.engagement;

import static org.gongzhi.platform.persistence.Rows.lng;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.engagement.VisitViews.GridVisitCoverage;
import org.gongzhi.engagement.VisitViews.HouseholdVisit;
import org.gongzhi.engagement.VisitViews.HouseholdVisitPayload;
import org.gongzhi.engagement.VisitViews.RecordVisitInput;
import org.gongzhi.engagement.VisitViews.VisitNeedInput;
import org.gongzhi.need.Need;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.need.NeedChannel;
import org.gongzhi.need.NeedInputs.SubmitNeedInput;
import org.gongzhi.need.NeedKind;
import org.gongzhi.need.NeedService;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * Visits of responsibility households (党员联系户, 敲门行动): a party member records a visit of a household linked
 * to them; a need found on the doorstep is submitted through the need service (channel DOOR_KNOCKING) in the same
 * transaction. VisitCoverage: per grid and month, the share of linked households visited at least once.
 */
@ApplicationScoped
@Transactional
public class VisitService {

    static final int MAX_NOTE = 2000;
    static final int MAX_DAYS_BACK = 90;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final NeedService needs;
    private final BusinessCalendar calendar;

    VisitService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time, NeedService needs,
            BusinessCalendar calendar) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
        this.needs = needs;
        this.calendar = calendar;
    }

    public HouseholdVisitPayload record(RecordVisitInput input) {
        long householdId = GlobalId.decode("Household", input.householdId(), "householdId");
        String note = Inputs.requireText(input.note(), "note", MAX_NOTE);
        LocalDate today = calendar.today();
        LocalDate day = input.visitedOn() == null ? today : input.visitedOn();
        if (day.isAfter(today) || day.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw DomainException.invalid("visitedOn", "visitedOn is a day within the last " + MAX_DAYS_BACK + " days");
        }
        VisitNeedInput need = input.need();
        if (need != null && need.category() == NeedCategory.MICRO_WISH) {
            throw DomainException.invalid("need.category", "A micro-wish is made by the resident; raise another category");
        }
        var outcome = idempotency.once(input.idempotencyKey(), "recordHouseholdVisit", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long me = actor.requireMember();
            @SuppressWarnings("unchecked")
            List<Object[]> link = em.createNativeQuery("""
                    select h.tenant_id, h.grid_id, h.community_id from responsibility_link rl join household h on h.id = rl.household_id
                    where rl.party_member_id = :m and rl.household_id = :h
                    """).setParameter("m", me).setParameter("h", householdId).getResultList();
            if (link.isEmpty()) {
                throw DomainException.forbidden("Not one of your linked households (非本人联系户)");
            }
            Object[] h = link.get(0);
            Long needId = need == null ? null : raise(need, householdId, input.householdId()).dbId();
            long id = ((Number) em.createNativeQuery("""
                    with ins as (
                        insert into household_visit (tenant_id, party_member_id, household_id, grid_id, community_id, visited_on, note, need_id,
                                                     created_at)
                        values (:t, :m, :h, :g, :c, :d, :note, :need, :now) returning id)
                    select id from ins
                    """).setParameter("t", lng(h[0])).setParameter("m", me).setParameter("h", householdId).setParameter("g", lng(h[1]))
                    .setParameter("c", lng(h[2])).setParameter("d", day).setParameter("note", note).setParameter("need", needId)
                    .setParameter("now", time.now()).getSingleResult()).longValue();
            audit.record(lng(h[2]), "household.visit", "HouseholdVisit", id, AuditLog.change("household", householdId, "need", needId));
            return id;
        });
        return new HouseholdVisitPayload(visit(outcome.id()), outcome.replayed());
    }

    private Need raise(VisitNeedInput need, long householdId, String householdGid) {
        String beneficiary = need.beneficiaryId();
        if (beneficiary == null) {
            @SuppressWarnings("unchecked")
            List<Number> first = em.createNativeQuery("select id from member where household_id = :h order by id limit 1")
                    .setParameter("h", householdId).getResultList();
            if (first.isEmpty()) {
                throw DomainException.invalid("need.beneficiaryId", "Nobody is registered in this household: name the beneficiary");
            }
            beneficiary = GlobalId.encode("Member", first.get(0).longValue());
        }
        return needs.submitOnBehalf(new SubmitNeedInput(need.title(), need.description(), need.category(), need.urgency(),
                NeedKind.PERSONAL_REQUEST, NeedChannel.DOOR_KNOCKING, beneficiary, null, null, householdGid, null, null, null));
    }

    private HouseholdVisit visit(long id) {
        Object[] r = (Object[]) em.createNativeQuery(
                "select id, visited_on, note, need_id, household_id, party_member_id from household_visit where id = :id")
                .setParameter("id", id).getSingleResult();
        return new HouseholdVisit(GlobalId.encode(HouseholdVisit.TYPE, id), org.gongzhi.platform.persistence.Rows.date(r[1]), (String) r[2],
                GlobalId.encodeNullable(Need.TYPE, lng(r[3])), lng(r[4]), lng(r[5]));
    }

    /** Coverage of every active grid under the organization for one month (YYYY-MM). One statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GridVisitCoverage> coverage(String organizationId, String month) {
        YearMonth ym = EngagementMonths.parse(month);
        Actor actor = currentActor.get().requireAuthenticated();
        OrganizationEntity org = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, organizationId, "organizationId"));
        if (org == null || actor.tenantId() == null || org.tenantId != actor.tenantId()) {
            throw DomainException.notFound("Organization", organizationId);
        }
        actor.requireServes(org.path, "organization");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with linked as (
                    select distinct h.grid_id, h.id as household_id from responsibility_link rl join household h on h.id = rl.household_id
                    join organization g on g.id = h.grid_id where g.path like :p
                ), visited as (
                    select v.grid_id, count(*) as visits, count(distinct v.household_id) filter (where exists (
                        select 1 from linked l where l.household_id = v.household_id)) as households
                    from household_visit v join organization g on g.id = v.grid_id
                    where g.path like :p and v.visited_on between :ms and :me group by v.grid_id
                )
                select g.id, (select count(*) from linked l where l.grid_id = g.id), coalesce(v.households, 0), coalesce(v.visits, 0)
                from organization g left join visited v on v.grid_id = g.id
                where g.path like :p and g.kind = 'GRID' and g.status = 'ACTIVE' order by g.path
                """).setParameter("p", org.path + "%").setParameter("ms", ym.atDay(1)).setParameter("me", ym.atEndOfMonth())
                .getResultList();
        List<GridVisitCoverage> out = new ArrayList<>();
        for (Object[] r : rows) {
            int linked = lng(r[1]).intValue();
            int visited = lng(r[2]).intValue();
            out.add(new GridVisitCoverage(linked, visited, lng(r[3]).intValue(), linked == 0 ? 0 : (double) visited / linked, lng(r[0])));
        }
        return out;
    }
}
