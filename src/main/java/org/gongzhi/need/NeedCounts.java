package org.gongzhi.need;

import static org.gongzhi.platform.persistence.Rows.lng;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("NeedCounts")
@Description("需求统计 (counts of needs in a subtree: placed there or currently responsible there)")
public record NeedCounts(
        @NonNull @Description("总数 (total)") long total,
        @NonNull @Description("未办结 (open: still owed work)") long open,
        @NonNull @Description("超时 (overdue: open and past the governing deadline)") long overdue,
        @NonNull @Description("已上报（未结）(open needs that were escalated at least once)") long escalated,
        @NonNull @Description("按状态 (by status; every status listed, zeros included)") List<@NonNull NeedStatusCount> byStatus) {

    @Name("NeedStatusCount")
    @Description("某状态的数量 (count of one status)")
    public record NeedStatusCount(@NonNull @Description("状态 (status)") NeedStatus status,
            @NonNull @Description("数量 (count)") long count) {
    }

    /** From rows (orgId, status, count, overdue, escalated) of one organization. */
    static NeedCounts of(List<Object[]> rows) {
        Map<NeedStatus, Long> byStatus = new EnumMap<>(NeedStatus.class);
        long total = 0, open = 0, overdue = 0, escalated = 0;
        for (Object[] r : rows) {
            NeedStatus s = NeedStatus.valueOf((String) r[1]);
            long c = lng(r[2]);
            byStatus.put(s, c);
            total += c;
            if (s.isOpen()) {
                open += c;
                overdue += lng(r[3]);
            }
            escalated += lng(r[4]);
        }
        List<NeedStatusCount> list = new ArrayList<>();
        for (NeedStatus s : NeedStatus.values()) {
            list.add(new NeedStatusCount(s, byStatus.getOrDefault(s, 0L)));
        }
        return new NeedCounts(total, open, overdue, escalated, list);
    }
}
