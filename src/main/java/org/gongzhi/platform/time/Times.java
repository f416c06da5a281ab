package org.gongzhi.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.quarkus.arc.Arc;

/**
 * Times reach clients with the offset of the business zone ({@code gongzhi.time.zone}, see {@link BusinessCalendar}).
 * Static for the views that map rows; the zone is the calendar's, never a constant of its own.
 */
public final class Times {

    private static volatile ZoneId zone;

    private Times() {
    }

    /** Set by {@link BusinessCalendar} when it starts. */
    static void use(ZoneId businessZone) {
        zone = businessZone;
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone()).toOffsetDateTime();
    }

    private static ZoneId zone() {
        ZoneId z = zone;
        return z != null ? z : Arc.container().instance(BusinessCalendar.class).get().zone();
    }
}
