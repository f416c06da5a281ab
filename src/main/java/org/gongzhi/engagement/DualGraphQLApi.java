package org.gongzhi.engagement;

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
import org.gongzhi.engagement.DualInputs.DualRegistrationPayload;
import org.gongzhi.engagement.DualInputs.DualServicePayload;
import org.gongzhi.engagement.DualInputs.RecordDualServiceInput;
import org.gongzhi.engagement.DualInputs.RegisterDualInput;
import org.gongzhi.engagement.DualViews.DualCompliance;
import org.gongzhi.engagement.DualViews.DualComplianceRow;
import org.gongzhi.engagement.DualViews.DualRegistration;
import org.gongzhi.member.Member;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;

import io.quarkus.security.Authenticated;

/** Dual registration (双报到) over GraphQL. Thin: parse, call the service, batch the references. */
@GraphQLApi
@Authenticated
public class DualGraphQLApi {

    private final DualRegistrationService service;
    private final MemberQueries members;
    private final OrganizationQueries organizations;
    private final GraphQLLimits limits;

    DualGraphQLApi(DualRegistrationService service, MemberQueries members, OrganizationQueries organizations, GraphQLLimits limits) {
        this.service = service;
        this.members = members;
        this.organizations = organizations;
        this.limits = limits;
    }

    @Query("myDualRegistration")
    @Description("我的双报到登记 (my open dual registration, if any)")
    public DualRegistration myDualRegistration() {
        return service.mine();
    }

    @Query("dualRegistrationCompliance")
    @Description("双报到履职统计：报到在该组织所辖社区、或组织关系在其下属支部的党员（含流动党员），某月是否已服务、本季度是否参加集体服务"
            + " (monthly compliance of members registered under the organization or whose home branch lies under it, floating ones included)")
    public @NonNull DualCompliance dualRegistrationCompliance(@NonNull @Id @Name("organizationId") String organizationId,
            @NonNull @Description("月份 YYYY-MM") @Name("month") String month, @Name("first") Integer first, @Name("after") String after) {
        return service.compliance(organizationId, month, PageRequest.of(first, after, limits));
    }

    @Mutation("registerDual")
    @Description("双报到：到居住社区报到并认领岗位 (register at the residential community and claim a post)")
    public @NonNull DualRegistrationPayload registerDual(@NonNull @Name("input") RegisterDualInput input) {
        return service.register(input);
    }

    @Mutation("recordDualService")
    @Description("记录双报到服务，一次性计积分与志愿时长 (record a service; posts points and minutes once)")
    public @NonNull DualServicePayload recordDualService(@NonNull @Name("input") RecordDualServiceInput input) {
        return service.recordService(input);
    }

    // ------------------------------------------------------------------ batched references

    @Description("党员 (the party member)")
    public List<@NonNull Member> member(@Source List<DualRegistration> regs) {
        return memberOf(regs, DualRegistration::memberDbId);
    }

    @Description("报到社区 (community registered at)")
    public List<@NonNull Organization> community(@Source List<DualRegistration> regs) {
        return orgOf(regs, DualRegistration::communityDbId);
    }

    @Description("组织关系所在支部 (home branch)")
    public List<Organization> homeBranch(@Source List<DualRegistration> regs) {
        return orgOf(regs, DualRegistration::homeBranchDbId);
    }

    @Name("member")
    @Description("党员 (the party member)")
    public List<@NonNull Member> rowMember(@Source List<DualComplianceRow> rows) {
        return memberOf(rows, DualComplianceRow::memberDbId);
    }

    @Name("community")
    @Description("报到社区 (community registered at)")
    public List<@NonNull Organization> rowCommunity(@Source List<DualComplianceRow> rows) {
        return orgOf(rows, DualComplianceRow::communityDbId);
    }

    @Name("homeBranch")
    @Description("组织关系所在支部 (home branch)")
    public List<Organization> rowHomeBranch(@Source List<DualComplianceRow> rows) {
        return orgOf(rows, DualComplianceRow::homeBranchDbId);
    }

    private <T> List<Member> memberOf(List<T> items, Function<T, Long> key) {
        Map<Long, Member> byId = new HashMap<>();
        for (Member m : members.membersByIds(items.stream().map(key).distinct().toList())) {
            byId.put(m.dbId(), m);
        }
        return items.stream().map(i -> byId.get(key.apply(i))).toList();
    }

    private <T> List<Organization> orgOf(List<T> items, Function<T, Long> key) {
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(items.stream().map(key).filter(Objects::nonNull).distinct().toList())) {
            byId.put(o.dbId(), o);
        }
        return items.stream().map(i -> i == null || key.apply(i) == null ? null : byId.get(key.apply(i))).toList();
    }
}
