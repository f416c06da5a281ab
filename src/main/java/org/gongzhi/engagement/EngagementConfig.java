package org.gongzhi.engagement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rates and rules of the engagement feature ({@code gongzhi.engagement.*}). Changing a rate affects future postings only. */
@ConfigMapping(prefix = "gongzhi.engagement")
public interface EngagementConfig {

    /** Points for checking in at an activity (活动签到积分). */
    @WithDefault("10")
    int pointsCheckIn();

    /** Points for a micro-wish (微心愿) fulfilled by a party member or volunteer, once the requester rated it. */
    @WithDefault("20")
    int pointsMicroWish();

    /** Points for any other need handled by a party member or volunteer, once rated. */
    @WithDefault("10")
    int pointsNeed();

    /** Points for one dual-registration service (双报到服务) record. */
    @WithDefault("10")
    int pointsDualService();

    /** How long before an activity starts check-in opens, in minutes. */
    @WithDefault("60")
    int checkInOpensMinutesBefore();

    /** How long after an activity ends check-in stays open, in minutes. */
    @WithDefault("120")
    int checkInClosesMinutesAfter();

    /** Longest service one record may claim, in minutes (a day's work). */
    @WithDefault("720")
    int maxServiceMinutes();
}
