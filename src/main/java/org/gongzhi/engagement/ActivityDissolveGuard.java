package org.gongzhi.engagement;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.gongzhi.organization.OrganizationDissolveGuard;
import org.gongzhi.platform.time.TimeSource;

/** Published activities that have not ended and are organized in an organization's subtree block dissolving it. */
@ApplicationScoped
class ActivityDissolveGuard implements OrganizationDissolveGuard {

    private final EntityManager em;
    private final TimeSource time;

    ActivityDissolveGuard(EntityManager em, TimeSource time) {
        this.em = em;
        this.time = time;
    }

    @Override
    public Optional<String> blockingReason(long organizationId, String path) {
        Instant now = time.now();
        long upcoming = ((Number) em.createNativeQuery("""
                select count(*) from activity a where a.status = 'PUBLISHED' and a.ends_at > :now
                  and a.organizer_path like :p
                """).setParameter("p", path + "%").setParameter("now", now).getSingleResult()).longValue();
        return upcoming == 0 ? Optional.empty()
                : Optional.of(upcoming + " published activities (活动) organized there have not ended; cancel them first");
    }
}
