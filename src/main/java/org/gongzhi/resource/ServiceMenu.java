package org.gongzhi.resource;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.need.Need;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.need.NeedQueries;
import org.gongzhi.need.NeedService;
import org.gongzhi.need.NeedService.AssignedNeedCommand;
import org.gongzhi.need.NeedUrgency;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.validation.Inputs;
import org.gongzhi.resource.ResourceViews.Allocation;
import org.gongzhi.resource.ResourceViews.ResourceConnection;

/**
 * 菜单式服务: residents browse the SERVICE resources that cover their household and order one. An order creates
 * the need (straight to ASSIGNED with the provider, its timeline complete: submitted, accepted, assigned) and
 * the allocation in ONE transaction — when the allocation fails (no capacity left) the need is rolled back too.
 */
@ApplicationScoped
@Transactional
public class ServiceMenu {

    static final int MAX_DESCRIPTION = 2000;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final Idempotency idempotency;
    private final NeedService needService;
    private final NeedQueries needs;
    private final ResourceQueries queries;
    private final ResourceAllocations allocations;

    ServiceMenu(EntityManager em, CurrentActor currentActor, Idempotency idempotency, NeedService needService, NeedQueries needs,
            ResourceQueries queries, ResourceAllocations allocations) {
        this.em = em;
        this.currentActor = currentActor;
        this.idempotency = idempotency;
        this.needService = needService;
        this.needs = needs;
        this.queries = queries;
        this.allocations = allocations;
    }

    @Name("OrderServiceInput")
    @Description("菜单式服务下单 (order a service from the menu: creates the need and reserves the service in one step)")
    public record OrderServiceInput(
            @NonNull @Id @Description("服务 (the SERVICE resource)") String resourceId,
            @Id @Description("为哪一户下单；默认本户（工作人员可代办）(household; the caller's own by default, staff may order for a household they serve)") String householdId,
            @Description("需求类别；默认为服务的第一个类别 (category; the service's first one by default)") NeedCategory category,
            @NonNull @Description("具体需求，最多2000字 (what is needed)") String description,
            @Description("紧急程度 (urgency)") NeedUrgency urgency,
            @Description("份数，默认1 (units; 1 by default for services counted in units)") Long units,
            @Description("预约时段开始（按时段的服务）(slot start, for services booked by slot)") OffsetDateTime slotStart,
            @Description("预约时段结束 (slot end)") OffsetDateTime slotEnd,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("OrderServicePayload")
    @Description("下单结果：新需求（已派单给提供方）与资源分配 (the new need, assigned to the provider, and its allocation)")
    public record OrderServicePayload(
            @NonNull @Description("新需求 (the need, ASSIGNED)") Need need,
            @NonNull @Description("资源分配 (the allocation)") Allocation allocation,
            @NonNull @Description("是否为幂等重放 (replayed)") boolean replayed) {
    }

    /** The SERVICE resources covering a household (ancestor-or-self of its grid), ACTIVE with capacity left. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResourceConnection menu(String householdId, NeedCategory category, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        Household h = household(actor, householdId);
        Map<String, Object> params = new HashMap<>(Map.of("t", h.tenantId(), "anc", ResourceScope.ancestorsOrSelf(h.gridPath())));
        StringBuilder where = new StringBuilder(" where r.tenant_id = :t and r.kind = 'SERVICE' and r.status = 'ACTIVE'"
                + " and r.coverage_path in (:anc) and (r.remaining is null or r.remaining > 0)");
        if (category != null) {
            where.append(" and r.categories @> cast(:cats as text[])");
            params.put("cats", "{" + category.name() + "}");
        }
        return queries.page(where.toString(), params, page);
    }

    public OrderServicePayload order(OrderServiceInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        long resourceId = GlobalId.decode(Resource.TYPE, input.resourceId(), "resourceId");
        String description = Inputs.requireText(input.description(), "description", MAX_DESCRIPTION);
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "orderService", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long me = actor.requireMember();
            Household h = household(actor, input.householdId());
            ResourceEntity r = ResourceEntity.findById(resourceId);
            if (r == null || r.tenantId != h.tenantId()) {
                throw DomainException.notFound(Resource.TYPE, input.resourceId());
            }
            if (r.kind != ResourceKind.SERVICE) {
                throw DomainException.invalid("resourceId", "Only services (服务) are on the menu");
            }
            if (r.status != ResourceStatus.ACTIVE) {
                throw DomainException.invalidTransition("The service is " + r.status + " (服务" + r.status.label() + ")");
            }
            if (!h.gridPath().startsWith(r.coveragePath)) {
                throw DomainException.invalid("resourceId", "The service does not cover this household (不在服务范围内)");
            }
            NeedCategory category = input.category() != null ? input.category() : NeedCategory.valueOf(r.categories.get(0));
            if (!r.categories.contains(category.name())) {
                throw DomainException.invalid("category", "The service does not serve " + category + " (" + category.label() + ")");
            }
            String title = ("菜单式服务：" + r.name);
            Need need = needService.createAssigned(new AssignedNeedCommand(me, h.id(), category, input.urgency(),
                    title.length() > 100 ? title.substring(0, 100) : title, description, r.providerOrgId, r.providerMemberId));
            boolean slot = input.slotStart() != null || input.slotEnd() != null;
            Long units = r.capacityModel == CapacityModel.UNITS && input.units() == null && !slot ? Long.valueOf(1) : input.units();
            return allocations.reserve(new ResourceAllocations.Request(r.id, AllocationPurpose.NEED, need.dbId(), null, units,
                    input.slotStart() == null ? null : input.slotStart().toInstant(),
                    input.slotEnd() == null ? null : input.slotEnd().toInstant(), null, "菜单式服务下单"));
        });
        Allocation a = queries.allocation(outcome.id());
        return new OrderServicePayload(needs.need(a.needId()), a, outcome.replayed());
    }

    record Household(long id, long tenantId, String gridPath) {
    }

    /** The household ordered for: the caller's own, or one in a grid the caller serves (代办). */
    private Household household(Actor actor, String householdId) {
        Long id = GlobalId.decodeNullable("Household", householdId, "householdId");
        if (id == null) {
            id = actor.householdId();
            if (id == null) {
                throw DomainException.invalid("householdId", "The caller has no household: name one");
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select h.tenant_id, o.path from household h join organization o on o.id = h.grid_id where h.id = :id
                """).setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.invalid("householdId", "No such household");
        }
        Household h = new Household(id, ((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
        if (!id.equals(actor.householdId())) {
            actor.requireServes(h.gridPath(), "the household (代办)");
        }
        return h;
    }
}
