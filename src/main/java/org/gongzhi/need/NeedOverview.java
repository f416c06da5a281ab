package org.gongzhi.need;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.organization.Organization;
import org.gongzhi.platform.pagination.PageInfo;

@Name("NeedOverview")
@Description("办公总览：某组织及其各直属下级的需求统计 (office overview: counts for a node and for each of its child organizations)")
public record NeedOverview(
        @NonNull @Description("组织 (the node)") Organization organization,
        @NonNull @Description("本组织子树合计 (counts over the whole subtree)") NeedCounts counts,
        @NonNull @Description("各直属下级 (one row per child organization, paginated)") NeedOrgCountsConnection children) {

    @Name("NeedOrgCounts")
    @Description("某下级组织的需求统计 (counts of one child organization)")
    public record NeedOrgCounts(@NonNull @Description("下级组织 (child organization)") Organization organization,
            @NonNull @Description("统计 (counts)") NeedCounts counts) {
    }

    @Name("NeedOrgCountsConnection")
    @Description("下级统计分页 (a page of child rows)")
    public record NeedOrgCountsConnection(@NonNull @Description("本页各项 (edges)") List<@NonNull NeedOrgCountsEdge> edges,
            @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
            @NonNull @Description("下级总数 (number of child organizations)") long totalCount) {
    }

    @Name("NeedOrgCountsEdge")
    @Description("下级统计分页项 (an edge)")
    public record NeedOrgCountsEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("下级统计 (the row)") NeedOrgCounts node) {
    }
}
