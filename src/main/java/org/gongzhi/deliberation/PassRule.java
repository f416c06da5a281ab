package org.gongzhi.deliberation;

import java.math.BigDecimal;

/**
 * Quorum and pass thresholds, in exact integer/decimal arithmetic (no floating point at a 2/3 boundary).
 * <ul>
 * <li>SIMPLE_MAJORITY: more than half of the ballots cast are FOR (abstentions are cast ballots);</li>
 * <li>TWO_THIRDS: at least two thirds of the ballots cast are FOR;</li>
 * <li>OWNERS_DOUBLE_MAJORITY (Civil Code art. 278): owners holding at least 2/3 of the floor area AND at
 * least 2/3 of the owners take part; an ordinary matter passes with more than 1/2 of the participating area
 * AND of the participating owners, a major matter with at least 3/4 of each;</li>
 * <li>APPROVAL (participatory budget): quorum only; the selection decides what is funded.</li>
 * </ul>
 * Quorum for the other rules: participating units reach quorumNumerator/quorumDenominator of the roll.
 */
final class PassRule {

    private PassRule() {
    }

    static boolean quorum(VoteRule rule, int num, int den, Tally t) {
        if (t.eligibleUnits() == 0 || t.participatingUnits() == 0) {
            return false;
        }
        if (rule == VoteRule.OWNERS_DOUBLE_MAJORITY) {
            return atLeast(t.participatingArea(), t.eligibleArea(), 2, 3) && t.participatingUnits() * 3 >= t.eligibleUnits() * 2;
        }
        return t.participatingUnits() * den >= (long) num * t.eligibleUnits();
    }

    static boolean passes(VoteRule rule, boolean major, int num, int den, Tally t) {
        if (!quorum(rule, num, den, t)) {
            return false;
        }
        long cast = t.participatingUnits();
        long yes = t.count(BallotChoice.FOR);
        return switch (rule) {
            case SIMPLE_MAJORITY -> yes * 2 > cast;
            case TWO_THIRDS -> yes * 3 >= cast * 2;
            case OWNERS_DOUBLE_MAJORITY -> major
                    ? atLeast(t.area(BallotChoice.FOR), t.participatingArea(), 3, 4) && yes * 4 >= cast * 3
                    : moreThanHalf(t.area(BallotChoice.FOR), t.participatingArea()) && yes * 2 > cast;
            case APPROVAL -> true;
        };
    }

    /** part >= whole * num / den, exactly. */
    static boolean atLeast(BigDecimal part, BigDecimal whole, int num, int den) {
        return whole.signum() > 0 && part.multiply(BigDecimal.valueOf(den)).compareTo(whole.multiply(BigDecimal.valueOf(num))) >= 0;
    }

    static boolean moreThanHalf(BigDecimal part, BigDecimal whole) {
        return whole.signum() > 0 && part.multiply(BigDecimal.valueOf(2)).compareTo(whole) > 0;
    }
}
