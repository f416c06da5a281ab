package org.gongzhi.need;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

@Description("需求分页列表 (a page of needs)")
public record NeedConnection(
        @NonNull @Description("本页各项 (edges)") List<@NonNull NeedEdge> edges,
        @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
        @NonNull @Description("总数 (total count)") long totalCount) {

    @Description("需求分页项 (an edge)")
    public record NeedEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("需求 (the need)") Need node) {
    }

    static NeedConnection of(Slice<Need> slice, Function<Need, String> cursor) {
        return new NeedConnection(slice.edges(cursor, NeedEdge::new), slice.pageInfo(cursor), slice.totalCount());
    }
}
