package org.gongzhi.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one clock of the application, in Java and in SQL alike (see the package documentation). Deadlines, SLA
 * checks and timestamps of domain rows read it instead of {@code Instant.now()}, and SQL receives its value as a
 * parameter instead of calling {@code now()}, so tests move or pin time instead of sleeping. In production it is
 * the system clock: {@link #advance}, {@link #pin} and {@link #reset} are for tests only.
 */
@ApplicationScoped
public class TimeSource {

    private final Clock clock = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant pinned;

    /** Now, truncated to microseconds (what PostgreSQL stores): the pinned instant, or the system clock shifted by the test offset. */
    public Instant now() {
        Instant p = pinned;
        return (p != null ? p : clock.instant().plus(offset)).truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves the clock forward (tests only; production code never calls it). A pinned clock stays pinned, later. */
    public synchronized void advance(Duration by) {
        if (pinned != null) {
            pinned = pinned.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Stops the clock at an instant until {@link #advance} or {@link #reset} (tests only; production code never calls it). */
    public synchronized void pin(Instant at) {
        pinned = at;
    }

    /** Back to the real time. */
    public synchronized void reset() {
        pinned = null;
        offset = Duration.ZERO;
    }
}
