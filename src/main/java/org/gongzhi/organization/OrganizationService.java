package org.gongzhi.organization;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gongzhi.organization.OrganizationInputs.CreateOrganizationInput;
import org.gongzhi.organization.OrganizationInputs.DissolveOrganizationInput;
import org.gongzhi.organization.OrganizationInputs.MoveOrganizationInput;
import org.gongzhi.organization.OrganizationInputs.OrganizationPayload;
import org.gongzhi.organization.OrganizationInputs.RenameOrganizationInput;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.security.Role;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.validation.Inputs;

/** Rules and transactions of the organization tree: create, rename, move, dissolve. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    static final int MAX_NAME = 100;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Instance<OrganizationDissolveGuard> dissolveGuards;
    private final BusinessCalendar calendar;

    OrganizationService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency,
            Instance<OrganizationDissolveGuard> dissolveGuards, BusinessCalendar calendar) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.dissolveGuards = dissolveGuards;
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------ reads

    /** An organization the caller may see: any of their own tenant (the tree itself is public there). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization get(String id) {
        return Organization.of(visible(GlobalId.decode(Organization.TYPE, id, "id")));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationEntity visible(long id) {
        Actor actor = currentActor.get().requireAuthenticated();
        OrganizationEntity org = OrganizationEntity.findById(id);
        if (org == null) {
            throw DomainException.notFound("Organization", GlobalId.encode(Organization.TYPE, id));
        }
        if (actor.tenantId() == null || actor.tenantId() != org.tenantId) {
            throw DomainException.forbidden("The organization belongs to another street");
        }
        return org;
    }

    /** Loads an organization for a write, locked, and checks the caller administers it. */
    OrganizationEntity administeredForUpdate(long id, String field) {
        OrganizationEntity org = em.find(OrganizationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (org == null) {
            throw DomainException.notFound("Organization", GlobalId.encode(Organization.TYPE, id));
        }
        currentActor.get().requireAdministers(org.path, "organization " + org.name);
        return org;
    }

    // ------------------------------------------------------------------ writes

    public OrganizationPayload create(CreateOrganizationInput input) {
        Inputs.requireText(input == null ? null : input.name(), "name", MAX_NAME);
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "createOrganization", input,
                () -> doCreate(input));
        return payload(outcome);
    }

    private long doCreate(CreateOrganizationInput input) {
        Actor actor = currentActor.get().requireAuthenticated();
        if (input.kind() == null) {
            throw DomainException.invalid("kind", "kind is required");
        }
        String name = Inputs.requireText(input.name(), "name", MAX_NAME);
        Long parentId = GlobalId.decodeNullable(Organization.TYPE, input.parentId(), "parentId");
        OrganizationEntity parent = null;
        if (parentId != null) {
            parent = administeredForUpdate(parentId, "parentId");
            if (!parent.isActive()) {
                throw DomainException.invalid("parentId", "The parent organization is dissolved");
            }
        } else if (!actor.has(Role.STREET_ADMIN)) {
            throw DomainException.forbidden("Only a street administrator may create a new street (a tree root)");
        }
        OrganizationPlacementRule.check(input.kind(), parent == null ? null : parent.kind);

        OrganizationEntity org = new OrganizationEntity();
        org.kind = input.kind();
        org.name = name;
        org.parentId = parentId;
        org.tenantId = parent == null ? 0 : parent.tenantId;
        org.path = "/pending-" + System.nanoTime() + "/";
        org.depth = parent == null ? 0 : parent.depth + 1;
        org.createdAt = calendar.now();
        org.updatedAt = org.createdAt;
        org.persist();
        em.flush();
        org.path = (parent == null ? "/" : parent.path) + org.id + "/";
        if (parent == null) {
            org.tenantId = org.id;
        }
        org.communityId = org.kind == OrganizationKind.COMMUNITY_COMMITTEE ? org.id : (parent == null ? null : parent.communityId);
        em.flush();
        if (parent == null && actor.memberId() != null) {
            // The founder of a new street administers it; without this no one could.
            em.createNativeQuery("insert into membership (tenant_id, member_id, organization_id, role, started_on, created_at) "
                    + "values (:t, :m, :o, 'ADMINISTRATOR', :today, :now)")
                    .setParameter("t", org.tenantId).setParameter("m", actor.memberId()).setParameter("o", org.id)
                    .setParameter("today", calendar.today()).setParameter("now", calendar.now()).executeUpdate();
        }
        audit.record(org.auditChainKey(), "organization.create", "Organization", org.id,
                AuditLog.change("kind", org.kind, "name", org.name, "parentId", org.parentId, "path", org.path));
        return org.id;
    }

    public OrganizationPayload rename(RenameOrganizationInput input) {
        Inputs.requireText(input == null ? null : input.name(), "name", MAX_NAME);
        return payload(idempotency.once(input.idempotencyKey(), "renameOrganization", input, () -> {
            OrganizationEntity org = administeredForUpdate(GlobalId.decode(Organization.TYPE, input.organizationId(), "organizationId"), "organizationId");
            String old = org.name;
            org.name = Inputs.requireText(input.name(), "name", MAX_NAME);
            org.updatedAt = calendar.now();
            audit.record(org.auditChainKey(), "organization.rename", "Organization", org.id,
                    AuditLog.change("from", old, "to", org.name));
            return org.id;
        }));
    }

    /**
     * Moves a subtree under a new parent. Both rows are locked in id order before the cycle check reads
     * the paths, so two concurrent crossing moves cannot together create a cycle.
     */
    public OrganizationPayload move(MoveOrganizationInput input) {
        return payload(idempotency.once(input.idempotencyKey(), "moveOrganization", input, () -> {
            long id = GlobalId.decode(Organization.TYPE, input.organizationId(), "organizationId");
            long newParentId = GlobalId.decode(Organization.TYPE, input.newParentId(), "newParentId");
            if (id == newParentId) {
                throw DomainException.invalid("newParentId", "An organization cannot be its own parent");
            }
            OrganizationEntity first = administeredForUpdate(Math.min(id, newParentId), "organizationId");
            OrganizationEntity second = administeredForUpdate(Math.max(id, newParentId), "newParentId");
            OrganizationEntity org = first.id == id ? first : second;
            OrganizationEntity parent = first.id == id ? second : first;
            if (org.parentId == null) {
                throw DomainException.invalid("organizationId", "A street (tree root) cannot be moved");
            }
            if (parent.path.startsWith(org.path)) {
                throw DomainException.invalid("newParentId", "The new parent lies inside the moved subtree: the tree would get a cycle");
            }
            if (parent.tenantId != org.tenantId) {
                throw DomainException.invalid("newParentId", "An organization cannot move to another street");
            }
            if (!parent.isActive()) {
                throw DomainException.invalid("newParentId", "The new parent is dissolved");
            }
            OrganizationPlacementRule.check(org.kind, parent.kind);
            String oldPath = org.path;
            String newPath = parent.path + org.id + "/";
            int depthShift = parent.depth + 1 - org.depth;
            Long newCommunity = org.kind == OrganizationKind.COMMUNITY_COMMITTEE ? org.id : parent.communityId;
            em.flush();
            // One statement re-roots the whole subtree (index range scan on the path prefix).
            em.createNativeQuery("""
                    update organization set path = :newPath || substring(path from :cut),
                           depth = depth + :shift, updated_at = :now, version = version + 1,
                           community_id = case when kind = 'COMMUNITY_COMMITTEE' then id
                                               when id = :id or community_id = :oldCommunity then :newCommunity
                                               else community_id end
                    where path like :oldPrefix
                    """)
                    .setParameter("newPath", newPath).setParameter("cut", oldPath.length() + 1)
                    .setParameter("shift", depthShift).setParameter("id", org.id).setParameter("now", calendar.now())
                    .setParameter("oldCommunity", org.communityId == null ? -1L : org.communityId)
                    .setParameter("newCommunity", newCommunity)
                    .setParameter("oldPrefix", oldPath + "%").executeUpdate();
            em.createNativeQuery("update organization set parent_id = :p where id = :id")
                    .setParameter("p", parent.id).setParameter("id", org.id).executeUpdate();
            em.refresh(org);
            audit.record(org.auditChainKey(), "organization.move", "Organization", org.id,
                    AuditLog.change("fromPath", oldPath, "toPath", org.path, "newParentId", parent.id));
            return org.id;
        }));
    }

    public OrganizationPayload dissolve(DissolveOrganizationInput input) {
        return payload(idempotency.once(input.idempotencyKey(), "dissolveOrganization", input, () -> {
            OrganizationEntity org = administeredForUpdate(GlobalId.decode(Organization.TYPE, input.organizationId(), "organizationId"), "organizationId");
            if (!org.isActive()) {
                throw DomainException.invalidTransition("The organization is already dissolved");
            }
            long children = ((Number) em.createNativeQuery(
                    "select count(*) from organization where parent_id = :id and status = 'ACTIVE'")
                    .setParameter("id", org.id).getSingleResult()).longValue();
            if (children > 0) {
                throw DomainException.invalidTransition("Cannot dissolve: it still has " + children + " active child organizations");
            }
            long members = ((Number) em.createNativeQuery("""
                    select count(*) from membership where organization_id = :id
                      and (ended_on is null or ended_on > :today)
                    """).setParameter("id", org.id).setParameter("today", calendar.today()).getSingleResult()).longValue();
            if (members > 0) {
                throw DomainException.invalidTransition("Cannot dissolve: it still has " + members + " live memberships");
            }
            if (org.kind == OrganizationKind.GRID) {
                long households = ((Number) em.createNativeQuery("select count(*) from household where grid_id = :id")
                        .setParameter("id", org.id).getSingleResult()).longValue();
                if (households > 0) {
                    throw DomainException.invalidTransition("Cannot dissolve: " + households + " households still belong to this grid");
                }
            }
            for (OrganizationDissolveGuard guard : dissolveGuards) {
                Optional<String> reason = guard.blockingReason(org.id, org.path);
                if (reason.isPresent()) {
                    throw DomainException.invalidTransition("Cannot dissolve: " + reason.get());
                }
            }
            org.status = OrganizationStatus.DISSOLVED;
            org.dissolvedAt = calendar.now();
            org.updatedAt = org.dissolvedAt;
            audit.record(org.auditChainKey(), "organization.dissolve", "Organization", org.id, AuditLog.change("name", org.name));
            return org.id;
        }));
    }

    private OrganizationPayload payload(Idempotency.Outcome outcome) {
        OrganizationEntity org = em.find(OrganizationEntity.class, outcome.id());
        em.refresh(org);
        return new OrganizationPayload(Organization.of(org), outcome.replayed());
    }

    /** Ids of the ancestors of a path, root first, excluding the node itself. */
    static List<Long> ancestorIds(String path) {
        String[] parts = path.substring(1, path.length() - 1).split("/");
        return java.util.Arrays.stream(parts, 0, parts.length - 1).map(Long::valueOf).toList();
    }
}
