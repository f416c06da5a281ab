package org.gongzhi.deliberation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * 四议两公开: the four steps in order. Steps 1-3 (party branch proposal, two committees' consultation, party
 * members' meeting review) run while the deliberation is CONSULTING and are recorded by the scope's
 * administrators with attendance and votes; step 4 (the residents' representatives' meeting resolution) IS the
 * deliberation's vote: opening the vote starts it, closing the vote concludes it from the tally. FourStepOrder:
 * a step starts only after the previous one passed. A step passes with more than half of the eligible
 * present and more than half of those present in favour.
 */
@ApplicationScoped
@Transactional
public class FourStepService {

    private final EntityManager em;
    private final DeliberationWorkflow flow;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final DeliberationQueries queries;
    private final VoteRolls rolls;

    FourStepService(EntityManager em, DeliberationWorkflow flow, Idempotency idempotency, TimeSource time,
            DeliberationQueries queries, VoteRolls rolls) {
        this.em = em;
        this.flow = flow;
        this.idempotency = idempotency;
        this.time = time;
        this.queries = queries;
        this.rolls = rolls;
    }

    @Name("StartFourDeliberationStepInput")
    @Description("开始四议中的某一步（须前一步已通过）(start one of steps 1-3; the previous one must have passed)")
    public record StartStepInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("步骤 (the step)") FourStepKind step,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("ConcludeFourDeliberationStepInput")
    @Description("记录四议步骤的到会与表决结果 (record attendance and votes of steps 1-3)")
    public record ConcludeStepInput(
            @NonNull @Id @Description("议事 (the deliberation)") String deliberationId,
            @NonNull @Description("步骤 (the step)") FourStepKind step,
            @Description("应到人数（党员大会按名册自动计算）(eligible; computed from the roll for the party members' meeting)") Integer eligibleCount,
            @NonNull @Description("实到人数 (attended)") int attendedCount,
            @NonNull @Description("赞成 (for)") int forCount,
            @NonNull @Description("反对 (against)") int againstCount,
            @NonNull @Description("弃权 (abstain)") int abstainCount,
            @Description("会议纪要 (minutes)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    void create(DeliberationEntity d) {
        FourStepKind[] kinds = FourStepKind.values();
        for (int i = 0; i < kinds.length; i++) {
            em.createNativeQuery("""
                    insert into deliberation_step (deliberation_id, seq, kind, body_org_id, status) values (:d, :s, :k, :b, 'PENDING')
                    """).setParameter("d", d.id).setParameter("s", i + 1).setParameter("k", kinds[i].name())
                    .setParameter("b", d.scopeOrgId).executeUpdate();
        }
    }

    public DeliberationInputs.DeliberationPayload start(StartStepInput input) {
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        FourStepKind step = requireStep(input.step());
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "startFourDeliberationStep", input, () -> {
            DeliberationEntity d = prepared(id);
            if (d.stage != DeliberationStage.CONSULTING) {
                throw DomainException.invalidTransition("Steps 1-3 of 四议两公开 run while the deliberation is CONSULTING, not " + d.stage);
            }
            int seq = step.ordinal() + 1;
            requirePreviousPassed(d, seq);
            Integer eligible = step == FourStepKind.PARTY_MEMBERS_REVIEW
                    ? (int) rolls.count(d.tenantId, d.scopePath, VoteEligibility.PARTY_MEMBERS) : null;
            int updated = em.createNativeQuery("""
                    update deliberation_step set status = 'IN_PROGRESS', started_at = :now, concluded_at = null, eligible_count = :e,
                           attended_count = null, for_count = null, against_count = null, abstain_count = null
                    where deliberation_id = :d and seq = :s and status in ('PENDING', 'FAILED')
                    """).setParameter("now", time.now()).setParameter("e", eligible).setParameter("d", d.id).setParameter("s", seq)
                    .executeUpdate();
            if (updated == 0) {
                throw DomainException.invalidTransition("The step " + step.label() + " has already started or passed");
            }
            flow.event(d, "STEP_STARTED", d.stage, d.stage, step.label());
            flow.audit(d, "deliberation.step.start", "Deliberation", d.id, AuditLog.change("step", step));
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    public DeliberationInputs.DeliberationPayload conclude(ConcludeStepInput input) {
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        FourStepKind step = requireStep(input.step());
        String note = Inputs.optionalText(input.note(), "note", DeliberationService.MAX_NOTE);
        if (input.attendedCount() < 0 || input.forCount() < 0 || input.againstCount() < 0 || input.abstainCount() < 0) {
            throw DomainException.invalid("attendedCount", "Counts are not negative");
        }
        if (input.forCount() + input.againstCount() + input.abstainCount() > input.attendedCount()) {
            throw DomainException.invalid("forCount", "For, against and abstain add up to at most the attendance");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "concludeFourDeliberationStep", input, () -> {
            DeliberationEntity d = prepared(id);
            int seq = step.ordinal() + 1;
            Object[] row = (Object[]) em.createNativeQuery(
                    "select status, eligible_count from deliberation_step where deliberation_id = :d and seq = :s for update")
                    .setParameter("d", d.id).setParameter("s", seq).getSingleResult();
            if (!DeliberationStepStatus.IN_PROGRESS.name().equals(row[0])) {
                throw DomainException.invalidTransition("The step " + step.label() + " is not in progress");
            }
            int eligible = row[1] != null ? ((Number) row[1]).intValue() : requireEligible(input.eligibleCount());
            if (input.attendedCount() > eligible) {
                throw DomainException.invalid("attendedCount", "More attended than were eligible (" + eligible + ")");
            }
            boolean passed = passes(eligible, input.attendedCount(), input.forCount());
            conclude(d, seq, eligible, input.attendedCount(), input.forCount(), input.againstCount(), input.abstainCount(), note, passed);
            return d.id;
        });
        return new DeliberationInputs.DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }

    /** FourStepQuorum: more than half of the eligible attend, and more than half of those attending are for. */
    static boolean passes(long eligible, long attended, long forCount) {
        return eligible > 0 && attended * 2 > eligible && forCount * 2 > attended;
    }

    private void conclude(DeliberationEntity d, int seq, int eligible, int attended, int forCount, int against, int abstain,
            String note, boolean passed) {
        em.createNativeQuery("""
                update deliberation_step set status = :st, eligible_count = :e, attended_count = :a, for_count = :f,
                       against_count = :ag, abstain_count = :ab, note = coalesce(:note, note), concluded_at = :now
                where deliberation_id = :d and seq = :s
                """).setParameter("st", passed ? "PASSED" : "FAILED").setParameter("e", eligible).setParameter("a", attended)
                .setParameter("f", forCount).setParameter("ag", against).setParameter("ab", abstain).setParameter("note", note)
                .setParameter("now", time.now()).setParameter("d", d.id).setParameter("s", seq).executeUpdate();
        FourStepKind kind = FourStepKind.values()[seq - 1];
        flow.event(d, passed ? "STEP_PASSED" : "STEP_FAILED", d.stage, d.stage, kind.label());
        flow.audit(d, "deliberation.step.conclude", "Deliberation", d.id, AuditLog.change("step", kind, "passed", passed,
                "eligible", eligible, "attended", attended, "for", forCount, "against", against, "abstain", abstain));
    }

    /** Before the representatives' meeting votes: steps 1-3 passed (FourStepOrder). Starts step 4. */
    void startResolution(DeliberationEntity d, long eligible) {
        requirePreviousPassed(d, 4);
        em.createNativeQuery("""
                update deliberation_step set status = 'IN_PROGRESS', started_at = :now, eligible_count = :e
                where deliberation_id = :d and seq = 4
                """).setParameter("now", time.now()).setParameter("e", eligible).setParameter("d", d.id).executeUpdate();
    }

    /** The vote closed: step 4 concludes with the ballots as its attendance and votes. */
    void concludeResolution(DeliberationEntity d, Tally tally, boolean passed) {
        conclude(d, 4, (int) tally.eligibleUnits(), (int) tally.participatingUnits(), (int) tally.count(BallotChoice.FOR),
                (int) tally.count(BallotChoice.AGAINST), (int) tally.count(BallotChoice.ABSTAIN), null, passed);
    }

    private void requirePreviousPassed(DeliberationEntity d, int seq) {
        if (seq == 1) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> prev = em.createNativeQuery("select status from deliberation_step where deliberation_id = :d and seq = :s")
                .setParameter("d", d.id).setParameter("s", seq - 1).getResultList();
        if (prev.isEmpty() || !DeliberationStepStatus.PASSED.name().equals(prev.get(0))) {
            throw DomainException.invalidTransition("四议两公开 runs in order: " + FourStepKind.values()[seq - 2].label()
                    + " must pass before " + FourStepKind.values()[seq - 1].label());
        }
    }

    private DeliberationEntity prepared(long id) {
        DeliberationEntity d = flow.locked(id);
        DeliberationAccess.requireAdmin(flow.actor(), d, "run the steps of 四议两公开");
        if (d.kind != DeliberationKind.FOUR_DELIBERATIONS) {
            throw DomainException.invalid("deliberationId", "Only a FOUR_DELIBERATIONS deliberation has the four steps");
        }
        return d;
    }

    private static FourStepKind requireStep(FourStepKind step) {
        if (step == null) {
            throw DomainException.invalid("step", "step is required");
        }
        if (step == FourStepKind.REPRESENTATIVES_RESOLUTION) {
            throw DomainException.invalid("step", "The representatives' resolution is the vote: use openDeliberationVoting and castVote");
        }
        return step;
    }

    private static int requireEligible(Integer eligible) {
        if (eligible == null || eligible < 1 || eligible > 100_000) {
            throw DomainException.invalid("eligibleCount", "Say how many were eligible to attend (1..100000)");
        }
        return eligible;
    }
}
