package org.gongzhi.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gongzhi.organization.OrganizationInputs.*;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.CurrentActor;

import io.quarkus.security.Authenticated;

/** The organization tree over GraphQL. Thin: parse, call the service or a batched query, map. */
@GraphQLApi
@Authenticated
public class OrganizationGraphQLApi {

    private final OrganizationService service;
    private final OrganizationQueries queries;
    private final GraphQLLimits limits;
    private final CurrentActor actor;

    OrganizationGraphQLApi(OrganizationService service, OrganizationQueries queries, GraphQLLimits limits, CurrentActor actor) {
        this.service = service;
        this.queries = queries;
        this.limits = limits;
        this.actor = actor;
    }

    @Query("organization")
    @Description("按ID查询组织 (one organization of the caller's street)")
    public Organization organization(@NonNull @Id @Name("id") String id) {
        return service.get(id);
    }

    @Query("organizations")
    @Description("查询组织：按类型、所属子树、名称（支持中文子串）(search organizations of the caller's street by kind, subtree and Chinese name substring)")
    public @NonNull OrganizationConnection organizations(@Name("kind") OrganizationKind kind,
            @Id @Name("underId") @Description("只查此组织的子树 (only inside this subtree)") String underId,
            @Name("nameContains") @Description("名称包含 (name contains)") String nameContains,
            @Name("first") Integer first, @Name("after") String after) {
        String under = underId == null ? null : service.visible(GlobalId.decode(Organization.TYPE, underId, "underId")).path;
        String name = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        if (name != null && name.length() > 50) {
            throw org.gongzhi.platform.error.DomainException.invalid("nameContains", "At most 50 characters");
        }
        return queries.search(actor.get().requireAuthenticated(), kind, under, name, PageRequest.of(first, after, limits));
    }

    // ------------------------------------------------------------------ batched fields

    @Description("上级组织 (parent)")
    public List<Organization> parent(@Source List<Organization> orgs) {
        return queries.parents(orgs);
    }

    @Description("上级链，从街道开始 (ancestors, the street first)")
    public List<@NonNull List<@NonNull Organization>> ancestors(@Source List<Organization> orgs) {
        return queries.ancestors(orgs);
    }

    @Description("直属下级 (direct children)")
    public List<@NonNull OrganizationConnection> children(@Source List<Organization> orgs, @Name("first") Integer first,
            @Name("after") String after, @Name("includeDissolved") @DefaultValue("false") boolean includeDissolved) {
        return queries.children(orgs, PageRequest.of(first, after, limits), includeDissolved);
    }

    @Description("全部下级（任意层级，可按类型筛选）(all descendants at any depth, optionally of one kind)")
    public List<@NonNull OrganizationConnection> descendants(@Source List<Organization> orgs, @Name("kind") OrganizationKind kind,
            @Name("first") Integer first, @Name("after") String after) {
        return queries.descendants(orgs, kind, PageRequest.of(first, after, limits));
    }

    @Description("网格户数（仅网格）(households in the grid; null for other kinds)")
    public List<Integer> householdCount(@Source List<Organization> orgs) {
        Map<Long, Long> counts = queries.householdCounts(gridIds(orgs));
        List<Integer> out = new ArrayList<>(orgs.size());
        for (Organization o : orgs) {
            out.add(o.kind() == OrganizationKind.GRID ? counts.getOrDefault(o.dbId(), 0L).intValue() : null);
        }
        return out;
    }

    @Description("提示，如网格超过300户标准 (warnings, e.g. a grid above the 300-household standard)")
    public List<@NonNull List<@NonNull String>> warnings(@Source List<Organization> orgs) {
        Map<Long, Long> counts = queries.householdCounts(gridIds(orgs));
        List<List<String>> out = new ArrayList<>(orgs.size());
        for (Organization o : orgs) {
            long n = counts.getOrDefault(o.dbId(), 0L);
            out.add(o.kind() == OrganizationKind.GRID && GridSizeRule.exceedsStandard(n)
                    ? List.of("网格户数 " + n + " 超过300户标准 (grid has " + n + " households, above the standard of 300)")
                    : List.of());
        }
        return out;
    }

    private static List<Long> gridIds(List<Organization> orgs) {
        return orgs.stream().filter(o -> o.kind() == OrganizationKind.GRID).map(Organization::dbId).toList();
    }

    // ------------------------------------------------------------------ mutations

    @Mutation("createOrganization")
    @Description("新建组织 (create an organization under a parent the caller administers)")
    public @NonNull OrganizationPayload createOrganization(@NonNull @Name("input") CreateOrganizationInput input) {
        return service.create(input);
    }

    @Mutation("renameOrganization")
    @Description("组织更名 (rename)")
    public @NonNull OrganizationPayload renameOrganization(@NonNull @Name("input") RenameOrganizationInput input) {
        return service.rename(input);
    }

    @Mutation("moveOrganization")
    @Description("调整隶属 (move a subtree; the tree stays acyclic and kind rules hold)")
    public @NonNull OrganizationPayload moveOrganization(@NonNull @Name("input") MoveOrganizationInput input) {
        return service.move(input);
    }

    @Mutation("dissolveOrganization")
    @Description("撤销组织 (dissolve; refused while it has children, live members or open work)")
    public @NonNull OrganizationPayload dissolveOrganization(@NonNull @Name("input") DissolveOrganizationInput input) {
        return service.dissolve(input);
    }
}
