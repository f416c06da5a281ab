package org.gongzhi.deliberation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.organization.OrganizationDissolveGuard;

/**
 * Deliberations still running in an organization's subtree, or implementation tasks (督办) it still owns,
 * block dissolving it: a resolution must not lose the body that decides or carries it out.
 */
@ApplicationScoped
class DeliberationDissolveGuard implements OrganizationDissolveGuard {

    private final EntityManager em;

    DeliberationDissolveGuard(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> blockingReason(long organizationId, String path) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                select (select count(*) from deliberation d where d.scope_path like :p
                          and d.stage not in ('COMPLETED', 'ARCHIVED', 'WITHDRAWN', 'REFERRED')),
                       (select count(*) from deliberation_task t where t.owner_org_id = :id
                          and t.status not in ('DONE', 'CANCELLED'))
                """).setParameter("p", path + "%").setParameter("id", organizationId).getSingleResult();
        long running = ((Number) counts[0]).longValue();
        long tasks = ((Number) counts[1]).longValue();
        if (running == 0 && tasks == 0) {
            return Optional.empty();
        }
        return Optional.of(running + " running deliberations (议事) in its subtree and " + tasks
                + " open implementation tasks (督办任务) it owns");
    }
}
