package org.gongzhi.resource;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.need.NeedSettled;

/**
 * Keeps the pool's capacity in step with the needs it serves: when a need is resolved its RESERVED allocations are
 * CONSUMED (the service was delivered, the money spent); when it is cancelled, rejected or closed as a duplicate
 * they are RELEASED and the capacity returns (a cancelled menu order frees its place). Runs in the need step's
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class AllocationSettlement {

    private final EntityManager em;
    private final ResourceAllocations allocations;

    AllocationSettlement(EntityManager em, ResourceAllocations allocations) {
        this.em = em;
        this.allocations = allocations;
    }

    void onSettled(@Observes NeedSettled event) {
        @SuppressWarnings("unchecked")
        List<Number> reserved = em.createNativeQuery(
                "select id from resource_allocation where need_id = :n and status = 'RESERVED' order by id")
                .setParameter("n", event.needId()).getResultList();
        for (Number id : reserved) {
            if (event.served()) {
                allocations.consume(id.longValue(), "需求已办结 (need resolved)");
            } else {
                allocations.release(id.longValue(), "需求已" + event.status().label() + " (need " + event.action().name().toLowerCase() + ")");
            }
        }
    }
}
