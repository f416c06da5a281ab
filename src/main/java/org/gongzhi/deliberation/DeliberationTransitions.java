package org.gongzhi.deliberation;

import static org.gongzhi.deliberation.DeliberationPerformer.*;
import static org.gongzhi.deliberation.DeliberationStage.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.platform.error.DomainException;

/**
 * The deliberation stage machine as data: every allowed step, the stages it may start from, where it leads
 * and who may perform it. The service consults it before every change; tests enumerate it (also through the
 * {@code deliberationTransitions} query). Guards that depend on more than the stage (publicity window over,
 * objections answered, tasks finished, the earlier 四议 steps passed) are checked by the service after it.
 */
public final class DeliberationTransitions {

    /** One row of the table. {@code from} is empty for the step that creates a deliberation. */
    public record Transition(DeliberationAction action, Set<DeliberationStage> from, DeliberationStage to,
            Set<DeliberationPerformer> performers) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(DeliberationAction.PROPOSE, Set.of(), PROPOSED, EnumSet.of(MEMBER_IN_SCOPE, ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.OPEN_CONSULTATION, EnumSet.of(PROPOSED), CONSULTING, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.OPEN_VOTING, EnumSet.of(CONSULTING), VOTING, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.CLOSE_VOTING, EnumSet.of(VOTING), DECIDED, EnumSet.of(ADMIN_IN_SCOPE, SYSTEM)),
            new Transition(DeliberationAction.PUBLICIZE, EnumSet.of(DECIDED), PUBLICIZED, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.START_IMPLEMENTATION, EnumSet.of(PUBLICIZED), IMPLEMENTING, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.COMPLETE, EnumSet.of(IMPLEMENTING), COMPLETED, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.ARCHIVE, EnumSet.of(DECIDED, COMPLETED), ARCHIVED, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.WITHDRAW, EnumSet.of(PROPOSED, CONSULTING), WITHDRAWN, EnumSet.of(PROPOSER, ADMIN_IN_SCOPE)),
            new Transition(DeliberationAction.REFER, EnumSet.of(PROPOSED, CONSULTING), REFERRED, EnumSet.of(ADMIN_IN_SCOPE)));

    private DeliberationTransitions() {
    }

    public static Transition of(DeliberationAction action) {
        return TABLE.stream().filter(t -> t.action() == action).findFirst().orElseThrow();
    }

    public static Optional<Transition> allowed(DeliberationAction action, DeliberationStage from) {
        Transition t = of(action);
        return t.from().contains(from) ? Optional.of(t) : Optional.empty();
    }

    /** The transition, or INVALID_TRANSITION when the deliberation's stage does not allow the step. */
    static Transition require(DeliberationAction action, DeliberationStage from) {
        return allowed(action, from).orElseThrow(() -> DomainException.invalidTransition(
                "Cannot " + action.name().toLowerCase().replace('_', ' ') + " a deliberation that is " + from
                        + " (" + action.label() + "不适用于" + from.label() + "阶段)"));
    }
}
