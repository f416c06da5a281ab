package org.gongzhi.resource;

import static org.gongzhi.platform.persistence.Rows.*;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.gongzhi.need.NeedCategory;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.Times;
import org.gongzhi.resource.ResourceViews.Allocation;
import org.gongzhi.resource.ResourceViews.AllocationConnection;
import org.gongzhi.resource.ResourceViews.Availability;
import org.gongzhi.resource.ResourceViews.AvailabilityException;
import org.gongzhi.resource.ResourceViews.AvailabilityWindow;
import org.gongzhi.resource.ResourceViews.ResourceConnection;

/**
 * Reads of resources and batched loaders for nested fields: a fixed number of statements per call whatever
 * the list sizes (no N+1); every filter is served by an index of V20.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ResourceQueries {

    /** Resource columns for alias {@code r}; {@link #resource(Object[], int)} reads them. */
    public static final String COLUMNS = "r.id, r.kind, r.name, r.description, array_to_string(r.categories, ','), r.capacity_model, "
            + "r.capacity, r.remaining, r.open_allocations, r.status, r.created_at, r.updated_at, r.tenant_id, r.community_id, "
            + "r.provider_org_id, r.provider_member_id, r.coverage_org_id, r.coverage_path, r.agreement_id";
    public static final int WIDTH = 19;
    static final String ALLOCATION_COLUMNS = "a.id, a.purpose, a.units, lower(a.slot), upper(a.slot), a.amount_fen, a.status, a.note, "
            + "a.created_at, a.updated_at, a.resource_id, a.need_id, a.reference_id";

    private final EntityManager em;
    private final ResourceScope scope;

    ResourceQueries(EntityManager em, ResourceScope scope) {
        this.em = em;
        this.scope = scope;
    }

    public static Resource resource(Object[] r, int o) {
        long id = lng(r[o]);
        String cats = str(r[o + 4]);
        List<NeedCategory> categories = cats == null || cats.isEmpty() ? List.of()
                : Arrays.stream(cats.split(",")).map(NeedCategory::valueOf).toList();
        return new Resource(GlobalId.encode(Resource.TYPE, id), enumOf(ResourceKind.class, r[o + 1]), str(r[o + 2]), str(r[o + 3]),
                categories, enumOf(CapacityModel.class, r[o + 5]), lng(r[o + 6]), lng(r[o + 7]), integer(r[o + 8]),
                enumOf(ResourceStatus.class, r[o + 9]), Times.local(instant(r[o + 10])), Times.local(instant(r[o + 11])), id,
                lng(r[o + 12]), lng(r[o + 13]), lng(r[o + 14]), lng(r[o + 15]), lng(r[o + 16]), str(r[o + 17]), lng(r[o + 18]));
    }

    static Allocation allocation(Object[] r, int o) {
        long id = lng(r[o]);
        return new Allocation(GlobalId.encode(Allocation.TYPE, id), enumOf(AllocationPurpose.class, r[o + 1]), lng(r[o + 2]),
                Times.local(instant(r[o + 3])), Times.local(instant(r[o + 4])), lng(r[o + 5]),
                enumOf(AllocationStatus.class, r[o + 6]), str(r[o + 7]), Times.local(instant(r[o + 8])),
                Times.local(instant(r[o + 9])), id, lng(r[o + 10]), lng(r[o + 11]), lng(r[o + 12]));
    }

    public Resource resource(long id) {
        List<Resource> found = byIds(List.of(id));
        if (found.isEmpty()) {
            throw DomainException.notFound(Resource.TYPE, GlobalId.encode(Resource.TYPE, id));
        }
        return found.get(0);
    }

    /** Resources by id, in the order of {@code ids} (missing ones skipped). One statement. */
    public List<Resource> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Resource> byId = new HashMap<>();
        for (Object[] row : list("select " + COLUMNS + " from resource r where r.id in (:ids)", Map.of("ids", ids))) {
            Resource res = resource(row, 0);
            byId.put(res.dbId(), res);
        }
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    public Allocation allocation(long id) {
        List<Object[]> rows = list("select " + ALLOCATION_COLUMNS + " from resource_allocation a where a.id = :id", Map.of("id", id));
        if (rows.isEmpty()) {
            throw DomainException.notFound(Allocation.TYPE, GlobalId.encode(Allocation.TYPE, id));
        }
        return allocation(rows.get(0), 0);
    }

    /** Filters of the resource list; null means "any". */
    public record Filter(ResourceKind kind, NeedCategory category, List<ResourceStatus> statuses, String underPath,
            Long providerOrgId, String nameContains) {
    }

    /** The resources the caller may see, filtered, by id. Indexes: coverage path, GIN categories, kind, trigram name. */
    public ResourceConnection search(Actor actor, Filter f, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(scope.visibleSql(actor, params));
        if (f.kind() != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.category() != null) {
            where.append(" and r.categories @> cast(:cats as text[])");
            params.put("cats", "{" + f.category().name() + "}");
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" and r.status in (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.underPath() != null) {
            where.append(" and r.coverage_path like :under");
            params.put("under", f.underPath() + "%");
        }
        if (f.providerOrgId() != null) {
            where.append(" and r.provider_org_id = :provider");
            params.put("provider", f.providerOrgId());
        }
        if (f.nameContains() != null) {
            where.append(" and r.name ilike :name");
            params.put("name", "%" + f.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return page(where.toString(), params, page);
    }

    /** One page of resources (order by id) for a where clause over alias {@code r}. */
    ResourceConnection page(String where, Map<String, Object> params, PageRequest page) {
        long total = ((Number) query("select count(*) from resource r" + where, params).getSingleResult()).longValue();
        Long after = page.afterId();
        params.put("after", after == null ? 0L : after);
        params.put("n", page.fetchSize());
        List<Resource> fetched = list("select " + COLUMNS + " from resource r" + where + " and r.id > :after order by r.id limit :n",
                params).stream().map(row -> resource(row, 0)).toList();
        return ResourceConnection.of(Slice.of(fetched, page, total), r -> Cursor.encode(r.dbId()));
    }

    /** Weekly windows and exceptions of every source resource: two statements. */
    public List<Availability> availability(List<Long> ids) {
        Map<Long, List<AvailabilityWindow>> windows = new HashMap<>();
        Map<Long, List<AvailabilityException>> exceptions = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] r : list("select resource_id, weekday, cast(opens as text), cast(closes as text) from resource_window "
                    + "where resource_id in (:ids) order by resource_id, weekday, opens", Map.of("ids", ids))) {
                windows.computeIfAbsent(lng(r[0]), k -> new ArrayList<>())
                        .add(new AvailabilityWindow(integer(r[1]), hhmm(r[2]), hhmm(r[3])));
            }
            for (Object[] r : list("select resource_id, on_date, cast(opens as text), cast(closes as text), note from resource_exception "
                    + "where resource_id in (:ids) order by resource_id, on_date", Map.of("ids", ids))) {
                exceptions.computeIfAbsent(lng(r[0]), k -> new ArrayList<>())
                        .add(new AvailabilityException(date(r[1]), hhmm(r[2]), hhmm(r[3]), str(r[4])));
            }
        }
        return ids.stream().map(id -> new Availability(windows.getOrDefault(id, List.of()), exceptions.getOrDefault(id, List.of())))
                .toList();
    }

    /** HH:mm of a time column, which queries select as text: a java.sql.Time would be shifted by the JVM's zone. */
    static String hhmm(Object t) {
        if (t == null) {
            return null;
        }
        LocalTime lt = t instanceof LocalTime l ? l : t instanceof java.sql.Time st ? st.toLocalTime() : LocalTime.parse(t.toString());
        return lt.toString().substring(0, 5);
    }

    /** A page of allocations (newest first) for every source resource: one lateral query plus one count. */
    public List<AllocationConnection> allocationsOf(List<Long> resourceIds, List<AllocationStatus> statuses, PageRequest page) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        Long after = page.afterId();
        Map<String, Object> params = new HashMap<>(Map.of("ids", resourceIds, "after", after == null ? Long.MAX_VALUE : after,
                "n", page.fetchSize()));
        String statusFilter = "";
        if (statuses != null && !statuses.isEmpty()) {
            statusFilter = " and a.status in (:statuses)";
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        Map<Long, List<Allocation>> grouped = new HashMap<>();
        for (Object[] r : list("""
                select s.id, %s from resource s cross join lateral (
                    select * from resource_allocation a where a.resource_id = s.id and a.id < :after %s order by a.id desc limit :n
                ) a where s.id in (:ids)
                """.formatted(ALLOCATION_COLUMNS, statusFilter), params)) {
            grouped.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(allocation(r, 1));
        }
        Map<String, Object> countParams = new HashMap<>(params);
        countParams.remove("after");
        countParams.remove("n");
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : list("select a.resource_id, count(*) from resource_allocation a where a.resource_id in (:ids)" + statusFilter
                + " group by a.resource_id", countParams)) {
            counts.put(lng(r[0]), lng(r[1]));
        }
        List<AllocationConnection> out = new ArrayList<>(resourceIds.size());
        for (Long id : resourceIds) {
            out.add(AllocationConnection.of(Slice.of(grouped.getOrDefault(id, List.of()), page, counts.getOrDefault(id, 0L)),
                    a -> Cursor.encode(a.dbId())));
        }
        return out;
    }

    /** Allocations for each source need, oldest first (one statement). */
    public Map<Long, List<Allocation>> allocationsOfNeeds(List<Long> needIds) {
        Map<Long, List<Allocation>> out = new HashMap<>();
        if (needIds.isEmpty()) {
            return out;
        }
        for (Object[] r : list("select " + ALLOCATION_COLUMNS + " from resource_allocation a where a.need_id in (:ids) order by a.id",
                Map.of("ids", needIds))) {
            Allocation a = allocation(r, 0);
            out.computeIfAbsent(a.needId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    /** Contact name and phone per resource (one statement). */
    Map<Long, String[]> contactsOf(List<Long> ids) {
        Map<Long, String[]> out = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] r : list("select id, contact_name, contact_phone from resource where id in (:ids)", Map.of("ids", ids))) {
                out.put(lng(r[0]), new String[] {str(r[1]), str(r[2])});
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Object[]> list(String sql, Map<String, Object> params) {
        return query(sql, params).getResultList();
    }

    private Query query(String sql, Map<String, Object> params) {
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q;
    }
}
