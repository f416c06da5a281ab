package org.gongzhi.resource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.resource.ResourceViews.Allocation;

/** Input and payload records of the resource mutations. Every input takes an optional idempotency key. */
public final class ResourceInputs {

    private ResourceInputs() {
    }

    @Name("AvailabilityWindowInput")
    @Description("每周开放时段 (weekly window; times as HH:mm in the deployment's zone 业务时区)")
    public record WindowInput(
            @NonNull @Description("星期1-7，1为周一 (ISO weekday)") int weekday,
            @NonNull @Description("开始 HH:mm (opens)") String opens,
            @NonNull @Description("结束 HH:mm，须晚于开始 (closes, after opens)") String closes) {
    }

    @Name("AvailabilityExceptionInput")
    @Description("例外日期 (exception: closed all day when opens/closes are omitted)")
    public record ExceptionInput(
            @NonNull @Description("日期 (date)") LocalDate date,
            @Description("开始 HH:mm (opens)") String opens,
            @Description("结束 HH:mm (closes)") String closes,
            @Description("说明 (note)") String note) {
    }

    @Name("CreateResourceInput")
    @Description("登记资源 (register a resource in the pool; administrators of its coverage)")
    public record CreateResourceInput(
            @NonNull @Description("类型 (kind)") ResourceKind kind,
            @NonNull @Description("名称，最多100字 (name)") String name,
            @Description("简介，最多2000字 (description)") String description,
            @NonNull @Description("服务的需求类别，至少一个 (need categories served; at least one)") List<NeedCategory> categories,
            @Id @Description("提供方组织（与提供方成员二选一）(providing organization; or providerMemberId)") String providerOrganizationId,
            @Id @Description("提供方成员，如志愿者技能 (providing member, e.g. a volunteer's skill)") String providerMemberId,
            @NonNull @Id @Description("服务范围：该组织子树 (coverage: the subtree of this organization)") String coverageId,
            @Description("容量模型；默认场地按时段、资金按金额、其余按份数 (capacity model; default by kind)") CapacityModel capacityModel,
            @Description("容量：份数或预算（分）；时段型不填 (capacity: units or budget in fen; omitted for slots)") Long capacity,
            @Description("每周开放时段 (weekly windows)") List<WindowInput> weeklyAvailability,
            @Description("例外日期 (exceptions)") List<ExceptionInput> exceptions,
            @Description("联系人 (contact person)") String contactName,
            @Description("联系电话 (contact phone)") String contactPhone,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("UpdateResourceInput")
    @Description("修改资源；未提供的字段不变 (update a resource; omitted fields stay as they are)")
    public record UpdateResourceInput(
            @NonNull @Id @Description("资源 (the resource)") String resourceId,
            @Description("名称 (name)") String name,
            @Description("简介 (description)") String description,
            @Description("服务的需求类别 (categories)") List<NeedCategory> categories,
            @Description("新容量；不得少于已占用 (new capacity; not below what is reserved or consumed)") Long capacity,
            @Description("每周开放时段（整体替换）(weekly windows, replaced as a whole)") List<WindowInput> weeklyAvailability,
            @Description("例外日期（整体替换）(exceptions, replaced as a whole)") List<ExceptionInput> exceptions,
            @Description("联系人 (contact person)") String contactName,
            @Description("联系电话 (contact phone)") String contactPhone,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ResourceStepInput")
    @Description("资源状态变更（暂停、恢复、退出）(pause, resume or retire a resource)")
    public record ResourceStepInput(
            @NonNull @Id @Description("资源 (the resource)") String resourceId,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("AllocateResourceInput")
    @Description("为需求分配资源：按份数、时段或金额三选一，须与资源的容量模型一致 "
            + "(reserve capacity for a need: units, a slot or an amount, matching the resource's capacity model)")
    public record AllocateResourceInput(
            @NonNull @Id @Description("资源 (the resource)") String resourceId,
            @NonNull @Id @Description("需求 (the need served)") String needId,
            @Description("份数 (units)") Long units,
            @Description("时段开始 (slot start)") OffsetDateTime slotStart,
            @Description("时段结束（不含）(slot end, exclusive)") OffsetDateTime slotEnd,
            @Description("金额（分）(amount in fen)") Long amountFen,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("AllocationStepInput")
    @Description("释放或使用一项分配 (release or consume an allocation)")
    public record AllocationStepInput(
            @NonNull @Id @Description("分配 (the allocation)") String allocationId,
            @Description("备注 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ResourcePayload")
    @Description("资源变更结果 (result of a resource mutation)")
    public record ResourcePayload(
            @NonNull @Description("变更后的资源 (the resource after the change)") Resource resource,
            @NonNull @Description("是否为幂等重放 (replayed from an earlier call with the same key)") boolean replayed) {
    }

    @Name("AllocationPayload")
    @Description("分配变更结果 (result of an allocation mutation)")
    public record AllocationPayload(
            @NonNull @Description("分配 (the allocation)") Allocation allocation,
            @NonNull @Description("资源（含剩余容量）(the resource, with its remaining capacity)") Resource resource,
            @NonNull @Description("是否为幂等重放 (replayed)") boolean replayed) {
    }
}
