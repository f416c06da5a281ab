package org.gongzhi.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.engagement.LedgerViews.LedgerEntry;
import org.gongzhi.engagement.LedgerViews.Reward;
import org.gongzhi.engagement.LedgerViews.RewardRedemption;

/** Inputs and payloads of the ledger and rewards mutations. Every input takes an optional idempotency key. */
public final class LedgerInputs {

    private LedgerInputs() {
    }

    @Name("CreateRewardInput")
    @Description("上架兑换品（街道或社区管理员）(offer a reward; administrators of the owning street or community)")
    public record CreateRewardInput(
            @NonNull @Id @Description("提供的街道或社区 (street or community offering it)") String ownerOrganizationId,
            @NonNull @Description("类型 (kind)") RewardKind kind,
            @NonNull @Description("名称，最多100字 (name)") String name,
            @Description("说明，最多1000字 (description)") String description,
            @NonNull @Description("所需积分，正整数 (price in points)") int pricePoints,
            @NonNull @Description("库存，非负 (stock)") int stock,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("RewardPayload")
    @Description("兑换品变更结果 (the reward)")
    public record RewardPayload(@NonNull @Description("兑换品 (reward)") Reward reward,
            @NonNull @Description("是否为重放 (replayed from an earlier call with the same key)") boolean replayed) {
    }

    @Name("RedeemRewardInput")
    @Description("积分兑换 (redeem points for a reward)")
    public record RedeemRewardInput(
            @NonNull @Id @Description("兑换品 (reward)") String rewardId,
            @Description("数量，默认1 (quantity, 1 when omitted)") Integer quantity,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("RedeemRewardPayload")
    @Description("兑换结果 (the redemption and the points left)")
    public record RedeemRewardPayload(@NonNull @Description("兑换记录 (redemption)") RewardRedemption redemption,
            @NonNull @Description("剩余积分 (points balance after)") int pointsBalance,
            @NonNull @Description("是否为重放 (replayed)") boolean replayed) {
    }

    @Name("AdjustLedgerInput")
    @Description("更正调整：另记一笔，不修改原流水（管理员）(a correcting entry; the original is never edited)")
    public record AdjustLedgerInput(
            @NonNull @Id @Description("成员 (member)") String memberId,
            @NonNull @Description("单位 (unit)") LedgerUnit unit,
            @NonNull @Description("调整量，带符号，不为0 (signed amount, not 0)") int amount,
            @NonNull @Description("理由 (reason)") String reason,
            @Id @Description("所更正的流水 (the entry being corrected)") String correctsId,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("LedgerEntryPayload")
    @Description("记账结果 (the entry posted)")
    public record LedgerEntryPayload(@NonNull @Description("流水 (entry)") LedgerEntry entry,
            @NonNull @Description("是否为重放 (replayed)") boolean replayed) {
    }
}
