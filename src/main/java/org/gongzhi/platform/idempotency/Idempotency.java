package org.gongzhi.platform.idempotency;

import java.util.List;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.error.ErrorCode;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;

/**
 * Makes a mutation safe to retry: the first call with a key acts and remembers the id of what it
 * changed; a retry with the same key (same caller) replays that result instead of acting again. The key
 * row is written in the mutation's own transaction, so a failed attempt leaves no key behind, and a
 * concurrent retry waits on the key's row until the first attempt commits.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Idempotency {

    public static final int MAX_KEY_LENGTH = 100;

    private final EntityManager em;
    private final CurrentActor actor;
    private final TimeSource time;

    Idempotency(EntityManager em, CurrentActor actor, TimeSource time) {
        this.em = em;
        this.actor = actor;
        this.time = time;
    }

    /** The id a mutation produced and whether it was replayed from an earlier call. */
    public record Outcome(long id, boolean replayed) {
    }

    /**
     * Runs {@code action} once per (caller, key). {@code input} identifies the request: a key reused with a
     * different operation or input is a CONFLICT, not a replay.
     */
    public Outcome once(String key, String operation, Object input, LongSupplier action) {
        if (key == null || key.isBlank()) {
            return new Outcome(action.getAsLong(), false);
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw DomainException.invalid("idempotencyKey", "At most " + MAX_KEY_LENGTH + " characters");
        }
        String subject = actor.get().requireAuthenticated().subject();
        String requestHash = AuditLog.sha256(operation + "\n" + input);
        int inserted = em.createNativeQuery("""
                insert into idempotency_record (actor_subject, idem_key, operation, request_hash, created_at)
                values (:s, :k, :op, :h, :now) on conflict do nothing
                """).setParameter("s", subject).setParameter("k", key).setParameter("op", operation)
                .setParameter("h", requestHash).setParameter("now", time.now()).executeUpdate();
        if (inserted == 1) {
            long id = action.getAsLong();
            em.createNativeQuery("update idempotency_record set result_id = :id where actor_subject = :s and idem_key = :k")
                    .setParameter("id", id).setParameter("s", subject).setParameter("k", key).executeUpdate();
            return new Outcome(id, false);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select operation, request_hash, result_id from idempotency_record where actor_subject = :s and idem_key = :k")
                .setParameter("s", subject).setParameter("k", key).getResultList();
        Object[] row = rows.get(0);
        if (!operation.equals(row[0]) || !requestHash.equals(row[1]) || row[2] == null) {
            throw new DomainException(ErrorCode.CONFLICT,
                    "idempotencyKey was already used for a different request", "idempotencyKey");
        }
        return new Outcome(((Number) row[2]).longValue(), true);
    }
}
