package org.gongzhi.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Domain events across pods through PostgreSQL LISTEN/NOTIFY. {@link #publish} runs {@code pg_notify} inside
 * the writing transaction, so an event is delivered only when (and if) that transaction commits, to every
 * pod. Each pod keeps one dedicated connection that LISTENs on the channels its subscribers asked for and
 * polls for notifications on a background thread; it reconnects (and re-LISTENs) when the database drops it.
 * Payloads are small texts (PostgreSQL caps them just under 8000 bytes): ids and a status, not documents.
 */
@ApplicationScoped
public class PgEventBus {

    private static final Logger LOG = Logger.getLogger(PgEventBus.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    public static final int MAX_PAYLOAD_BYTES = 7900;

    private final EntityManager em;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, BroadcastProcessor<String>> processors = new ConcurrentHashMap<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final Queue<String> toListen = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile boolean connected;
    private Thread thread;

    PgEventBus(EntityManager em, @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.em = em;
        this.url = url.orElse("");
        this.user = user.orElse("");
        this.password = password.orElse("");
    }

    /** Sends {@code payload} on {@code channel} when the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String channel, String payload) {
        checkChannel(channel);
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
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
     * The events of {@code channel} from now on (hot stream; nothing is replayed). Starts listening on the
     * channel if this pod did not yet; call {@link #listen} at startup to be sure no early event is missed.
     */
    public Multi<String> subscribe(String channel) {
        listen(channel);
        return processor(channel);
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

    /** True once the listening connection is up (for readiness and tests). */
    public boolean isListening(String channel) {
        return connected && listening.contains(channel) && !toListen.contains(channel);
    }

    private BroadcastProcessor<String> processor(String channel) {
        return processors.computeIfAbsent(channel, c -> BroadcastProcessor.create());
    }

    private synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "pg-event-bus");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.setAutoCommit(true);
                toListen.clear();
                for (String channel : listening) {
                    listenOn(c, channel);
                }
                connected = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    String next;
                    while ((next = toListen.peek()) != null) {
                        listenOn(c, next);
                        toListen.remove(next);
                    }
                    PGNotification[] notifications = pg.getNotifications(250);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            BroadcastProcessor<String> p = processors.get(n.getName());
                            if (p != null) {
                                try {
                                    p.onNext(n.getParameter());
                                } catch (RuntimeException e) {
                                    LOG.warnf("A subscriber of %s failed: %s", n.getName(), e.getMessage());
                                }
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                connected = false;
                if (running) {
                    LOG.warnf("Event bus connection lost (%s); reconnecting", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        connected = false;
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
