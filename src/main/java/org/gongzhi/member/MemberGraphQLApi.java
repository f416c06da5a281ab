package org.gongzhi.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gongzhi.member.MemberInputs.*;
import org.gongzhi.member.MemberViews.*;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationKind;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.persistence.Rows;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.Times;

import io.quarkus.security.Authenticated;

/** The member graph over GraphQL: people, households, buildings, memberships. Thin over the service. */
@GraphQLApi
@Authenticated
public class MemberGraphQLApi {

    private final MemberService service;
    private final MemberQueries queries;
    private final OrganizationQueries organizations;
    private final GraphQLLimits limits;
    private final CurrentActor actor;

    MemberGraphQLApi(MemberService service, MemberQueries queries, OrganizationQueries organizations, GraphQLLimits limits,
            CurrentActor actor) {
        this.service = service;
        this.queries = queries;
        this.organizations = organizations;
        this.limits = limits;
        this.actor = actor;
    }

    @Query("me")
    @Description("当前登录者对应的成员；未绑定时为空 (the member bound to the caller's token or WeChat identity; null when unbound)")
    public Member me() {
        return service.me();
    }

    @Query("member")
    @Description("按ID查询成员：本人或辖区内的管理员、网格员可查 (a member: for themself or those serving their grid/community)")
    public Member member(@NonNull @Id @Name("id") String id) {
        return service.member(id);
    }

    @Query("members")
    @Description("辖区成员查询 (members living or registered under an organization the caller serves)")
    public @NonNull MemberConnection members(@NonNull @Id @Name("underOrganizationId") String underOrganizationId,
            @Name("nameContains") String nameContains, @Name("tag") SpecialGroupTag tag,
            @Name("first") Integer first, @Name("after") String after) {
        return service.search(underOrganizationId, nameContains, tag, first, after);
    }

    @Query("household")
    @Description("按ID查询住户 (a household)")
    public Household household(@NonNull @Id @Name("id") String id) {
        return service.household(id);
    }

    @Query("building")
    @Description("按ID查询楼栋 (a building)")
    public Building building(@NonNull @Id @Name("id") String id) {
        return service.building(id);
    }

    // ------------------------------------------------------------------ Organization fields from this feature

    @Description("在该组织有有效关系的成员 (members with an active membership in this organization; for those serving it)")
    public List<@NonNull MemberConnection> members(@Source List<Organization> orgs, @Name("role") MembershipRole role,
            @Name("first") Integer first, @Name("after") String after) {
        for (Organization o : orgs) {
            actor.get().requireServes(o.path(), "members of " + o.name());
        }
        return queries.membersOf(orgs, role, PageRequest.of(first, after, limits));
    }

    @Description("网格内的楼栋 (buildings of a grid; empty for other kinds)")
    public List<@NonNull List<@NonNull Building>> buildings(@Source List<Organization> orgs) {
        List<Long> grids = orgs.stream().filter(o -> o.kind() == OrganizationKind.GRID).map(Organization::dbId).toList();
        return Rows.inOrder(orgs.stream().map(Organization::dbId).toList(), queries.buildingsOfGrids(grids));
    }

    // ------------------------------------------------------------------ Member fields

    @Description("所在住户 (household)")
    public List<Household> household(@Source List<Member> members) {
        Map<Long, Household> byId = new java.util.HashMap<>();
        for (Household h : queries.householdsByIds(members.stream().map(Member::householdDbId).filter(java.util.Objects::nonNull).distinct().toList())) {
            byId.put(h.dbId(), h);
        }
        return members.stream().map(m -> m.householdDbId() == null ? null : byId.get(m.householdDbId())).toList();
    }

    @Description("所在社区 (residential community)")
    public List<Organization> community(@Source List<Member> members) {
        Map<Long, Organization> byId = new java.util.HashMap<>();
        for (Organization o : organizations.byIds(members.stream().map(Member::communityDbId).filter(java.util.Objects::nonNull).distinct().toList())) {
            byId.put(o.dbId(), o);
        }
        return members.stream().map(m -> m.communityDbId() == null ? null : byId.get(m.communityDbId())).toList();
    }

    @Description("组织关系 (memberships; active only unless includeEnded)")
    public List<@NonNull List<@NonNull Membership>> memberships(@Source List<Member> members,
            @Name("includeEnded") @org.eclipse.microprofile.graphql.DefaultValue("false") boolean includeEnded) {
        return Rows.inOrder(ids(members), queries.membershipsOf(ids(members), !includeEnded));
    }

    @Description("党员信息 (party profile; null for non-party members)")
    public List<PartyProfile> partyProfile(@Source List<Member> members) {
        Map<Long, PartyProfile> profiles = queries.partyProfilesOf(ids(members));
        return members.stream().map(m -> profiles.get(m.dbId())).toList();
    }

    @Description("联系信息，默认脱敏 (contact data, masked unless the caller's duty needs it; full reads are audited)")
    public List<@NonNull MemberContact> contact(@Source List<Member> members) {
        return service.contacts(members);
    }

    @Description("特殊群体标签，仅本人与辖区工作人员可见 (special-group tags; empty for callers without the duty)")
    public List<@NonNull List<@NonNull SpecialGroupTag>> specialTags(@Source List<Member> members) {
        return service.tags(members);
    }

    @Description("党员联系户 (households this party member looks after)")
    public List<@NonNull List<@NonNull Household>> responsibilityHouseholds(@Source List<Member> members) {
        return Rows.inOrder(ids(members), queries.responsibilityHouseholdsOf(ids(members)));
    }

    @Description("绑定的外部身份，仅本人与辖区管理员可见 (bound identities; only for the member and administrators in scope)")
    public List<@NonNull List<@NonNull ExternalIdentity>> externalIdentities(@Source List<Member> members) {
        Map<Long, List<Object[]>> raw = queries.identitiesOf(ids(members));
        List<List<ExternalIdentity>> out = new ArrayList<>();
        for (Member m : members) {
            if (!service.canSeeIdentities(m)) {
                out.add(List.of());
                continue;
            }
            out.add(raw.getOrDefault(m.dbId(), List.of()).stream().map(r -> new ExternalIdentity(
                    Rows.enumOf(IdentityKind.class, r[1]), Masking.identity((String) r[2]), Times.local(Rows.instant(r[3])))).toList());
        }
        return out;
    }

    // ------------------------------------------------------------------ Household and Building fields

    @Description("住户成员 (members of the household)")
    public List<@NonNull List<@NonNull Member>> members(@Source List<Household> households) {
        for (Household h : households) {
            if (!actor.get().serves(h.gridPath()) && !Long.valueOf(h.dbId()).equals(actor.get().householdId())) {
                throw DomainException.forbidden("Outside the caller's scope: household members");
            }
        }
        List<Long> ids = households.stream().map(Household::dbId).toList();
        return Rows.inOrder(ids, queries.membersOfHouseholds(ids));
    }

    @Description("所在楼栋 (building)")
    public List<@NonNull Building> building(@Source List<Household> households) {
        Map<Long, Building> byId = new java.util.HashMap<>();
        for (Building b : queries.buildingsByIds(households.stream().map(Household::buildingDbId).distinct().toList())) {
            byId.put(b.dbId(), b);
        }
        return households.stream().map(h -> byId.get(h.buildingDbId())).toList();
    }

    @Description("所在网格 (grid)")
    public List<@NonNull Organization> grid(@Source List<Household> households) {
        return gridsOf(households.stream().map(Household::gridDbId).toList());
    }

    @Description("楼内住户 (households of the building)")
    public List<@NonNull List<@NonNull Household>> households(@Source List<Building> buildings) {
        List<Long> ids = buildings.stream().map(Building::dbId).toList();
        return Rows.inOrder(ids, queries.householdsOfBuildings(ids));
    }

    @Name("grid")
    @Description("所在网格 (grid)")
    public List<@NonNull Organization> buildingGrid(@Source List<Building> buildings) {
        return gridsOf(buildings.stream().map(Building::gridDbId).toList());
    }

    private List<Organization> gridsOf(List<Long> gridIds) {
        Map<Long, Organization> byId = new java.util.HashMap<>();
        for (Organization o : organizations.byIds(gridIds.stream().distinct().toList())) {
            byId.put(o.dbId(), o);
        }
        return gridIds.stream().map(byId::get).toList();
    }

    private static List<Long> ids(List<Member> members) {
        return members.stream().map(Member::dbId).toList();
    }

    // ------------------------------------------------------------------ mutations

    @Mutation("createBuilding")
    @Description("登记楼栋 (register a building)")
    public @NonNull BuildingPayload createBuilding(@NonNull @Name("input") CreateBuildingInput input) {
        return service.createBuilding(input);
    }

    @Mutation("createHousehold")
    @Description("登记住户；网格不超过500户 (register a household; a grid never exceeds 500)")
    public @NonNull HouseholdPayload createHousehold(@NonNull @Name("input") CreateHouseholdInput input) {
        return service.createHousehold(input);
    }

    @Mutation("registerMember")
    @Description("登记成员 (register a person)")
    public @NonNull MemberPayload registerMember(@NonNull @Name("input") RegisterMemberInput input) {
        return service.register(input);
    }

    @Mutation("updateMemberContact")
    @Description("更新联系信息 (update contact data; the member themself or an administrator in scope)")
    public @NonNull MemberPayload updateMemberContact(@NonNull @Name("input") UpdateMemberContactInput input) {
        return service.updateContact(input);
    }

    @Mutation("setSpecialTags")
    @Description("设置特殊群体标签 (set special-group tags)")
    public @NonNull MemberPayload setSpecialTags(@NonNull @Name("input") SetSpecialTagsInput input) {
        return service.setSpecialTags(input);
    }

    @Mutation("addMembership")
    @Description("建立组织关系 (add a membership)")
    public @NonNull MemberPayload addMembership(@NonNull @Name("input") AddMembershipInput input) {
        return service.addMembership(input);
    }

    @Mutation("endMembership")
    @Description("结束组织关系 (end a membership)")
    public @NonNull MemberPayload endMembership(@NonNull @Name("input") EndMembershipInput input) {
        return service.endMembership(input);
    }

    @Mutation("setPartyProfile")
    @Description("设置党员信息 (set a party profile)")
    public @NonNull MemberPayload setPartyProfile(@NonNull @Name("input") SetPartyProfileInput input) {
        return service.setPartyProfile(input);
    }

    @Mutation("bindExternalIdentity")
    @Description("绑定外部身份 (bind an OIDC subject or WeChat openid/unionid to a member)")
    public @NonNull MemberPayload bindExternalIdentity(@NonNull @Name("input") BindExternalIdentityInput input) {
        return service.bindExternalIdentity(input);
    }

    @Mutation("linkResponsibilityHousehold")
    @Description("党员联系户 (link a party member to a household they look after)")
    public @NonNull MemberPayload linkResponsibilityHousehold(@NonNull @Name("input") ResponsibilityLinkInput input) {
        return service.linkResponsibilityHousehold(input);
    }
}
