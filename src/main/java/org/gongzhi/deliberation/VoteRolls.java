package org.gongzhi.deliberation;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.time.BusinessCalendar;

/**
 * The eligibility rules as SQL: who is on the roll (选民名册) of a vote in a scope, and what unit each person
 * votes for. Every rule reads memberships and ownerships active on the business day {@code :today} (ended_on
 * exclusive) or where people live.
 * <ul>
 * <li>RESIDENTS: a RESIDENT membership in the scope's subtree, or a household in a grid/compound of it;</li>
 * <li>REPRESENTATIVES: a RESIDENTS_REPRESENTATIVE membership in the subtree;</li>
 * <li>PARTY_MEMBERS: a PARTY_MEMBER membership in the subtree;</li>
 * <li>HOUSEHOLDS: residents with a household in the scope; the household is the unit (one ballot per household);</li>
 * <li>OWNERS: open ownerships of households in the scope; the owner is the unit, weighted by the area owned.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VoteRolls {

    private static final String ACTIVE = "ms.started_on <= :today and (ms.ended_on is null or ms.ended_on > :today)";

    private static final String HOUSEHOLD_IN_SCOPE = """
            select m.id as member_id, m.household_id as household_id from member m
            join household h on h.id = m.household_id join building b on b.id = h.building_id
            join organization g on g.id = h.grid_id left join organization c on c.id = b.compound_id
            where m.tenant_id = :t and (g.path like :p or c.path like :p)
            """;

    private final EntityManager em;
    private final BusinessCalendar calendar;

    VoteRolls(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /** A select of (member_id, unit_id, area_sqm) for the rule; {@link #bindRoll} binds its parameters. */
    static String rollSql(VoteEligibility eligibility) {
        return switch (eligibility) {
            case RESIDENTS -> """
                    select r.member_id, r.member_id as unit_id, cast(null as numeric) as area_sqm from (
                        select ms.member_id from membership ms join organization o on o.id = ms.organization_id
                        where ms.tenant_id = :t and ms.role = 'RESIDENT' and %s and o.path like :p
                        union select member_id from (%s) hs
                    ) r
                    """.formatted(ACTIVE, HOUSEHOLD_IN_SCOPE);
            case REPRESENTATIVES, PARTY_MEMBERS -> """
                    select distinct ms.member_id, ms.member_id as unit_id, cast(null as numeric) as area_sqm
                    from membership ms join organization o on o.id = ms.organization_id
                    where ms.tenant_id = :t and ms.role = '%s' and %s and o.path like :p
                    """.formatted(eligibility == VoteEligibility.REPRESENTATIVES ? "RESIDENTS_REPRESENTATIVE" : "PARTY_MEMBER", ACTIVE);
            case HOUSEHOLDS -> "select hs.member_id, hs.household_id as unit_id, cast(null as numeric) as area_sqm from (%s) hs"
                    .formatted(HOUSEHOLD_IN_SCOPE);
            case OWNERS -> """
                    select po.member_id, po.member_id as unit_id, sum(po.area_sqm) as area_sqm
                    from property_ownership po join household h on h.id = po.household_id join building b on b.id = h.building_id
                    join organization g on g.id = h.grid_id left join organization c on c.id = b.compound_id
                    where po.tenant_id = :t and po.started_on <= :today and (po.ended_on is null or po.ended_on > :today)
                      and (g.path like :p or c.path like :p)
                    group by po.member_id
                    """;
        };
    }

    /** Binds a query over {@link #rollSql}: tenant (:t), scope path prefix (:p) and the business day (:today) where the rule reads one. */
    static Query bindRoll(Query q, VoteEligibility eligibility, long tenantId, String scopePath, LocalDate today) {
        q.setParameter("t", tenantId).setParameter("p", scopePath + "%");
        return eligibility == VoteEligibility.HOUSEHOLDS ? q : q.setParameter("today", today);
    }

    /** Fills the roll of a vote; returns how many people are on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    int fill(long voteId, long tenantId, String scopePath, VoteEligibility eligibility) {
        return bindRoll(em.createNativeQuery("insert into vote_roll (vote_id, member_id, unit_id, area_sqm) select :v, e.member_id, e.unit_id,"
                + " e.area_sqm from (" + rollSql(eligibility) + ") e"), eligibility, tenantId, scopePath, calendar.today())
                .setParameter("v", voteId).executeUpdate();
    }

    /**
     * ScopeDecidesParticipation: may this member take part (opinions, objections) in a deliberation? True when an
     * active membership of any role, or the member's household, lies in the scope's subtree, or, for a joint
     * meeting, an active membership lies in the subtree of one of its participating organizations.
     */
    boolean takesPart(long deliberationId, long tenantId, String scopePath, long memberId) {
        return (Boolean) em.createNativeQuery("""
                select exists (
                    select 1 from membership ms join organization o on o.id = ms.organization_id
                    where ms.member_id = :m and ms.tenant_id = :t and %s
                      and (o.path like :p or exists (select 1 from deliberation_participant_org dp
                          join organization po on po.id = dp.organization_id
                          where dp.deliberation_id = :d and o.path like po.path || '%%'))
                ) or exists (select 1 from (%s) hs where hs.member_id = :m)
                """.formatted(ACTIVE, HOUSEHOLD_IN_SCOPE)).setParameter("m", memberId).setParameter("t", tenantId)
                .setParameter("p", scopePath + "%").setParameter("d", deliberationId).setParameter("today", calendar.today())
                .getSingleResult();
    }

    /** How many voting units the rule gives in a scope right now. */
    long count(long tenantId, String scopePath, VoteEligibility eligibility) {
        return ((Number) bindRoll(em.createNativeQuery("select count(distinct e.unit_id) from (" + rollSql(eligibility) + ") e"),
                eligibility, tenantId, scopePath, calendar.today()).getSingleResult()).longValue();
    }
}
