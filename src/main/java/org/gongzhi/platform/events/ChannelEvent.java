package org.gongzhi.platform.events;

import java.time.Instant;

/** What a subscriber of a {@link PgEventBus} channel receives. */
public sealed interface ChannelEvent {

    /** One NOTIFY payload, delivered after the publishing transaction committed. */
    record Notification(String payload) implements ChannelEvent {
    }

    /**
     * The LISTEN connection was (re-)established at {@code at}: notifications sent while it was down are lost, so a
     * subscriber must tell its client to refetch. Every current subscriber of every channel receives one.
     */
    record Resync(Instant at) implements ChannelEvent {
    }
}
