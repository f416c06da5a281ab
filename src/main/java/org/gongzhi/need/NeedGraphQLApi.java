package org.gongzhi.need;

import java.util.ArrayList;
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
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.gongzhi.platform.events.PgEventBus;
import org.gongzhi.member.Member;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.need.NeedInputs.*;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;

import io.quarkus.security.Authenticated;

/** Needs over GraphQL. Thin: parse, call the service or a batched query, map. */
@GraphQLApi
@Authenticated
public class NeedGraphQLApi {

    private final NeedService service;
    private final NeedScreens screens;
    private final NeedQueries queries;
    private final NeedSlaPolicies sla;
    private final MemberQueries members;
    private final OrganizationQueries organizations;
    private final GraphQLLimits limits;
    private final PgEventBus events;

    NeedGraphQLApi(NeedService service, NeedScreens screens, NeedQueries queries, NeedSlaPolicies sla, MemberQueries members,
            OrganizationQueries organizations, GraphQLLimits limits, PgEventBus events) {
        this.events = events;
        this.service = service;
        this.screens = screens;
        this.queries = queries;
        this.sla = sla;
        this.members = members;
        this.organizations = organizations;
        this.limits = limits;
    }

    // ------------------------------------------------------------------ queries: the three screens

    @Query("need")
    @Description("按ID查询需求 (one need the caller may see)")
    public Need need(@NonNull @Id @Name("id") String id) {
        return service.get(id);
    }

    @Query("myNeeds")
    @Description("我的需求：我提交或为我代办的需求，最新在前 (requester screen: needs I reported or that are for me, newest first)")
    public @NonNull NeedConnection myNeeds(@Name("status") NeedStatus status, @Name("first") Integer first,
            @Name("after") String after) {
        return screens.mine(status, PageRequest.of(first, after, limits));
    }

    @Query("needInbox")
    @Description("待办箱：我负责范围内的需求，按最近时限排序 (handler inbox: needs in my scope, nearest deadline first; open needs unless statuses are given)")
    public @NonNull NeedConnection needInbox(@Name("filter") NeedInboxFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        NeedInboxFilter f = filter == null ? new NeedInboxFilter(null, null, null, null, null) : filter;
        return screens.inbox(f.statuses(), f.category(), f.urgency(), f.overdue(), f.underId(), PageRequest.of(first, after, limits));
    }

    @Name("NeedInboxFilter")
    @Description("待办箱筛选 (inbox filter; every field optional)")
    public record NeedInboxFilter(
            @Description("状态；缺省为全部未结状态 (statuses; open ones when omitted)") List<NeedStatus> statuses,
            @Description("类别 (category)") NeedCategory category,
            @Description("紧急程度 (urgency)") NeedUrgency urgency,
            @Description("只看超时/未超时 (only overdue, or only not overdue)") Boolean overdue,
            @Id @Description("只看此组织子树 (only inside this subtree)") String underId) {
    }

    @Query("needOverview")
    @Description("办公总览：按直属下级统计各状态与超时数量 (office overview: counts by status and overdue per child organization)")
    public @NonNull NeedOverview needOverview(@NonNull @Id @Name("organizationId") String organizationId,
            @Name("first") Integer first, @Name("after") String after) {
        return screens.overview(organizationId, PageRequest.of(first, after, limits));
    }

    @Query("needSlaPolicies")
    @Description("本街道现行时限策略 (SLA policies in force for the caller's street)")
    public @NonNull List<@NonNull NeedSlaPolicy> needSlaPolicies() {
        return sla.policies();
    }

    @Query("needTransitions")
    @Description("需求流转规则表 (the lifecycle transition table: step, from statuses, to status, who may perform it)")
    public @NonNull List<@NonNull NeedTransitionRule> needTransitions() {
        return NeedTransitions.TABLE.stream()
                .map(t -> new NeedTransitionRule(t.action(), List.copyOf(t.from()), t.to(), List.copyOf(t.performers()))).toList();
    }

    @Name("NeedTransitionRule")
    @Description("流转规则 (one row of the transition table)")
    public record NeedTransitionRule(@NonNull @Description("动作 (step)") NeedAction action,
            @NonNull @Description("允许的起始状态；空表示新建 (from statuses; empty for creation)") List<@NonNull NeedStatus> from,
            @NonNull @Description("目标状态 (to)") NeedStatus to,
            @NonNull @Description("可执行者 (who may perform it)") List<@NonNull NeedPerformer> performers) {
    }

    // ------------------------------------------------------------------ batched fields of Need

    @Description("反映人 (reporter: who submitted it)")
    public List<@NonNull Member> reporter(@Source List<Need> needs) {
        return memberOf(needs, Need::reporterMemberId);
    }

    @Description("受益人/诉求人 (the resident it is for; null when it concerns the public)")
    public List<Member> beneficiary(@Source List<Need> needs) {
        return memberOf(needs, Need::beneficiaryMemberId);
    }

    @Description("承办人 (assigned member)")
    public List<Member> assigneeMember(@Source List<Need> needs) {
        return memberOf(needs, Need::assigneeMemberId);
    }

    @Description("认领人 (claimer of a micro-wish)")
    public List<Member> claimer(@Source List<Need> needs) {
        return memberOf(needs, Need::claimerMemberId);
    }

    @Description("所在网格/社区 (the grid or community it concerns)")
    public List<@NonNull Organization> place(@Source List<Need> needs) {
        return orgOf(needs, Need::placeOrgId);
    }

    @Description("当前责任组织 (organization now responsible; moves up on escalation)")
    public List<@NonNull Organization> responsibleOrganization(@Source List<Need> needs) {
        return orgOf(needs, Need::responsibleOrgId);
    }

    @Description("承办组织 (assigned organization)")
    public List<Organization> assigneeOrganization(@Source List<Need> needs) {
        return orgOf(needs, Need::assigneeOrgId);
    }

    @Description("重复于 (the original this need duplicates)")
    public List<Need> duplicateOf(@Source List<Need> needs) {
        List<Long> ids = needs.stream().map(Need::duplicateOfId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Need> byId = new HashMap<>();
        for (Need n : queries.byIds(ids)) {
            byId.put(n.dbId(), n);
        }
        return needs.stream().map(n -> n.duplicateOfId() == null ? null : byId.get(n.duplicateOfId())).toList();
    }

    @Description("时间线，按时间先后 (timeline: every transition, assignment, escalation, note and warning, oldest first)")
    public List<@NonNull NeedEventConnection> timeline(@Source List<Need> needs, @Name("first") Integer first,
            @Name("after") String after) {
        return queries.timelines(needs.stream().map(Need::dbId).toList(), PageRequest.of(first, after, limits));
    }

    @Description("操作人 (who acted; null for the SLA job)")
    public List<Member> actor(@Source List<NeedEvent> events) {
        List<Long> ids = events.stream().map(NeedEvent::actorMemberId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Member> byId = new HashMap<>();
        for (Member m : members.membersByIds(ids)) {
            byId.put(m.dbId(), m);
        }
        return events.stream().map(e -> e.actorMemberId() == null ? null : byId.get(e.actorMemberId())).toList();
    }

    @Description("涉及的组织（派单、上报的对象）(organization the event concerns: assignee or escalation target)")
    public List<Organization> organization(@Source List<NeedEvent> events) {
        List<Long> ids = events.stream().map(NeedEvent::organizationId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(ids)) {
            byId.put(o.dbId(), o);
        }
        return events.stream().map(e -> e.organizationId() == null ? null : byId.get(e.organizationId())).toList();
    }

    private List<Member> memberOf(List<Need> needs, Function<Need, Long> key) {
        List<Long> ids = needs.stream().map(key).filter(Objects::nonNull).distinct().toList();
        Map<Long, Member> byId = new HashMap<>();
        for (Member m : members.membersByIds(ids)) {
            byId.put(m.dbId(), m);
        }
        List<Member> out = new ArrayList<>(needs.size());
        for (Need n : needs) {
            Long id = key.apply(n);
            out.add(id == null ? null : byId.get(id));
        }
        return out;
    }

    private List<Organization> orgOf(List<Need> needs, Function<Need, Long> key) {
        List<Long> ids = needs.stream().map(key).filter(Objects::nonNull).distinct().toList();
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(ids)) {
            byId.put(o.dbId(), o);
        }
        List<Organization> out = new ArrayList<>(needs.size());
        for (Need n : needs) {
            Long id = key.apply(n);
            out.add(id == null ? null : byId.get(id));
        }
        return out;
    }

    // ------------------------------------------------------------------ live updates

    @Subscription("needChanged")
    @Description("订阅需求变更：该组织子树内任何需求的变化（跨实例经PostgreSQL LISTEN/NOTIFY送达）"
            + "；数据库通知连接恢复后收到 kind=RESYNC，需重新查询；服务器停机时以 UNAVAILABLE 错误结束，请重新连接并订阅"
            + " (changes of needs placed in or handled within the subtree of an organization the caller serves; graphql-ws."
            + " kind RESYNC after the server's notification connection was re-established: refetch. Ends with an UNAVAILABLE"
            + " error when the server shuts down: reconnect and subscribe again)")
    public Multi<NeedChange> needChanged(@NonNull @Id @Name("organizationId") String organizationId) {
        // The element stays nullable: a refused scope check (FORBIDDEN) then reaches the client as a GraphQL error
        // with its extensions.code; with a non-null element graphql-java drops it as a null-field crash.
        // The scope check reads the database, and subscriptions start on the WebSocket's event loop: run it on a
        // worker of the same (duplicated) Vert.x context, which carries the request context and the identity.
        Context ctx = Vertx.currentContext();
        Uni<String> path = ctx == null ? Uni.createFrom().item(() -> screens.subscribablePath(organizationId))
                : Uni.createFrom().completionStage(() -> ctx.executeBlocking(() -> screens.subscribablePath(organizationId), false)
                        .toCompletionStage());
        return path.onItem().transformToMulti(p -> events.subscribe(NeedTimeline.CHANNEL).map(NeedChange::of)
                .filter(c -> c.within(p)));
    }

    // ------------------------------------------------------------------ mutations

    @Mutation("submitNeed")
    @Description("提交需求/微心愿/公共事务 (report a need; suggests similar open public issues)")
    public @NonNull SubmitNeedPayload submitNeed(@NonNull @Name("input") SubmitNeedInput input) {
        return service.submit(input);
    }

    @Mutation("acceptNeed")
    @Description("受理 (accept: the responsible grid/community takes it on)")
    public @NonNull NeedPayload acceptNeed(@NonNull @Name("input") NeedStepInput input) {
        return service.accept(input);
    }

    @Mutation("assignNeed")
    @Description("派单 (dispatch to an organization or a member)")
    public @NonNull NeedPayload assignNeed(@NonNull @Name("input") AssignNeedInput input) {
        return service.assign(input);
    }

    @Mutation("claimNeed")
    @Description("认领微心愿：先到先得 (claim a micro-wish; first come, first served)")
    public @NonNull NeedPayload claimNeed(@NonNull @Name("input") NeedStepInput input) {
        return service.claim(input);
    }

    @Mutation("startNeed")
    @Description("开始办理 (start work)")
    public @NonNull NeedPayload startNeed(@NonNull @Name("input") NeedStepInput input) {
        return service.start(input);
    }

    @Mutation("resolveNeed")
    @Description("办结 (resolve)")
    public @NonNull NeedPayload resolveNeed(@NonNull @Name("input") ResolveNeedInput input) {
        return service.resolve(input);
    }

    @Mutation("rateNeed")
    @Description("评价；2分及以下整改重办 (rate; 2 or lower reopens for rectification 整改)")
    public @NonNull NeedPayload rateNeed(@NonNull @Name("input") RateNeedInput input) {
        return service.rate(input);
    }

    @Mutation("objectNeed")
    @Description("提出异议：办结后7日内，整改重办 (object within 7 days of resolution; reopens for rectification)")
    public @NonNull NeedPayload objectNeed(@NonNull @Name("input") NeedReasonInput input) {
        return service.object(input);
    }

    @Mutation("rejectNeed")
    @Description("驳回，须说明理由 (reject, with a reason)")
    public @NonNull NeedPayload rejectNeed(@NonNull @Name("input") NeedReasonInput input) {
        return service.reject(input);
    }

    @Mutation("cancelNeed")
    @Description("撤销：诉求人在开始办理前 (cancel: by the requester, before work starts)")
    public @NonNull NeedPayload cancelNeed(@NonNull @Name("input") NeedStepInput input) {
        return service.cancel(input);
    }

    @Mutation("closeNeed")
    @Description("关闭已办结/已评价的需求 (close a resolved or rated need)")
    public @NonNull NeedPayload closeNeed(@NonNull @Name("input") NeedStepInput input) {
        return service.close(input);
    }

    @Mutation("escalateNeed")
    @Description("上报/吹哨：网格→社区→街道→职能部门 (escalate one level up; the street whistles to a department)")
    public @NonNull NeedPayload escalateNeed(@NonNull @Name("input") EscalateNeedInput input) {
        return service.escalate(input);
    }

    @Mutation("acknowledgeNeed")
    @Description("报到：被吹哨单位接手 (acknowledge an escalation: the target takes the need on)")
    public @NonNull NeedPayload acknowledgeNeed(@NonNull @Name("input") NeedStepInput input) {
        return service.acknowledge(input);
    }

    @Mutation("markNeedDuplicate")
    @Description("标记重复并关闭 (mark as a duplicate of an original; closes it)")
    public @NonNull NeedPayload markNeedDuplicate(@NonNull @Name("input") MarkNeedDuplicateInput input) {
        return service.markDuplicate(input);
    }

    @Mutation("addNeedNote")
    @Description("添加备注到时间线 (add a note to the timeline)")
    public @NonNull NeedPayload addNeedNote(@NonNull @Name("input") NeedStepInput input) {
        return service.addNote(input);
    }

    @Mutation("updateNeedSlaPolicy")
    @Description("修改时限策略（街道管理员）(edit an SLA policy; street administrators)")
    public @NonNull NeedSlaPolicy updateNeedSlaPolicy(@NonNull @Name("input") UpdateNeedSlaPolicyInput input) {
        return sla.update(input);
    }
}
