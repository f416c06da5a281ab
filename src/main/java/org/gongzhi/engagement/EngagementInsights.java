package org.gongzhi.engagement;

import static org.gongzhi.platform.persistence.Rows.lng;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.engagement.InsightViews.EngagementFigures;
import org.gongzhi.engagement.InsightViews.LeaderboardEntry;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.BusinessPeriod;
import org.gongzhi.platform.time.PeriodKind;

/**
 * Leaderboards per scope (LeaderboardMasking: members who opted out appear as a masked name without a link to
 * their record) and participation figures per organization. Subtrees are path-range predicates on the "C"
 * collated paths, so each figure is one statement for all the organizations asked.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EngagementInsights {

    static final int MAX_LEADERBOARD = 100;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final BusinessCalendar calendar;

    EngagementInsights(EntityManager em, CurrentActor currentActor, BusinessCalendar calendar) {
        this.em = em;
        this.currentActor = currentActor;
        this.calendar = calendar;
    }

    /** A leaderboard of the members living under the organization; any member of the street may look. */
    public List<LeaderboardEntry> leaderboard(String organizationId, LedgerUnit unit, String month, Integer first) {
        int n = first == null ? 10 : first;
        if (n < 1 || n > MAX_LEADERBOARD) {
            throw DomainException.invalid("first", "first is 1 to " + MAX_LEADERBOARD);
        }
        YearMonth ym = month == null ? null : EngagementMonths.parse(month);
        Actor actor = currentActor.get().requireAuthenticated();
        OrganizationEntity org = orgOfStreet(actor, organizationId);
        Instant from = ym == null ? Instant.EPOCH : calendar.month(ym).start();
        Instant to = ym == null ? Instant.parse("9999-12-31T00:00:00Z") : calendar.month(ym).end();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, m.name, m.leaderboard_opt_out,
                       sum(case when t.to_account_id = a.id then t.amount else -t.amount end) as earned
                from ledger_transfer t
                join ledger_account a on a.id in (t.from_account_id, t.to_account_id) and a.kind = 'MEMBER'
                join member m on m.id = a.member_id
                left join household h on h.id = m.household_id left join organization g on g.id = h.grid_id
                left join organization c on c.id = m.community_id
                where t.tenant_id = :t and t.unit = :u and t.kind <> 'REDEMPTION' and t.at >= :from and t.at < :to
                  and coalesce(g.path, c.path) >= :p and coalesce(g.path, c.path) < :pEnd
                group by m.id, m.name, m.leaderboard_opt_out
                having sum(case when t.to_account_id = a.id then t.amount else -t.amount end) > 0
                order by earned desc, m.id limit :n
                """).setParameter("t", org.tenantId).setParameter("u", (unit == null ? LedgerUnit.POINTS : unit).name())
                .setParameter("from", from).setParameter("to", to).setParameter("p", org.path).setParameter("pEnd", org.path + "~")
                .setParameter("n", n).getResultList();
        List<LeaderboardEntry> out = new ArrayList<>();
        int rank = 0;
        long previous = -1;
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            long earned = lng(r[3]);
            rank = earned == previous ? rank : i + 1;
            previous = earned;
            long id = lng(r[0]);
            boolean me = actor.isMember(id);
            boolean masked = (Boolean) r[2] && !me;
            out.add(new LeaderboardEntry(rank, masked ? mask((String) r[1]) : (String) r[1], masked, me, (int) earned, masked ? null : id));
        }
        return out;
    }

    /** 王小明 → 王** : the surname stays, the rest is hidden. */
    static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "***";
        }
        return name.substring(0, 1) + "*".repeat(Math.max(2, name.length() - 1));
    }

    /**
     * Figures for the organization and each of its direct children (the office's screen), in the month. Five
     * statements whatever the number of organizations.
     */
    public List<EngagementFigures> overview(String organizationId, String month) {
        YearMonth ym = EngagementMonths.parse(month);
        Actor actor = currentActor.get().requireAuthenticated();
        OrganizationEntity root = orgOfStreet(actor, organizationId);
        actor.requireAdministers(root.path, "organization");
        @SuppressWarnings("unchecked")
        List<Number> childIds = em.createNativeQuery("select id from organization where parent_id = :p and status = 'ACTIVE' order by path")
                .setParameter("p", root.id).getResultList();
        List<Long> ids = new ArrayList<>(List.of(root.id));
        childIds.forEach(x -> ids.add(x.longValue()));
        BusinessPeriod monthPeriod = calendar.month(ym);
        Map<String, Object> params = Map.of("ids", ids, "from", monthPeriod.start(), "to", monthPeriod.end());
        Map<Long, long[]> activity = byOrg("""
                select o.id, count(distinct a.id), count(s.id) filter (where s.status = 'CONFIRMED'), count(s.checked_in_at)
                from organization o join activity a on a.organizer_path >= o.path and a.organizer_path < o.path || '~'
                left join activity_signup s on s.activity_id = a.id
                where o.id in (:ids) and a.starts_at >= :from and a.starts_at < :to and a.status = 'PUBLISHED' group by o.id
                """, params);
        Map<Long, long[]> people = byOrg("""
                select o.id,
                       count(distinct ms.member_id) filter (where ms.role = 'PARTY_MEMBER'),
                       count(distinct ms.member_id) filter (where ms.role = 'PARTY_MEMBER' and act.member_id is not null),
                       count(distinct ms.member_id) filter (where ms.role = 'VOLUNTEER'),
                       count(distinct ms.member_id) filter (where ms.role = 'VOLUNTEER' and act.member_id is not null)
                from organization o
                join organization mo on mo.path >= o.path and mo.path < o.path || '~'
                join membership ms on ms.organization_id = mo.id and ms.role in ('PARTY_MEMBER', 'VOLUNTEER')
                     and (ms.ended_on is null or ms.ended_on > :today)
                left join (select distinct member_id from ledger_transfer where at >= :from and at < :to and kind <> 'REDEMPTION'
                           and member_id is not null) act on act.member_id = ms.member_id
                where o.id in (:ids) group by o.id
                """, Map.of("ids", ids, "from", monthPeriod.start(), "to", monthPeriod.end(), "today", calendar.today()));
        Map<Long, long[]> minutes = byOrg("""
                select o.id, coalesce(sum(t.amount), 0)
                from organization o
                join ledger_account a on a.kind = 'MEMBER' and a.unit = 'MINUTES'
                join ledger_transfer t on t.to_account_id = a.id and t.at >= :from and t.at < :to
                join member m on m.id = a.member_id
                left join household h on h.id = m.household_id left join organization g on g.id = h.grid_id
                left join organization c on c.id = m.community_id
                where o.id in (:ids) and coalesce(g.path, c.path) >= o.path and coalesce(g.path, c.path) < o.path || '~'
                group by o.id
                """, params);
        BusinessPeriod quarter = calendar.period(PeriodKind.QUARTER, monthPeriod.firstDay());
        Map<String, Object> dualParams = new HashMap<>(Map.of("ids", ids, "ms", monthPeriod.firstDay(), "me", monthPeriod.lastDay(),
                "qs", quarter.firstDay(), "qe", quarter.endDay().equals(monthPeriod.endDay())));
        Map<Long, long[]> dual = byOrg("""
                select o.id, count(distinct r.id),
                       count(distinct r.id) filter (where exists (select 1 from dual_service s where s.registration_id = r.id
                                                    and s.served_on between :ms and :me)
                                             and (not :qe or exists (select 1 from dual_service s where s.registration_id = r.id
                                                    and s.collective and s.served_on between :qs and :me)))
                from organization o join dual_registration r
                     on (r.community_path >= o.path and r.community_path < o.path || '~')
                     or (r.home_branch_path >= o.path and r.home_branch_path < o.path || '~')
                where o.id in (:ids) and r.registered_on <= :me and (r.ended_on is null or r.ended_on > :ms) group by o.id
                """, dualParams);
        List<EngagementFigures> out = new ArrayList<>();
        for (Long id : ids) {
            long[] a = activity.getOrDefault(id, new long[3]);
            long[] p = people.getOrDefault(id, new long[4]);
            long[] d = dual.getOrDefault(id, new long[2]);
            out.add(new EngagementFigures((int) a[0], (int) a[1], (int) a[2], rate(a[2], a[1]), (int) p[0], (int) p[1], rate(p[1], p[0]),
                    (int) p[2], (int) p[3], rate(p[3], p[2]), minutes.getOrDefault(id, new long[1])[0] / 60.0, (int) d[0], (int) d[1],
                    rate(d[1], d[0]), id));
        }
        return out;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private Map<Long, long[]> byOrg(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        Map<Long, long[]> out = new HashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long[] values = new long[r.length - 1];
            for (int i = 1; i < r.length; i++) {
                values[i - 1] = r[i] == null ? 0 : ((Number) r[i]).longValue();
            }
            out.put(lng(r[0]), values);
        }
        return out;
    }

    private OrganizationEntity orgOfStreet(Actor actor, String organizationId) {
        OrganizationEntity org = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, organizationId, "organizationId"));
        if (org == null || actor.tenantId() == null || org.tenantId != actor.tenantId()) {
            throw DomainException.notFound("Organization", organizationId);
        }
        return org;
    }
}
