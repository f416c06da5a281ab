package org.gongzhi.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.error.ErrorCode;
import org.gongzhi.platform.time.TimeSource;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;

/**
 * Domain events across pods through PostgreSQL LISTEN/NOTIFY. {@link #publish} runs {@code pg_notify} inside the
 * writing transaction, so an event is delivered only when (and if) that transaction commits, to every pod.
 * <p>
 * Each pod keeps one LISTEN connection, borrowed from the application's datasource pool so it has the pool's URL,
 * credentials and TLS settings (it occupies one connection of {@code quarkus.datasource.jdbc.max-size} for the life
 * of the pod). A background thread polls it for notifications. When the connection is lost it reconnects with
 * back-off, LISTENs again and sends every current subscriber a {@link ChannelEvent.Resync}: notifications sent while
 * it was down are gone, and subscribers must say so to their clients instead of showing stale state. The bus is part
 * of readiness ({@link EventBusReadiness}).
 * <p>
 * On shutdown every subscription ends with an {@link ErrorCode#UNAVAILABLE} error, so clients reconnect (to another
 * pod) and resubscribe; new subscriptions are refused from then on.
 * <p>
 * Payloads are small texts (PostgreSQL caps them just under 8000 bytes): ids and a status, not documents.
 */
@ApplicationScoped
public class PgEventBus {

    private static final Logger LOG = Logger.getLogger(PgEventBus.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    public static final int MAX_PAYLOAD_BYTES = 7900;
    static final int SUBSCRIBER_BUFFER = 1024;
    static final String SHUTDOWN_MESSAGE = "This server is shutting down: reconnect (another server takes over), "
            + "subscribe again and refetch (服务器正在停机，请重新连接并重新订阅)";

    private final EntityManager em;
    private final DataSource dataSource;
    private final TimeSource time;
    private final Duration pollInterval;
    private final Duration reconnectFirst;
    private final Duration reconnectMax;
    private final Map<String, SerializedProcessor<ChannelEvent, ChannelEvent>> processors = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final Queue<String> toListen = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile boolean stopping;
    private volatile Instant connectedSince;
    private volatile String lastProblem;
    private volatile long reconnects;
    private Thread thread;

    PgEventBus(EntityManager em, DataSource dataSource, TimeSource time,
            @ConfigProperty(name = "gongzhi.events.poll-interval", defaultValue = "250ms") Duration pollInterval,
            @ConfigProperty(name = "gongzhi.events.reconnect-first", defaultValue = "250ms") Duration reconnectFirst,
            @ConfigProperty(name = "gongzhi.events.reconnect-max", defaultValue = "15s") Duration reconnectMax) {
        this.em = em;
        this.dataSource = dataSource;
        this.time = time;
        this.pollInterval = pollInterval;
        this.reconnectFirst = reconnectFirst;
        this.reconnectMax = reconnectMax;
    }

    /** Sends {@code payload} on {@code channel} when the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String channel, String payload) {
        checkChannel(channel);
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("Event payload too large for NOTIFY: send ids, not documents");
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, payload);
                ps.executeQuery().close();
            }
        });
    }

    /**
     * The events of {@code channel} from now on (hot stream; nothing is replayed, a {@link ChannelEvent.Resync} says
     * when something may have been missed). Starts listening on the channel if this pod did not yet; call
     * {@link #listen} at startup to be sure no early event is missed. Fails with {@link ErrorCode#UNAVAILABLE} once
     * the pod is shutting down.
     */
    public Multi<ChannelEvent> subscribe(String channel) {
        if (stopping) {
            return Multi.createFrom().failure(shuttingDown());
        }
        listen(channel);
        // The broadcast fails a subscriber that has no demand when an event arrives; a subscriber that maps events
        // asynchronously (a RESYNC that reads the database) would lose its stream to a burst without the buffer.
        return Multi.createFrom().publisher(processor(channel)).onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    /** Makes this pod LISTEN on {@code channel} (asynchronously; idempotent). */
    public void listen(String channel) {
        checkChannel(channel);
        processor(channel);
        if (listening.add(channel)) {
            toListen.add(channel);
        }
        start();
    }

    /** True while the LISTEN connection is up and listens on every requested channel. */
    public boolean isConnected() {
        return connectedSince != null && toListen.isEmpty();
    }

    /** For readiness: since when the connection is up (null when down), the last problem, how often it reconnected. */
    public Status status() {
        return new Status(connectedSince, lastProblem, reconnects, Set.copyOf(listening));
    }

    public record Status(Instant connectedSince, String lastProblem, long reconnects, Set<String> channels) {
    }

    /**
     * Ends every current subscription of every channel with {@code error} (clients receive it as a GraphQL error,
     * then the subscription completes). Later subscriptions work again unless the pod is shutting down.
     */
    public void endSubscriptions(DomainException error) {
        for (String channel : processors.keySet()) {
            SerializedProcessor<ChannelEvent, ChannelEvent> old = processors.get(channel);
            if (old != null && processors.replace(channel, old, newProcessor())) {
                old.onError(error);
            }
        }
    }

    /**
     * Graceful shutdown, first step (Kubernetes already stopped routing new connections here): tell subscribers to
     * move to another pod while this one still answers. With the shutdown delay on, this runs when the delay starts.
     */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        drainSubscriptions();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        drainSubscriptions();
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void drainSubscriptions() {
        if (!stopping) {
            stopping = true;
            LOG.info("Shutting down: ending live subscriptions so clients resubscribe elsewhere");
            endSubscriptions(shuttingDown());
        }
    }

    private static DomainException shuttingDown() {
        return new DomainException(ErrorCode.UNAVAILABLE, SHUTDOWN_MESSAGE);
    }

    private SerializedProcessor<ChannelEvent, ChannelEvent> processor(String channel) {
        return processors.computeIfAbsent(channel, c -> newProcessor());
    }

    private static SerializedProcessor<ChannelEvent, ChannelEvent> newProcessor() {
        return BroadcastProcessor.<ChannelEvent>create().serialized();
    }

    private synchronized void start() {
        if (running || stopping) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "pg-event-bus");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        Backoff backoff = new Backoff(reconnectFirst, reconnectMax);
        boolean everConnected = false;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                toListen.clear();
                for (String channel : listening) {
                    listenOn(c, channel);
                }
                connectedSince = time.now();
                backoff.reset();
                if (everConnected) {
                    reconnects++;
                    LOG.infof("Event bus reconnected; telling subscribers to resynchronise (%s)", lastProblem);
                }
                everConnected = true;
                emitToAll(new ChannelEvent.Resync(connectedSince));
                poll(c, pg);
            } catch (SQLException | RuntimeException e) {
                connectedSince = null;
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (running) {
                    Duration wait = backoff.next();
                    LOG.warnf("Event bus connection lost or refused (%s); retrying in %d ms", e.getMessage(), wait.toMillis());
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        connectedSince = null;
    }

    private void poll(Connection c, PGConnection pg) throws SQLException {
        int waitMillis = (int) pollInterval.toMillis();
        while (running) {
            String next;
            while ((next = toListen.peek()) != null) {
                listenOn(c, next);
                toListen.remove(next);
            }
            // blocks up to waitMillis; throws when the backend is gone
            PGNotification[] notifications = pg.getNotifications(waitMillis);
            if (notifications == null) {
                continue;
            }
            for (PGNotification n : notifications) {
                SerializedProcessor<ChannelEvent, ChannelEvent> p = processors.get(n.getName());
                if (p != null) {
                    emit(n.getName(), p, new ChannelEvent.Notification(n.getParameter()));
                }
            }
        }
    }

    private void emitToAll(ChannelEvent event) {
        processors.forEach((channel, p) -> emit(channel, p, event));
    }

    private static void emit(String channel, SerializedProcessor<ChannelEvent, ChannelEvent> p, ChannelEvent event) {
        try {
            p.onNext(event);
        } catch (RuntimeException e) {
            LOG.warnf("A subscriber of %s failed: %s", channel, e.getMessage());
        }
    }

    private static void listenOn(Connection c, String channel) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + channel); // channel names are checked against CHANNEL: no injection
        }
    }

    private static void checkChannel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Channel names are lower-case identifiers: " + channel);
        }
    }
}
