package org.gongzhi.need;

import static org.gongzhi.platform.persistence.Rows.instant;
import static org.gongzhi.platform.persistence.Rows.lng;
import static org.gongzhi.platform.persistence.Rows.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.time.Times;

/**
 * Reads of needs for the three screens and batched loaders for nested fields. Each method issues a fixed
 * number of statements whatever the size of the lists (no N+1); every filter is served by an index of V10.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NeedQueries {

    private static final String INFINITY = "infinity";

    private final EntityManager em;
    private final TimeSource time;

    NeedQueries(EntityManager em, TimeSource time) {
        this.em = em;
        this.time = time;
    }

    public Need need(long id) {
        List<Need> found = byIds(List.of(id));
        if (found.isEmpty()) {
            throw DomainException.notFound("Need", GlobalId.encode(Need.TYPE, id));
        }
        return found.get(0);
    }

    /** Needs by id, in the order of {@code ids} (missing ones skipped). One statement. */
    public List<Need> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = time.now();
        Map<Long, Need> byId = new HashMap<>();
        for (NeedEntity e : entities("select n.* from need n where n.id in (:ids)", Map.of("ids", ids))) {
            byId.put(e.id, Need.of(e, now));
        }
        List<Need> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ screen 1: my needs (requester)

    /** Needs the caller reported or benefits from, newest first. Index: need_requester_idx / need_reporter_idx. */
    public NeedConnection mine(long memberId, NeedStatus status, PageRequest page) {
        String statusFilter = status == null ? "" : " and n.status = :status";
        Map<String, Object> params = new HashMap<>(Map.of("me", memberId));
        if (status != null) {
            params.put("status", status.name());
        }
        String where = " where (n.requester_member_id = :me or n.reporter_member_id = :me)" + statusFilter;
        long total = count("select count(*) from need n" + where, params);
        Long after = page.afterId();
        params.put("after", after == null ? Long.MAX_VALUE : after);
        params.put("n", page.fetchSize());
        Instant now = time.now();
        List<Need> fetched = entities("select n.* from need n" + where + " and n.id < :after order by n.id desc limit :n", params)
                .stream().map(e -> Need.of(e, now)).toList();
        return NeedConnection.of(Slice.of(fetched, page, total), n -> Cursor.encode(n.dbId()));
    }

    // ------------------------------------------------------------------ screen 2: the handler's inbox

    /** Filters of the inbox; null means "any". Without statuses the inbox shows open needs. */
    public record InboxFilter(List<NeedStatus> statuses, NeedCategory category, NeedUrgency urgency, Boolean overdue,
            String underPath) {
    }

    /**
     * Needs in the caller's scope (placed in or responsible within a subtree they serve, or assigned to or
     * claimed by them), nearest deadline first. Path prefixes use the (path, next_deadline, id) indexes.
     */
    public NeedConnection inbox(Actor actor, InboxFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder scope = new StringBuilder("(");
        List<String> paths = actor.servicePaths();
        for (int i = 0; i < paths.size(); i++) {
            scope.append("n.place_path like :p").append(i).append(" or n.responsible_path like :p").append(i).append(" or ");
            params.put("p" + i, paths.get(i) + "%");
        }
        scope.append("n.assignee_member_id = :me or n.claimer_member_id = :me)");
        params.put("me", actor.memberId() == null ? -1L : actor.memberId());
        StringBuilder where = new StringBuilder(" where n.tenant_id = :tenant and ").append(scope);
        params.put("tenant", actor.tenantId() == null ? -1L : actor.tenantId());
        List<NeedStatus> statuses = filter.statuses() == null || filter.statuses().isEmpty()
                ? List.copyOf(NeedStatus.OPEN) : filter.statuses();
        where.append(" and n.status in (:statuses)");
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        if (filter.category() != null) {
            where.append(" and n.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.urgency() != null) {
            where.append(" and n.urgency = :urgency");
            params.put("urgency", filter.urgency().name());
        }
        Instant now = time.now();
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and n.next_deadline < :now" : " and (n.next_deadline is null or n.next_deadline >= :now)");
            params.put("now", now);
        }
        if (filter.underPath() != null) {
            where.append(" and (n.place_path like :under or n.responsible_path like :under)");
            params.put("under", filter.underPath() + "%");
        }
        long total = count("select count(*) from need n" + where, params);
        String[] after = Cursor.decode(page.after(), 2);
        if (after != null) {
            where.append(" and (coalesce(n.next_deadline, 'infinity'::timestamptz), n.id) > (cast(:afterDeadline as timestamptz), :afterId)");
            params.put("afterDeadline", after[0]);
            try {
                params.put("afterId", Long.parseLong(after[1]));
                if (!INFINITY.equals(after[0])) {
                    Instant.parse(after[0]);
                }
            } catch (RuntimeException e) {
                throw DomainException.invalid("after", "Malformed cursor");
            }
        }
        params.put("n", page.fetchSize());
        List<Need> fetched = entities("select n.* from need n" + where
                + " order by coalesce(n.next_deadline, 'infinity'::timestamptz), n.id limit :n", params)
                .stream().map(e -> Need.of(e, now)).toList();
        return NeedConnection.of(Slice.of(fetched, page, total), NeedQueries::inboxCursor);
    }

    static String inboxCursor(Need n) {
        return Cursor.encode(n.nextDeadlineInstant() == null ? INFINITY : n.nextDeadlineInstant().toString(), n.dbId());
    }

    // ------------------------------------------------------------------ screen 3: the office overview

    /** Counts of needs by status for each organization id, over its subtree (placed there or responsible there). */
    public Map<Long, NeedCounts> countsBySubtree(List<Long> orgIds) {
        Map<Long, NeedCounts> out = new HashMap<>();
        if (orgIds.isEmpty()) {
            return out;
        }
        // Range predicates on the "C"-collated paths let each organization use the path indexes (a LIKE with a
        // non-constant pattern could not).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, n.status, count(*),
                       count(*) filter (where n.next_deadline < :now),
                       count(*) filter (where n.escalation_level > 0 and n.status in %s)
                from organization c
                join need n on (n.place_path >= c.path and n.place_path < c.path || '~')
                            or (n.responsible_path >= c.path and n.responsible_path < c.path || '~')
                where c.id in (:ids)
                group by c.id, n.status
                """.formatted(NeedStatus.openSql()))
                .setParameter("now", time.now()).setParameter("ids", orgIds).getResultList();
        Map<Long, List<Object[]>> byOrg = new HashMap<>();
        for (Object[] r : rows) {
            byOrg.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(r);
        }
        for (Long id : orgIds) {
            out.put(id, NeedCounts.of(byOrg.getOrDefault(id, List.of())));
        }
        return out;
    }

    // ------------------------------------------------------------------ duplicates

    /** Open public issues of the same grid and category whose text is similar (pg_trgm), most similar first. */
    public List<Need> similarOpen(Need need, double threshold, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select n.id from need n
                where n.place_org_id = :place and n.category = :category and n.kind = 'PUBLIC_ISSUE'
                  and n.status in %s and n.id <> :self and n.duplicate_of_id is null
                  and similarity(n.title || ' ' || left(n.description, 200), :text) >= :threshold
                order by similarity(n.title || ' ' || left(n.description, 200), :text) desc, n.id
                limit :k
                """.formatted(NeedStatus.openSql()))
                .setParameter("place", need.placeOrgId()).setParameter("category", need.category().name())
                .setParameter("self", need.dbId()).setParameter("text", need.title() + " " + left(need.description(), 200))
                .setParameter("threshold", threshold).setParameter("k", limit).getResultList();
        return byIds(ids.stream().map(Number::longValue).toList());
    }

    private static String left(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    // ------------------------------------------------------------------ timeline (batched)

    /** A page of timeline events (oldest first) for every source need: one lateral query plus one count. */
    public List<NeedEventConnection> timelines(List<Long> needIds, PageRequest page) {
        Long after = page.afterId();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, e.id, e.at, e.kind, e.from_status, e.to_status, e.note, e.actor_subject, e.actor_member_id,
                       e.organization_id, e.member_id
                from need s cross join lateral (
                    select * from need_event e where e.need_id = s.id and e.id > :after order by e.id limit :n
                ) e where s.id in (:ids)
                """).setParameter("ids", needIds).setParameter("after", after == null ? 0L : after)
                .setParameter("n", page.fetchSize()).getResultList();
        Map<Long, List<NeedEvent>> grouped = new HashMap<>();
        for (Object[] r : rows) {
            long eid = lng(r[1]);
            grouped.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new NeedEvent(GlobalId.encode(NeedEvent.TYPE, eid),
                    Times.local(instant(r[2])), NeedEventKind.valueOf(str(r[3])),
                    r[4] == null ? null : NeedStatus.valueOf(str(r[4])), r[5] == null ? null : NeedStatus.valueOf(str(r[5])),
                    str(r[6]), NeedTimeline.SYSTEM_SUBJECT.equals(str(r[7])), eid, lng(r[8]), lng(r[9]), lng(r[10])));
        }
        Map<Long, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> countRows = em.createNativeQuery(
                "select need_id, count(*) from need_event where need_id in (:ids) group by need_id")
                .setParameter("ids", needIds).getResultList();
        for (Object[] r : countRows) {
            counts.put(lng(r[0]), lng(r[1]));
        }
        List<NeedEventConnection> out = new ArrayList<>(needIds.size());
        for (Long id : needIds) {
            out.add(NeedEventConnection.of(Slice.of(grouped.getOrDefault(id, List.of()), page, counts.getOrDefault(id, 0L))));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private List<NeedEntity> entities(String sql, Map<String, Object> params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql, NeedEntity.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    private long count(String sql, Map<String, Object> params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }
}
