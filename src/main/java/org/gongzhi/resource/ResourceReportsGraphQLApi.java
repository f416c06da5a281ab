package org.gongzhi.resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.resource.EmergencySupplies.Status;

import io.quarkus.security.Authenticated;

/** Emergency supplies against the standard (应急物资) and fund disclosure (资金公开) over GraphQL. */
@GraphQLApi
@Authenticated
public class ResourceReportsGraphQLApi {

    private final EmergencySupplies emergency;
    private final FundDisclosure funds;
    private final OrganizationQueries organizations;

    ResourceReportsGraphQLApi(EmergencySupplies emergency, FundDisclosure funds, OrganizationQueries organizations) {
        this.emergency = emergency;
        this.funds = funds;
        this.organizations = organizations;
    }

    @Query("emergencySupplyStatus")
    @Description("社区应急物资达标情况 (a community's emergency stock against the standard)")
    public @NonNull Status emergencySupplyStatus(@NonNull @Id @Name("communityId") String communityId) {
        return emergency.of(communityId);
    }

    @Query("communitiesBelowEmergencyStandard")
    @Description("应急物资未达标的社区，缺口大者在前 (communities of the caller's scope below the emergency supply standard, largest shortfall first)")
    public @NonNull List<@NonNull Status> communitiesBelowEmergencyStandard(@Id @Name("underId") String underId) {
        return emergency.belowStandard(underId);
    }

    @Description("社区 (the community)")
    public List<@NonNull Organization> community(@Source List<Status> statuses) {
        List<Long> ids = statuses.stream().map(Status::communityId).distinct().toList();
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(ids)) {
            byId.put(o.dbId(), o);
        }
        return statuses.stream().map(s -> byId.get(s.communityId())).toList();
    }

    @Description("资金公开：仅资金类资源，服务范围内居民可见 (fund disclosure, for FUND resources; visible to everyone who sees the fund)")
    public List<FundDisclosure.Report> fundReport(@Source List<Resource> resources, @Name("first") Integer first) {
        if (first != null && first < 0) {
            throw DomainException.invalid("first", "first must not be negative");
        }
        return funds.reports(resources, first == null ? 20 : first);
    }
}
