package org.gongzhi.resource;

import static org.gongzhi.resource.AgreementStatus.*;

import java.util.List;

import org.gongzhi.platform.error.DomainException;

/**
 * The agreement lifecycle as data: 商约 NEGOTIATING → 签约 SIGNED → 履约 PERFORMING → 评约 EVALUATED. The three lists
 * are negotiated (items added) only while NEGOTIATING; deliveries are recorded while PERFORMING; signing puts the
 * committed resources into the pool.
 */
public final class AgreementTransitions {

    /** One row of the table. */
    public record Transition(AgreementAction action, AgreementStatus from, AgreementStatus to) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(AgreementAction.SIGN, NEGOTIATING, SIGNED),
            new Transition(AgreementAction.PERFORM, SIGNED, PERFORMING),
            new Transition(AgreementAction.EVALUATE, PERFORMING, EVALUATED));

    private AgreementTransitions() {
    }

    static AgreementStatus require(AgreementAction action, AgreementStatus from) {
        return TABLE.stream().filter(t -> t.action() == action && t.from() == from).map(Transition::to).findFirst()
                .orElseThrow(() -> DomainException.invalidTransition("Cannot " + action.name().toLowerCase() + " an agreement that is "
                        + from + " (" + action.label() + "不适用于" + from.label() + "状态)"));
    }

    /** INVALID_TRANSITION unless the agreement is in {@code required} (e.g. items are added only while negotiating). */
    static void requireStatus(AgreementStatus actual, AgreementStatus required, String what) {
        if (actual != required) {
            throw DomainException.invalidTransition(what + " only while " + required + " (" + required.label() + "); the agreement is "
                    + actual + " (" + actual.label() + ")");
        }
    }
}
