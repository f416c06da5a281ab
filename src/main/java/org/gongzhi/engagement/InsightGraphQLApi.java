package org.gongzhi.engagement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gongzhi.engagement.InsightViews.EngagementFigures;
import org.gongzhi.engagement.InsightViews.LeaderboardEntry;
import org.gongzhi.member.Member;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;

import io.quarkus.security.Authenticated;

/** Leaderboards and participation figures over GraphQL. */
@GraphQLApi
@Authenticated
public class InsightGraphQLApi {

    private final EngagementInsights insights;
    private final MemberQueries members;
    private final OrganizationQueries organizations;

    InsightGraphQLApi(EngagementInsights insights, MemberQueries members, OrganizationQueries organizations) {
        this.insights = insights;
        this.members = members;
        this.organizations = organizations;
    }

    @Query("leaderboard")
    @Description("积分/时长排行榜：居住在该组织范围内的成员，可按月；选择不上榜者姓名脱敏"
            + " (leaderboard of members living under the organization, all time or one month; opted-out members are masked)")
    public @NonNull List<@NonNull LeaderboardEntry> leaderboard(@NonNull @Id @Name("organizationId") String organizationId,
            @Description("单位，默认积分 (unit; POINTS when omitted)") @Name("unit") LedgerUnit unit,
            @Description("月份 YYYY-MM，缺省为累计 (month; all time when omitted)") @Name("month") String month,
            @Description("前几名 1-100，默认10 (how many; 10 when omitted)") @Name("first") Integer first) {
        return insights.leaderboard(organizationId, unit, month, first);
    }

    @Query("engagementOverview")
    @Description("参与情况总览：该组织及其直属下级的活动、出席、党员与志愿者参与率、双报到达标 (office screen: figures of the "
            + "organization and each direct child for a month; administrators)")
    public @NonNull List<@NonNull EngagementFigures> engagementOverview(@NonNull @Id @Name("organizationId") String organizationId,
            @NonNull @Description("月份 YYYY-MM") @Name("month") String month) {
        return insights.overview(organizationId, month);
    }

    @Description("成员；脱敏时为空 (the member; null when masked)")
    public List<Member> member(@Source List<LeaderboardEntry> entries) {
        Map<Long, Member> byId = new HashMap<>();
        for (Member m : members.membersByIds(entries.stream().map(LeaderboardEntry::memberDbId).filter(Objects::nonNull).distinct().toList())) {
            byId.put(m.dbId(), m);
        }
        return entries.stream().map(e -> e.memberDbId() == null ? null : byId.get(e.memberDbId())).toList();
    }

    @Description("组织 (the organization)")
    public List<@NonNull Organization> organization(@Source List<EngagementFigures> figures) {
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(figures.stream().map(EngagementFigures::organizationDbId).distinct().toList())) {
            byId.put(o.dbId(), o);
        }
        return figures.stream().map(f -> byId.get(f.organizationDbId())).toList();
    }
}
