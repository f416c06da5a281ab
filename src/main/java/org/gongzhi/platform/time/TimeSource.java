package org.gongzhi.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one clock of the application. Deadlines, SLA checks and timestamps of domain rows read it instead of
 * {@code Instant.now()}, so tests move time forward instead of sleeping. In production the offset stays 0.
 */
@ApplicationScoped
public class TimeSource {

    private final Clock clock = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    /** Now, truncated to microseconds (what PostgreSQL stores), shifted by the test offset. */
    public Instant now() {
        return clock.instant().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves the clock forward (tests only; production code never calls it). */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }
}
