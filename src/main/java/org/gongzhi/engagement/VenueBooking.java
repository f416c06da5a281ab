package org.gongzhi.engagement;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.error.DomainException;
import org.gongzhi.resource.AllocationPurpose;
import org.gongzhi.resource.ResourceAllocations;
import org.gongzhi.resource.ResourceEntity;

/**
 * Books the VENUE resource of an activity for its time slot through the resources feature, in the activity's
 * transaction: a venue already booked then (or closed then) refuses the activity, which is not created.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VenueBooking {

    private final EntityManager em;
    private final ResourceAllocations allocations;

    VenueBooking(EntityManager em, ResourceAllocations allocations) {
        this.em = em;
        this.allocations = allocations;
    }

    void reserve(long venueResourceId, long activityId, long tenantId, String title, Instant startsAt, Instant endsAt) {
        ResourceEntity venue = ResourceEntity.findById(venueResourceId);
        if (venue == null || venue.tenantId != tenantId) {
            throw DomainException.invalid("venueResourceId", "No such venue in this street");
        }
        long allocation = allocations.reserveVenueSlot(venueResourceId, AllocationPurpose.ACTIVITY, activityId, startsAt, endsAt,
                "活动: " + title);
        em.createNativeQuery("update activity set venue_allocation_id = :a where id = :id").setParameter("a", allocation)
                .setParameter("id", activityId).executeUpdate();
    }

    /** Gives a cancelled activity's slot back to the venue. */
    void release(long activityId) {
        Object allocation = em.createNativeQuery("select venue_allocation_id from activity where id = :id").setParameter("id", activityId)
                .getSingleResult();
        if (allocation != null) {
            allocations.release(((Number) allocation).longValue(), "活动取消");
        }
    }
}
