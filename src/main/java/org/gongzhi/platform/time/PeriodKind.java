package org.gongzhi.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The kinds of business periods: calendar units of the business zone, or a custom range of whole days. */
public enum PeriodKind {
    DAY,
    /** An ISO week: Monday to Sunday. */
    WEEK,
    MONTH,
    /** A calendar quarter: January–March, April–June, July–September, October–December. */
    QUARTER,
    YEAR,
    /** Any run of whole days; its previous and next periods have the same length. */
    CUSTOM;

    /** The first day of the period of this kind that contains the day (CUSTOM: the day itself). */
    LocalDate firstDay(LocalDate day) {
        return switch (this) {
            case DAY, CUSTOM -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day after the period of this kind that starts on {@code first} (not for CUSTOM). */
    LocalDate endDay(LocalDate first) {
        return switch (this) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
            case CUSTOM -> throw new IllegalArgumentException("A custom period has no natural length");
        };
    }
}
