package org.gongzhi.resource;

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
import org.gongzhi.member.Member;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.need.Need;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.need.NeedQueries;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.persistence.Rows;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.resource.ResourceInputs.*;
import org.gongzhi.resource.ResourceViews.Allocation;
import org.gongzhi.resource.ResourceViews.AllocationConnection;
import org.gongzhi.resource.ResourceViews.Availability;
import org.gongzhi.resource.ResourceViews.ResourceConnection;
import org.gongzhi.resource.ResourceViews.ResourceContact;

import io.quarkus.security.Authenticated;

/** The resource pool over GraphQL. Thin: parse, call the service or a batched query, map. */
@GraphQLApi
@Authenticated
public class ResourceGraphQLApi {

    private final ResourceService service;
    private final ResourceQueries queries;
    private final OrganizationQueries organizations;
    private final MemberQueries members;
    private final NeedQueries needs;
    private final ResourceMatching matching;
    private final GraphQLLimits limits;
    private final CurrentActor currentActor;

    ResourceGraphQLApi(ResourceService service, ResourceQueries queries, OrganizationQueries organizations, MemberQueries members,
            NeedQueries needs, ResourceMatching matching, GraphQLLimits limits, CurrentActor currentActor) {
        this.service = service;
        this.queries = queries;
        this.organizations = organizations;
        this.members = members;
        this.needs = needs;
        this.matching = matching;
        this.limits = limits;
        this.currentActor = currentActor;
    }

    // ------------------------------------------------------------------ queries

    @Query("resource")
    @Description("按ID查询资源 (one resource the caller may see)")
    public Resource resource(@NonNull @Id @Name("id") String id) {
        return service.get(id);
    }

    @Query("resources")
    @Description("资源清单：我可见范围内的资源，可按类型、类别、状态、范围、提供方、名称筛选 "
            + "(the resource list: resources the caller may see, filtered; administrators see their subtrees, residents what serves their home)")
    public @NonNull ResourceConnection resources(@Name("filter") ResourceFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        ResourceFilter f = filter == null ? new ResourceFilter(null, null, null, null, null, null) : filter;
        return service.search(f.kind(), f.category(), f.statuses(), f.underId(), f.providerId(), f.nameContains(),
                PageRequest.of(first, after, limits));
    }

    @Name("ResourceFilter")
    @Description("资源筛选 (resource filter; every field optional)")
    public record ResourceFilter(
            @Description("类型 (kind)") ResourceKind kind,
            @Description("服务的需求类别 (serves this category)") NeedCategory category,
            @Description("状态 (statuses)") List<ResourceStatus> statuses,
            @Id @Description("服务范围在此组织子树内 (coverage inside this subtree)") String underId,
            @Id @Description("提供方组织 (providing organization)") String providerId,
            @Description("名称包含 (name contains)") String nameContains) {
    }

    @Query("resourceTransitions")
    @Description("资源状态变更规则表 (the resource lifecycle table)")
    public @NonNull List<@NonNull ResourceTransitionRule> resourceTransitions() {
        return ResourceTransitions.TABLE.stream().map(t -> new ResourceTransitionRule(t.action(), List.copyOf(t.from()), t.to())).toList();
    }

    @Name("ResourceTransitionRule")
    @Description("资源状态变更规则 (one row of the resource lifecycle table)")
    public record ResourceTransitionRule(@NonNull @Description("动作 (step)") ResourceAction action,
            @NonNull @Description("允许的起始状态 (from)") List<@NonNull ResourceStatus> from,
            @NonNull @Description("目标状态 (to)") ResourceStatus to) {
    }

    // ------------------------------------------------------------------ batched fields of Resource

    @Description("提供方组织 (providing organization)")
    public List<Organization> providerOrganization(@Source List<Resource> resources) {
        return byId(resources, Resource::providerOrgId, ids -> organizations.byIds(ids), Organization::dbId);
    }

    @Description("提供方成员，如志愿者 (providing member, e.g. a volunteer)")
    public List<Member> providerMember(@Source List<Resource> resources) {
        return byId(resources, Resource::providerMemberId, ids -> members.membersByIds(ids), Member::dbId);
    }

    @Description("服务范围：该组织及其子树 (coverage: this organization and its subtree)")
    public List<@NonNull Organization> coverage(@Source List<Resource> resources) {
        return byId(resources, Resource::coverageOrgId, ids -> organizations.byIds(ids), Organization::dbId);
    }

    @Description("开放时间 (availability: weekly windows and exceptions)")
    public List<@NonNull Availability> availability(@Source List<Resource> resources) {
        return queries.availability(resources.stream().map(Resource::dbId).toList());
    }

    @Description("联系方式，默认脱敏 (contact, masked unless the caller's duty needs it; full reads are audited)")
    public List<@NonNull ResourceContact> contact(@Source List<Resource> resources) {
        return service.contacts(resources);
    }

    @Description("分配记录，最新在前；仅辖区管理员与提供方可见 (allocations, newest first; administrators of the coverage and the provider)")
    public List<@NonNull AllocationConnection> allocations(@Source List<Resource> resources,
            @Name("statuses") List<AllocationStatus> statuses, @Name("first") Integer first, @Name("after") String after) {
        return service.allocations(resources, statuses, PageRequest.of(first, after, limits));
    }

    @Description("所属资源 (the resource allocated)")
    public List<@NonNull Resource> resource(@Source List<Allocation> allocations) {
        List<Long> ids = allocations.stream().map(Allocation::resourceId).distinct().toList();
        Map<Long, Resource> byId = new HashMap<>();
        for (Resource r : queries.byIds(ids)) {
            byId.put(r.dbId(), r);
        }
        return allocations.stream().map(a -> byId.get(a.resourceId())).toList();
    }

    @Description("服务的需求 (the need served, when the purpose is NEED and the caller may see it: handlers of its place, "
            + "its requester, assignee or claimer)")
    public List<Need> need(@Source List<Allocation> allocations) {
        Actor actor = currentActor.get().requireAuthenticated();
        List<Long> ids = allocations.stream().map(Allocation::needId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Need> byId = new HashMap<>();
        for (Need n : needs.byIds(ids)) {
            if (actor.serves(n.placePath()) || actor.serves(n.responsiblePath()) || actor.isMember(n.requesterMemberId())
                    || actor.isMember(n.reporterMemberId()) || actor.isMember(n.assigneeMemberId()) || actor.isMember(n.claimerMemberId())) {
                byId.put(n.dbId(), n);
            }
        }
        return allocations.stream().map(a -> a.needId() == null ? null : byId.get(a.needId())).toList();
    }

    @Description("为该需求分配的资源 (resource allocations made for this need)")
    public List<@NonNull List<@NonNull Allocation>> resourceAllocations(@Source List<Need> needList) {
        List<Long> ids = needList.stream().map(Need::dbId).toList();
        return Rows.inOrder(ids, queries.allocationsOfNeeds(ids));
    }

    @Description("资源匹配：按综合得分推荐可用资源并说明理由；仅处理该需求的工作人员可见 "
            + "(resources ranked for this need by a documented score — category, tree proximity, remaining capacity, availability, "
            + "provider track record, load — with the components; handlers of the need only, empty for others; at most 20)")
    public List<@NonNull List<@NonNull ResourceMatch>> matches(@Source List<Need> needList, @Name("first") Integer first) {
        if (first != null && first < 0) {
            throw org.gongzhi.platform.error.DomainException.invalid("first", "first must not be negative");
        }
        return matching.matches(needList, first);
    }

    private static <T, K> List<T> byId(List<Resource> resources, Function<Resource, Long> key, Function<List<Long>, List<T>> load,
            Function<T, Long> idOf) {
        List<Long> ids = resources.stream().map(key).filter(Objects::nonNull).distinct().toList();
        Map<Long, T> byId = new HashMap<>();
        for (T t : ids.isEmpty() ? List.<T>of() : load.apply(ids)) {
            byId.put(idOf.apply(t), t);
        }
        return resources.stream().map(r -> key.apply(r) == null ? null : byId.get(key.apply(r))).toList();
    }

    // ------------------------------------------------------------------ mutations

    @Mutation("createResource")
    @Description("登记资源入池（服务范围的管理员）(register a resource in the pool; administrators of its coverage)")
    public @NonNull ResourcePayload createResource(@NonNull @Name("input") CreateResourceInput input) {
        return service.create(input);
    }

    @Mutation("updateResource")
    @Description("修改资源 (update a resource)")
    public @NonNull ResourcePayload updateResource(@NonNull @Name("input") UpdateResourceInput input) {
        return service.update(input);
    }

    @Mutation("pauseResource")
    @Description("暂停资源：不再接受新分配 (pause: no new allocations)")
    public @NonNull ResourcePayload pauseResource(@NonNull @Name("input") ResourceStepInput input) {
        return service.step(input, ResourceAction.PAUSE);
    }

    @Mutation("resumeResource")
    @Description("恢复资源 (resume a paused resource)")
    public @NonNull ResourcePayload resumeResource(@NonNull @Name("input") ResourceStepInput input) {
        return service.step(input, ResourceAction.RESUME);
    }

    @Mutation("retireResource")
    @Description("资源退出资源池 (retire: leaves the pool for good)")
    public @NonNull ResourcePayload retireResource(@NonNull @Name("input") ResourceStepInput input) {
        return service.step(input, ResourceAction.RETIRE);
    }

    @Mutation("allocateResource")
    @Description("为需求分配资源：绝不超额 (reserve capacity for a need; never overbooked: CAPACITY_EXHAUSTED when nothing is left)")
    public @NonNull AllocationPayload allocateResource(@NonNull @Name("input") AllocateResourceInput input) {
        return service.allocate(input);
    }

    @Mutation("releaseAllocation")
    @Description("释放分配，容量退回 (release an allocation; its capacity returns)")
    public @NonNull AllocationPayload releaseAllocation(@NonNull @Name("input") AllocationStepInput input) {
        return service.release(input);
    }

    @Mutation("consumeAllocation")
    @Description("确认使用 (consume an allocation: the service was delivered, the money spent)")
    public @NonNull AllocationPayload consumeAllocation(@NonNull @Name("input") AllocationStepInput input) {
        return service.consume(input);
    }
}
