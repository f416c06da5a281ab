package org.gongzhi.deliberation;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.time.Times;

/** The GraphQL view of a deliberation; related objects are batched {@code @Source} resolvers. */
@Name("Deliberation")
@Description("议事协商事项 (a deliberation: one matter per deliberation 一事一议, scoped to a building, compound, grid, community or street)")
public record Deliberation(
        @NonNull @Id @Description("不透明ID (opaque id)") String id,
        @NonNull @Description("议题 (title)") String title,
        @NonNull @Description("背景说明 (background)") String background,
        @NonNull @Description("议事类型 (kind)") DeliberationKind kind,
        @NonNull @Description("是否三重一大事项 (major matter: must use 四议两公开)") boolean majorMatter,
        @Description("三重一大类别 (category of the major matter)") MajorMatterCategory majorCategory,
        @NonNull @Description("阶段 (stage)") DeliberationStage stage,
        @Description("表决结果 (outcome, once decided)") DeliberationOutcome outcome,
        @NonNull @Description("附件地址 (attachment URLs)") List<@NonNull String> attachmentUrls,
        @Description("决议内容 (the resolution, once publicised)") String resolution,
        @Description("撤回理由 (withdrawal reason)") String withdrawReason,
        @Description("转介方向：本事项由上级/下级转来 (direction of the referral this deliberation came from)") ReferralDirection referralDirection,
        @NonNull @Description("提议时间 (proposed at)") OffsetDateTime proposedAt,
        @Description("表决结束时间 (decided at)") OffsetDateTime decidedAt,
        @Description("办结时间 (completed at)") OffsetDateTime completedAt,
        @Description("归档/撤回/转介时间 (closed at: archived, withdrawn or referred)") OffsetDateTime closedAt,
        @NonNull @Description("最后更新 (updated at)") OffsetDateTime updatedAt,
        @Ignore long dbId,
        @Ignore long tenantId,
        @Ignore Long communityId,
        @Ignore long scopeOrgId,
        @Ignore String scopePath,
        @Ignore long proposerMemberId,
        @Ignore Long referredFromId) {

    public static final String TYPE = "Deliberation";

    static Deliberation of(DeliberationEntity e) {
        return new Deliberation(GlobalId.encode(TYPE, e.id), e.title, e.background, e.kind, e.majorMatter, e.majorCategory,
                e.stage, e.outcome, List.copyOf(e.attachmentUrls), e.resolution, e.withdrawReason, e.referralDirection,
                Times.local(e.proposedAt), Times.local(e.decidedAt), Times.local(e.completedAt), Times.local(e.closedAt),
                Times.local(e.updatedAt), e.id, e.tenantId, e.communityId, e.scopeOrgId, e.scopePath, e.proposerMemberId,
                e.referredFromId);
    }
}
