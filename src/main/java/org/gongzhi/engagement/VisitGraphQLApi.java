package org.gongzhi.engagement;

import java.util.HashMap;
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
import org.gongzhi.engagement.VisitViews.GridVisitCoverage;
import org.gongzhi.engagement.VisitViews.HouseholdVisit;
import org.gongzhi.engagement.VisitViews.HouseholdVisitPayload;
import org.gongzhi.engagement.VisitViews.RecordVisitInput;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.member.MemberViews.Household;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;

import io.quarkus.security.Authenticated;

/** Responsibility-household visits (敲门行动) over GraphQL. */
@GraphQLApi
@Authenticated
public class VisitGraphQLApi {

    private final VisitService service;
    private final MemberQueries members;
    private final OrganizationQueries organizations;

    VisitGraphQLApi(VisitService service, MemberQueries members, OrganizationQueries organizations) {
        this.service = service;
        this.members = members;
        this.organizations = organizations;
    }

    @Mutation("recordHouseholdVisit")
    @Description("记录联系户走访（敲门行动），可同时代为提交需求 (record a visit of a linked household; may raise a need)")
    public @NonNull HouseholdVisitPayload recordHouseholdVisit(@NonNull @Name("input") RecordVisitInput input) {
        return service.record(input);
    }

    @Query("visitCoverage")
    @Description("各网格联系户月度走访覆盖率 (monthly visit coverage of linked households for every grid under the organization)")
    public @NonNull List<@NonNull GridVisitCoverage> visitCoverage(@NonNull @Id @Name("organizationId") String organizationId,
            @NonNull @Description("月份 YYYY-MM") @Name("month") String month) {
        return service.coverage(organizationId, month);
    }

    @Description("网格 (the grid)")
    public List<@NonNull Organization> grid(@Source List<GridVisitCoverage> rows) {
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(rows.stream().map(GridVisitCoverage::gridDbId).distinct().toList())) {
            byId.put(o.dbId(), o);
        }
        return rows.stream().map(r -> byId.get(r.gridDbId())).toList();
    }

    @Description("走访的户 (the household)")
    public List<@NonNull Household> household(@Source List<HouseholdVisit> visits) {
        Map<Long, Household> byId = new HashMap<>();
        for (Household h : members.householdsByIds(visits.stream().map(HouseholdVisit::householdDbId).distinct().toList())) {
            byId.put(h.dbId(), h);
        }
        return visits.stream().map(v -> byId.get(v.householdDbId())).toList();
    }
}
