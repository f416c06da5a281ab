package org.gongzhi.resource;

import static org.gongzhi.platform.persistence.Rows.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.need.Need;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.resource.ResourceMatch.MatchComponents;

/**
 * Ranks resources for needs by {@link MatchScore}: one SQL statement for a whole list of needs (a lateral top-k per
 * need), index-driven — candidates come from the coverage path and category indexes, never from a scan in Java.
 * Only handlers (those serving the need's place or responsibility) get matches; others get an empty list.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ResourceMatching {

    public static final int DEFAULT_MATCHES = 5;
    public static final int MAX_MATCHES = 20;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final BusinessCalendar calendar;

    ResourceMatching(EntityManager em, CurrentActor currentActor, BusinessCalendar calendar) {
        this.em = em;
        this.currentActor = currentActor;
        this.calendar = calendar;
    }

    public List<List<ResourceMatch>> matches(List<Need> needs, Integer first) {
        int k = first == null ? DEFAULT_MATCHES : Math.max(0, Math.min(first, MAX_MATCHES));
        Actor actor = currentActor.get().requireAuthenticated();
        List<Long> ids = needs.stream()
                .filter(n -> actor.tenantId() != null && actor.tenantId() == n.tenantId()
                        && (actor.serves(n.placePath()) || actor.serves(n.responsiblePath())))
                .map(Need::dbId).distinct().toList();
        Map<Long, List<ResourceMatch>> byNeed = ids.isEmpty() || k == 0 ? Map.of() : rank(ids, k);
        List<List<ResourceMatch>> out = new ArrayList<>(needs.size());
        for (Need n : needs) {
            out.add(byNeed.getOrDefault(n.dbId(), List.of()));
        }
        return out;
    }

    private Map<Long, List<ResourceMatch>> rank(List<Long> needIds, int k) {
        LocalDate today = calendar.today();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with src as (
                    select n.id, n.tenant_id, n.category, po.depth as place_depth,
                           array(select left(n.place_path, p) from generate_series(2, length(n.place_path)) p
                                 where substr(n.place_path, p, 1) = '/') as ancestors,
                           %s as acceptable,
                           (select coalesce(bit_or(1 << (extract(isodow from cast(:today as date) + g)::int - 1)), 0)
                            from generate_series(0, least(greatest((n.resolve_by at time zone cast(:zone as text))::date, cast(:today as date)),
                                                          cast(:today as date) + 6) - cast(:today as date)) g) as mask
                    from need n join organization po on po.id = n.place_org_id
                    where n.id in (:ids)
                )
                select s.id, m.* from src s cross join lateral (
                    select c.*, %s as score from (
                        select %s,
                               case when r.categories @> array[s.category]::text[] then 1.0 else 0.5 end as c_category,
                               s.place_depth - r.coverage_depth as c_distance,
                               1.0 / (1 + greatest(s.place_depth - r.coverage_depth, 0)) as c_proximity,
                               case when r.capacity is null then 1.0 when r.capacity = 0 then 0.0
                                    else r.remaining::numeric / r.capacity end as c_capacity,
                               case when (r.open_weekdays & s.mask) <> 0 then 1.0 else 0.0 end as c_availability,
                               (coalesce(p.rating_sum, 0) + %d.0) / (5.0 * (coalesce(p.rated_count, 0) + %d)) as c_track,
                               coalesce(p.rated_count, 0) as c_rated,
                               case when coalesce(p.rated_count, 0) = 0 then null else p.rating_sum::numeric / p.rated_count end as c_average,
                               1.0 / (1 + r.open_allocations) as c_load
                        from resource r
                        left join resource_provider_record p
                               on p.provider_type = case when r.provider_org_id is not null then 'O' else 'M' end
                              and p.provider_id = coalesce(r.provider_org_id, r.provider_member_id)
                        where r.tenant_id = s.tenant_id and r.status = 'ACTIVE' and r.kind not in ('POST', 'CULTURE')
                          and r.coverage_path = any(s.ancestors)
                          -- array_cat(.., '{}') keeps the category test a filter on the coverage candidates: a
                          -- BitmapAnd with the GIN index would read every resource of the category street-wide
                          and array_cat(r.categories, cast('{}' as text[])) && s.acceptable
                          and (r.remaining is null or r.remaining > 0)
                    ) c
                    order by score desc, c.id
                    limit :k
                ) m
                order by s.id, m.score desc, m.id
                """.formatted(CategoryFamily.acceptableSql("n.category"), MatchScore.sql(), ResourceQueries.COLUMNS,
                        MatchScore.PRIOR_COUNT * MatchScore.PRIOR_RATING, MatchScore.PRIOR_COUNT))
                .setParameter("ids", needIds).setParameter("today", today).setParameter("zone", calendar.zone().getId()).setParameter("k", k)
                .getResultList();
        Map<Long, List<ResourceMatch>> out = new HashMap<>();
        int o = 1 + ResourceQueries.WIDTH;
        for (Object[] r : rows) {
            Resource res = ResourceQueries.resource(r, 1);
            MatchComponents c = new MatchComponents(dbl(r[o]), dbl(r[o]) >= 1.0, dbl(r[o + 2]), integer(r[o + 1]), dbl(r[o + 3]),
                    dbl(r[o + 4]), dbl(r[o + 5]), integer(r[o + 6]), r[o + 7] == null ? null : round(dbl(r[o + 7])), dbl(r[o + 8]),
                    res.openAllocations());
            out.computeIfAbsent(lng(r[0]), x -> new ArrayList<>()).add(new ResourceMatch(res, round(dbl(r[o + 9])), rounded(c),
                    reasons(res, c)));
        }
        return out;
    }

    private static MatchComponents rounded(MatchComponents c) {
        return new MatchComponents(round(c.category()), c.exactCategory(), round(c.proximity()), c.treeDistance(), round(c.capacity()),
                round(c.availability()), round(c.trackRecord()), c.ratedCount(), c.averageRating(), round(c.load()), c.openAllocations());
    }

    static List<String> reasons(Resource r, MatchComponents c) {
        List<String> out = new ArrayList<>();
        out.add(c.exactCategory() ? "类别一致" : "类别相近");
        out.add(c.treeDistance() == 0 ? "服务范围正是需求所在地" : "服务范围在需求所在地上" + c.treeDistance() + "级");
        if (r.capacity() != null) {
            out.add("剩余" + r.remaining() + "/" + r.capacity() + (r.capacityModel() == CapacityModel.MONEY ? "分" : "份"));
        } else {
            out.add("按时段预约");
        }
        out.add(c.availability() > 0 ? "办结时限内有开放时段" : "办结时限内无开放时段");
        out.add(c.ratedCount() == 0 ? "提供方暂无评价" : "提供方" + c.ratedCount() + "次评价，平均" + c.averageRating() + "分");
        out.add(c.openAllocations() == 0 ? "当前空闲" : "当前有" + c.openAllocations() + "项预留");
        return out;
    }

    private static double dbl(Object o) {
        return o == null ? 0.0 : ((Number) o).doubleValue();
    }

    private static double round(double d) {
        return Math.round(d * 1000.0) / 1000.0;
    }
}
