package org.gongzhi.organization;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

@Description("组织分页列表 (a page of organizations)")
public record OrganizationConnection(
        @NonNull @Description("本页各项 (edges)") List<@NonNull OrganizationEdge> edges,
        @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
        @NonNull @Description("总数 (total count of matching organizations)") long totalCount) {

    @Description("组织分页项 (an edge)")
    public record OrganizationEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("组织 (the organization)") Organization node) {
    }

    static String cursorOf(Organization o) {
        return Cursor.encode(o.dbId());
    }

    static OrganizationConnection of(Slice<Organization> slice) {
        return new OrganizationConnection(slice.edges(OrganizationConnection::cursorOf, OrganizationEdge::new),
                slice.pageInfo(OrganizationConnection::cursorOf), slice.totalCount());
    }
}
