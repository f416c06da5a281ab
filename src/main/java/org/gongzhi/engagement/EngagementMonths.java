package org.gongzhi.engagement;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.gongzhi.platform.error.DomainException;

/** The month argument of the engagement reports: YYYY-MM, from 2000 on. */
final class EngagementMonths {

    private EngagementMonths() {
    }

    static YearMonth parse(String month) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", "month is YYYY-MM");
        }
        if (ym.getYear() < 2000 || ym.getYear() > 2999) {
            throw DomainException.invalid("month", "month lies between 2000 and 2999");
        }
        return ym;
    }
}
