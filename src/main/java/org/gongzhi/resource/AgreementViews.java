package org.gongzhi.resource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.time.Times;

/** GraphQL views of co-building agreements. */
public final class AgreementViews {

    private AgreementViews() {
    }

    @Name("CoBuildingAgreement")
    @Description("共建协议：社区/街道与驻区单位的商约—签约—履约—评约，含需求、资源、项目三张清单 "
            + "(a co-building agreement with a CO_BUILDING_UNIT: negotiate → sign → perform → evaluate, carrying the three lists)")
    public record Agreement(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("协议名称 (title)") String title,
            @NonNull @Description("状态 (status)") AgreementStatus status,
            @Description("履约开始日期 (starts on)") LocalDate startsOn,
            @Description("履约结束日期 (ends on)") LocalDate endsOn,
            @Description("签约时间 (signed at)") OffsetDateTime signedAt,
            @Description("开始履约时间 (performing since)") OffsetDateTime performingAt,
            @Description("评约时间 (evaluated at)") OffsetDateTime evaluatedAt,
            @Description("评约得分0-100 (evaluation score)") Integer evaluationScore,
            @Description("评约意见 (evaluation notes)") String evaluationNotes,
            @NonNull @Description("创建时间 (created at)") OffsetDateTime createdAt,
            @Ignore long dbId, @Ignore long tenantId, @Ignore long partyOrgId, @Ignore String partyPath, @Ignore long unitOrgId) {
        public static final String TYPE = "CoBuildingAgreement";

        static Agreement of(AgreementEntity e) {
            return new Agreement(GlobalId.encode(TYPE, e.id), e.title, e.status, e.startsOn, e.endsOn, Times.local(e.signedAt),
                    Times.local(e.performingAt), Times.local(e.evaluatedAt), e.evaluationScore == null ? null : e.evaluationScore.intValue(),
                    e.evaluationNotes, Times.local(e.createdAt), e.id, e.tenantId, e.partyOrgId, e.partyPath, e.unitOrgId);
        }
    }

    @Name("CoBuildingAgreementItem")
    @Description("清单条目：认领的需求、承诺入池的资源或共建项目，含承诺与兑现数 "
            + "(an item of one of the three lists, with committed and delivered figures)")
    public record AgreementItem(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("所属清单 (list)") AgreementList list,
            @NonNull @Description("名称 (title)") String title,
            @NonNull @Description("承诺数：需求为1，资源为容量（份/分），项目为约定数 (committed: 1 for a need, the capacity for a resource, agreed for a project)") long committed,
            @NonNull @Description("兑现数：需求办结为1，资源为已使用量，项目为登记数 (delivered: 1 once the need is resolved, consumed capacity, recorded for a project)") long delivered,
            @Description("计量单位 (unit label)") String unitLabel,
            @Ignore long dbId, @Ignore long agreementId, @Ignore Long needId, @Ignore Long resourceId) {
        public static final String TYPE = "CoBuildingAgreementItem";
    }

    @Name("CoBuildingAgreementFigures")
    @Description("承诺与兑现对照 (committed versus delivered)")
    public record AgreementFigures(
            @NonNull @Description("认领需求数 (needs taken on)") int needsCommitted,
            @NonNull @Description("已办结需求数 (needs resolved)") int needsDelivered,
            @NonNull @Description("承诺资源数 (resources committed)") int resourcesCommitted,
            @NonNull @Description("承诺资源容量合计 (capacity committed, units or fen)") long resourceCapacityCommitted,
            @NonNull @Description("资源已使用量合计 (capacity consumed)") long resourceCapacityDelivered,
            @NonNull @Description("项目数 (projects)") int projectsCommitted,
            @NonNull @Description("已完成项目数 (projects delivered in full)") int projectsDelivered,
            @NonNull @Description("兑现率0-1：各条目兑现比例的平均 (delivery rate: mean over items of min(1, delivered/committed))") double deliveryRate) {

        static AgreementFigures of(List<AgreementItem> items) {
            int needs = 0, needsDone = 0, resources = 0, projects = 0, projectsDone = 0;
            long capacity = 0, consumed = 0;
            double rate = 0;
            for (AgreementItem i : items) {
                switch (i.list()) {
                    case NEED -> {
                        needs++;
                        needsDone += i.delivered() > 0 ? 1 : 0;
                    }
                    case RESOURCE -> {
                        resources++;
                        capacity += i.committed();
                        consumed += i.delivered();
                    }
                    case PROJECT -> {
                        projects++;
                        projectsDone += i.delivered() >= i.committed() ? 1 : 0;
                    }
                }
                rate += i.committed() == 0 ? 1.0 : Math.min(1.0, (double) i.delivered() / i.committed());
            }
            double mean = items.isEmpty() ? 0.0 : Math.round(rate / items.size() * 1000.0) / 1000.0;
            return new AgreementFigures(needs, needsDone, resources, capacity, consumed, projects, projectsDone, mean);
        }
    }

    @Name("CoBuildingAgreementConnection")
    @Description("共建协议分页列表 (a page of agreements)")
    public record AgreementConnection(@NonNull @Description("本页各项 (edges)") List<@NonNull AgreementEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static AgreementConnection of(Slice<Agreement> slice) {
            return new AgreementConnection(slice.edges(a -> Cursor.encode(a.dbId()), AgreementEdge::new),
                    slice.pageInfo(a -> Cursor.encode(a.dbId())), slice.totalCount());
        }
    }

    @Name("CoBuildingAgreementEdge")
    @Description("共建协议分页项 (an edge)")
    public record AgreementEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("协议 (the agreement)") Agreement node) {
    }
}
