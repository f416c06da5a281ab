package org.gongzhi.platform.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.time.BusinessCalendar;

/**
 * Reads the data scope of a caller from the database: the member bound to the token subject and the
 * organizations they administer or serve as grid worker (memberships active on the business day of
 * {@link BusinessCalendar#today()}, the same day the mutations that end memberships use).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ActorDirectory {

    private static final Set<Role> ADMIN_ROLES = EnumSet.of(Role.COMMUNITY_ADMIN, Role.STREET_ADMIN);
    /** What a user reached through a service client may be: never an administrator. */
    private static final Set<Role> END_USER_ROLES = EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER, Role.VOLUNTEER);

    private final EntityManager em;
    private final BusinessCalendar calendar;

    ActorDirectory(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    Actor resolve(String subject, Set<Role> roles) {
        Long memberId = memberBy("OIDC_SUBJECT", subject);
        return build(subject, roles, memberId);
    }

    Actor resolveActingFor(String clientSubject, String actingFor) {
        int colon = actingFor.indexOf(':');
        if (colon <= 0) {
            throw DomainException.invalid(CurrentActor.ACTING_FOR_HEADER, "Expected KIND:value, e.g. WECHAT_OPENID:o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
        }
        String kind = actingFor.substring(0, colon);
        if (!kind.equals("WECHAT_OPENID") && !kind.equals("WECHAT_UNIONID")) {
            throw DomainException.invalid(CurrentActor.ACTING_FOR_HEADER, "A service client acts only for WECHAT_OPENID or WECHAT_UNIONID identities");
        }
        Long memberId = memberBy(kind, actingFor.substring(colon + 1));
        if (memberId == null) {
            throw DomainException.forbidden("No member is bound to " + kind + "; bind the identity first");
        }
        Set<Role> roles = EnumSet.of(Role.RESIDENT);
        roles.addAll(endUserRolesOf(memberId));
        return build(clientSubject + "|" + actingFor, roles, memberId);
    }

    private Actor build(String subject, Set<Role> roles, Long memberId) {
        if (memberId == null) {
            return new Actor(subject, Set.copyOf(roles), null, null, null, null, List.of(), List.of());
        }
        Object[] m = (Object[]) em.createNativeQuery(
                "select tenant_id, community_id, household_id from member where id = :id")
                .setParameter("id", memberId).getSingleResult();
        List<String> adminPaths = new ArrayList<>();
        List<String> gridPaths = new ArrayList<>();
        boolean mayAdminister = roles.stream().anyMatch(ADMIN_ROLES::contains);
        boolean mayServeGrid = roles.contains(Role.GRID_WORKER);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select ms.role, o.path from membership ms join organization o on o.id = ms.organization_id
                where ms.member_id = :id and o.status = 'ACTIVE'
                  and ms.started_on <= :today and (ms.ended_on is null or ms.ended_on > :today)
                  and ms.role in ('ADMINISTRATOR', 'GRID_WORKER')
                """).setParameter("id", memberId).setParameter("today", calendar.today()).getResultList();
        for (Object[] row : rows) {
            if ("ADMINISTRATOR".equals(row[0]) && mayAdminister) {
                adminPaths.add((String) row[1]);
            } else if ("GRID_WORKER".equals(row[0]) && mayServeGrid) {
                gridPaths.add((String) row[1]);
            }
        }
        return new Actor(subject, Set.copyOf(roles), memberId, toLong(m[0]), toLong(m[1]), toLong(m[2]),
                List.copyOf(adminPaths), List.copyOf(gridPaths));
    }

    private Set<Role> endUserRolesOf(long memberId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        @SuppressWarnings("unchecked")
        List<String> memberships = em.createNativeQuery("""
                select distinct role from membership where member_id = :id
                  and (ended_on is null or ended_on > :today)
                """).setParameter("id", memberId).setParameter("today", calendar.today()).getResultList();
        if (memberships.contains("PARTY_MEMBER")) {
            roles.add(Role.PARTY_MEMBER);
        }
        if (memberships.contains("VOLUNTEER")) {
            roles.add(Role.VOLUNTEER);
        }
        roles.retainAll(END_USER_ROLES);
        return roles;
    }

    private Long memberBy(String kind, String value) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select member_id from external_identity where kind = :k and value = :v")
                .setParameter("k", kind).setParameter("v", value).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    private static Long toLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
