package org.gongzhi.resource;

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
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationQueries;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.persistence.Rows;
import org.gongzhi.resource.AgreementInputs.*;
import org.gongzhi.resource.AgreementViews.Agreement;
import org.gongzhi.resource.AgreementViews.AgreementConnection;
import org.gongzhi.resource.AgreementViews.AgreementFigures;
import org.gongzhi.resource.AgreementViews.AgreementItem;

import io.quarkus.security.Authenticated;

/** Co-building agreements (共建协议) over GraphQL. */
@GraphQLApi
@Authenticated
public class AgreementGraphQLApi {

    private final AgreementService service;
    private final OrganizationQueries organizations;
    private final ResourceQueries resources;
    private final GraphQLLimits limits;

    AgreementGraphQLApi(AgreementService service, OrganizationQueries organizations, ResourceQueries resources, GraphQLLimits limits) {
        this.service = service;
        this.organizations = organizations;
        this.resources = resources;
        this.limits = limits;
    }

    @Query("coBuildingAgreement")
    @Description("按ID查询共建协议 (one agreement of the caller's street)")
    public Agreement coBuildingAgreement(@NonNull @Id @Name("id") String id) {
        return service.get(id);
    }

    @Query("coBuildingAgreements")
    @Description("共建协议列表，最新在前；本街道公开 (agreements of the caller's street, newest first; public to its members)")
    public @NonNull AgreementConnection coBuildingAgreements(@Name("status") AgreementStatus status, @Id @Name("unitId") String unitId,
            @Id @Name("underId") String underId, @Name("first") Integer first, @Name("after") String after) {
        return service.search(status, unitId, underId, PageRequest.of(first, after, limits));
    }

    @Query("coBuildingAgreementTransitions")
    @Description("共建协议流转规则表 (the lifecycle table: 商约—签约—履约—评约)")
    public @NonNull List<@NonNull AgreementTransitionRule> coBuildingAgreementTransitions() {
        return AgreementTransitions.TABLE.stream().map(t -> new AgreementTransitionRule(t.action(), t.from(), t.to())).toList();
    }

    @Name("CoBuildingAgreementTransitionRule")
    @Description("共建协议流转规则 (one row of the lifecycle table)")
    public record AgreementTransitionRule(@NonNull @Description("动作 (step)") AgreementAction action,
            @NonNull @Description("起始状态 (from)") AgreementStatus from, @NonNull @Description("目标状态 (to)") AgreementStatus to) {
    }

    @Description("签约方：社区或街道党组织 (the community or street committee)")
    public List<@NonNull Organization> party(@Source List<Agreement> agreements) {
        return orgs(agreements, true);
    }

    @Description("驻区共建单位 (the co-building unit)")
    public List<@NonNull Organization> unit(@Source List<Agreement> agreements) {
        return orgs(agreements, false);
    }

    @Description("三张清单的条目 (items of the three lists, optionally of one list)")
    public List<@NonNull List<@NonNull AgreementItem>> items(@Source List<Agreement> agreements, @Name("list") AgreementList list) {
        List<Long> ids = agreements.stream().map(Agreement::dbId).toList();
        List<List<AgreementItem>> all = Rows.inOrder(ids, service.itemsOf(ids));
        return list == null ? all : all.stream().map(items -> items.stream().filter(i -> i.list() == list).toList()).toList();
    }

    @Description("承诺与兑现对照 (committed versus delivered)")
    public List<@NonNull AgreementFigures> figures(@Source List<Agreement> agreements) {
        List<Long> ids = agreements.stream().map(Agreement::dbId).toList();
        return Rows.inOrder(ids, service.itemsOf(ids)).stream().map(AgreementFigures::of).toList();
    }

    @Description("承诺入池的资源 (the committed resource, for RESOURCE items)")
    public List<Resource> resource(@Source List<AgreementItem> items) {
        List<Long> ids = items.stream().map(AgreementItem::resourceId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Resource> byId = new HashMap<>();
        for (Resource r : resources.byIds(ids)) {
            byId.put(r.dbId(), r);
        }
        return items.stream().map(i -> i.resourceId() == null ? null : byId.get(i.resourceId())).toList();
    }

    private List<Organization> orgs(List<Agreement> agreements, boolean party) {
        List<Long> ids = agreements.stream().map(a -> party ? a.partyOrgId() : a.unitOrgId()).distinct().toList();
        Map<Long, Organization> byId = new HashMap<>();
        for (Organization o : organizations.byIds(ids)) {
            byId.put(o.dbId(), o);
        }
        return agreements.stream().map(a -> byId.get(party ? a.partyOrgId() : a.unitOrgId())).toList();
    }

    @Mutation("createCoBuildingAgreement")
    @Description("发起共建协议（商约）(start negotiating an agreement with a co-building unit)")
    public @NonNull AgreementPayload createCoBuildingAgreement(@NonNull @Name("input") CreateAgreementInput input) {
        return service.create(input);
    }

    @Mutation("addCoBuildingAgreementItem")
    @Description("加入清单条目（商约阶段）(add an item to one of the three lists, while negotiating)")
    public @NonNull AgreementPayload addCoBuildingAgreementItem(@NonNull @Name("input") AddAgreementItemInput input) {
        return service.addItem(input);
    }

    @Mutation("signCoBuildingAgreement")
    @Description("签约：承诺的资源进入资源池 (sign: the committed resources enter the pool)")
    public @NonNull AgreementPayload signCoBuildingAgreement(@NonNull @Name("input") AgreementStepInput input) {
        return service.sign(input);
    }

    @Mutation("performCoBuildingAgreement")
    @Description("开始履约 (start performing)")
    public @NonNull AgreementPayload performCoBuildingAgreement(@NonNull @Name("input") AgreementStepInput input) {
        return service.perform(input);
    }

    @Mutation("evaluateCoBuildingAgreement")
    @Description("评约：打分并填写意见 (evaluate: score and notes)")
    public @NonNull AgreementPayload evaluateCoBuildingAgreement(@NonNull @Name("input") EvaluateAgreementInput input) {
        return service.evaluate(input);
    }

    @Mutation("recordCoBuildingAgreementDelivery")
    @Description("登记项目兑现（履约阶段）(record a project's delivery, while performing)")
    public @NonNull AgreementPayload recordCoBuildingAgreementDelivery(@NonNull @Name("input") RecordDeliveryInput input) {
        return service.recordDelivery(input);
    }
}
