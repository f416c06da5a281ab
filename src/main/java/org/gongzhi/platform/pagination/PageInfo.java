package org.gongzhi.platform.pagination;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Relay 分页信息 (page info of a connection)")
public record PageInfo(
        @NonNull @Description("还有下一页 (more items after endCursor)") boolean hasNextPage,
        @NonNull @Description("有上一页 (items before startCursor; true whenever the page was asked with after)") boolean hasPreviousPage,
        @Description("本页第一项的游标 (cursor of the first edge)") String startCursor,
        @Description("本页最后一项的游标 (cursor of the last edge; pass as after for the next page)") String endCursor) {
}
