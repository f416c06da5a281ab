package org.gongzhi.deliberation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.deliberation.DeliberationInputs.CastVoteInput;
import org.gongzhi.deliberation.DeliberationInputs.DeliberationPayload;
import org.gongzhi.deliberation.DeliberationInputs.OpenVotingInput;
import org.gongzhi.deliberation.DeliberationTransitions.Transition;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.persistence.Rows;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * Votes: opening with recorded rules and a fixed roll, casting (open ballots with history, secret ballots
 * stored apart), closing with the outcome from {@link PassRule}. One current ballot per voting unit is
 * enforced by the database (partial unique index / primary key); casts of the same unit serialize on the
 * unit's roll rows, casts of different units run in parallel, and closing waits for casts in flight.
 */
@ApplicationScoped
@Transactional
public class VoteService {

    static final int MAX_PROJECTS = 50;

    private final EntityManager em;
    private final DeliberationWorkflow flow;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final DeliberationQueries queries;
    private final VoteRolls rolls;
    private final FourStepService fourSteps;
    private final DeliberationConfig config;
    private final TallyEvents events;

    VoteService(EntityManager em, DeliberationWorkflow flow, Idempotency idempotency, TimeSource time, DeliberationQueries queries,
            VoteRolls rolls, FourStepService fourSteps, DeliberationConfig config, TallyEvents events) {
        this.em = em;
        this.flow = flow;
        this.idempotency = idempotency;
        this.time = time;
        this.queries = queries;
        this.rolls = rolls;
        this.fourSteps = fourSteps;
        this.config = config;
        this.events = events;
    }

    @Name("CastVotePayload")
    @Description("投票结果 (result of castVote)")
    public record CastVotePayload(
            @NonNull @Description("表决 (the vote)") Vote vote,
            @NonNull @Description("是否为幂等重放 (replayed)") boolean replayed) {
    }

    // ------------------------------------------------------------------ open

    public DeliberationPayload open(OpenVotingInput input) {
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        String note = Inputs.optionalText(input.note(), "note", DeliberationService.MAX_NOTE);
        if (input.closesAt() != null && !input.closesAt().toInstant().isAfter(time.now())) {
            throw DomainException.invalid("closesAt", "The planned closing time lies in the future");
        }
        if (input.quorumPercent() != null && (input.quorumPercent() < 1 || input.quorumPercent() > 100)) {
            throw DomainException.invalid("quorumPercent", "quorumPercent is 1..100");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "openDeliberationVoting", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Transition t = flow.check(d, DeliberationAction.OPEN_VOTING);
            Rules r = rules(d, input);
            Instant now = time.now();
            long voteId = ((Number) em.createNativeQuery("""
                    insert into deliberation_vote (deliberation_id, eligibility, rule, secret, major_matter, quorum_num, quorum_den,
                                                   max_choices, opened_at, closes_at)
                    values (:d, :e, :r, :s, :m, :qn, :qd, :mc, :now, :closes) returning id
                    """).setParameter("d", d.id).setParameter("e", r.eligibility.name()).setParameter("r", r.rule.name())
                    .setParameter("s", r.secret).setParameter("m", d.majorMatter || Boolean.TRUE.equals(input.majorMatter())).setParameter("qn", r.quorumNum)
                    .setParameter("qd", r.quorumDen).setParameter("mc", r.maxChoices).setParameter("now", now)
                    .setParameter("closes", input.closesAt() == null ? null : input.closesAt().toInstant()).getSingleResult()).longValue();
            int roll = rolls.fill(voteId, d.tenantId, d.scopePath, r.eligibility);
            if (roll == 0) {
                throw DomainException.invalid("eligibility", "Nobody in the scope is eligible under " + r.eligibility);
            }
            if (d.kind == DeliberationKind.FOUR_DELIBERATIONS) {
                fourSteps.startResolution(d, rolls.count(d.tenantId, d.scopePath, r.eligibility));
            }
            flow.move(d, t, note, AuditLog.change("stage", t.to(), "eligibility", r.eligibility, "rule", r.rule, "secret", r.secret,
                    "quorum", r.quorumNum + "/" + r.quorumDen, "roll", roll));
            return d.id;
        });
        return new DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    private record Rules(VoteEligibility eligibility, VoteRule rule, boolean secret, int quorumNum, int quorumDen, Integer maxChoices) {
    }

    private Rules rules(DeliberationEntity d, OpenVotingInput input) {
        VoteEligibility eligibility = input.eligibility();
        VoteRule rule = input.rule();
        Integer maxChoices = null;
        if (d.kind == DeliberationKind.PARTICIPATORY_BUDGET) {
            if (rule != null && rule != VoteRule.APPROVAL) {
                throw DomainException.invalid("rule", "A participatory budget is decided by approval voting");
            }
            rule = VoteRule.APPROVAL;
            Object[] b = (Object[]) em.createNativeQuery("""
                    select b.max_projects_per_voter, (select count(*) from budget_project p where p.deliberation_id = b.deliberation_id)
                    from deliberation_budget b where b.deliberation_id = :d
                    """).setParameter("d", d.id).getSingleResult();
            if (((Number) b[1]).longValue() == 0) {
                throw DomainException.invalidTransition("No project has been proposed for the budget yet");
            }
            maxChoices = ((Number) b[0]).intValue();
        } else if (rule == VoteRule.APPROVAL) {
            throw DomainException.invalid("rule", "Approval voting is for participatory budgets");
        }
        if (d.kind == DeliberationKind.FOUR_DELIBERATIONS) {
            if (eligibility != null && eligibility != VoteEligibility.REPRESENTATIVES) {
                throw DomainException.invalid("eligibility", "四议两公开 resolves in the residents' representatives' meeting");
            }
            eligibility = VoteEligibility.REPRESENTATIVES;
        }
        if (rule == null) {
            rule = eligibility == VoteEligibility.OWNERS ? VoteRule.OWNERS_DOUBLE_MAJORITY : VoteRule.SIMPLE_MAJORITY;
        }
        if (eligibility == null) {
            eligibility = rule == VoteRule.OWNERS_DOUBLE_MAJORITY ? VoteEligibility.OWNERS : VoteEligibility.RESIDENTS;
        }
        if ((rule == VoteRule.OWNERS_DOUBLE_MAJORITY) != (eligibility == VoteEligibility.OWNERS)) {
            throw DomainException.invalid("rule", "Owners vote by the double majority of Civil Code art. 278, and only owners do");
        }
        int num = input.quorumPercent() == null ? 1 : input.quorumPercent();
        int den = input.quorumPercent() == null ? 2 : 100;
        if (rule == VoteRule.OWNERS_DOUBLE_MAJORITY || d.kind == DeliberationKind.FOUR_DELIBERATIONS) {
            // art. 278: two thirds of area and owners take part; a representatives' meeting needs two thirds present
            num = 2;
            den = 3;
        }
        return new Rules(eligibility, rule, Boolean.TRUE.equals(input.secret()), num, den, maxChoices);
    }

    // ------------------------------------------------------------------ cast

    public CastVotePayload cast(CastVoteInput input) {
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        Long proxyFor = GlobalId.decodeNullable("Member", input.voterId(), "voterId");
        List<Long> projects = projectIds(input.projectIds());
        if ((input.choice() == null) == projects.isEmpty()) {
            throw DomainException.invalid("choice", "Give a choice (yes/no votes) or approved projects (participatory budget), not both");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "castVote", input, () -> {
            Actor actor = flow.actor();
            long me = actor.requireMember();
            DeliberationEntity d = DeliberationEntity.findById(id);
            if (d == null) {
                throw DomainException.notFound("Deliberation", input.deliberationId());
            }
            DeliberationAccess.requireVisible(actor, d);
            // FOR SHARE: casts run side by side, closing the vote (FOR UPDATE) waits for those in flight
            @SuppressWarnings("unchecked")
            List<Object[]> votes = em.createNativeQuery("""
                    select id, secret, max_choices, closed_at from deliberation_vote where deliberation_id = :d for share
                    """).setParameter("d", id).getResultList();
            if (votes.isEmpty() || votes.get(0)[3] != null) {
                throw DomainException.invalidTransition("The deliberation is not being voted on (" + d.stage.label() + ")");
            }
            long voteId = Rows.lng(votes.get(0)[0]);
            boolean secret = (Boolean) votes.get(0)[1];
            Integer maxChoices = Rows.integer(votes.get(0)[2]);
            validateChoice(d, maxChoices, input.choice(), projects);
            long voter = proxyFor == null ? me : proxyFor;
            Long proxy = proxyFor == null || proxyFor == me ? null : me;
            if (proxy != null) {
                requireProxy(actor, voter);
            }
            // the unit's roll rows are the lock that serializes casts of one voter (or household)
            @SuppressWarnings("unchecked")
            List<Object[]> roll = em.createNativeQuery("""
                    select r.unit_id, r.area_sqm from vote_roll r
                    where r.vote_id = :v and r.unit_id = (select unit_id from vote_roll where vote_id = :v and member_id = :m)
                    order by r.member_id for update
                    """).setParameter("v", voteId).setParameter("m", voter).getResultList();
            if (roll.isEmpty()) {
                throw DomainException.forbidden("Not on the roll of this vote (不在选民名册中)");
            }
            long unit = Rows.lng(roll.get(0)[0]);
            BigDecimal area = Rows.decimal(roll.get(0)[1]);
            if (secret) {
                castSecret(voteId, unit, voter, proxy, input.choice(), projects, area);
            } else {
                castOpen(voteId, unit, voter, proxy, input.choice(), projects, area);
            }
            flow.audit(d, "deliberation.vote.cast", "DeliberationVote", voteId,
                    secret ? AuditLog.change("proxy", proxy) : AuditLog.change("voter", voter, "proxy", proxy, "choice", input.choice(),
                            "projects", projects));
            events.publish(d, voteId, tally(voteId));
            return voteId;
        });
        return new CastVotePayload(queries.votesByIds(List.of(outcome.id())).get(0), outcome.replayed());
    }

    private void castOpen(long voteId, long unit, long voter, Long proxy, BallotChoice choice, List<Long> projects, BigDecimal area) {
        Instant now = time.now();
        @SuppressWarnings("unchecked")
        List<Number> current = em.createNativeQuery(
                "select voter_member_id from vote_ballot where vote_id = :v and unit_id = :u and is_current")
                .setParameter("v", voteId).setParameter("u", unit).getResultList();
        if (!current.isEmpty() && current.get(0).longValue() != voter) {
            throw DomainException.conflict("Another member of the household has already voted (本户已投票)");
        }
        em.createNativeQuery("update vote_ballot set is_current = false, superseded_at = :now where vote_id = :v and unit_id = :u and is_current")
                .setParameter("now", now).setParameter("v", voteId).setParameter("u", unit).executeUpdate();
        em.createNativeQuery("""
                insert into vote_ballot (vote_id, unit_id, voter_member_id, proxy_member_id, choice, project_ids, area_sqm, is_current, cast_at)
                values (:v, :u, :m, :p, :c, cast(:projects as bigint[]), :a, true, :now)
                """).setParameter("v", voteId).setParameter("u", unit).setParameter("m", voter).setParameter("p", proxy)
                .setParameter("c", choice == null ? null : choice.name()).setParameter("projects", arrayLiteral(projects))
                .setParameter("a", area).setParameter("now", now).executeUpdate();
    }

    /**
     * Secret: the participation row (who) and the choice row (what) share nothing. The mix rewrites a few random
     * earlier choice rows of the vote first, so the transaction that wrote a participation row also wrote several
     * choice rows, and physical row order no longer follows the order of casting.
     */
    private void castSecret(long voteId, long unit, long voter, Long proxy, BallotChoice choice, List<Long> projects, BigDecimal area) {
        int inserted = em.createNativeQuery("""
                insert into vote_participation (vote_id, unit_id, voter_member_id, proxy_member_id) values (:v, :u, :m, :p)
                on conflict do nothing
                """).setParameter("v", voteId).setParameter("u", unit).setParameter("m", voter).setParameter("p", proxy).executeUpdate();
        if (inserted == 0) {
            throw DomainException.conflict("A secret ballot was already cast for this voter; secret ballots are final (无记名票不可更改)");
        }
        em.createNativeQuery("""
                update vote_secret_choice set mix = gen_random_uuid()
                where id in (select id from vote_secret_choice where vote_id = :v order by random() limit :k)
                """).setParameter("v", voteId).setParameter("k", config.secretMix()).executeUpdate();
        em.createNativeQuery("""
                insert into vote_secret_choice (vote_id, choice, project_ids, area_sqm) values (:v, :c, cast(:projects as bigint[]), :a)
                """).setParameter("v", voteId).setParameter("c", choice == null ? null : choice.name())
                .setParameter("projects", arrayLiteral(projects)).setParameter("a", area).executeUpdate();
    }

    private void requireProxy(Actor actor, long voter) {
        @SuppressWarnings("unchecked")
        List<String> paths = em.createNativeQuery("""
                select g.path from member m join household h on h.id = m.household_id join organization g on g.id = h.grid_id
                where m.id = :m and m.tenant_id = :t
                """).setParameter("m", voter).setParameter("t", actor.tenantId() == null ? -1L : actor.tenantId()).getResultList();
        if (paths.isEmpty() || !actor.gridWorkPaths().stream().anyMatch(paths.get(0)::startsWith)) {
            throw DomainException.forbidden("Only the voter's grid worker may cast a proxy ballot (代投)");
        }
    }

    private void validateChoice(DeliberationEntity d, Integer maxChoices, BallotChoice choice, List<Long> projects) {
        if (maxChoices == null) {
            if (choice == null) {
                throw DomainException.invalid("choice", "This vote takes a choice: FOR, AGAINST or ABSTAIN");
            }
            return;
        }
        if (choice != null) {
            throw DomainException.invalid("projectIds", "A participatory budget vote takes approved projects");
        }
        if (projects.size() > maxChoices) {
            throw DomainException.invalid("projectIds", "Approve at most " + maxChoices + " projects");
        }
        long found = ((Number) em.createNativeQuery("select count(*) from budget_project where deliberation_id = :d and id in (:ids)")
                .setParameter("d", d.id).setParameter("ids", projects).getSingleResult()).longValue();
        if (found != projects.size()) {
            throw DomainException.invalid("projectIds", "Approve projects of this budget only");
        }
    }

    private static List<Long> projectIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_PROJECTS) {
            throw DomainException.invalid("projectIds", "At most " + MAX_PROJECTS + " projects");
        }
        Set<Long> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (!out.add(GlobalId.decode(BudgetService.PROJECT_TYPE, id, "projectIds"))) {
                throw DomainException.invalid("projectIds", "Each project is approved at most once");
            }
        }
        return List.copyOf(out);
    }

    static String arrayLiteral(List<Long> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return sb.append('}').toString();
    }

    // ------------------------------------------------------------------ close

    /** Called by the CLOSE_VOTING step with the deliberation locked: freezes the ballots and records the outcome. */
    @Transactional(Transactional.TxType.MANDATORY)
    void close(DeliberationEntity d) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, rule, major_matter, quorum_num, quorum_den from deliberation_vote where deliberation_id = :d for update
                """).setParameter("d", d.id).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.invalidTransition("The deliberation has no vote to close");
        }
        Object[] v = rows.get(0);
        long voteId = Rows.lng(v[0]);
        Instant now = time.now();
        em.createNativeQuery("update deliberation_vote set closed_at = :now where id = :v").setParameter("now", now)
                .setParameter("v", voteId).executeUpdate();
        Tally tally = tally(voteId);
        VoteRule rule = VoteRule.valueOf((String) v[1]);
        boolean passed = tally.passing();
        if (rule == VoteRule.APPROVAL) {
            passed = passed && !BudgetService.select(queries.budgets(List.of(d.id)).get(d.id), tally).selected().isEmpty();
        }
        if (d.kind == DeliberationKind.FOUR_DELIBERATIONS) {
            fourSteps.concludeResolution(d, tally, passed);
        }
        events.publish(d, voteId, tally);
        // set last: the outcome reaches the row together with the DECIDED stage (deliberation_outcome_when_decided)
        d.outcome = passed ? DeliberationOutcome.PASSED : DeliberationOutcome.REJECTED;
        d.decidedAt = now;
    }

    /**
     * Closes the vote of one deliberation whose planned closing time has passed (the SYSTEM performer of
     * CLOSE_VOTING). Locks the deliberation first, so concurrent runs on several pods close it once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean closeDue(long deliberationId) {
        DeliberationEntity d = em.find(DeliberationEntity.class, deliberationId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.stage != DeliberationStage.VOTING) {
            return false;
        }
        Object closes = em.createNativeQuery("select closes_at from deliberation_vote where deliberation_id = :d")
                .setParameter("d", d.id).getSingleResult();
        if (closes == null || Rows.instant(closes).isAfter(time.now())) {
            return false;
        }
        Transition t = DeliberationTransitions.require(DeliberationAction.CLOSE_VOTING, d.stage);
        close(d);
        flow.move(d, t, "表决截止自动结束 (planned closing time reached)", AuditLog.change("stage", t.to(), "outcome", d.outcome));
        return true;
    }

    // ------------------------------------------------------------------ tally

    Tally tally(long voteId) {
        return queries.tallies(List.of(voteId)).get(voteId);
    }

    /** The caller's current ballot per vote (open votes: the choice; secret ones: only that they voted). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, MyBallot> myBallots(Actor actor, List<Vote> votes) {
        Map<Long, MyBallot> out = new HashMap<>();
        if (actor.memberId() == null || votes.isEmpty()) {
            return out;
        }
        List<Long> ids = new ArrayList<>(votes.stream().map(Vote::dbId).toList());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.vote_id, b.choice, b.project_ids, b.cast_at, b.proxy_member_id is not null, b.voter_member_id = :m, p.unit_id is not null
                from vote_roll r
                left join vote_ballot b on b.vote_id = r.vote_id and b.unit_id = r.unit_id and b.is_current
                left join vote_participation p on p.vote_id = r.vote_id and p.unit_id = r.unit_id
                where r.vote_id in (:ids) and r.member_id = :m
                """).setParameter("ids", ids).setParameter("m", actor.memberId()).getResultList();
        for (Object[] r : rows) {
            boolean openBallot = r[3] != null;
            boolean secretBallot = Boolean.TRUE.equals(r[6]);
            List<String> projects = new ArrayList<>();
            if (r[2] != null) {
                for (Object p : DeliberationQueries.array(r[2])) {
                    projects.add(GlobalId.encode(BudgetService.PROJECT_TYPE, ((Number) p).longValue()));
                }
            }
            out.put(Rows.lng(r[0]), new MyBallot(true, openBallot || secretBallot,
                    r[1] == null ? null : BallotChoice.valueOf((String) r[1]), projects,
                    org.gongzhi.platform.time.Times.local(Rows.instant(r[3])), Boolean.TRUE.equals(r[4]),
                    openBallot && !Boolean.TRUE.equals(r[5])));
        }
        return out;
    }

    @Name("MyBallot")
    @Description("我的选票 (the caller's ballot; for a secret vote only whether they voted)")
    public record MyBallot(
            @NonNull @Description("在选民名册中 (on the roll)") boolean eligible,
            @NonNull @Description("已投票 (voted)") boolean voted,
            @Description("我的意见（无记名时为空）(choice; null for secret ballots)") BallotChoice choice,
            @NonNull @Description("认可的项目（无记名时为空）(approved projects; empty for secret ballots)") List<@NonNull String> projectIds,
            @Description("投票时间（无记名时为空）(cast at; null for secret ballots)") java.time.OffsetDateTime castAt,
            @NonNull @Description("由网格员代投 (cast by a proxy)") boolean byProxy,
            @NonNull @Description("本户由他人投出 (cast by another member of the household)") boolean byHouseholdMember) {
    }
}
