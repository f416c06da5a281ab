package org.gongzhi.engagement;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Books the VENUE resource of an activity for its time slot. Until the resources feature (resource /
 * resource_allocation) is on main the activity only keeps the resource id; this is where the reservation
 * through the resources service goes, in the activity's transaction, so a double-booked venue refuses the
 * activity.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VenueBooking {

    void reserve(long venueResourceId, long activityId, String title, Instant startsAt, Instant endsAt) {
        // No resources feature yet: the id is stored on the activity and reserved once resources land.
    }
}
