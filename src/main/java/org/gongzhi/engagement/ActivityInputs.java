package org.gongzhi.engagement;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.engagement.ActivityViews.Activity;
import org.gongzhi.engagement.ActivityViews.ActivitySignup;

/** Inputs and payloads of the activity mutations. Every input takes an optional idempotency key. */
public final class ActivityInputs {

    private ActivityInputs() {
    }

    @Name("CreateActivityInput")
    @Description("发布活动（组织者所在组织的管理员）(publish an activity; administrators of the organizer)")
    public record CreateActivityInput(
            @NonNull @Id @Description("组织者 (organizer organization)") String organizerId,
            @NonNull @Description("类型 (kind)") ActivityKind kind,
            @NonNull @Description("标题，最多100字 (title)") String title,
            @Description("内容，最多4000字 (description)") String description,
            @NonNull @Description("地点，最多200字 (place)") String place,
            @Id @Description("预约的场地资源 (a VENUE resource to book)") String venueResourceId,
            @NonNull @Description("开始时间 (starts at)") OffsetDateTime startsAt,
            @NonNull @Description("结束时间 (ends at)") OffsetDateTime endsAt,
            @NonNull @Description("名额 1-10000 (capacity)") int capacity,
            @NonNull @Description("活动对象 (audience)") ActivityAudience audience,
            @Id @Description("对象范围，默认组织者 (audience scope; the organizer when omitted)") String audienceScopeId,
            @Description("签到积分，默认按配置 (points per attendee; configured rate when omitted)") Integer points,
            @Description("计入志愿时长（分钟），志愿服务默认为活动时长 (volunteer minutes; the duration for VOLUNTEER_SERVICE when omitted)")
            Integer serviceMinutes,
            @Description("计为双报到季度集体服务 (counts as the quarterly collective service)") Boolean collectiveService,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ActivityPayload")
    @Description("活动变更结果 (the activity)")
    public record ActivityPayload(@NonNull @Description("活动 (activity)") Activity activity,
            @NonNull @Description("是否为重放 (replayed)") boolean replayed) {
    }

    @Name("CancelActivityInput")
    @Description("取消活动：组织者在开始前，须说明理由；场地时段随之释放 (cancel before it starts, with a reason; the venue slot is released)")
    public record CancelActivityInput(
            @NonNull @Id @Description("活动 (activity)") String activityId,
            @NonNull @Description("理由，最多500字 (reason)") String reason,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ActivitySignupInput")
    @Description("报名或取消报名 (sign up for, or cancel a sign-up to, an activity)")
    public record ActivitySignupInput(
            @NonNull @Id @Description("活动 (activity)") String activityId,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("CheckInInput")
    @Description("签到：本人输入现场签到码，或组织者为成员签到 (check in with the code shown at the venue, or by the organizer for a member)")
    public record CheckInInput(
            @NonNull @Id @Description("活动 (activity)") String activityId,
            @Description("现场签到码（本人签到）(the code shown at the venue)") String code,
            @Id @Description("成员（组织者签到）(the member, when the organizer checks in)") String memberId,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ActivitySignupPayload")
    @Description("报名/签到结果 (the sign-up)")
    public record ActivitySignupPayload(@NonNull @Description("报名 (sign-up)") ActivitySignup signup,
            @NonNull @Description("是否为重放 (replayed)") boolean replayed) {
    }
}
