package org.gongzhi.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

/**
 * The business calendar: days, months and periods in the deployment's zone ({@code gongzhi.time.zone}), read off
 * {@link TimeSource}. "Today", "this month", an end date, a compliance or leaderboard month and the bounds SQL
 * filters by all come from here (the rule is in the package documentation).
 */
@Startup
@Singleton
public class BusinessCalendar {

    private final TimeSource time;
    private final ZoneId zone;

    BusinessCalendar(TimeConfig config, TimeSource time) {
        this.time = time;
        this.zone = config.zone();
        Times.use(zone);
    }

    /** The business zone; in SQL {@code at time zone :zone} with {@code zone().getId()}. */
    public ZoneId zone() {
        return zone;
    }

    /** Now, from {@link TimeSource}. */
    public Instant now() {
        return time.now();
    }

    /** Today's business day. */
    public LocalDate today() {
        return dayOf(time.now());
    }

    /** This business month. */
    public YearMonth thisMonth() {
        return monthOf(time.now());
    }

    /** The business day an instant falls on. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The business month an instant falls in. */
    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }

    /** The instant of a wall-clock time on a business day (e.g. an opening hour). */
    public Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** The same wall-clock time a number of business days later (earlier when negative). */
    public Instant plusDays(Instant at, long days) {
        return at.atZone(zone).plusDays(days).toInstant();
    }

    /**
     * The instant a span after another: the span's whole days counted as business days ({@link #plusDays}: 23 or 25
     * hours across a daylight-saving change), the rest as elapsed time. For windows set in days (公示期, 异议期).
     */
    public Instant after(Instant at, Duration span) {
        long days = span.toDays();
        return plusDays(at, days).plus(span.minusDays(days));
    }

    /** One business day as a period. */
    public BusinessPeriod day(LocalDate day) {
        return period(PeriodKind.DAY, day);
    }

    /** One business month as a period. */
    public BusinessPeriod month(YearMonth month) {
        return period(PeriodKind.MONTH, month.atDay(1));
    }

    /** The period of a kind (day, ISO week, month, quarter, year) that contains the day. */
    public BusinessPeriod period(PeriodKind kind, LocalDate containing) {
        if (kind == PeriodKind.CUSTOM) {
            throw new IllegalArgumentException("A custom period is a range(firstDay, endDay)");
        }
        return BusinessPeriod.containing(kind, containing, zone);
    }

    /** The period of a kind that contains today. */
    public BusinessPeriod current(PeriodKind kind) {
        return period(kind, today());
    }

    /** A custom period of whole business days: firstDay inclusive, endDay exclusive. */
    public BusinessPeriod range(LocalDate firstDay, LocalDate endDay) {
        return new BusinessPeriod(PeriodKind.CUSTOM, firstDay, endDay, zone);
    }
}
