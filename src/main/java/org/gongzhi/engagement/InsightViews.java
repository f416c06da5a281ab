package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Views of the engagement reports: leaderboards and per-organization participation. */
public final class InsightViews {

    private InsightViews() {
    }

    @Name("LeaderboardEntry")
    @Description("排行榜一项；选择不上榜的成员姓名脱敏且不关联成员 (one leaderboard line; members who opted out are masked)")
    public record LeaderboardEntry(
            @NonNull @Description("名次 (rank)") int rank,
            @NonNull @Description("显示名，退出排行者脱敏 (display name; masked for members who opted out)") String displayName,
            @NonNull @Description("已脱敏 (masked)") boolean masked,
            @NonNull @Description("是我 (this is the caller)") boolean me,
            @NonNull @Description("期内获得量（积分或分钟）(earned in the period: points or minutes)") int earned,
            @Ignore Long memberDbId) {
    }

    @Name("EngagementFigures")
    @Description("组织参与情况：活动、出席、党员与志愿者参与率、志愿时长、双报到达标 (participation figures of an organization's subtree in a month)")
    public record EngagementFigures(
            @NonNull @Description("组织的活动数 (activities organized in the subtree, starting in the month)") int activities,
            @NonNull @Description("报名确认数 (confirmed sign-ups of those)") int confirmedSignups,
            @NonNull @Description("出席人次 (attendances: check-ins)") int attendances,
            @NonNull @Description("出席率 0-1 (attendances / confirmed sign-ups)") double attendanceRate,
            @NonNull @Description("党员数 (party members with a membership in the subtree)") int partyMembers,
            @NonNull @Description("本月有参与的党员数 (party members who earned points or hours this month)") int activePartyMembers,
            @NonNull @Description("党员参与率 0-1 (party member participation rate)") double partyParticipationRate,
            @NonNull @Description("志愿者数 (volunteers)") int volunteers,
            @NonNull @Description("本月有参与的志愿者数 (active volunteers)") int activeVolunteers,
            @NonNull @Description("志愿者参与率 0-1 (volunteer participation rate)") double volunteerParticipationRate,
            @NonNull @Description("本月志愿服务时长，小时 (volunteer hours earned this month by members living in the subtree)")
            double volunteerHours,
            @NonNull @Description("双报到党员数 (dual-registered members)") int dualRegistered,
            @NonNull @Description("双报到本月达标数 (of them, compliant this month)") int dualCompliant,
            @NonNull @Description("双报到达标率 0-1 (dual-registration compliance rate)") double dualComplianceRate,
            @Ignore long organizationDbId) {
    }
}
