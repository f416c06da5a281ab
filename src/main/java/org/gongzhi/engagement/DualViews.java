package org.gongzhi.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

/** GraphQL views of dual registration (双报到). */
public final class DualViews {

    private DualViews() {
    }

    @Name("DualRegistration")
    @Description("双报到登记：在职党员到居住社区报到，组织关系仍在原支部 (an in-service party member's registration at their residential community)")
    public record DualRegistration(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("报到日期 (registered on)") LocalDate registeredOn,
            @Description("结束日期（当日起失效）(ended on, exclusive)") LocalDate endedOn,
            @Id @Description("认领的岗位资源 (the POST resource claimed)") String postResourceId,
            @Ignore long dbId,
            @Ignore long memberDbId,
            @Ignore long communityDbId,
            @Ignore Long homeBranchDbId) {

        public static final String TYPE = "DualRegistration";
    }

    @Name("DualService")
    @Description("双报到服务记录 (one service by a dual-registered party member)")
    public record DualService(
            @NonNull @Id @Description("不透明ID (opaque id)") String id,
            @NonNull @Description("服务日期 (served on)") LocalDate servedOn,
            @NonNull @Description("时长，分钟 (minutes)") int minutes,
            @NonNull @Description("季度集体服务 (the quarterly collective service)") boolean collective,
            @Description("说明 (note)") String note) {

        public static final String TYPE = "DualService";
    }

    @Name("DualComplianceRow")
    @Description("一名报到党员在某月的履职情况 (one registered party member's compliance in a month)")
    public record DualComplianceRow(
            @NonNull @Description("流动党员 (floating member)") boolean floating,
            @Id @Description("认领的岗位资源 (post claimed)") String postResourceId,
            @NonNull @Description("本月服务次数 (services this month)") int servicesThisMonth,
            @NonNull @Description("本月服务时长，分钟 (minutes this month)") int minutesThisMonth,
            @NonNull @Description("本月已服务 (served at least once this month)") boolean servedThisMonth,
            @NonNull @Description("本季度已参加集体服务（截至本月底）(joined the quarter's collective service by the end of this month)")
            boolean collectiveThisQuarter,
            @NonNull @Description("达标：本月已服务，且季末月须已参加集体服务 (compliant: served this month and, in a quarter's last month, "
                    + "joined its collective service)") boolean compliant,
            @Ignore long registrationDbId,
            @Ignore long memberDbId,
            @Ignore long communityDbId,
            @Ignore Long homeBranchDbId) {
    }

    @Name("DualComplianceRowConnection")
    @Description("履职情况分页列表 (a page of compliance rows)")
    public record DualComplianceRowConnection(@NonNull @Description("本页各项 (edges)") List<@NonNull DualComplianceRowEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static DualComplianceRowConnection of(Slice<DualComplianceRow> slice) {
            Function<DualComplianceRow, String> cursor = r -> Cursor.encode(r.registrationDbId());
            return new DualComplianceRowConnection(slice.edges(cursor, DualComplianceRowEdge::new), slice.pageInfo(cursor),
                    slice.totalCount());
        }
    }

    @Name("DualComplianceRowEdge")
    @Description("履职情况分页项 (an edge)")
    public record DualComplianceRowEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("履职情况 (the row)") DualComplianceRow node) {
    }

    @Name("DualCompliance")
    @Description("双报到履职统计：某组织（报到社区或原支部）某月 (dual-registration compliance of an organization's registered "
            + "or home-branch members in a month)")
    public record DualCompliance(
            @NonNull @Description("月份 YYYY-MM (month)") String month,
            @NonNull @Description("报到党员数 (registered members)") int registeredCount,
            @NonNull @Description("本月已服务人数 (served this month)") int servedCount,
            @NonNull @Description("本季度已参加集体服务人数 (joined the collective service this quarter)") int collectiveCount,
            @NonNull @Description("达标人数 (compliant)") int compliantCount,
            @NonNull @Description("达标率 0-1 (compliance rate)") double complianceRate,
            @NonNull @Description("逐人情况 (rows, by registration)") DualComplianceRowConnection rows) {
    }
}
