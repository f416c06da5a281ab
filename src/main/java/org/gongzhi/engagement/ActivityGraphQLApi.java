package org.gongzhi.engagement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gongzhi.engagement.ActivityInputs.ActivityPayload;
import org.gongzhi.engagement.ActivityInputs.ActivitySignupInput;
import org.gongzhi.engagement.ActivityInputs.ActivitySignupPayload;
import org.gongzhi.engagement.ActivityInputs.CancelActivityInput;
import org.gongzhi.engagement.ActivityInputs.CheckInInput;
import org.gongzhi.engagement.ActivityInputs.CreateActivityInput;
import org.gongzhi.engagement.ActivityViews.Activity;
import org.gongzhi.engagement.ActivityViews.ActivityConnection;
import org.gongzhi.engagement.ActivityViews.ActivitySignup;
import org.gongzhi.engagement.ActivityViews.ActivitySignupConnection;
import org.gongzhi.member.Member;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;

import io.quarkus.security.Authenticated;

/** Activities over GraphQL. Thin: parse, call the service or a batched query, map. */
@GraphQLApi
@Authenticated
public class ActivityGraphQLApi {

    private final ActivityService service;
    private final ActivityQueries queries;
    private final MemberQueries members;
    private final OrganizationQueries organizations;
    private final CurrentActor currentActor;
    private final GraphQLLimits limits;

    ActivityGraphQLApi(ActivityService service, ActivityQueries queries, MemberQueries members, OrganizationQueries organizations,
            CurrentActor currentActor, GraphQLLimits limits) {
        this.service = service;
        this.queries = queries;
        this.members = members;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.limits = limits;
    }

    @Query("activity")
    @Description("按ID查询活动 (one activity of my street)")
    public Activity activity(@NonNull @Id @Name("id") String id) {
        return service.get(id);
    }

    @Query("activities")
    @Description("活动列表：给定组织时为其子树组织的活动；否则为我可参加、尚未结束的活动，按开始时间"
            + " (activities organized in a subtree; without underId, the not yet ended activities open to me; by start time)")
    public @NonNull ActivityConnection activities(@Id @Name("underId") String underId, @Name("kind") ActivityKind kind,
            @Name("first") Integer first, @Name("after") String after) {
        return service.list(underId, kind, PageRequest.of(first, after, limits));
    }

    // ------------------------------------------------------------------ batched fields of Activity

    @Description("组织者 (organizer)")
    public List<@NonNull Organization> organizer(@Source List<Activity> activities) {
        return orgs(activities, Activity::organizerOrgDbId);
    }

    @Description("对象范围 (audience scope)")
    public List<@NonNull Organization> audienceScope(@Source List<Activity> activities) {
        return orgs(activities, Activity::audienceOrgDbId);
    }

    @Description("现场签到码，仅组织者可见 (the check-in code to show at the venue; organizer only, null for others)")
    public List<String> checkInCode(@Source List<Activity> activities) {
        Actor actor = currentActor.get();
        return activities.stream().map(a -> service.mayOrganize(actor, a) ? a.checkInCodeValue() : null).toList();
    }

    @Description("候补人数 (waitlisted sign-ups)")
    public List<@NonNull Integer> waitlistCount(@Source List<Activity> activities) {
        Map<Long, long[]> counts = queries.counts(activities.stream().map(Activity::dbId).toList());
        return activities.stream().map(a -> (int) counts.getOrDefault(a.dbId(), new long[2])[0]).toList();
    }

    @Description("出席（已签到）人数 (attendance: checked-in sign-ups)")
    public List<@NonNull Integer> attendedCount(@Source List<Activity> activities) {
        Map<Long, long[]> counts = queries.counts(activities.stream().map(Activity::dbId).toList());
        return activities.stream().map(a -> (int) counts.getOrDefault(a.dbId(), new long[2])[1]).toList();
    }

    @Description("我的报名 (my sign-up, if any)")
    public List<ActivitySignup> mySignup(@Source List<Activity> activities) {
        return queries.signupsOfMember(activities, currentActor.get().memberId());
    }

    @Description("报名名单，仅组织者 (sign-ups in waitlist order; organizer only)")
    public List<@NonNull ActivitySignupConnection> signups(@Source List<Activity> activities, @Name("status") SignupStatus status,
            @Name("first") Integer first, @Name("after") String after) {
        Actor actor = currentActor.get();
        for (Activity a : activities) {
            if (!service.mayOrganize(actor, a)) {
                throw DomainException.forbidden("Only the organizer sees the sign-up list");
            }
        }
        return queries.signupsOf(activities.stream().map(Activity::dbId).toList(), status, PageRequest.of(first, after, limits));
    }

    @Description("报名人 (the member)")
    public List<@NonNull Member> member(@Source List<ActivitySignup> signups) {
        Map<Long, Member> byId = new HashMap<>();
        for (Member m : members.membersByIds(signups.stream().map(ActivitySignup::memberDbId).distinct().toList())) {
            byId.put(m.dbId(), m);
        }
        return signups.stream().map(s -> byId.get(s.memberDbId())).toList();
    }

    @Description("活动 (the activity)")
    public List<@NonNull Activity> activity(@Source List<ActivitySignup> signups) {
        Map<Long, Activity> byId = new HashMap<>();
        for (Activity a : queries.byIds(signups.stream().map(ActivitySignup::activityDbId).distinct().toList())) {
            byId.put(a.dbId(), a);
        }
        return signups.stream().map(s -> byId.get(s.activityDbId())).toList();
    }

    private List<Organization> orgs(List<Activity> activities, Function<Activity, Long> key) {
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(activities.stream().map(key).filter(Objects::nonNull).distinct().toList())) {
            byId.put(o.dbId(), o);
        }
        return activities.stream().map(a -> byId.get(key.apply(a))).toList();
    }

    // ------------------------------------------------------------------ mutations

    @Mutation("createActivity")
    @Description("发布活动 (publish an activity)")
    public @NonNull ActivityPayload createActivity(@NonNull @Name("input") CreateActivityInput input) {
        return service.create(input);
    }

    @Mutation("cancelActivity")
    @Description("取消活动（组织者，开始前）(cancel an activity before it starts; organizer)")
    public @NonNull ActivityPayload cancelActivity(@NonNull @Name("input") CancelActivityInput input) {
        return service.cancel(input);
    }

    @Mutation("signUpForActivity")
    @Description("报名：有名额即确认，否则进入候补 (sign up: confirmed while seats last, else waitlisted)")
    public @NonNull ActivitySignupPayload signUpForActivity(@NonNull @Name("input") ActivitySignupInput input) {
        return service.signUp(input);
    }

    @Mutation("cancelActivitySignup")
    @Description("取消报名：空出的名额自动递补给最早候补者 (cancel; the freed seat goes to the longest-waiting sign-up)")
    public @NonNull ActivitySignupPayload cancelActivitySignup(@NonNull @Name("input") ActivitySignupInput input) {
        return service.cancelSignup(input);
    }

    @Mutation("checkInToActivity")
    @Description("签到：首次签到记出席并一次性发放积分与志愿时长 (check in; the first check-in records attendance and posts points and minutes once)")
    public @NonNull ActivitySignupPayload checkInToActivity(@NonNull @Name("input") CheckInInput input) {
        return service.checkIn(input);
    }
}
