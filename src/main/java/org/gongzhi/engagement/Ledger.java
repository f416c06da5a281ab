package org.gongzhi.engagement;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;

/**
 * The double-entry ledger (积分 / 时间银行). Runs inside the caller's transaction. A posting moves units
 * between a member's account and a system account of the street (ISSUANCE for what is earned, REDEMPTION for
 * what is spent); the database writes the two movements, keeps member balances, refuses a negative balance
 * and refuses any edit. The posting key is unique: the same cause posts once however often it is retried.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    /** The system account on the other side of a member's account. */
    enum Counterparty {
        ISSUANCE, REDEMPTION
    }

    /**
     * One posting. {@code amount > 0} credits the member (from the counterparty), {@code amount < 0} debits them
     * (to the counterparty). {@code cause} identifies what caused it, e.g. {@code checkin:12:34}; the unit is
     * appended to form the unique posting key.
     */
    record Posting(long tenantId, long memberId, LedgerUnit unit, LedgerEntryKind kind, Counterparty counterparty,
            String cause, long amount, String memo, Long correctsTransferId) {
    }

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final TimeSource time;

    Ledger(EntityManager em, CurrentActor currentActor, TimeSource time) {
        this.em = em;
        this.currentActor = currentActor;
        this.time = time;
    }

    static String postingKey(String cause, LedgerUnit unit) {
        return cause + ":" + unit.name();
    }

    /**
     * Posts once: the id of the new transfer, or empty when a transfer with this key exists already (a retry, a
     * re-run, a second rating). A debit beyond the member's balance is CAPACITY_EXHAUSTED.
     */
    Optional<Long> post(Posting p) {
        if (p.amount() == 0) {
            return Optional.empty();
        }
        long member = memberAccount(p.tenantId(), p.memberId(), p.unit());
        long system = systemAccount(p.tenantId(), p.counterparty(), p.unit());
        if (p.amount() < 0) {
            long balance = lockedBalance(member);
            if (balance + p.amount() < 0) {
                throw DomainException.capacityExhausted("Not enough " + p.unit().label() + ": balance " + balance + ", needed "
                        + -p.amount() + " (余额不足)");
            }
        }
        var actor = currentActor.get();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                with ins as (
                    insert into ledger_transfer (tenant_id, unit, kind, posting_key, amount, from_account_id, to_account_id,
                                                 member_id, memo, corrects_transfer_id, at, actor_subject)
                    values (:t, :unit, :kind, :key, :amount, :from, :to, :member, :memo, :corrects, :at, :subject)
                    on conflict (posting_key) do nothing
                    returning id)
                select id from ins
                """).setParameter("t", p.tenantId()).setParameter("unit", p.unit().name()).setParameter("kind", p.kind().name())
                .setParameter("key", postingKey(p.cause(), p.unit())).setParameter("amount", Math.abs(p.amount()))
                .setParameter("from", p.amount() > 0 ? system : member).setParameter("to", p.amount() > 0 ? member : system)
                .setParameter("member", p.memberId()).setParameter("memo", p.memo()).setParameter("corrects", p.correctsTransferId())
                .setParameter("at", time.now()).setParameter("subject", actor.isAnonymous() ? "system" : actor.subject())
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0).longValue());
    }

    /** Whether a posting with this cause and unit exists. */
    boolean posted(String cause, LedgerUnit unit) {
        return !em.createNativeQuery("select 1 from ledger_transfer where posting_key = :k")
                .setParameter("k", postingKey(cause, unit)).getResultList().isEmpty();
    }

    /** The member's account of a unit, created on first use. */
    long memberAccount(long tenantId, long memberId, LedgerUnit unit) {
        em.createNativeQuery("""
                insert into ledger_account (tenant_id, kind, unit, member_id, created_at) values (:t, 'MEMBER', :u, :m, :now)
                on conflict (member_id, unit) where member_id is not null do nothing
                """).setParameter("t", tenantId).setParameter("u", unit.name()).setParameter("m", memberId).setParameter("now", time.now())
                .executeUpdate();
        return ((Number) em.createNativeQuery("select id from ledger_account where member_id = :m and unit = :u")
                .setParameter("m", memberId).setParameter("u", unit.name()).getSingleResult()).longValue();
    }

    private long systemAccount(long tenantId, Counterparty kind, LedgerUnit unit) {
        em.createNativeQuery("""
                insert into ledger_account (tenant_id, kind, unit, created_at) values (:t, :k, :u, :now)
                on conflict (tenant_id, kind, unit) where member_id is null do nothing
                """).setParameter("t", tenantId).setParameter("k", kind.name()).setParameter("u", unit.name()).setParameter("now", time.now())
                .executeUpdate();
        return ((Number) em.createNativeQuery(
                "select id from ledger_account where tenant_id = :t and kind = :k and unit = :u and member_id is null")
                .setParameter("t", tenantId).setParameter("k", kind.name()).setParameter("u", unit.name()).getSingleResult())
                .longValue();
    }

    /** Locks the account row (redemptions of one member queue here) and returns its balance. */
    private long lockedBalance(long accountId) {
        return ((Number) em.createNativeQuery("select balance from ledger_account where id = :id for update")
                .setParameter("id", accountId).getSingleResult()).longValue();
    }
}
