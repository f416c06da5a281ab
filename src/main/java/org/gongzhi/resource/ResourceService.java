package org.gongzhi.resource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gongzhi.member.Masking;
import org.gongzhi.need.Need;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.need.NeedQueries;
import org.gongzhi.need.NeedStatus;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.audit.AuditLog.AuditEvent;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;
import org.gongzhi.resource.ResourceInputs.*;
import org.gongzhi.resource.ResourceViews.Allocation;
import org.gongzhi.resource.ResourceViews.AllocationConnection;
import org.gongzhi.resource.ResourceViews.ResourceConnection;
import org.gongzhi.resource.ResourceViews.ResourceContact;

/**
 * Rules and transactions of the resource pool: registering and changing resources (administrators of the
 * coverage), their lifecycle ({@link ResourceTransitions}), and allocations for needs (handlers serving the
 * need). Capacity itself is guarded by {@link ResourceAllocations}; every write is audited and idempotent.
 */
@ApplicationScoped
@Transactional
public class ResourceService {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_WINDOWS = 50;
    static final int MAX_EXCEPTIONS = 200;
    static final long MAX_CAPACITY = 1_000_000_000_000L;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final ResourceQueries queries;
    private final ResourceScope scope;
    private final ResourceAllocations allocations;
    private final NeedQueries needs;

    ResourceService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time,
            ResourceQueries queries, ResourceScope scope, ResourceAllocations allocations, NeedQueries needs) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
        this.queries = queries;
        this.scope = scope;
        this.allocations = allocations;
        this.needs = needs;
    }

    // ------------------------------------------------------------------ reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Resource get(String id) {
        long dbId = GlobalId.decode(Resource.TYPE, id, "id");
        Actor actor = currentActor.get().requireAuthenticated();
        List<Resource> found = queries.byIds(List.of(dbId));
        if (found.isEmpty()) {
            throw DomainException.notFound(Resource.TYPE, id);
        }
        if (!scope.canSee(actor, found.get(0))) {
            throw DomainException.forbidden("Outside the caller's scope: resource");
        }
        return found.get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResourceConnection search(ResourceKind kind, NeedCategory category, List<ResourceStatus> statuses, String underId,
            String providerId, String nameContains, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        String underPath = null;
        if (underId != null) {
            OrganizationEntity under = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, underId, "underId"));
            if (under == null) {
                throw DomainException.invalid("underId", "No such organization");
            }
            underPath = under.path;
        }
        Long provider = GlobalId.decodeNullable(Organization.TYPE, providerId, "providerId");
        String name = Inputs.optionalText(nameContains, "nameContains", MAX_NAME);
        return queries.search(actor, new ResourceQueries.Filter(kind, category, statuses, underPath, provider, name), page);
    }

    /** Contact details: in full for the providing member and administrators of the coverage (audited), masked otherwise. */
    public List<ResourceContact> contacts(List<Resource> resources) {
        Actor actor = currentActor.get().requireAuthenticated();
        Map<Long, String[]> raw = queries.contactsOf(resources.stream().map(Resource::dbId).distinct().toList());
        List<ResourceContact> out = new ArrayList<>(resources.size());
        List<AuditEvent> reads = new ArrayList<>();
        for (Resource r : resources) {
            String[] c = raw.getOrDefault(r.dbId(), new String[2]);
            if (actor.isMember(r.providerMemberId()) || ResourceScope.manages(actor, r)) {
                out.add(new ResourceContact(c[0], c[1], false));
                if (c[1] != null) {
                    reads.add(new AuditEvent(r.auditChainKey(), "resource.contact.read", Resource.TYPE, r.dbId(), Map.of("fields", "phone")));
                }
            } else {
                out.add(new ResourceContact(maskName(c[0]), Masking.phone(c[1]), true));
            }
        }
        audit.recordAll(reads);
        return out;
    }

    static String maskName(String name) {
        return name == null || name.isEmpty() ? name : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }

    /** Allocations are shown to administrators of the coverage and to the providing member; others see none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AllocationConnection> allocations(List<Resource> resources, List<AllocationStatus> statuses, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        List<Long> visible = resources.stream().filter(r -> ResourceScope.manages(actor, r) || actor.isMember(r.providerMemberId()))
                .map(Resource::dbId).toList();
        List<AllocationConnection> loaded = queries.allocationsOf(visible, statuses, page);
        List<AllocationConnection> out = new ArrayList<>(resources.size());
        AllocationConnection empty = new AllocationConnection(List.of(), new PageInfo(false, false, null, null), 0);
        for (Resource r : resources) {
            int i = visible.indexOf(r.dbId());
            out.add(i < 0 ? empty : loaded.get(i));
        }
        return out;
    }

    // ------------------------------------------------------------------ create / update / lifecycle

    public ResourcePayload create(CreateResourceInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        String name = Inputs.requireText(input.name(), "name", MAX_NAME);
        String description = Inputs.optionalText(input.description(), "description", MAX_DESCRIPTION);
        List<String> categories = categories(input.categories());
        if (input.kind() == null) {
            throw DomainException.invalid("kind", "kind is required");
        }
        CapacityModel model = input.capacityModel() == null ? input.kind().defaultModel() : input.capacityModel();
        Long capacity = capacity(model, input.capacity());
        List<WindowInput> windows = windows(input.weeklyAvailability());
        List<ExceptionInput> exceptions = exceptions(input.exceptions());
        String contactName = Inputs.optionalText(input.contactName(), "contactName", 100);
        String contactPhone = phone(input.contactPhone());
        Long providerOrg = GlobalId.decodeNullable(Organization.TYPE, input.providerOrganizationId(), "providerOrganizationId");
        Long providerMember = GlobalId.decodeNullable("Member", input.providerMemberId(), "providerMemberId");
        if ((providerOrg == null) == (providerMember == null)) {
            throw DomainException.invalid("providerOrganizationId", "Name exactly one provider: an organization or a member");
        }
        long coverageId = GlobalId.decode(Organization.TYPE, input.coverageId(), "coverageId");
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "createResource", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            OrganizationEntity coverage = OrganizationEntity.findById(coverageId);
            if (coverage == null || !coverage.isActive()) {
                throw DomainException.invalid("coverageId", "No such active organization");
            }
            actor.requireAdministers(coverage.path, "the coverage of the resource");
            requireProvider(providerOrg, providerMember, coverage.tenantId);
            Instant now = time.now();
            ResourceEntity r = new ResourceEntity();
            r.tenantId = coverage.tenantId;
            r.communityId = coverage.communityId;
            r.kind = input.kind();
            r.name = name;
            r.description = description == null ? "" : description;
            r.categories = categories;
            r.providerOrgId = providerOrg;
            r.providerMemberId = providerMember;
            r.coverageOrgId = coverage.id;
            r.coveragePath = coverage.path;
            r.coverageDepth = coverage.depth;
            r.capacityModel = model;
            r.capacity = capacity;
            r.remaining = capacity;
            r.status = ResourceStatus.ACTIVE;
            r.contactName = contactName;
            r.contactPhone = contactPhone;
            r.createdAt = now;
            r.updatedAt = now;
            r.openWeekdays = weekdayMask(windows);
            r.persist();
            em.flush();
            writeAvailability(r.id, windows, exceptions);
            audit.record(r.auditChainKey(), "resource.create", Resource.TYPE, r.id, AuditLog.change("kind", r.kind, "name", r.name,
                    "coverage", r.coverageOrgId, "model", r.capacityModel, "capacity", r.capacity, "providerOrg", providerOrg,
                    "providerMember", providerMember));
            return r.id;
        });
        return new ResourcePayload(queries.resource(outcome.id()), outcome.replayed());
    }

    /**
     * Registers a resource committed by a co-building agreement (共建协议): the unit is the provider, the agreement's
     * party organization the coverage. It stays PAUSED until the agreement is signed. Runs in the caller's
     * transaction; the caller checked the scope.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long createCommitted(long agreementId, long unitOrgId, OrganizationEntity coverage, ResourceKind kind, String name,
            List<NeedCategory> categories, Long capacity) {
        Instant now = time.now();
        ResourceEntity r = new ResourceEntity();
        CapacityModel model = kind.defaultModel();
        r.tenantId = coverage.tenantId;
        r.communityId = coverage.communityId;
        r.kind = kind;
        r.name = Inputs.requireText(name, "name", MAX_NAME);
        r.description = "";
        r.categories = categories(categories);
        r.providerOrgId = unitOrgId;
        r.coverageOrgId = coverage.id;
        r.coveragePath = coverage.path;
        r.coverageDepth = coverage.depth;
        r.capacityModel = model;
        r.capacity = capacity(model, capacity);
        r.remaining = r.capacity;
        r.status = ResourceStatus.PAUSED; // enters the pool when the agreement is signed
        r.agreementId = agreementId;
        r.createdAt = now;
        r.updatedAt = now;
        r.persist();
        em.flush();
        audit.record(r.auditChainKey(), "resource.create", Resource.TYPE, r.id, AuditLog.change("kind", r.kind, "name", r.name,
                "agreement", agreementId, "capacity", r.capacity));
        return r.id;
    }

    public ResourcePayload update(UpdateResourceInput input) {
        long id = GlobalId.decode(Resource.TYPE, input.resourceId(), "resourceId");
        String name = input.name() == null ? null : Inputs.requireText(input.name(), "name", MAX_NAME);
        String description = Inputs.optionalText(input.description(), "description", MAX_DESCRIPTION);
        List<String> categories = input.categories() == null ? null : categories(input.categories());
        List<WindowInput> windows = input.weeklyAvailability() == null ? null : windows(input.weeklyAvailability());
        List<ExceptionInput> exceptions = input.exceptions() == null ? null : exceptions(input.exceptions());
        String contactName = Inputs.optionalText(input.contactName(), "contactName", 100);
        String contactPhone = phone(input.contactPhone());
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "updateResource", input, () -> {
            ResourceEntity r = lockedManaged(id);
            if (r.status == ResourceStatus.RETIRED) {
                throw DomainException.invalidTransition("A retired resource cannot be changed (资源已退出)");
            }
            if (input.capacity() != null) {
                long capacity = capacity(r.capacityModel, input.capacity());
                int ok = em.createNativeQuery("""
                        update resource set remaining = remaining + (:c - capacity), capacity = :c
                        where id = :id and remaining + (:c - capacity) >= 0
                        """).setParameter("c", capacity).setParameter("id", r.id).executeUpdate();
                if (ok == 0) {
                    throw DomainException.invalid("capacity", "The new capacity is below what is already reserved or consumed");
                }
                em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
            }
            if (name != null) {
                r.name = name;
            }
            if (input.description() != null) {
                r.description = description == null ? "" : description;
            }
            if (categories != null) {
                r.categories = categories;
            }
            if (input.contactName() != null) {
                r.contactName = contactName;
            }
            if (input.contactPhone() != null) {
                r.contactPhone = contactPhone;
            }
            if (windows != null || exceptions != null) {
                if (windows != null) {
                    em.createNativeQuery("delete from resource_window where resource_id = :id").setParameter("id", r.id).executeUpdate();
                    r.openWeekdays = weekdayMask(windows);
                }
                if (exceptions != null) {
                    em.createNativeQuery("delete from resource_exception where resource_id = :id").setParameter("id", r.id).executeUpdate();
                }
                writeAvailability(r.id, windows == null ? List.of() : windows, exceptions == null ? List.of() : exceptions);
            }
            r.updatedAt = time.now();
            em.flush();
            audit.record(r.auditChainKey(), "resource.update", Resource.TYPE, r.id, AuditLog.change("name", name, "capacity",
                    input.capacity(), "categories", categories, "availability", windows != null || exceptions != null,
                    "contact", input.contactName() != null || input.contactPhone() != null));
            return r.id;
        });
        return new ResourcePayload(queries.resource(outcome.id()), outcome.replayed());
    }

    public ResourcePayload step(ResourceStepInput input, ResourceAction action) {
        long id = GlobalId.decode(Resource.TYPE, input.resourceId(), "resourceId");
        String note = Inputs.optionalText(input.note(), "note", ResourceAllocations.MAX_NOTE);
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), action.name().toLowerCase() + "Resource", input, () -> {
            ResourceEntity r = lockedManaged(id);
            ResourceStatus from = r.status;
            r.status = ResourceTransitions.require(action, from);
            r.updatedAt = time.now();
            em.flush();
            audit.record(r.auditChainKey(), "resource." + action.name().toLowerCase(), Resource.TYPE, r.id,
                    AuditLog.change("from", from, "to", r.status, "note", note));
            return r.id;
        });
        return new ResourcePayload(queries.resource(outcome.id()), outcome.replayed());
    }

    private ResourceEntity lockedManaged(long id) {
        Actor actor = currentActor.get().requireAuthenticated();
        ResourceEntity r = em.find(ResourceEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw DomainException.notFound(Resource.TYPE, GlobalId.encode(Resource.TYPE, id));
        }
        if (actor.tenantId() == null || actor.tenantId() != r.tenantId) {
            throw DomainException.forbidden("Outside the caller's scope: resource");
        }
        actor.requireAdministers(r.coveragePath, "the coverage of the resource");
        return r;
    }

    // ------------------------------------------------------------------ allocations for needs

    /**
     * Reserves capacity for a need. Who: a handler serving the need's place or responsibility. The resource must
     * cover the need's place (ResourceCoverageRule) and the need must still be open.
     */
    public AllocationPayload allocate(AllocateResourceInput input) {
        long resourceId = GlobalId.decode(Resource.TYPE, input.resourceId(), "resourceId");
        long needId = GlobalId.decode(Need.TYPE, input.needId(), "needId");
        String note = Inputs.optionalText(input.note(), "note", ResourceAllocations.MAX_NOTE);
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "allocateResource", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            Need need = needs.byIds(List.of(needId)).stream().findFirst()
                    .orElseThrow(() -> DomainException.notFound(Need.TYPE, input.needId()));
            if (actor.tenantId() == null || actor.tenantId() != need.tenantId()
                    || !(actor.serves(need.placePath()) || actor.serves(need.responsiblePath()))) {
                throw DomainException.forbidden("Only handlers serving the need may allocate resources to it");
            }
            // Lock the need (the need steps lock it too): a concurrent cancel either sees this allocation and releases it,
            // or commits first and this sees the need closed.
            NeedStatus status = NeedStatus.valueOf((String) em.createNativeQuery("select status from need where id = :id for update")
                    .setParameter("id", needId).getSingleResult());
            if (!status.isOpen()) {
                throw DomainException.invalidTransition("The need is " + status + "; resources are allocated to open needs ("
                        + status.label() + ")");
            }
            Resource r = queries.byIds(List.of(resourceId)).stream().findFirst()
                    .orElseThrow(() -> DomainException.notFound(Resource.TYPE, input.resourceId()));
            requireCovers(r, need);
            return allocations.reserve(new ResourceAllocations.Request(resourceId, AllocationPurpose.NEED, needId, null, input.units(),
                    input.slotStart() == null ? null : input.slotStart().toInstant(),
                    input.slotEnd() == null ? null : input.slotEnd().toInstant(), input.amountFen(), note));
        });
        return allocationPayload(outcome);
    }

    /** ResourceCoverageRule: a resource serves the needs placed inside its coverage subtree, in its street. */
    static void requireCovers(Resource r, Need need) {
        if (r.tenantId() != need.tenantId() || !need.placePath().startsWith(r.coveragePath())) {
            throw DomainException.invalid("resourceId", "The resource does not cover the place of the need (不在服务范围内)");
        }
    }

    public AllocationPayload release(AllocationStepInput input) {
        return finishAllocation(input, AllocationStatus.RELEASED);
    }

    public AllocationPayload consume(AllocationStepInput input) {
        return finishAllocation(input, AllocationStatus.CONSUMED);
    }

    private AllocationPayload finishAllocation(AllocationStepInput input, AllocationStatus to) {
        long id = GlobalId.decode(Allocation.TYPE, input.allocationId(), "allocationId");
        String note = Inputs.optionalText(input.note(), "note", ResourceAllocations.MAX_NOTE);
        String op = to == AllocationStatus.RELEASED ? "releaseAllocation" : "consumeAllocation";
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), op, input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            Allocation a = queries.allocation(id);
            Resource r = queries.resource(a.resourceId());
            boolean may = actor.tenantId() != null && actor.tenantId() == r.tenantId()
                    && (ResourceScope.manages(actor, r) || actor.isMember(r.providerMemberId()));
            if (!may && a.needId() != null && actor.tenantId() != null) {
                Need need = needs.byIds(List.of(a.needId())).get(0);
                may = actor.serves(need.placePath()) || actor.serves(need.responsiblePath())
                        || (to == AllocationStatus.CONSUMED && actor.isMember(need.assigneeMemberId()));
            }
            if (!may) {
                throw DomainException.forbidden("Only administrators of the resource, the provider or handlers of the need may do this");
            }
            if (to == AllocationStatus.RELEASED) {
                allocations.release(id, note);
            } else {
                allocations.consume(id, note);
            }
            return id;
        });
        return allocationPayload(outcome);
    }

    AllocationPayload allocationPayload(Idempotency.Outcome outcome) {
        Allocation a = queries.allocation(outcome.id());
        return new AllocationPayload(a, queries.resource(a.resourceId()), outcome.replayed());
    }

    // ------------------------------------------------------------------ validation helpers

    static List<String> categories(List<NeedCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            throw DomainException.invalid("categories", "Name at least one need category the resource serves");
        }
        Set<NeedCategory> distinct = EnumSet.noneOf(NeedCategory.class);
        for (NeedCategory c : categories) {
            if (c == null) {
                throw DomainException.invalid("categories", "categories must not contain null");
            }
            distinct.add(c);
        }
        return new ArrayList<>(distinct.stream().map(Enum::name).toList());
    }

    static Long capacity(CapacityModel model, Long capacity) {
        if (model == CapacityModel.SLOTS) {
            if (capacity != null) {
                throw DomainException.invalid("capacity", "A resource booked by time slots has no capacity figure");
            }
            return null;
        }
        if (capacity == null) {
            throw DomainException.invalid("capacity", model == CapacityModel.MONEY ? "A fund needs its budget in fen" : "capacity is required");
        }
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw DomainException.invalid("capacity", "capacity must be between 0 and " + MAX_CAPACITY);
        }
        return capacity;
    }

    static String phone(String phone) {
        String p = Inputs.optionalText(phone, "contactPhone", 32);
        if (p != null && !p.matches("[0-9+\\- ]{3,32}")) {
            throw DomainException.invalid("contactPhone", "A phone number has digits, +, - and spaces only");
        }
        return p;
    }

    static List<WindowInput> windows(List<WindowInput> windows) {
        if (windows == null) {
            return List.of();
        }
        if (windows.size() > MAX_WINDOWS) {
            throw DomainException.invalid("weeklyAvailability", "At most " + MAX_WINDOWS + " windows");
        }
        for (WindowInput w : windows) {
            if (w == null || w.weekday() < 1 || w.weekday() > 7) {
                throw DomainException.invalid("weeklyAvailability", "weekday is 1 (Monday) to 7 (Sunday)");
            }
            if (!time(w.opens(), "weeklyAvailability").isBefore(time(w.closes(), "weeklyAvailability"))) {
                throw DomainException.invalid("weeklyAvailability", "A window closes after it opens");
            }
        }
        return windows;
    }

    static List<ExceptionInput> exceptions(List<ExceptionInput> exceptions) {
        if (exceptions == null) {
            return List.of();
        }
        if (exceptions.size() > MAX_EXCEPTIONS) {
            throw DomainException.invalid("exceptions", "At most " + MAX_EXCEPTIONS + " exceptions");
        }
        Set<LocalDate> dates = new HashSet<>();
        for (ExceptionInput x : exceptions) {
            if (x == null || x.date() == null || !dates.add(x.date())) {
                throw DomainException.invalid("exceptions", "One exception per date");
            }
            if ((x.opens() == null) != (x.closes() == null)) {
                throw DomainException.invalid("exceptions", "Give both opens and closes, or neither for a closed day");
            }
            if (x.opens() != null && !time(x.opens(), "exceptions").isBefore(time(x.closes(), "exceptions"))) {
                throw DomainException.invalid("exceptions", "An exception closes after it opens");
            }
            Inputs.optionalText(x.note(), "exceptions", 200);
        }
        return exceptions;
    }

    static LocalTime time(String hhmm, String field) {
        if (hhmm == null || !hhmm.matches("\\d{2}:\\d{2}")) {
            throw DomainException.invalid(field, "Times are HH:mm");
        }
        try {
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "Times are HH:mm");
        }
    }

    /** Bit (weekday - 1) set for each weekday with a window; all days when there is no schedule. */
    static short weekdayMask(List<WindowInput> windows) {
        if (windows.isEmpty()) {
            return 127;
        }
        int mask = 0;
        for (WindowInput w : windows) {
            mask |= 1 << (w.weekday() - 1);
        }
        return (short) mask;
    }

    private void writeAvailability(long resourceId, List<WindowInput> windows, List<ExceptionInput> exceptions) {
        for (WindowInput w : windows) {
            em.createNativeQuery("insert into resource_window (resource_id, weekday, opens, closes) values (:r, :w, cast(:o as time), cast(:c as time))")
                    .setParameter("r", resourceId).setParameter("w", (short) w.weekday()).setParameter("o", w.opens())
                    .setParameter("c", w.closes()).executeUpdate();
        }
        for (ExceptionInput x : exceptions) {
            em.createNativeQuery("""
                    insert into resource_exception (resource_id, on_date, opens, closes, note)
                    values (:r, :d, cast(:o as time), cast(:c as time), :n)
                    """).setParameter("r", resourceId).setParameter("d", x.date()).setParameter("o", x.opens())
                    .setParameter("c", x.closes()).setParameter("n", Inputs.optionalText(x.note(), "exceptions", 200)).executeUpdate();
        }
    }

    private void requireProvider(Long providerOrg, Long providerMember, long tenantId) {
        if (providerOrg != null) {
            OrganizationEntity org = OrganizationEntity.findById(providerOrg);
            if (org == null || !org.isActive() || org.tenantId != tenantId) {
                throw DomainException.invalid("providerOrganizationId", "No such active organization in this street");
            }
        } else {
            List<?> m = em.createNativeQuery("select 1 from member where id = :id and tenant_id = :t").setParameter("id", providerMember)
                    .setParameter("t", tenantId).getResultList();
            if (m.isEmpty()) {
                throw DomainException.invalid("providerMemberId", "No such member in this street");
            }
        }
    }
}
