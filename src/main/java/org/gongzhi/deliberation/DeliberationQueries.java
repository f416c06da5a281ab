package org.gongzhi.deliberation;

import static org.gongzhi.platform.persistence.Rows.bool;
import static org.gongzhi.platform.persistence.Rows.decimal;
import static org.gongzhi.platform.persistence.Rows.instant;
import static org.gongzhi.platform.persistence.Rows.integer;
import static org.gongzhi.platform.persistence.Rows.lng;
import static org.gongzhi.platform.persistence.Rows.str;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.deliberation.BudgetService.Budget;
import org.gongzhi.deliberation.BudgetService.Project;
import org.gongzhi.deliberation.DeliberationViews.*;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.time.Times;

/**
 * Reads of deliberations and batched loaders for their nested fields: each method issues a fixed number of
 * statements for any number of source deliberations (no N+1); every filter is served by an index of V30.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliberationQueries {

    private final EntityManager em;
    private final TimeSource time;

    DeliberationQueries(EntityManager em, TimeSource time) {
        this.em = em;
        this.time = time;
    }

    public Deliberation deliberation(long id) {
        List<Deliberation> found = byIds(List.of(id));
        if (found.isEmpty()) {
            throw DomainException.notFound("Deliberation", GlobalId.encode(Deliberation.TYPE, id));
        }
        return found.get(0);
    }

    /** Deliberations by id, in the order of {@code ids}. One statement. */
    public List<Deliberation> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Deliberation> byId = new HashMap<>();
        for (DeliberationEntity e : entities("select d.* from deliberation d where d.id in (:ids)", Map.of("ids", ids))) {
            byId.put(e.id, Deliberation.of(e));
        }
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    /**
     * Deliberations the caller may see, newest first: their community's and the street-wide ones, plus
     * everything in the subtrees they serve. Optional filters: under a subtree, stage, kind.
     */
    public DeliberationConnection visible(Actor actor, String underPath, DeliberationStage stage, DeliberationKind kind, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where d.tenant_id = :t and (d.community_id is null or d.community_id = :c");
        params.put("t", actor.tenantId() == null ? -1L : actor.tenantId());
        params.put("c", actor.communityId() == null ? -1L : actor.communityId());
        List<String> paths = actor.servicePaths();
        for (int i = 0; i < paths.size(); i++) {
            where.append(" or d.scope_path like :p").append(i);
            params.put("p" + i, paths.get(i) + "%");
        }
        where.append(')');
        if (underPath != null) {
            where.append(" and d.scope_path like :under");
            params.put("under", underPath + "%");
        }
        if (stage != null) {
            where.append(" and d.stage = :stage");
            params.put("stage", stage.name());
        }
        if (kind != null) {
            where.append(" and d.kind = :kind");
            params.put("kind", kind.name());
        }
        long total = count("select count(*) from deliberation d" + where, params);
        Long after = page.afterId();
        params.put("after", after == null ? Long.MAX_VALUE : after);
        params.put("n", page.fetchSize());
        List<Deliberation> fetched = entities("select d.* from deliberation d" + where + " and d.id < :after order by d.id desc limit :n",
                params).stream().map(Deliberation::of).toList();
        return DeliberationConnection.of(Slice.of(fetched, page, total), d -> Cursor.encode(d.dbId()));
    }

    // ------------------------------------------------------------------ links

    /** Participating organizations, linked needs or referrals (deliberations referred from each source). */
    public Map<Long, List<Long>> linked(String table, String column, List<Long> deliberationIds) {
        String sql = switch (table) {
            case "org" -> "select deliberation_id, organization_id from deliberation_participant_org where deliberation_id in (:ids) order by 1, 2";
            case "need" -> "select deliberation_id, need_id from deliberation_need where deliberation_id in (:ids) order by 1, 2";
            default -> "select referred_from_id, id from deliberation where referred_from_id in (:ids) order by 1, 2";
        };
        Map<Long, List<Long>> out = new HashMap<>();
        for (Object[] r : rows(sql, Map.of("ids", deliberationIds))) {
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(lng(r[1]));
        }
        return out;
    }

    // ------------------------------------------------------------------ votes and tallies

    public List<Vote> votesByIds(List<Long> ids) {
        return votes("id", ids).values().stream().toList();
    }

    /** The vote of each deliberation (keyed by deliberation id). */
    public Map<Long, Vote> votesOf(List<Long> deliberationIds) {
        Map<Long, Vote> out = new HashMap<>();
        for (Vote v : votes("deliberation_id", deliberationIds).values()) {
            out.put(v.deliberationDbId(), v);
        }
        return out;
    }

    private Map<Long, Vote> votes(String column, List<Long> ids) {
        Map<Long, Vote> out = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object[] r : rows("""
                select v.id, v.deliberation_id, v.eligibility, v.rule, v.secret, v.major_matter, v.quorum_num, v.quorum_den, v.max_choices,
                       v.opened_at, v.closes_at, v.closed_at, d.scope_path
                from deliberation_vote v join deliberation d on d.id = v.deliberation_id where v.%s in (:ids) order by v.id
                """.formatted(column), Map.of("ids", ids))) {
            long id = lng(r[0]);
            out.put(id, new Vote(GlobalId.encode(Vote.TYPE, id), VoteEligibility.valueOf(str(r[2])), VoteRule.valueOf(str(r[3])),
                    bool(r[4]), bool(r[5]), integer(r[6]), integer(r[7]), integer(r[8]), Times.local(instant(r[9])),
                    Times.local(instant(r[10])), Times.local(instant(r[11])), id, lng(r[1]), str(r[12])));
        }
        return out;
    }

    /**
     * Tallies of votes, computed from the roll and the ballots in one statement (open ballots: the current
     * ones; secret ballots: the choice table), plus one statement for the rules.
     */
    public Map<Long, Tally> tallies(List<Long> voteIds) {
        Map<Long, Tally> out = new HashMap<>();
        if (voteIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = rows("""
                select vote_id, 'E', null, count(distinct unit_id), coalesce(sum(area_sqm), 0) from vote_roll
                  where vote_id in (:ids) group by vote_id
                union all
                select vote_id, 'C', choice, count(*), coalesce(sum(area_sqm), 0) from vote_ballot
                  where vote_id in (:ids) and is_current group by vote_id, choice
                union all
                select vote_id, 'C', choice, count(*), coalesce(sum(area_sqm), 0) from vote_secret_choice
                  where vote_id in (:ids) group by vote_id, choice
                union all
                select b.vote_id, 'P', cast(p.id as varchar), count(*), 0 from vote_ballot b cross join unnest(b.project_ids) as p(id)
                  where b.vote_id in (:ids) and b.is_current group by b.vote_id, p.id
                union all
                select s.vote_id, 'P', cast(p.id as varchar), count(*), 0 from vote_secret_choice s cross join unnest(s.project_ids) as p(id)
                  where s.vote_id in (:ids) group by s.vote_id, p.id
                """, Map.of("ids", voteIds));
        Map<Long, Object[]> rules = new HashMap<>();
        for (Object[] r : rows("select id, rule, major_matter, quorum_num, quorum_den from deliberation_vote where id in (:ids)",
                Map.of("ids", voteIds))) {
            rules.put(lng(r[0]), r);
        }
        Map<Long, List<Object[]>> byVote = new HashMap<>();
        for (Object[] r : rows) {
            byVote.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(r);
        }
        for (Long id : voteIds) {
            Object[] rule = rules.get(id);
            if (rule != null) {
                out.put(id, tally(byVote.getOrDefault(id, List.of()), VoteRule.valueOf(str(rule[1])), bool(rule[2]), integer(rule[3]),
                        integer(rule[4])));
            }
        }
        return out;
    }

    private static Tally tally(List<Object[]> rows, VoteRule rule, boolean major, int num, int den) {
        long eligible = 0;
        BigDecimal eligibleArea = BigDecimal.ZERO;
        long participating = 0;
        BigDecimal participatingArea = BigDecimal.ZERO;
        List<Tally.ChoiceCount> choices = new ArrayList<>();
        List<Tally.ProjectCount> projects = new ArrayList<>();
        for (Object[] r : rows) {
            long n = lng(r[3]);
            BigDecimal area = decimal(r[4]);
            switch (str(r[1])) {
                case "E" -> {
                    eligible = n;
                    eligibleArea = area;
                }
                case "C" -> {
                    participating += n;
                    participatingArea = participatingArea.add(area);
                    if (r[2] != null) {
                        choices.add(new Tally.ChoiceCount(BallotChoice.valueOf(str(r[2])), n, area));
                    }
                }
                default -> {
                    long project = Long.parseLong(str(r[2]));
                    projects.add(new Tally.ProjectCount(GlobalId.encode(BudgetService.PROJECT_TYPE, project), n, project));
                }
            }
        }
        for (BallotChoice c : BallotChoice.values()) {
            if (choices.stream().noneMatch(cc -> cc.choice() == c) && rule != VoteRule.APPROVAL) {
                choices.add(new Tally.ChoiceCount(c, 0, BigDecimal.ZERO));
            }
        }
        choices.sort(java.util.Comparator.comparing(Tally.ChoiceCount::choice));
        projects.sort(java.util.Comparator.comparingLong(Tally.ProjectCount::projectDbId));
        Tally draft = new Tally(eligible, eligibleArea, participating, participatingArea, List.copyOf(choices), List.copyOf(projects),
                false, false);
        return new Tally(eligible, eligibleArea, participating, participatingArea, draft.choices(), draft.projects(),
                PassRule.quorum(rule, num, den, draft), PassRule.passes(rule, major, num, den, draft));
    }

    /**
     * Open (记名) ballots of each vote, oldest first, with superseded ones when {@code history}: one lateral query
     * plus one count. Secret votes have none here: their choices are not tied to anyone.
     */
    public List<BallotConnection> ballots(List<Long> voteIds, boolean history, PageRequest page) {
        Long after = page.afterId();
        Map<Long, List<Ballot>> grouped = new HashMap<>();
        for (Object[] r : rows("""
                select s.id, b.id, b.voter_member_id, b.proxy_member_id, b.choice, b.project_ids, b.cast_at, b.is_current
                from deliberation_vote s cross join lateral (
                    select * from vote_ballot b where b.vote_id = s.id and (b.is_current or :history) and b.id > :after order by b.id limit :n
                ) b where s.id in (:ids)
                """, Map.of("ids", voteIds, "history", history, "after", after == null ? 0L : after, "n", page.fetchSize()))) {
            List<String> projects = new ArrayList<>();
            for (Object p : array(r[5])) {
                projects.add(GlobalId.encode(BudgetService.PROJECT_TYPE, ((Number) p).longValue()));
            }
            grouped.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new Ballot(r[4] == null ? null : BallotChoice.valueOf(str(r[4])),
                    projects, Times.local(instant(r[6])), bool(r[7]), lng(r[1]), lng(r[2]), lng(r[3])));
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : rows("select vote_id, count(*) from vote_ballot where vote_id in (:ids) and (is_current or :history) group by vote_id",
                Map.of("ids", voteIds, "history", history))) {
            counts.put(lng(r[0]), lng(r[1]));
        }
        List<BallotConnection> out = new ArrayList<>(voteIds.size());
        for (Long id : voteIds) {
            out.add(BallotConnection.of(Slice.of(grouped.getOrDefault(id, List.of()), page, counts.getOrDefault(id, 0L)),
                    b -> Cursor.encode(b.dbId())));
        }
        return out;
    }

    // ------------------------------------------------------------------ 四议 steps, publicities, objections

    public Map<Long, List<Step>> steps(List<Long> deliberationIds) {
        Map<Long, List<Step>> out = new HashMap<>();
        for (Object[] r : rows("""
                select deliberation_id, seq, kind, status, eligible_count, attended_count, for_count, against_count, abstain_count, note,
                       started_at, concluded_at, body_org_id from deliberation_step where deliberation_id in (:ids) order by deliberation_id, seq
                """, Map.of("ids", deliberationIds))) {
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new Step(integer(r[1]), FourStepKind.valueOf(str(r[2])),
                    DeliberationStepStatus.valueOf(str(r[3])), integer(r[4]), integer(r[5]), integer(r[6]), integer(r[7]),
                    integer(r[8]), str(r[9]), Times.local(instant(r[10])), Times.local(instant(r[11])), lng(r[12])));
        }
        return out;
    }

    public Map<Long, List<Publicity>> publicities(List<Long> deliberationIds) {
        Map<Long, List<Publicity>> out = new HashMap<>();
        Instant now = time.now();
        for (Object[] r : rows("""
                select p.deliberation_id, p.id, p.kind, p.content, p.starts_at, p.display_until, p.objection_deadline,
                       (select count(*) from deliberation_objection o where o.publicity_id = p.id and o.answered_at is null)
                from deliberation_publicity p where p.deliberation_id in (:ids) order by p.deliberation_id, p.id
                """, Map.of("ids", deliberationIds))) {
            Instant until = instant(r[5]);
            Instant deadline = instant(r[6]);
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new Publicity(PublicityKind.valueOf(str(r[2])), str(r[3]),
                    Times.local(instant(r[4])), Times.local(until), Times.local(deadline), now.isBefore(deadline), !now.isBefore(until),
                    lng(r[7]), lng(r[1])));
        }
        return out;
    }

    public Map<Long, List<Objection>> objections(List<Long> publicityIds, Long me) {
        Map<Long, List<Objection>> out = new HashMap<>();
        for (Object[] r : rows("""
                select publicity_id, id, body, raised_at, answer, answered_at, member_id = :me
                from deliberation_objection where publicity_id in (:ids) order by publicity_id, id
                """, Map.of("ids", publicityIds, "me", me == null ? -1L : me))) {
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new Objection(GlobalId.encode(PublicityService.TYPE, lng(r[1])),
                    str(r[2]), Times.local(instant(r[3])), str(r[4]), Times.local(instant(r[5])), bool(r[6])));
        }
        return out;
    }

    // ------------------------------------------------------------------ opinions

    /** A page of current opinions per deliberation (hidden ones only for moderators): one lateral query plus one count. */
    public List<OpinionConnection> opinions(List<Long> deliberationIds, List<Long> moderated, PageRequest page) {
        Long after = page.afterId();
        List<Object[]> rows = rows("""
                select s.id, o.id, o.stance, o.body, o.created_at, o.hidden_at is not null, o.hidden_reason, o.member_id,
                       (select count(*) from deliberation_opinion h where h.deliberation_id = o.deliberation_id
                          and h.member_id = o.member_id and not h.is_current)
                from deliberation s cross join lateral (
                    select * from deliberation_opinion o where o.deliberation_id = s.id and o.is_current
                      and (o.hidden_at is null or s.id in (:mod)) and o.id > :after order by o.id limit :n
                ) o where s.id in (:ids)
                """, Map.of("ids", deliberationIds, "mod", moderated.isEmpty() ? List.of(-1L) : moderated,
                "after", after == null ? 0L : after, "n", page.fetchSize()));
        Map<Long, List<Opinion>> grouped = new HashMap<>();
        for (Object[] r : rows) {
            boolean hidden = bool(r[5]);
            long did = lng(r[0]);
            grouped.computeIfAbsent(did, k -> new ArrayList<>()).add(new Opinion(GlobalId.encode(Opinion.TYPE, lng(r[1])),
                    OpinionStance.valueOf(str(r[2])), hidden && !moderated.contains(did) ? null : str(r[3]), Times.local(instant(r[4])),
                    hidden, str(r[6]), integer(r[8]), lng(r[1]), lng(r[7])));
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] r : rows("""
                select deliberation_id, count(*) from deliberation_opinion where deliberation_id in (:ids) and is_current
                  and (hidden_at is null or deliberation_id in (:mod)) group by deliberation_id
                """, Map.of("ids", deliberationIds, "mod", moderated.isEmpty() ? List.of(-1L) : moderated))) {
            counts.put(lng(r[0]), lng(r[1]));
        }
        List<OpinionConnection> out = new ArrayList<>(deliberationIds.size());
        for (Long id : deliberationIds) {
            out.add(OpinionConnection.of(Slice.of(grouped.getOrDefault(id, List.of()), page, counts.getOrDefault(id, 0L)),
                    o -> Cursor.encode(o.dbId())));
        }
        return out;
    }

    // ------------------------------------------------------------------ tasks and execution rates

    public Map<Long, List<Task>> tasks(List<Long> deliberationIds) {
        Map<Long, List<Task>> out = new HashMap<>();
        Instant now = time.now();
        for (Object[] r : rows("""
                select t.deliberation_id, t.id, t.title, t.status, t.due_at, t.completed_at, t.fund_fen, t.evidence_urls, t.note,
                       t.owner_org_id, t.owner_member_id,
                       (select array_agg(tr.resource_id order by tr.resource_id) from deliberation_task_resource tr where tr.task_id = t.id)
                from deliberation_task t where t.deliberation_id in (:ids) order by t.deliberation_id, t.due_at, t.id
                """, Map.of("ids", deliberationIds))) {
            DeliberationTaskStatus status = DeliberationTaskStatus.valueOf(str(r[3]));
            Instant due = instant(r[4]);
            Instant done = instant(r[5]);
            boolean open = status == DeliberationTaskStatus.OPEN || status == DeliberationTaskStatus.IN_PROGRESS;
            List<String> resources = new ArrayList<>();
            List<Long> resourceIds = new ArrayList<>();
            for (Object id : array(r[11])) {
                resourceIds.add(((Number) id).longValue());
                resources.add(GlobalId.encode(org.gongzhi.resource.Resource.TYPE, ((Number) id).longValue()));
            }
            List<String> evidence = new ArrayList<>();
            for (Object url : array(r[7])) {
                evidence.add((String) url);
            }
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new Task(GlobalId.encode(Task.TYPE, lng(r[1])), str(r[2]), status,
                    Times.local(due), Times.local(done), open && now.isAfter(due), done != null && !done.isAfter(due), lng(r[6]),
                    evidence, resources, str(r[8]), lng(r[1]), lng(r[0]), lng(r[9]), lng(r[10]), List.copyOf(resourceIds)));
        }
        return out;
    }

    /** Tasks due are those past their due time or completed (cancelled ones never count). */
    private static final String RATE_COLUMNS = """
            count(*) filter (where t.status <> 'CANCELLED' and (t.due_at <= :now or t.status = 'DONE')),
            count(*) filter (where t.status = 'DONE' and t.completed_at <= t.due_at),
            count(*) filter (where t.status in ('OPEN', 'IN_PROGRESS') and t.due_at < :now)
            """;

    public Map<Long, ExecutionRate> executionRates(List<Long> deliberationIds) {
        Map<Long, ExecutionRate> out = new HashMap<>();
        for (Object[] r : rows("select t.deliberation_id, " + RATE_COLUMNS
                + " from deliberation_task t where t.deliberation_id in (:ids) group by t.deliberation_id",
                Map.of("ids", deliberationIds, "now", time.now()))) {
            out.put(lng(r[0]), rate(lng(r[1]), lng(r[2]), lng(r[3])));
        }
        return out;
    }

    /** The execution rate over every deliberation scoped inside a subtree (index: deliberation_scope_path_idx). */
    public ExecutionRate executionRateUnder(String path) {
        Object[] r = rows("select 0, " + RATE_COLUMNS + " from deliberation d join deliberation_task t on t.deliberation_id = d.id"
                + " where d.scope_path like :p", Map.of("p", path + "%", "now", time.now())).get(0);
        return rate(lng(r[1]), lng(r[2]), lng(r[3]));
    }

    static ExecutionRate rate(long due, long onTime, long overdue) {
        return new ExecutionRate(due, onTime, overdue, due == 0 ? null : (double) onTime / due);
    }

    // ------------------------------------------------------------------ budgets and timelines

    public Map<Long, Budget> budgets(List<Long> deliberationIds) {
        Map<Long, Budget> out = new HashMap<>();
        if (deliberationIds.isEmpty()) {
            return out;
        }
        Map<Long, List<Project>> projects = new HashMap<>();
        for (Object[] r : rows("""
                select deliberation_id, id, title, description, cost_fen from budget_project where deliberation_id in (:ids)
                order by deliberation_id, id
                """, Map.of("ids", deliberationIds))) {
            projects.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new Project(GlobalId.encode(BudgetService.PROJECT_TYPE,
                    lng(r[1])), str(r[2]), str(r[3]), lng(r[4]), lng(r[1])));
        }
        for (Object[] r : rows("select deliberation_id, total_fen, max_projects_per_voter from deliberation_budget where deliberation_id in (:ids)",
                Map.of("ids", deliberationIds))) {
            long id = lng(r[0]);
            out.put(id, new Budget(lng(r[1]), integer(r[2]), List.copyOf(projects.getOrDefault(id, List.of())), id));
        }
        return out;
    }

    public Map<Long, List<Event>> timelines(List<Long> deliberationIds, int limit) {
        Map<Long, List<Event>> out = new HashMap<>();
        for (Object[] r : rows("""
                select s.id, e.action, e.from_stage, e.to_stage, e.note, e.at, e.actor_member_id
                from deliberation s cross join lateral (
                    select * from deliberation_event e where e.deliberation_id = s.id order by e.id limit :n
                ) e where s.id in (:ids) order by s.id, e.id
                """, Map.of("ids", deliberationIds, "n", limit))) {
            out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(new Event(str(r[1]),
                    r[2] == null ? null : DeliberationStage.valueOf(str(r[2])), r[3] == null ? null : DeliberationStage.valueOf(str(r[3])),
                    str(r[4]), Times.local(instant(r[5])), lng(r[6])));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    static Object[] array(Object value) {
        if (value == null) {
            return new Object[0];
        }
        try {
            if (value instanceof java.sql.Array a) {
                return (Object[]) a.getArray();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        if (value instanceof List<?> l) {
            return l.toArray();
        }
        return (Object[]) value;
    }

    @SuppressWarnings("unchecked")
    private List<DeliberationEntity> entities(String sql, Map<String, Object> params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql, DeliberationEntity.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    private long count(String sql, Map<String, Object> params) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }
}
