package org.gongzhi.resource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

/** The smaller GraphQL views of the resource feature. */
public final class ResourceViews {

    private ResourceViews() {
    }

    @Name("AvailabilityWindow")
    @Description("每周开放时段 (a weekly opening window, local time of the deployment's zone 业务时区)")
    public record AvailabilityWindow(
            @NonNull @Description("星期，1为周一 (ISO weekday, 1 = Monday)") int weekday,
            @NonNull @Description("开始 HH:mm (opens)") String opens,
            @NonNull @Description("结束 HH:mm (closes)") String closes) {
    }

    @Name("AvailabilityException")
    @Description("例外日期：闭馆或调整时段 (an exception to the weekly schedule: closed, or other hours)")
    public record AvailabilityException(
            @NonNull @Description("日期 (date)") LocalDate date,
            @Description("开始 HH:mm；空表示全天不开放 (opens; null = closed all day)") String opens,
            @Description("结束 HH:mm (closes)") String closes,
            @Description("说明 (note)") String note) {
    }

    @Name("Availability")
    @Description("开放时间 (availability: weekly schedule plus exceptions)")
    public record Availability(
            @NonNull @Description("每周时段；空表示随时可用 (weekly windows; empty = always available)") List<@NonNull AvailabilityWindow> weekly,
            @NonNull @Description("例外日期 (exceptions)") List<@NonNull AvailabilityException> exceptions) {
    }

    @Name("ResourceContact")
    @Description("资源联系方式：默认脱敏，提供方本人与辖区管理员可见全文，全文读取留痕 "
            + "(contact of a resource: masked unless the caller is the providing member or an administrator of its coverage; full reads are audited)")
    public record ResourceContact(
            @Description("联系人 (contact person)") String name,
            @Description("电话 (phone)") String phone,
            @NonNull @Description("是否已脱敏 (true when masked)") boolean masked) {
    }

    @Name("ResourceAllocation")
    @Description("资源分配：为需求（或活动、任务）预留的容量 (an allocation: capacity reserved for a need, an activity or a task)")
    public record Allocation(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("用途 (purpose)") AllocationPurpose purpose,
            @Description("份数 (units, UNITS model)") Long units,
            @Description("时段开始 (slot start, SLOTS model)") OffsetDateTime slotStart,
            @Description("时段结束（不含）(slot end, exclusive)") OffsetDateTime slotEnd,
            @Description("金额（分）(amount in fen, MONEY model)") Long amountFen,
            @NonNull @Description("状态 (status)") AllocationStatus status,
            @Description("备注 (note)") String note,
            @NonNull @Description("创建时间 (created at)") OffsetDateTime createdAt,
            @NonNull @Description("最后更新 (updated at)") OffsetDateTime updatedAt,
            @Ignore long dbId,
            @Ignore long resourceId,
            @Ignore Long needId,
            @Ignore Long referenceId) {
        public static final String TYPE = "ResourceAllocation";
    }

    @Name("ResourceConnection")
    @Description("资源分页列表 (a page of resources)")
    public record ResourceConnection(
            @NonNull @Description("本页各项 (edges)") List<@NonNull ResourceEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static ResourceConnection of(Slice<Resource> slice, Function<Resource, String> cursor) {
            return new ResourceConnection(slice.edges(cursor, ResourceEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("ResourceEdge")
    @Description("资源分页项 (an edge)")
    public record ResourceEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("资源 (the resource)") Resource node) {
    }

    @Name("ResourceAllocationConnection")
    @Description("分配分页列表 (a page of allocations)")
    public record AllocationConnection(
            @NonNull @Description("本页各项 (edges)") List<@NonNull AllocationEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static AllocationConnection of(Slice<Allocation> slice, Function<Allocation, String> cursor) {
            return new AllocationConnection(slice.edges(cursor, AllocationEdge::new), slice.pageInfo(cursor), slice.totalCount());
        }
    }

    @Name("ResourceAllocationEdge")
    @Description("分配分页项 (an edge)")
    public record AllocationEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("分配 (the allocation)") Allocation node) {
    }
}
