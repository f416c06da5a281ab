package org.gongzhi.need;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One entry of a need's timeline (append-only). */
@Name("NeedEvent")
@Description("需求时间线事件 (an event on a need's timeline: a transition, assignment, escalation, note or SLA warning)")
public record NeedEvent(
        @NonNull @Id @Description("不透明ID (opaque id)") String id,
        @NonNull @Description("时间 (at)") OffsetDateTime at,
        @NonNull @Description("类型 (kind)") NeedEventKind kind,
        @Description("原状态 (status before)") NeedStatus fromStatus,
        @Description("新状态 (status after)") NeedStatus toStatus,
        @Description("备注/理由 (note or reason)") String note,
        @NonNull @Description("是否系统自动 (true when done by the SLA job)") boolean automatic,
        @Ignore long dbId,
        @Ignore Long actorMemberId,
        @Ignore Long organizationId,
        @Ignore Long memberId) {

    public static final String TYPE = "NeedEvent";
}
