package org.gongzhi.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The eligibility rules as SQL: who is on the roll (选民名册) of a vote in a scope, and what unit each person
 * votes for. Every rule reads active memberships (ended_on exclusive) or where people live and own.
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

    private static final String ACTIVE = "ms.started_on <= current_date and (ms.ended_on is null or ms.ended_on > current_date)";

    private static final String HOUSEHOLD_IN_SCOPE = """
            select m.id as member_id, m.household_id as household_id from member m
            join household h on h.id = m.household_id join building b on b.id = h.building_id
            join organization g on g.id = h.grid_id left join organization c on c.id = b.compound_id
            where m.tenant_id = :t and (g.path like :p or c.path like :p)
            """;

    private final EntityManager em;

    VoteRolls(EntityManager em) {
        this.em = em;
    }

    /** A select of (member_id, unit_id, area_sqm) for the rule, with parameters :t (tenant) and :p (path prefix). */
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
                    where po.tenant_id = :t and po.started_on <= current_date and (po.ended_on is null or po.ended_on > current_date)
                      and (g.path like :p or c.path like :p)
                    group by po.member_id
                    """;
        };
    }

    /** Fills the roll of a vote; returns how many people are on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    int fill(long voteId, long tenantId, String scopePath, VoteEligibility eligibility) {
        return em.createNativeQuery("insert into vote_roll (vote_id, member_id, unit_id, area_sqm) select :v, e.member_id, e.unit_id, e.area_sqm from ("
                + rollSql(eligibility) + ") e").setParameter("v", voteId).setParameter("t", tenantId)
                .setParameter("p", scopePath + "%").executeUpdate();
    }

    /** How many voting units the rule gives in a scope right now. */
    long count(long tenantId, String scopePath, VoteEligibility eligibility) {
        return ((Number) em.createNativeQuery("select count(distinct e.unit_id) from (" + rollSql(eligibility) + ") e")
                .setParameter("t", tenantId).setParameter("p", scopePath + "%").getSingleResult()).longValue();
    }
}
