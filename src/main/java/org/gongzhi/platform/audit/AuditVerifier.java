package org.gongzhi.platform.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Recomputes one audit chain from its first entry and reports the first entry whose stored hash, link or
 * sequence does not match: a row changed, inserted or deleted behind the API's back shows up here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditVerifier {

    private static final int BATCH = 5000;

    private final EntityManager em;

    AuditVerifier(EntityManager em) {
        this.em = em;
    }

    /** Outcome of a verification. */
    public record Verification(long chainKey, boolean valid, long entriesChecked, Long firstBrokenSeq, String problem) {
    }

    public Verification verify(long chainKey) {
        String prev = AuditLog.GENESIS;
        long expectedSeq = 0;
        long checked = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select seq, (extract(epoch from at) * 1000000)::bigint, actor_subject, actor_member_id, action,
                           entity_type, entity_id, digest, prev_hash, hash
                    from audit_entry where chain_key = :k and seq > :after order by seq limit :n
                    """).setParameter("k", chainKey).setParameter("after", expectedSeq).setParameter("n", BATCH)
                    .getResultList();
            for (Object[] r : rows) {
                long seq = ((Number) r[0]).longValue();
                expectedSeq++;
                if (seq != expectedSeq) {
                    return new Verification(chainKey, false, checked, expectedSeq, "entry missing from the chain");
                }
                String storedPrev = (String) r[8];
                if (!prev.equals(storedPrev)) {
                    return new Verification(chainKey, false, checked, seq, "link to the previous entry does not match");
                }
                String recomputed = AuditHash.of(chainKey, seq, ((Number) r[1]).longValue(), (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], (String) r[5],
                        r[6] == null ? null : ((Number) r[6]).longValue(), (String) r[7], storedPrev);
                if (!recomputed.equals(r[9])) {
                    return new Verification(chainKey, false, checked, seq, "entry content does not match its hash");
                }
                prev = (String) r[9];
                checked++;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("select last_seq, last_hash from audit_chain where chain_key = :k")
                .setParameter("k", chainKey).getResultList();
        if (!head.isEmpty()) {
            long lastSeq = ((Number) head.get(0)[0]).longValue();
            if (lastSeq != expectedSeq || !prev.equals(head.get(0)[1])) {
                return new Verification(chainKey, false, checked, expectedSeq + 1, "the newest entries were removed");
            }
        }
        return new Verification(chainKey, true, checked, null, null);
    }
}
