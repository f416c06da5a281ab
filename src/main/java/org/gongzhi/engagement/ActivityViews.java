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

/** GraphQL views of activities and sign-ups. */
public final class ActivityViews {

    private ActivityViews() {
    }

    @Name("Activity")
    @Description("活动：主题党日、志愿服务、红色文化活动、联席会议 (an activity with sign-up, waitlist and check-in)")
    public record Activity(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("类型 (kind)") ActivityKind kind,
            @NonNull @Description("标题 (title)") String title,
            @Description("内容 (description)") String description,
            @NonNull @Description("地点 (place)") String place,
            @Id @Description("预约的场地资源 (the VENUE resource booked for it)") String venueResourceId,
            @NonNull @Description("开始时间 (starts at)") OffsetDateTime startsAt,
            @NonNull @Description("结束时间 (ends at)") OffsetDateTime endsAt,
            @NonNull @Description("名额 (capacity)") int capacity,
            @NonNull @Description("已报名人数 (confirmed sign-ups)") int confirmedCount,
            @NonNull @Description("活动对象 (audience)") ActivityAudience audience,
            @NonNull @Description("状态 (status)") ActivityStatus status,
            @NonNull @Description("签到积分 (points per attendee)") int points,
            @NonNull @Description("计入志愿时长，分钟 (volunteer minutes per attendee)") int serviceMinutes,
            @NonNull @Description("计为双报到季度集体服务 (counts as the quarterly collective service of dual registration)")
            boolean collectiveService,
            @Description("取消理由 (why it was cancelled)") String cancelReason,
            @Ignore long dbId,
            @Ignore long tenantId,
            @Ignore long organizerOrgDbId,
            @Ignore String organizerPath,
            @Ignore long audienceOrgDbId,
            @Ignore String checkInCodeValue,
            @Ignore String audiencePath) {

        public static final String TYPE = "Activity";
    }

    @Name("ActivitySignup")
    @Description("活动报名 (a sign-up: confirmed, waitlisted or cancelled; attendance once checked in)")
    public record ActivitySignup(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("状态 (status)") SignupStatus status,
            @NonNull @Description("报名时间 (signed up at)") OffsetDateTime signedUpAt,
            @Description("确认时间 (confirmed at)") OffsetDateTime confirmedAt,
            @NonNull @Description("由候补递补 (promoted from the waitlist)") boolean promoted,
            @Description("取消时间 (cancelled at)") OffsetDateTime cancelledAt,
            @Description("签到时间；有值即出席 (checked in at; set means attended)") OffsetDateTime checkedInAt,
            @Description("签到方式 (check-in method)") CheckInMethod checkInMethod,
            @Ignore long dbId,
            @Ignore long activityDbId,
            @Ignore long memberDbId) {

        public static final String TYPE = "ActivitySignup";
    }

    @Name("ActivityConnection")
    @Description("活动分页列表，按开始时间 (a page of activities by start time)")
    public record ActivityConnection(@NonNull @Description("本页各项 (edges)") List<@NonNull ActivityEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static ActivityConnection of(Slice<Activity> slice, Function<Activity, String> cursor) {
            return new ActivityConnection(slice.edges(cursor, ActivityEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("ActivityEdge")
    @Description("活动分页项 (an edge)")
    public record ActivityEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("活动 (the activity)") Activity node) {
    }

    @Name("ActivitySignupConnection")
    @Description("报名分页列表 (a page of sign-ups)")
    public record ActivitySignupConnection(@NonNull @Description("本页各项 (edges)") List<@NonNull ActivitySignupEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static ActivitySignupConnection of(Slice<ActivitySignup> slice) {
            Function<ActivitySignup, String> cursor = s -> org.gongzhi.platform.pagination.Cursor.encode(s.dbId());
            return new ActivitySignupConnection(slice.edges(cursor, ActivitySignupEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("ActivitySignupEdge")
    @Description("报名分页项 (an edge)")
    public record ActivitySignupEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("报名 (the sign-up)") ActivitySignup node) {
    }
}
