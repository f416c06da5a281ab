package org.gongzhi.need;

import static org.gongzhi.need.NeedPerformer.*;
import static org.gongzhi.need.NeedStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.platform.error.DomainException;

/**
 * The need lifecycle as data: every allowed step, the statuses it may start from, where it leads and who
 * may perform it. Services consult it before every change; tests enumerate it.
 */
public final class NeedTransitions {

    /** One row of the table. {@code from} is empty for the step that creates a need. */
    public record Transition(NeedAction action, Set<NeedStatus> from, NeedStatus to, Set<NeedPerformer> performers) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(NeedAction.SUBMIT, Set.of(), SUBMITTED, EnumSet.of(REQUESTER, ADMIN_IN_SCOPE)),
            new Transition(NeedAction.ACCEPT, EnumSet.of(SUBMITTED), ACCEPTED, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(NeedAction.REJECT, EnumSet.of(SUBMITTED, ACCEPTED, ESCALATED), REJECTED, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(NeedAction.ASSIGN, EnumSet.of(ACCEPTED, ASSIGNED), ASSIGNED, EnumSet.of(ADMIN_IN_SCOPE)),
            new Transition(NeedAction.CLAIM, EnumSet.of(ACCEPTED), CLAIMED, EnumSet.of(CLAIMANT)),
            new Transition(NeedAction.START, EnumSet.of(ASSIGNED, CLAIMED), IN_PROGRESS, EnumSet.of(HANDLER, ADMIN_IN_SCOPE)),
            new Transition(NeedAction.RESOLVE, EnumSet.of(IN_PROGRESS), RESOLVED, EnumSet.of(HANDLER, ADMIN_IN_SCOPE)),
            new Transition(NeedAction.RATE, EnumSet.of(RESOLVED), RATED, EnumSet.of(REQUESTER)),
            new Transition(NeedAction.REOPEN, EnumSet.of(RESOLVED, RATED), IN_PROGRESS, EnumSet.of(REQUESTER)),
            new Transition(NeedAction.CLOSE, EnumSet.of(RESOLVED, RATED), CLOSED, EnumSet.of(ADMIN_IN_SCOPE, SYSTEM)),
            new Transition(NeedAction.CANCEL, EnumSet.of(SUBMITTED, ACCEPTED, ESCALATED, ASSIGNED, CLAIMED), CANCELLED,
                    EnumSet.of(REQUESTER)),
            new Transition(NeedAction.ESCALATE, EnumSet.of(SUBMITTED, ACCEPTED, ESCALATED, ASSIGNED, CLAIMED, IN_PROGRESS),
                    ESCALATED, EnumSet.of(ADMIN_IN_SCOPE, SYSTEM)),
            new Transition(NeedAction.ACKNOWLEDGE, EnumSet.of(ESCALATED), ACCEPTED, EnumSet.of(ESCALATION_TARGET)),
            new Transition(NeedAction.MARK_DUPLICATE, EnumSet.of(SUBMITTED, ACCEPTED), CLOSED, EnumSet.of(ADMIN_IN_SCOPE)));

    private NeedTransitions() {
    }

    public static Transition of(NeedAction action) {
        return TABLE.stream().filter(t -> t.action() == action).findFirst().orElseThrow();
    }

    public static Optional<Transition> allowed(NeedAction action, NeedStatus from) {
        Transition t = of(action);
        return t.from().contains(from) ? Optional.of(t) : Optional.empty();
    }

    /** The transition, or INVALID_TRANSITION when the need's status does not allow the step. */
    static Transition require(NeedAction action, NeedStatus from) {
        return allowed(action, from).orElseThrow(() -> DomainException.invalidTransition(
                "Cannot " + action.name().toLowerCase().replace('_', ' ') + " a need that is " + from
                        + " (" + action.label() + "不适用于" + from.label() + "状态)"));
    }
}
