package org.gongzhi.engagement;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.need.NeedUrgency;

/** Views and inputs of responsibility-household visits (党员联系户 / 敲门行动). */
public final class VisitViews {

    private VisitViews() {
    }

    @Name("HouseholdVisit")
    @Description("走访记录（敲门行动）(a visit of a linked household by its party member)")
    public record HouseholdVisit(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("走访日期 (visited on)") LocalDate visitedOn,
            @NonNull @Description("走访记录 (notes)") String note,
            @Id @Description("由此提交的需求 (the need raised from this visit)") String needId,
            @Ignore long householdDbId,
            @Ignore long memberDbId) {

        public static final String TYPE = "HouseholdVisit";
    }

    @Name("VisitNeedInput")
    @Description("走访中发现的需求，以敲门行动渠道代为提交 (a need found on the visit, submitted for the household via DOOR_KNOCKING)")
    public record VisitNeedInput(
            @NonNull @Description("标题 (title)") String title,
            @NonNull @Description("描述 (description)") String description,
            @NonNull @Description("类别，不可为微心愿 (category; not MICRO_WISH)") NeedCategory category,
            @Description("紧急程度 (urgency)") NeedUrgency urgency,
            @Id @Description("受益居民，默认该户第一位登记成员 (beneficiary; the household's first registered member when omitted)")
            String beneficiaryId) {
    }

    @Name("RecordVisitInput")
    @Description("记录一次联系户走访 (record a visit of one of my linked households)")
    public record RecordVisitInput(
            @NonNull @Id @Description("联系户 (household)") String householdId,
            @Description("走访日期，默认今天 (visited on; today when omitted)") LocalDate visitedOn,
            @NonNull @Description("走访记录，最多2000字 (notes)") String note,
            @Description("发现的需求 (a need to raise)") VisitNeedInput need,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("HouseholdVisitPayload")
    @Description("走访结果 (the visit)")
    public record HouseholdVisitPayload(@NonNull @Description("走访记录 (visit)") HouseholdVisit visit,
            @NonNull @Description("是否为重放 (replayed)") boolean replayed) {
    }

    @Name("GridVisitCoverage")
    @Description("网格月度走访覆盖率 (monthly visit coverage of a grid's linked households)")
    public record GridVisitCoverage(
            @NonNull @Description("联系户数 (households linked to a party member)") int linkedHouseholds,
            @NonNull @Description("本月已走访的联系户数 (linked households visited this month)") int visitedHouseholds,
            @NonNull @Description("本月走访次数 (visits this month)") int visits,
            @NonNull @Description("覆盖率 0-1 (coverage)") double coverage,
            @Ignore long gridDbId) {
    }
}
