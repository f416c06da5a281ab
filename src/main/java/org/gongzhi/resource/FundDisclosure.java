package org.gongzhi.resource;

import static org.gongzhi.platform.persistence.Rows.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.platform.time.Times;

/**
 * 资金公开: the budget and spending of FUND resources, shown to everyone who may see the fund — the residents of its
 * coverage included. Entries name the purpose and the need's category, never the requester (privacy).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FundDisclosure {

    static final int MAX_ENTRIES = 100;

    private final EntityManager em;

    FundDisclosure(EntityManager em) {
        this.em = em;
    }

    @Name("FundReport")
    @Description("资金公开：预算、已预留、已支出、结余及明细（分）(fund disclosure: budget, reserved, spent, remaining and entries, in fen)")
    public record Report(
            @NonNull @Description("预算（分）(budget in fen)") long budgetFen,
            @NonNull @Description("已预留未支出（分）(reserved, not yet spent)") long reservedFen,
            @NonNull @Description("已支出（分）(spent)") long spentFen,
            @NonNull @Description("结余（分）(remaining)") long remainingFen,
            @NonNull @Description("支出与预留明细，最新在前 (entries, newest first)") List<@NonNull Entry> entries) {
    }

    @Name("FundEntry")
    @Description("资金明细 (one reservation or expense of a fund)")
    public record Entry(
            @NonNull @Description("时间 (at)") OffsetDateTime at,
            @NonNull @Description("金额（分）(amount in fen)") long amountFen,
            @NonNull @Description("状态：已预留/已支出 (reserved or spent)") AllocationStatus status,
            @NonNull @Description("用途 (purpose)") AllocationPurpose purpose,
            @Description("需求类别 (category of the need served, if any)") NeedCategory needCategory,
            @Description("说明 (note)") String note) {
    }

    /** The report of each FUND resource (null for other kinds): two statements for the whole list. */
    public List<Report> reports(List<Resource> resources, int first) {
        int k = Math.max(0, Math.min(first, MAX_ENTRIES));
        List<Long> ids = resources.stream().filter(r -> r.kind() == ResourceKind.FUND).map(Resource::dbId).toList();
        Map<Long, long[]> totals = new HashMap<>();
        Map<Long, List<Entry>> entries = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] r : rows("""
                    select resource_id, coalesce(sum(amount_fen) filter (where status = 'RESERVED'), 0),
                           coalesce(sum(amount_fen) filter (where status = 'CONSUMED'), 0)
                    from resource_allocation where resource_id in (:ids) group by resource_id
                    """, Map.of("ids", ids))) {
                totals.put(lng(r[0]), new long[] {lngOr0(r[1]), lngOr0(r[2])});
            }
            for (Object[] r : rows("""
                    select s.id, e.updated_at, e.amount_fen, e.status, e.purpose, n.category, e.note from resource s cross join lateral (
                        select * from resource_allocation a where a.resource_id = s.id and a.status <> 'RELEASED' order by a.id desc limit :k
                    ) e left join need n on n.id = e.need_id where s.id in (:ids) order by s.id, e.id desc
                    """, Map.of("ids", ids, "k", k))) {
                entries.computeIfAbsent(lng(r[0]), x -> new ArrayList<>()).add(new Entry(Times.local(instant(r[1])), lngOr0(r[2]),
                        enumOf(AllocationStatus.class, r[3]), enumOf(AllocationPurpose.class, r[4]), enumOf(NeedCategory.class, r[5]),
                        str(r[6])));
            }
        }
        List<Report> out = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            if (r.kind() != ResourceKind.FUND || r.capacity() == null) {
                out.add(null);
                continue;
            }
            long[] t = totals.getOrDefault(r.dbId(), new long[2]);
            out.add(new Report(r.capacity(), t[0], t[1], r.remaining(), entries.getOrDefault(r.dbId(), List.of())));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q.getResultList();
    }
}
