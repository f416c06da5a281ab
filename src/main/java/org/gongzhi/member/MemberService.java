package org.gongzhi.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gongzhi.member.MemberInputs.*;
import org.gongzhi.member.MemberViews.Building;
import org.gongzhi.member.MemberViews.Household;
import org.gongzhi.member.MemberViews.MemberConnection;
import org.gongzhi.member.MemberViews.MemberContact;
import org.gongzhi.organization.GridSizeRule;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.organization.OrganizationKind;
import org.gongzhi.organization.Organization;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.audit.AuditLog.AuditEvent;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.validation.Inputs;

/**
 * Rules of the member graph: who may read whom (self, or those serving the member's grid/community),
 * masking and audited unmasking of personal data, and the writes (places, people, memberships, party
 * profiles, identities, responsibility households).
 */
@ApplicationScoped
@Transactional
public class MemberService {

    /** 党员联系户: each party member looks after 5–10 households; more is allowed but flagged. */
    public static final int RESPONSIBILITY_HOUSEHOLDS_MAX = 10;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final MemberQueries queries;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Inputs inputs;
    private final GraphQLLimits limits;
    private final BusinessCalendar calendar;

    MemberService(EntityManager em, CurrentActor currentActor, MemberQueries queries, AuditLog audit, Idempotency idempotency,
            Inputs inputs, GraphQLLimits limits, BusinessCalendar calendar) {
        this.em = em;
        this.currentActor = currentActor;
        this.queries = queries;
        this.audit = audit;
        this.idempotency = idempotency;
        this.inputs = inputs;
        this.limits = limits;
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------ reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Member me() {
        Actor actor = currentActor.get().requireAuthenticated();
        return actor.memberId() == null ? null : queries.memberById(actor.memberId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Member member(String id) {
        long memberId = GlobalId.decode(Member.TYPE, id, "id");
        Member m = queries.memberById(memberId);
        if (m == null) {
            throw DomainException.notFound("Member", id);
        }
        requireCanSee(m);
        return m;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberConnection search(String underOrganizationId, String nameContains, SpecialGroupTag tag, Integer first, String after) {
        OrganizationEntity org = organization(GlobalId.decode(Organization.TYPE, underOrganizationId, "underOrganizationId"));
        currentActor.get().requireServes(org.path, "members of " + org.name);
        return queries.search(org.path, Inputs.optionalText(nameContains, "nameContains", 50), tag,
                PageRequest.of(first, after, limits));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Household household(String id) {
        long householdId = GlobalId.decode(Household.TYPE, id, "id");
        List<Household> found = queries.householdsByIds(List.of(householdId));
        if (found.isEmpty()) {
            throw DomainException.notFound("Household", id);
        }
        Household h = found.get(0);
        Actor actor = currentActor.get().requireAuthenticated();
        if (!actor.serves(h.gridPath()) && !Long.valueOf(h.dbId()).equals(actor.householdId())) {
            throw DomainException.forbidden("Outside the caller's scope: household");
        }
        return h;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Building building(String id) {
        List<Building> found = queries.buildingsByIds(List.of(GlobalId.decode(Building.TYPE, id, "id")));
        if (found.isEmpty()) {
            throw DomainException.notFound("Building", id);
        }
        currentActor.get().requireServes(found.get(0).gridPath(), "building");
        return found.get(0);
    }

    public void requireCanSee(Member m) {
        Actor actor = currentActor.get().requireAuthenticated();
        if (!actor.isMember(m.dbId()) && !actor.serves(m.scopePath())) {
            throw DomainException.forbidden("Outside the caller's scope: member");
        }
    }

    /** Full contact data for the member themself and administrators in scope (audited); masked for others. */
    public List<MemberContact> contacts(List<Member> members) {
        Actor actor = currentActor.get().requireAuthenticated();
        Map<Long, String[]> raw = queries.contactsOf(members.stream().map(Member::dbId).distinct().toList());
        List<MemberContact> out = new ArrayList<>(members.size());
        List<AuditEvent> reads = new ArrayList<>();
        for (Member m : members) {
            String[] c = raw.getOrDefault(m.dbId(), new String[3]);
            if (actor.isMember(m.dbId()) || actor.administers(m.scopePath())) {
                out.add(new MemberContact(c[0], c[1], c[2], false));
                reads.add(new AuditEvent(chainKeyOf(m), "member.contact.read", "Member", m.dbId(), Map.of("fields", "phone,idNumber,address")));
            } else {
                out.add(new MemberContact(Masking.phone(c[0]), Masking.idNumber(c[1]), Masking.address(c[2]), true));
            }
        }
        audit.recordAll(reads);
        return out;
    }

    /** Special-group tags are visible to the member and to those serving their grid or community. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<List<SpecialGroupTag>> tags(List<Member> members) {
        Actor actor = currentActor.get().requireAuthenticated();
        List<List<SpecialGroupTag>> out = new ArrayList<>(members.size());
        for (Member m : members) {
            out.add(actor.isMember(m.dbId()) || actor.serves(m.scopePath())
                    ? m.tags().stream().map(SpecialGroupTag::valueOf).toList()
                    : List.of());
        }
        return out;
    }

    /** Bound identities are shown to the member and administrators in scope only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canSeeIdentities(Member m) {
        Actor actor = currentActor.get();
        return actor.isMember(m.dbId()) || actor.administers(m.scopePath());
    }

    // ------------------------------------------------------------------ writes: places

    public BuildingPayload createBuilding(CreateBuildingInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "createBuilding", input, () -> {
            OrganizationEntity grid = administered(GlobalId.decode(Organization.TYPE, input.gridId(), "gridId"), "gridId");
            requireKind(grid, OrganizationKind.GRID, "gridId");
            Long compoundId = GlobalId.decodeNullable(Organization.TYPE, input.compoundId(), "compoundId");
            if (compoundId != null) {
                OrganizationEntity compound = organization(compoundId);
                requireKind(compound, OrganizationKind.COMPOUND_BRANCH, "compoundId");
                if (!grid.id.equals(compound.parentId)) {
                    throw DomainException.invalid("compoundId", "The compound branch must belong to the same grid");
                }
            }
            BuildingEntity b = new BuildingEntity();
            b.tenantId = grid.tenantId;
            b.gridId = grid.id;
            b.compoundId = compoundId;
            b.communityId = grid.communityId;
            b.name = input.name().strip();
            b.createdAt = calendar.now();
            b.persist();
            em.flush();
            audit.record(grid.auditChainKey(), "building.create", "Building", b.id, AuditLog.change("grid", grid.id, "name", b.name));
            return b.id;
        });
        return new BuildingPayload(queries.buildingsByIds(List.of(o.id())).get(0), o.replayed());
    }

    /** Registers a household; the grid row is locked so that concurrent registrations cannot pass 500 together. */
    public HouseholdPayload createHousehold(CreateHouseholdInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "createHousehold", input, () -> {
            BuildingEntity b = BuildingEntity.findById(GlobalId.decode(Building.TYPE, input.buildingId(), "buildingId"));
            if (b == null) {
                throw DomainException.notFound("Building", input.buildingId());
            }
            OrganizationEntity grid = administered(b.gridId, "buildingId");
            em.lock(grid, LockModeType.PESSIMISTIC_WRITE);
            long households = householdCount(grid.id);
            if (GridSizeRule.exceedsMaximum(households + 1)) {
                throw DomainException.invalid("buildingId", "Grid " + grid.name + " already has " + households
                        + " households; a grid may not exceed " + GridSizeRule.MAX_HOUSEHOLDS + " (网格不超过500户)");
            }
            HouseholdEntity h = new HouseholdEntity();
            h.tenantId = b.tenantId;
            h.buildingId = b.id;
            h.gridId = b.gridId;
            h.communityId = b.communityId;
            h.doorNumber = input.doorNumber().strip();
            h.floorAreaSqm = input.floorAreaSqm();
            h.createdAt = calendar.now();
            h.persist();
            em.flush();
            audit.record(grid.auditChainKey(), "household.create", "Household", h.id,
                    AuditLog.change("building", b.id, "doorNumber", h.doorNumber));
            return h.id;
        });
        Household h = queries.householdsByIds(List.of(o.id())).get(0);
        long count = householdCount(h.gridDbId());
        List<String> warnings = GridSizeRule.exceedsStandard(count)
                ? List.of("网格户数 " + count + " 超过300户标准 (grid has " + count + " households, above the standard of 300)")
                : List.of();
        return new HouseholdPayload(h, o.replayed(), warnings);
    }

    // ------------------------------------------------------------------ writes: people

    public MemberPayload register(RegisterMemberInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "registerMember", input, () -> {
            Long householdId = GlobalId.decodeNullable(Household.TYPE, input.householdId(), "householdId");
            Long communityId = GlobalId.decodeNullable(Organization.TYPE, input.communityId(), "communityId");
            MemberEntity m = new MemberEntity();
            OrganizationEntity scope;
            if (householdId != null) {
                HouseholdEntity h = HouseholdEntity.findById(householdId);
                if (h == null) {
                    throw DomainException.notFound("Household", input.householdId());
                }
                scope = administered(h.gridId, "householdId");
                m.householdId = h.id;
                m.communityId = h.communityId;
            } else if (communityId != null) {
                scope = administered(communityId, "communityId");
                requireKind(scope, OrganizationKind.COMMUNITY_COMMITTEE, "communityId");
                m.communityId = scope.id;
            } else {
                throw DomainException.invalid("householdId", "Give a householdId or a communityId");
            }
            m.tenantId = scope.tenantId;
            m.name = input.name().strip();
            m.gender = input.gender();
            m.birthDate = input.birthDate();
            m.phone = input.phone();
            m.idNumber = input.idNumber() == null ? null : input.idNumber().toUpperCase();
            m.address = input.address();
            m.specialTags = tagNames(input.specialTags(), "specialTags");
            m.createdAt = calendar.now();
            m.updatedAt = m.createdAt;
            m.persist();
            em.flush();
            audit.record(scope.auditChainKey(), "member.register", "Member", m.id,
                    AuditLog.change("name", m.name, "household", m.householdId, "community", m.communityId,
                            "phone", m.phone, "idNumber", m.idNumber, "address", m.address, "tags", m.specialTags));
            return m.id;
        });
        return memberPayload(o, List.of());
    }

    public MemberPayload updateContact(UpdateMemberContactInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "updateMemberContact", input, () -> {
            MemberEntity m = selfOrAdministered(input.memberId());
            if (input.phone() != null) {
                m.phone = input.phone();
            }
            if (input.address() != null) {
                m.address = input.address();
            }
            if (input.leaderboardOptOut() != null) {
                m.leaderboardOptOut = input.leaderboardOptOut();
            }
            m.updatedAt = calendar.now();
            audit.record(chainKeyOf(m), "member.contact.update", "Member", m.id,
                    AuditLog.change("phone", input.phone(), "address", input.address(), "leaderboardOptOut", input.leaderboardOptOut()));
            return m.id;
        });
        return memberPayload(o, List.of());
    }

    public MemberPayload setSpecialTags(SetSpecialTagsInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "setSpecialTags", input, () -> {
            MemberEntity m = administeredMember(input.memberId());
            m.specialTags = tagNames(input.tags(), "tags");
            m.updatedAt = calendar.now();
            audit.record(chainKeyOf(m), "member.tags.set", "Member", m.id, AuditLog.change("tags", m.specialTags));
            return m.id;
        });
        return memberPayload(o, List.of());
    }

    public MemberPayload addMembership(AddMembershipInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "addMembership", input, () -> {
            MemberEntity m = member(GlobalId.decode(Member.TYPE, input.memberId(), "memberId"));
            OrganizationEntity org = administered(GlobalId.decode(Organization.TYPE, input.organizationId(), "organizationId"), "organizationId");
            if (org.tenantId != m.tenantId) {
                throw DomainException.invalid("organizationId", "The organization belongs to another street");
            }
            if (!org.isActive()) {
                throw DomainException.invalid("organizationId", "The organization is dissolved");
            }
            long open = ((Number) em.createNativeQuery("""
                    select count(*) from membership where member_id = :m and organization_id = :o and role = :r and ended_on is null
                    """).setParameter("m", m.id).setParameter("o", org.id).setParameter("r", input.role().name())
                    .getSingleResult()).longValue();
            if (open > 0) {
                throw DomainException.conflict("The member already holds this role in this organization");
            }
            MembershipEntity ms = new MembershipEntity();
            ms.tenantId = org.tenantId;
            ms.memberId = m.id;
            ms.organizationId = org.id;
            ms.role = input.role();
            ms.startedOn = input.startedOn() == null ? calendar.today() : input.startedOn();
            ms.createdAt = calendar.now();
            ms.persist();
            em.flush();
            audit.record(org.auditChainKey(), "membership.add", "Membership", ms.id,
                    AuditLog.change("member", m.id, "organization", org.id, "role", ms.role, "startedOn", ms.startedOn));
            return m.id;
        });
        return memberPayload(o, List.of());
    }

    public MemberPayload endMembership(EndMembershipInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "endMembership", input, () -> {
            MembershipEntity ms = MembershipEntity.findById(GlobalId.decode(MemberViews.Membership.TYPE, input.membershipId(), "membershipId"),
                    LockModeType.PESSIMISTIC_WRITE);
            if (ms == null) {
                throw DomainException.notFound("Membership", input.membershipId());
            }
            OrganizationEntity org = administered(ms.organizationId, "membershipId");
            if (ms.endedOn != null) {
                throw DomainException.invalidTransition("The membership has already ended");
            }
            LocalDate end = input.endedOn() == null ? calendar.today() : input.endedOn();
            if (end.isBefore(ms.startedOn)) {
                throw DomainException.invalid("endedOn", "The end date lies before the start date");
            }
            ms.endedOn = end;
            audit.record(org.auditChainKey(), "membership.end", "Membership", ms.id, AuditLog.change("endedOn", end));
            return ms.memberId;
        });
        return memberPayload(o, List.of());
    }

    public MemberPayload setPartyProfile(SetPartyProfileInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "setPartyProfile", input, () -> {
            MemberEntity m = administeredMember(input.memberId());
            Long homeBranch = GlobalId.decodeNullable(Organization.TYPE, input.homeBranchId(), "homeBranchId");
            Long registered = GlobalId.decodeNullable(Organization.TYPE, input.registeredCommunityId(), "registeredCommunityId");
            if (homeBranch != null) {
                organization(homeBranch);
            }
            if (registered != null) {
                requireKind(organization(registered), OrganizationKind.COMMUNITY_COMMITTEE, "registeredCommunityId");
            }
            if (input.inService() && registered == null) {
                throw DomainException.invalid("registeredCommunityId", "An in-service party member registers at a residential community (双报到)");
            }
            PartyProfileEntity p = em.find(PartyProfileEntity.class, m.id);
            if (p == null) {
                p = new PartyProfileEntity();
                p.memberId = m.id;
            }
            p.joinedOn = input.joinedOn();
            p.standing = input.standing();
            p.homeBranchId = homeBranch;
            p.registeredCommunityId = registered;
            p.inService = input.inService();
            p.workplace = input.workplace();
            p.floating = input.floating();
            p.updatedAt = calendar.now();
            p.persist();
            audit.record(chainKeyOf(m), "member.partyProfile.set", "Member", m.id,
                    AuditLog.change("standing", p.standing, "homeBranch", homeBranch, "registeredCommunity", registered,
                            "inService", p.inService, "floating", p.floating));
            return m.id;
        });
        return memberPayload(o, List.of());
    }

    public MemberPayload bindExternalIdentity(BindExternalIdentityInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "bindExternalIdentity", input, () -> {
            MemberEntity m = selfOrAdministered(input.memberId());
            String value = input.value().strip();
            long taken = ((Number) em.createNativeQuery("select count(*) from external_identity where kind = :k and value = :v")
                    .setParameter("k", input.kind().name()).setParameter("v", value).getSingleResult()).longValue();
            if (taken > 0) {
                throw DomainException.conflict("This " + input.kind() + " is already bound to a member");
            }
            ExternalIdentityEntity e = new ExternalIdentityEntity();
            e.memberId = m.id;
            e.kind = input.kind();
            e.value = value;
            e.boundAt = calendar.now();
            e.persist();
            em.flush();
            audit.record(chainKeyOf(m), "member.identity.bind", "Member", m.id, AuditLog.change("kind", e.kind, "value", value));
            return m.id;
        });
        return memberPayload(o, List.of());
    }

    public MemberPayload linkResponsibilityHousehold(ResponsibilityLinkInput input) {
        inputs.validate(input);
        Idempotency.Outcome o = idempotency.once(input.idempotencyKey(), "linkResponsibilityHousehold", input, () -> {
            MemberEntity m = member(GlobalId.decode(Member.TYPE, input.partyMemberId(), "partyMemberId"));
            HouseholdEntity h = HouseholdEntity.findById(GlobalId.decode(Household.TYPE, input.householdId(), "householdId"));
            if (h == null) {
                throw DomainException.notFound("Household", input.householdId());
            }
            OrganizationEntity grid = administered(h.gridId, "householdId");
            if (em.find(PartyProfileEntity.class, m.id) == null) {
                throw DomainException.invalid("partyMemberId", "Only a party member (with a party profile) links responsibility households");
            }
            int inserted = em.createNativeQuery("""
                    insert into responsibility_link (party_member_id, household_id, linked_on) values (:m, :h, :today) on conflict do nothing
                    """).setParameter("m", m.id).setParameter("h", h.id).setParameter("today", calendar.today()).executeUpdate();
            if (inserted == 0) {
                throw DomainException.conflict("The household is already linked to this party member");
            }
            audit.record(grid.auditChainKey(), "member.responsibility.link", "Member", m.id, AuditLog.change("household", h.id));
            return m.id;
        });
        long links = ((Number) em.createNativeQuery("select count(*) from responsibility_link where party_member_id = :m")
                .setParameter("m", o.id()).getSingleResult()).longValue();
        List<String> warnings = links > RESPONSIBILITY_HOUSEHOLDS_MAX
                ? List.of("联系户 " + links + " 户，超过10户 (links " + links + " households, more than the 10 expected)")
                : List.of();
        return memberPayload(o, warnings);
    }

    // ------------------------------------------------------------------ helpers

    private MemberPayload memberPayload(Idempotency.Outcome o, List<String> warnings) {
        return new MemberPayload(queries.memberById(o.id()), o.replayed(), warnings);
    }

    private OrganizationEntity organization(long id) {
        OrganizationEntity org = OrganizationEntity.findById(id);
        if (org == null) {
            throw DomainException.notFound("Organization", GlobalId.encode(Organization.TYPE, id));
        }
        return org;
    }

    private OrganizationEntity administered(long orgId, String field) {
        OrganizationEntity org = organization(orgId);
        currentActor.get().requireAdministers(org.path, field);
        return org;
    }

    private MemberEntity member(long id) {
        MemberEntity m = MemberEntity.findById(id);
        if (m == null) {
            throw DomainException.notFound("Member", GlobalId.encode(Member.TYPE, id));
        }
        return m;
    }

    private MemberEntity administeredMember(String id) {
        MemberEntity m = member(GlobalId.decode(Member.TYPE, id, "memberId"));
        currentActor.get().requireAdministers(scopePathOf(m), "member");
        return m;
    }

    private MemberEntity selfOrAdministered(String id) {
        MemberEntity m = member(GlobalId.decode(Member.TYPE, id, "memberId"));
        Actor actor = currentActor.get().requireAuthenticated();
        if (!actor.isMember(m.id)) {
            actor.requireAdministers(scopePathOf(m), "member");
        }
        return m;
    }

    private String scopePathOf(MemberEntity m) {
        Member view = queries.memberById(m.id);
        return view == null ? null : view.scopePath();
    }

    private long householdCount(long gridId) {
        return ((Number) em.createNativeQuery("select count(*) from household where grid_id = :g")
                .setParameter("g", gridId).getSingleResult()).longValue();
    }

    private static List<String> tagNames(List<SpecialGroupTag> tags, String field) {
        if (tags == null) {
            return new ArrayList<>();
        }
        if (tags.contains(null)) {
            throw DomainException.invalid(field, "Tags must not contain null");
        }
        return new ArrayList<>(tags.stream().distinct().map(Enum::name).toList());
    }

    private static void requireKind(OrganizationEntity org, OrganizationKind kind, String field) {
        if (org.kind != kind) {
            throw DomainException.invalid(field, "Expected a " + kind + " (" + kind.label() + "), got " + org.kind);
        }
    }

    static long chainKeyOf(MemberEntity m) {
        return m.communityId != null ? m.communityId : m.tenantId;
    }

    static long chainKeyOf(Member m) {
        return m.communityDbId() != null ? m.communityDbId() : m.tenantId();
    }
}
