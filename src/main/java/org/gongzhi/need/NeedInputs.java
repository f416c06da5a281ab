package org.gongzhi.need;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Input and payload records of the need mutations. Every input takes an optional idempotency key. */
public final class NeedInputs {

    private NeedInputs() {
    }

    @Name("SubmitNeedInput")
    @Description("提交需求 (report a need). For staff channels (巡查/敲门/热线/来访/代办) the caller is the reporter and beneficiaryId names the resident it is for.")
    public record SubmitNeedInput(
            @NonNull @Description("标题，最多100字 (title, at most 100 characters)") String title,
            @NonNull @Description("描述，最多4000字 (description, at most 4000 characters)") String description,
            @NonNull @Description("类别 (category)") NeedCategory category,
            @Description("紧急程度，默认普通 (urgency; NORMAL when omitted)") NeedUrgency urgency,
            @NonNull @Description("性质 (kind)") NeedKind kind,
            @Description("渠道，默认小程序 (channel; MINI_PROGRAM when omitted)") NeedChannel channel,
            @Id @Description("受益居民（代办、巡查等渠道）(beneficiary member, for staff channels)") String beneficiaryId,
            @Id @Description("所在网格或社区 (grid or community the need concerns)") String placeId,
            @Id @Description("所在楼栋 (building)") String buildingId,
            @Id @Description("所在户 (household)") String householdId,
            @Description("照片地址，最多9张 (photo URLs, at most 9)") List<String> photoUrls,
            @Description("可见范围；公共事务与微心愿默认社区公开，个人诉求默认仅本人 (visibility)") NeedVisibility visibility,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("NeedStepInput")
    @Description("需求流转（受理、开始办理、撤销、报到、认领）(a lifecycle step with an optional note)")
    public record NeedStepInput(
            @NonNull @Id @Description("需求 (the need)") String needId,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("AssignNeedInput")
    @Description("派单：指派给一个组织或一名成员 (dispatch to one organization or one member)")
    public record AssignNeedInput(
            @NonNull @Id @Description("需求 (the need)") String needId,
            @Id @Description("承办组织 (assignee organization)") String organizationId,
            @Id @Description("承办人 (assignee member)") String memberId,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ResolveNeedInput")
    @Description("办结 (resolve)")
    public record ResolveNeedInput(
            @NonNull @Id @Description("需求 (the need)") String needId,
            @NonNull @Description("办结说明 (what was done)") String resolutionNote,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("RateNeedInput")
    @Description("评价：2分及以下自动整改重办 (rate 1..5; a rating of 2 or lower reopens the need for rectification)")
    public record RateNeedInput(
            @NonNull @Id @Description("需求 (the need)") String needId,
            @NonNull @Description("评分1-5 (rating 1..5)") int rating,
            @Description("评价内容 (comment)") String comment,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("NeedReasonInput")
    @Description("需理由的流转（驳回、异议）(a step that requires a reason: reject, objection)")
    public record NeedReasonInput(
            @NonNull @Id @Description("需求 (the need)") String needId,
            @NonNull @Description("理由 (reason)") String reason,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("EscalateNeedInput")
    @Description("上报/吹哨：责任上移一级；街道吹哨时须指定职能部门 (move responsibility one level up; from the street, name the DEPARTMENT that must report)")
    public record EscalateNeedInput(
            @NonNull @Id @Description("需求 (the need)") String needId,
            @Id @Description("职能部门（仅街道吹哨时）(department, only when escalating from the street)") String departmentId,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("MarkNeedDuplicateInput")
    @Description("标记重复：关闭并指向原需求 (close as a duplicate of an original)")
    public record MarkNeedDuplicateInput(
            @NonNull @Id @Description("重复的需求 (the duplicate)") String needId,
            @NonNull @Id @Description("原需求 (the original)") String originalId,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("UpdateNeedSlaPolicyInput")
    @Description("修改时限策略（街道管理员）(edit the SLA of one category and urgency for the caller's street)")
    public record UpdateNeedSlaPolicyInput(
            @NonNull @Description("类别 (category)") NeedCategory category,
            @NonNull @Description("紧急程度 (urgency)") NeedUrgency urgency,
            @NonNull @Description("响应时限（分钟，最长2880即48小时）(respond within, minutes; at most 48 h)") int respondWithinMinutes,
            @NonNull @Description("办结时限（分钟）(resolve within, minutes)") int resolveWithinMinutes,
            @NonNull @Description("报到时限（分钟）(acknowledge an escalation within, minutes)") int acknowledgeWithinMinutes,
            @NonNull @Description("提前预警（分钟）(warn this many minutes before a deadline)") int warnBeforeMinutes,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("NeedPayload")
    @Description("需求变更结果 (result of a need mutation)")
    public record NeedPayload(
            @NonNull @Description("变更后的需求 (the need after the change)") Need need,
            @NonNull @Description("是否为幂等重放 (true when replayed from an earlier call with the same key)") boolean replayed) {
    }

    @Name("SubmitNeedPayload")
    @Description("提交结果，含疑似重复的公共事务 (result of submitNeed, with similar open public issues)")
    public record SubmitNeedPayload(
            @NonNull @Description("新需求 (the new need)") Need need,
            @NonNull @Description("是否为幂等重放 (replayed)") boolean replayed,
            @NonNull @Description("同网格同类别的相似未结公共事务 (similar open public issues in the same grid and category)") List<@NonNull Need> similarOpenNeeds) {
    }
}
