/**
 * Time and the business calendar — the one rule, stated here once.
 *
 * <ol>
 * <li><b>One clock.</b> {@link org.gongzhi.platform.time.TimeSource} is the only source of "now", in Java and in
 * SQL. Java never calls {@code Instant.now()}, {@code LocalDate.now()} and the like; SQL never reads the database
 * clock ({@code now()}, {@code current_date}, {@code current_timestamp}, {@code localtimestamp}): it gets
 * {@code :now}, {@code :today} or period bounds as parameters, and every row the application writes carries its
 * timestamps and dates explicitly (column defaults are not relied on). Tests move or pin the clock and SQL follows.</li>
 * <li><b>One zone.</b> Days and months — today, an end date, this month, a compliance or leaderboard month, an SLA
 * or publicity window counted in days, a period of an indicator — are those of the deployment's zone,
 * {@code gongzhi.time.zone} (env {@code GONGZHI_TIME_ZONE}, default {@code Asia/Shanghai}), read only by
 * {@link org.gongzhi.platform.time.BusinessCalendar}. Instants are stored as {@code timestamptz} and sent to clients
 * with the zone's offset ({@link org.gongzhi.platform.time.Times#local}).</li>
 * <li><b>No other zone matters.</b> Neither the JVM's default zone nor the database session's {@code TimeZone}
 * may change a result. In SQL a {@code timestamptz} becomes a day only as {@code (at at time zone :zone)::date},
 * and a period is filtered by instant bounds from a {@link org.gongzhi.platform.time.BusinessPeriod}
 * ({@code at >= :start and at < :end}); never {@code at::date}, {@code date_trunc(..)} or {@code extract(..)} on a
 * {@code timestamptz} in the session's zone. Interval arithmetic on instants uses hours, not days.</li>
 * </ol>
 *
 * The test suite runs the JVM in {@code America/Los_Angeles} and the database sessions in {@code Pacific/Kiritimati}
 * (on either side of Beijing), and {@code ClockReadsGuardTest} fails on a new direct clock read in {@code src/main};
 * so a result that depends on anything but this calendar shows up.
 */
package org.gongzhi.platform.time;
