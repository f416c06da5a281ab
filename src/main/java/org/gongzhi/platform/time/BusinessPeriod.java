package org.gongzhi.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A period of the business calendar: the business days {@code firstDay} (inclusive) to {@code endDay} (exclusive),
 * which are the instants {@code [start(), end())}. SQL filters a timestamptz column with {@code at >= :start and
 * at < :end} and a date column with {@code day >= :firstDay and day < :endDay}. Made by {@link BusinessCalendar}.
 */
public record BusinessPeriod(PeriodKind kind, LocalDate firstDay, LocalDate endDay, ZoneId zone) {

    public BusinessPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        if (firstDay == null || endDay == null || !firstDay.isBefore(endDay)) {
            throw new IllegalArgumentException("A period runs from a first day to a later end day: " + firstDay + ".." + endDay);
        }
    }

    /** The period of this kind that contains the day (kind not CUSTOM). */
    static BusinessPeriod containing(PeriodKind kind, LocalDate day, ZoneId zone) {
        LocalDate first = kind.firstDay(day);
        return new BusinessPeriod(kind, first, kind.endDay(first), zone);
    }

    /** The first instant of the period: the start of its first day in the business zone. */
    public Instant start() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive). */
    public Instant end() {
        return endDay.atStartOfDay(zone).toInstant();
    }

    /** The last day of the period (inclusive), for {@code between :firstDay and :lastDay}. */
    public LocalDate lastDay() {
        return endDay.minusDays(1);
    }

    public long days() {
        return ChronoUnit.DAYS.between(firstDay, endDay);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && day.isBefore(endDay);
    }

    /** The period of the same kind just before this one (a custom range: the same number of days before). */
    public BusinessPeriod previous() {
        return kind == PeriodKind.CUSTOM
                ? new BusinessPeriod(kind, firstDay.minusDays(days()), firstDay, zone)
                : containing(kind, firstDay.minusDays(1), zone);
    }

    /** The period of the same kind just after this one. */
    public BusinessPeriod next() {
        return kind == PeriodKind.CUSTOM
                ? new BusinessPeriod(kind, endDay, endDay.plusDays(days()), zone)
                : containing(kind, endDay, zone);
    }
}
