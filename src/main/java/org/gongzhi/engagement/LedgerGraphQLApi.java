package org.gongzhi.engagement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gongzhi.engagement.LedgerInputs.AdjustLedgerInput;
import org.gongzhi.engagement.LedgerInputs.CreateRewardInput;
import org.gongzhi.engagement.LedgerInputs.LedgerEntryPayload;
import org.gongzhi.engagement.LedgerInputs.RedeemRewardInput;
import org.gongzhi.engagement.LedgerInputs.RedeemRewardPayload;
import org.gongzhi.engagement.LedgerInputs.RewardPayload;
import org.gongzhi.engagement.LedgerViews.LedgerEntryConnection;
import org.gongzhi.engagement.LedgerViews.Reward;
import org.gongzhi.engagement.LedgerViews.RewardConnection;
import org.gongzhi.engagement.LedgerViews.RewardRedemption;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;

import io.quarkus.security.Authenticated;

/** Points, volunteer hours and rewards over GraphQL. Thin: parse, call the service or a batched query, map. */
@GraphQLApi
@Authenticated
public class LedgerGraphQLApi {

    private final PointsService service;
    private final LedgerQueries queries;
    private final OrganizationQueries organizations;
    private final GraphQLLimits limits;

    LedgerGraphQLApi(PointsService service, LedgerQueries queries, OrganizationQueries organizations, GraphQLLimits limits) {
        this.service = service;
        this.queries = queries;
        this.organizations = organizations;
        this.limits = limits;
    }

    @Query("myPoints")
    @Description("我的积分余额 (my points balance)")
    public int myPoints() {
        return (int) service.myBalance(LedgerUnit.POINTS);
    }

    @Query("myHours")
    @Description("我的志愿服务时长，小时 (my volunteer time bank, in hours)")
    public double myHours() {
        return service.myBalance(LedgerUnit.MINUTES) / 60.0;
    }

    @Query("myLedger")
    @Description("我的积分/时长流水，最新在前 (my ledger history, newest first; one unit or both)")
    public @NonNull LedgerEntryConnection myLedger(@Name("unit") LedgerUnit unit, @Name("first") Integer first,
            @Name("after") String after) {
        return service.myHistory(unit, PageRequest.of(first, after, limits));
    }

    @Query("memberLedger")
    @Description("成员流水（管理员，限管辖范围）(a member's ledger history; administrators of the member's place)")
    public @NonNull LedgerEntryConnection memberLedger(@NonNull @Id @Name("memberId") String memberId, @Name("unit") LedgerUnit unit,
            @Name("first") Integer first, @Name("after") String after) {
        return service.historyOf(memberId, unit, PageRequest.of(first, after, limits));
    }

    @Query("rewards")
    @Description("积分兑换目录：本街道与本社区的兑换品 (rewards catalogue: my street's and my community's rewards)")
    public @NonNull RewardConnection rewards(@Name("first") Integer first, @Name("after") String after) {
        return service.rewards(PageRequest.of(first, after, limits));
    }

    @Description("提供单位 (street or community offering it)")
    public List<@NonNull Organization> owner(@Source List<Reward> rewards) {
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(rewards.stream().map(Reward::ownerOrgDbId).distinct().toList())) {
            byId.put(o.dbId(), o);
        }
        return rewards.stream().map(r -> byId.get(r.ownerOrgDbId())).toList();
    }

    @Description("兑换品 (the reward)")
    public List<@NonNull Reward> reward(@Source List<RewardRedemption> redemptions) {
        Map<Long, Reward> byId = new HashMap<>();
        for (Reward r : queries.rewardsByIds(redemptions.stream().map(RewardRedemption::rewardDbId).distinct().toList())) {
            byId.put(r.dbId(), r);
        }
        return redemptions.stream().map(r -> byId.get(r.rewardDbId())).toList();
    }

    @Mutation("createReward")
    @Description("上架兑换品 (offer a reward)")
    public @NonNull RewardPayload createReward(@NonNull @Name("input") CreateRewardInput input) {
        return service.createReward(input);
    }

    @Mutation("redeemReward")
    @Description("积分兑换：余额与库存都不会为负 (redeem points; neither balance nor stock ever goes negative)")
    public @NonNull RedeemRewardPayload redeemReward(@NonNull @Name("input") RedeemRewardInput input) {
        return service.redeem(input);
    }

    @Mutation("adjustLedger")
    @Description("更正调整：另记一笔 (post a correcting entry; administrators)")
    public @NonNull LedgerEntryPayload adjustLedger(@NonNull @Name("input") AdjustLedgerInput input) {
        return service.adjust(input);
    }
}
