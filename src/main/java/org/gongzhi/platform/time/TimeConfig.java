package org.gongzhi.platform.time;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The business calendar's setting ({@code gongzhi.time.*}); read only by {@link BusinessCalendar}. */
@ConfigMapping(prefix = "gongzhi.time")
public interface TimeConfig {

    /**
     * The deployment's zone: its days and months are the business days and months of the whole application
     * (env {@code GONGZHI_TIME_ZONE}). Independent of the JVM's default zone and of the database session's zone.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
