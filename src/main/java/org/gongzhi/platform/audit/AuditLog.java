package org.gongzhi.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;

/**
 * The append-only, hash-chained audit log. Each entry carries the hash of the previous entry of the same
 * chain (one chain per community, keyed by the community id, or the street id for street-level records);
 * the chain head row is locked while appending, so only writes of the same community wait for each other.
 * Runs inside the caller's transaction: an audited write and its entry commit or roll back together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final TimeSource time;

    AuditLog(EntityManager em, CurrentActor currentActor, TimeSource time) {
        this.em = em;
        this.currentActor = currentActor;
        this.time = time;
    }

    /** One event to record: what happened to which entity, with the change as key/value pairs. */
    public record AuditEvent(long chainKey, String action, String entityType, Long entityId, Map<String, ?> change) {
    }

    public void record(long chainKey, String action, String entityType, Long entityId, Map<String, ?> change) {
        recordAll(List.of(new AuditEvent(chainKey, action, entityType, entityId, change)));
    }

    /** Records several events (e.g. the unmasked reads of one list) with one lock per chain. */
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Actor actor = currentActor.get();
        String subject = actor.isAnonymous() ? "anonymous" : actor.subject();
        Instant at = time.now();
        Map<Long, List<AuditEvent>> byChain = events.stream()
                .collect(Collectors.groupingBy(AuditEvent::chainKey, TreeMap::new, Collectors.toList()));
        // TreeMap order: chains are always locked in ascending key order, so two writers never deadlock.
        byChain.forEach((chainKey, chainEvents) -> append(chainKey, chainEvents, subject, actor.memberId(), at));
    }

    private void append(long chainKey, List<AuditEvent> events, String subject, Long memberId, Instant at) {
        em.createNativeQuery("insert into audit_chain (chain_key, last_seq, last_hash) values (:k, 0, :g) on conflict do nothing")
                .setParameter("k", chainKey).setParameter("g", GENESIS).executeUpdate();
        Object[] head = (Object[]) em.createNativeQuery(
                "select last_seq, last_hash from audit_chain where chain_key = :k for update")
                .setParameter("k", chainKey).getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String prev = (String) head[1];
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        for (AuditEvent e : events) {
            seq++;
            String digest = digest(e.change());
            String hash = AuditHash.of(chainKey, seq, micros, subject, memberId, e.action(), e.entityType(), e.entityId(),
                    digest, prev);
            em.createNativeQuery("""
                    insert into audit_entry (chain_key, seq, at, actor_subject, actor_member_id, action, entity_type,
                                             entity_id, digest, prev_hash, hash)
                    values (:k, :seq, :at, :subject, :member, :action, :type, :entity, :digest, :prev, :hash)
                    """)
                    .setParameter("k", chainKey).setParameter("seq", seq).setParameter("at", at)
                    .setParameter("subject", subject).setParameter("member", memberId)
                    .setParameter("action", e.action()).setParameter("type", e.entityType())
                    .setParameter("entity", e.entityId()).setParameter("digest", digest)
                    .setParameter("prev", prev).setParameter("hash", hash)
                    .executeUpdate();
            prev = hash;
        }
        em.createNativeQuery("update audit_chain set last_seq = :seq, last_hash = :h where chain_key = :k")
                .setParameter("seq", seq).setParameter("h", prev).setParameter("k", chainKey).executeUpdate();
    }

    /** SHA-256 of the change with keys sorted, so the same change always gives the same digest. */
    static String digest(Map<String, ?> change) {
        Map<String, Object> sorted = new TreeMap<>();
        if (change != null) {
            change.forEach((k, v) -> sorted.put(k, v));
        }
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sha256(sb.toString());
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Convenience for callers building a change map in field order. */
    public static Map<String, Object> change(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return map;
    }
}
