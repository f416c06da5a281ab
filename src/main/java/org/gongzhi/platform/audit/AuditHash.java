package org.gongzhi.platform.audit;

/** The hash of one audit entry over all its fields and the previous entry's hash. */
final class AuditHash {

    private AuditHash() {
    }

    static String of(long chainKey, long seq, long atMicros, String subject, Long memberId, String action,
            String entityType, Long entityId, String digest, String prevHash) {
        String canonical = String.join("|", Long.toString(chainKey), Long.toString(seq), Long.toString(atMicros),
                subject, String.valueOf(memberId), action, entityType, String.valueOf(entityId), digest, prevHash);
        return AuditLog.sha256(canonical);
    }
}
