package org.gongzhi.need;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.organization.OrganizationDissolveGuard;

/** Open needs placed in, responsible at, or assigned to an organization block dissolving it. */
@ApplicationScoped
class NeedDissolveGuard implements OrganizationDissolveGuard {

    private final EntityManager em;

    NeedDissolveGuard(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> blockingReason(long organizationId, String path) {
        long open = ((Number) em.createNativeQuery("""
                select count(*) from need n where n.status in %s
                  and (n.place_path like :p or n.responsible_path like :p or n.assignee_org_id = :id)
                """.formatted(NeedStatus.openSql())).setParameter("p", path + "%").setParameter("id", organizationId)
                .getSingleResult()).longValue();
        return open == 0 ? Optional.empty() : Optional.of(open + " open needs (未办结需求) are placed in, held by or assigned to it");
    }
}
