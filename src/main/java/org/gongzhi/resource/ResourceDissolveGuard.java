package org.gongzhi.resource;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.organization.OrganizationDissolveGuard;

/**
 * Resources still in the pool (not RETIRED) that an organization provides or that cover its subtree block
 * dissolving it: residents could still order them and allocations would point at a dissolved provider.
 */
@ApplicationScoped
class ResourceDissolveGuard implements OrganizationDissolveGuard {

    private final EntityManager em;

    ResourceDissolveGuard(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> blockingReason(long organizationId, String path) {
        long live = ((Number) em.createNativeQuery("""
                select count(*) from resource r where r.status <> 'RETIRED'
                  and (r.provider_org_id = :id or r.coverage_path like :p)
                """).setParameter("p", path + "%").setParameter("id", organizationId).getSingleResult()).longValue();
        return live == 0 ? Optional.empty()
                : Optional.of(live + " resources (资源) are provided by it or cover it; retire or hand them over first");
    }
}
