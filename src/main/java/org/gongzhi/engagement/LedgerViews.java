package org.gongzhi.engagement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

/** GraphQL views of the ledger and the rewards catalogue. */
public final class LedgerViews {

    private LedgerViews() {
    }

    @Name("LedgerEntry")
    @Description("积分/时长流水（从成员账户看，正为获得、负为支出；不可修改，更正另记一笔）"
            + " (one transfer seen from the member's account: positive earned, negative spent; never edited)")
    public record LedgerEntry(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("单位 (unit)") LedgerUnit unit,
            @NonNull @Description("事由 (kind)") LedgerEntryKind kind,
            @NonNull @Description("变动量，带符号 (signed amount)") int amount,
            @Description("说明 (memo)") String memo,
            @Id @Description("所更正的流水 (the entry this one corrects)") String correctsId,
            @NonNull @Description("记账时间 (posted at)") OffsetDateTime at,
            @Ignore long dbId,
            @Ignore long memberDbId) {

        public static final String TYPE = "LedgerEntry";
    }

    @Name("LedgerEntryConnection")
    @Description("流水分页列表，最新在前 (a page of ledger entries, newest first)")
    public record LedgerEntryConnection(@NonNull @Description("本页各项 (edges)") List<@NonNull LedgerEntryEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static LedgerEntryConnection of(Slice<LedgerEntry> slice, Function<LedgerEntry, String> cursor) {
            return new LedgerEntryConnection(slice.edges(cursor, LedgerEntryEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("LedgerEntryEdge")
    @Description("流水分页项 (an edge)")
    public record LedgerEntryEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("流水 (the entry)") LedgerEntry node) {
    }

    @Name("Reward")
    @Description("积分兑换品（实物或服务，有库存）(a reward of the catalogue: an item or a service with stock)")
    public record Reward(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("类型 (kind)") RewardKind kind,
            @NonNull @Description("名称 (name)") String name,
            @Description("说明 (description)") String description,
            @NonNull @Description("所需积分 (price in points)") int pricePoints,
            @NonNull @Description("剩余库存 (stock left)") int stock,
            @NonNull @Description("上架中 (offered now)") boolean active,
            @Ignore long dbId,
            @Ignore long ownerOrgDbId) {

        public static final String TYPE = "Reward";
    }

    @Name("RewardConnection")
    @Description("兑换品分页列表 (a page of rewards)")
    public record RewardConnection(@NonNull @Description("本页各项 (edges)") List<@NonNull RewardEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static RewardConnection of(Slice<Reward> slice) {
            Function<Reward, String> cursor = r -> org.gongzhi.platform.pagination.Cursor.encode(r.dbId());
            return new RewardConnection(slice.edges(cursor, RewardEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("RewardEdge")
    @Description("兑换品分页项 (an edge)")
    public record RewardEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("兑换品 (the reward)") Reward node) {
    }

    @Name("RewardRedemption")
    @Description("一次积分兑换 (one redemption)")
    public record RewardRedemption(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("数量 (quantity)") int quantity,
            @NonNull @Description("花费积分 (points spent)") int points,
            @NonNull @Description("兑换时间 (at)") OffsetDateTime at,
            @Ignore long rewardDbId) {

        public static final String TYPE = "RewardRedemption";
    }
}
