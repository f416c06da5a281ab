package org.gongzhi.need;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.time.Times;

/**
 * The GraphQL view of a need. Overdue flags are computed against the application clock when the view is
 * built. Other features add fields with {@code @Source Need} resolvers and use the {@code @Ignore}d ids.
 */
@Name("Need")
@Description("需求/诉求 (a need: a resident's request, a micro-wish 微心愿, or a public issue found on patrol)")
public record Need(
        @NonNull @Id @Description("不透明ID (opaque id)") String id,
        @NonNull @Description("标题 (title)") String title,
        @NonNull @Description("描述 (description)") String description,
        @NonNull @Description("类别 (category)") NeedCategory category,
        @NonNull @Description("紧急程度 (urgency)") NeedUrgency urgency,
        @NonNull @Description("性质 (kind)") NeedKind kind,
        @NonNull @Description("反映渠道 (channel)") NeedChannel channel,
        @NonNull @Description("可见范围 (visibility)") NeedVisibility visibility,
        @NonNull @Description("状态 (status)") NeedStatus status,
        @NonNull @Description("照片地址 (photo URLs)") List<@NonNull String> photoUrls,
        @NonNull @Description("提交时间 (submitted at)") OffsetDateTime submittedAt,
        @NonNull @Description("响应时限 (respond by: accept or reject before this)") OffsetDateTime respondBy,
        @NonNull @Description("办结时限 (resolve by)") OffsetDateTime resolveBy,
        @Description("报到时限：被吹哨单位须在此前报到 (acknowledge by, while escalated)") OffsetDateTime acknowledgeBy,
        @Description("当前适用的最近时限 (the deadline that governs the current status; null once finished)") OffsetDateTime nextDeadline,
        @Description("响应时间 (responded at)") OffsetDateTime respondedAt,
        @Description("办结时间 (resolved at)") OffsetDateTime resolvedAt,
        @Description("关闭时间 (closed at)") OffsetDateTime closedAt,
        @NonNull @Description("响应超时 (respond deadline missed)") boolean respondOverdue,
        @NonNull @Description("办结超时 (resolve deadline missed)") boolean resolveOverdue,
        @NonNull @Description("当前已超时 (the governing deadline has passed and the need is still open)") boolean overdue,
        @Description("响应用时（分钟）(minutes to respond, once responded)") Integer minutesToRespond,
        @Description("办结用时（分钟）(minutes to resolve, once resolved)") Integer minutesToResolve,
        @Description("满意度评分1-5 (rating 1..5)") Integer rating,
        @Description("评价内容 (rating comment)") String ratingComment,
        @Description("驳回理由 (reject reason)") String rejectReason,
        @Description("办结说明 (resolution note)") String resolutionNote,
        @NonNull @Description("整改次数 (times reopened for rectification)") int reopenCount,
        @NonNull @Description("上报层级：0为网格 (escalation steps taken; 0 = still where it was reported)") int escalationLevel,
        @NonNull @Description("最后更新 (updated at)") OffsetDateTime updatedAt,
        @Ignore long dbId,
        @Ignore long tenantId,
        @Ignore long communityId,
        @Ignore long placeOrgId,
        @Ignore String placePath,
        @Ignore Long buildingId,
        @Ignore Long householdId,
        @Ignore long reporterMemberId,
        @Ignore Long beneficiaryMemberId,
        @Ignore long requesterMemberId,
        @Ignore long responsibleOrgId,
        @Ignore String responsiblePath,
        @Ignore Long assigneeOrgId,
        @Ignore Long assigneeMemberId,
        @Ignore Long claimerMemberId,
        @Ignore Long duplicateOfId,
        @Ignore Instant nextDeadlineInstant) {

    public static final String TYPE = "Need";

    static Need of(NeedEntity e, Instant now) {
        boolean open = e.status.isOpen();
        boolean respondOverdue = e.respondedAt == null ? open && now.isAfter(e.respondBy) : e.respondedAt.isAfter(e.respondBy);
        boolean resolveOverdue = e.resolvedAt == null ? open && now.isAfter(e.resolveBy) : e.resolvedAt.isAfter(e.resolveBy);
        boolean overdue = open && e.nextDeadline != null && now.isAfter(e.nextDeadline);
        return new Need(GlobalId.encode(TYPE, e.id), e.title, e.description, e.category, e.urgency, e.kind, e.channel,
                e.visibility, e.status, List.copyOf(e.photoUrls), Times.local(e.submittedAt), Times.local(e.respondBy),
                Times.local(e.resolveBy), Times.local(e.acknowledgeBy), Times.local(e.nextDeadline),
                Times.local(e.respondedAt), Times.local(e.resolvedAt), Times.local(e.closedAt),
                respondOverdue, resolveOverdue, overdue, minutes(e.submittedAt, e.respondedAt),
                minutes(e.submittedAt, e.resolvedAt), e.rating == null ? null : e.rating.intValue(), e.ratingComment,
                e.rejectReason, e.resolutionNote, e.reopenCount, e.escalationLevel, Times.local(e.updatedAt),
                e.id, e.tenantId, e.communityId, e.placeOrgId, e.placePath, e.buildingId, e.householdId, e.reporterMemberId,
                e.beneficiaryMemberId, e.requesterMemberId, e.responsibleOrgId, e.responsiblePath, e.assigneeOrgId,
                e.assigneeMemberId, e.claimerMemberId, e.duplicateOfId, e.nextDeadline);
    }

    private static Integer minutes(Instant from, Instant to) {
        return to == null ? null : (int) Duration.between(from, to).toMinutes();
    }
}
