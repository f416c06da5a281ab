package org.gongzhi.need;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

@Description("时间线分页 (a page of timeline events, oldest first)")
public record NeedEventConnection(
        @NonNull @Description("本页各项 (edges)") List<@NonNull NeedEventEdge> edges,
        @NonNull @Description("分页信息 (page info)") PageInfo pageInfo,
        @NonNull @Description("总数 (total count)") long totalCount) {

    @Description("时间线分页项 (an edge)")
    public record NeedEventEdge(@NonNull @Description("游标 (cursor)") String cursor,
            @NonNull @Description("事件 (the event)") NeedEvent node) {
    }

    static String cursorOf(NeedEvent e) {
        return Cursor.encode(e.dbId());
    }

    static NeedEventConnection of(Slice<NeedEvent> slice) {
        return new NeedEventConnection(slice.edges(NeedEventConnection::cursorOf, NeedEventEdge::new),
                slice.pageInfo(NeedEventConnection::cursorOf), slice.totalCount());
    }
}
