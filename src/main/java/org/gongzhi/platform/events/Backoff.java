package org.gongzhi.platform.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: doubling from {@code first} up to {@code max}, each with up to 20% random jitter so the pods of
 * a deployment do not reconnect in lockstep after a database failover. {@link #reset} after a success.
 */
final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = firstMillis;
    }

    /** The delay before the next attempt (and doubles the one after). */
    Duration next() {
        long base = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        long jitter = (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.min(maxMillis, base + jitter));
    }

    void reset() {
        nextMillis = firstMillis;
    }
}
