package org.gongzhi.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times reach clients in the deployment's zone (Asia/Shanghai) with their offset. */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
