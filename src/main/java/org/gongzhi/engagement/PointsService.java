package org.gongzhi.engagement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.engagement.Ledger.Counterparty;
import org.gongzhi.engagement.Ledger.Posting;
import org.gongzhi.engagement.LedgerInputs.AdjustLedgerInput;
import org.gongzhi.engagement.LedgerInputs.CreateRewardInput;
import org.gongzhi.engagement.LedgerInputs.LedgerEntryPayload;
import org.gongzhi.engagement.LedgerInputs.RedeemRewardInput;
import org.gongzhi.engagement.LedgerInputs.RedeemRewardPayload;
import org.gongzhi.engagement.LedgerInputs.RewardPayload;
import org.gongzhi.engagement.LedgerViews.LedgerEntry;
import org.gongzhi.engagement.LedgerViews.LedgerEntryConnection;
import org.gongzhi.engagement.LedgerViews.RewardConnection;
import org.gongzhi.member.Member;
import org.gongzhi.member.MemberQueries;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.organization.OrganizationKind;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * Points and hours of a member: balances and history, the rewards catalogue, redemption and corrections.
 * RedemptionRule: stock is taken with a conditional update (never below zero) and the member's account row is
 * locked before the debit, so concurrent redemptions can neither oversell nor overdraw.
 */
@ApplicationScoped
@Transactional
public class PointsService {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_REASON = 500;
    static final int MAX_QUANTITY = 100;
    static final int MAX_ADJUSTMENT = 100_000;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final Ledger ledger;
    private final LedgerQueries queries;
    private final MemberQueries members;

    PointsService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time, Ledger ledger,
            LedgerQueries queries, MemberQueries members) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
        this.ledger = ledger;
        this.queries = queries;
        this.members = members;
    }

    // ------------------------------------------------------------------ reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public long myBalance(LedgerUnit unit) {
        return queries.balance(currentActor.get().requireMember(), unit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LedgerEntryConnection myHistory(LedgerUnit unit, PageRequest page) {
        return queries.history(currentActor.get().requireMember(), unit, page);
    }

    /** A member's history, for administrators serving the member's place. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LedgerEntryConnection historyOf(String memberId, LedgerUnit unit, PageRequest page) {
        Member m = memberInScope(memberId, "memberId");
        return queries.history(m.dbId(), unit, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RewardConnection rewards(PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        if (actor.tenantId() == null) {
            throw DomainException.forbidden("The caller is not bound to a member record of a street");
        }
        return queries.rewardsFor(actor.tenantId(), actor.communityId(), actor.adminPaths(), page);
    }

    // ------------------------------------------------------------------ catalogue

    public RewardPayload createReward(CreateRewardInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        String name = Inputs.requireText(input.name(), "name", MAX_NAME);
        String description = Inputs.optionalText(input.description(), "description", MAX_DESCRIPTION);
        if (input.kind() == null) {
            throw DomainException.invalid("kind", "kind is required");
        }
        if (input.pricePoints() <= 0 || input.pricePoints() > MAX_ADJUSTMENT) {
            throw DomainException.invalid("pricePoints", "pricePoints is 1 to " + MAX_ADJUSTMENT);
        }
        if (input.stock() < 0 || input.stock() > 1_000_000) {
            throw DomainException.invalid("stock", "stock is 0 to 1000000");
        }
        long ownerId = GlobalId.decode(Organization.TYPE, input.ownerOrganizationId(), "ownerOrganizationId");
        var outcome = idempotency.once(input.idempotencyKey(), "createReward", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            OrganizationEntity owner = OrganizationEntity.findById(ownerId);
            if (owner == null || !owner.isActive()
                    || (owner.kind != OrganizationKind.STREET_COMMITTEE && owner.kind != OrganizationKind.COMMUNITY_COMMITTEE)) {
                throw DomainException.invalid("ownerOrganizationId", "Rewards are offered by an active street or community");
            }
            actor.requireAdministers(owner.path, "the organization offering the reward");
            long id = ((Number) em.createNativeQuery("""
                    with ins as (
                        insert into reward (tenant_id, owner_org_id, owner_path, kind, name, description, price_points, stock, created_at)
                        values (:t, :o, :p, :k, :n, :d, :price, :stock, :now) returning id)
                    select id from ins
                    """).setParameter("t", owner.tenantId).setParameter("o", owner.id).setParameter("p", owner.path)
                    .setParameter("k", input.kind().name()).setParameter("n", name).setParameter("d", description)
                    .setParameter("price", input.pricePoints()).setParameter("stock", input.stock()).setParameter("now", time.now())
                    .getSingleResult()).longValue();
            audit.record(chainKey(owner), "reward.create", "Reward", id, AuditLog.change("name", name, "price", input.pricePoints(),
                    "stock", input.stock()));
            return id;
        });
        return new RewardPayload(queries.reward(outcome.id()), outcome.replayed());
    }

    // ------------------------------------------------------------------ redemption

    public RedeemRewardPayload redeem(RedeemRewardInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        long rewardId = GlobalId.decode(LedgerViews.Reward.TYPE, input.rewardId(), "rewardId");
        int quantity = input.quantity() == null ? 1 : input.quantity();
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw DomainException.invalid("quantity", "quantity is 1 to " + MAX_QUANTITY);
        }
        var outcome = idempotency.once(input.idempotencyKey(), "redeemReward", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long me = actor.requireMember();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select r.tenant_id, r.owner_org_id, o.community_id, r.price_points, r.name from reward r
                    join organization o on o.id = r.owner_org_id where r.id = :id
                    """).setParameter("id", rewardId).getResultList();
            if (rows.isEmpty()) {
                throw DomainException.notFound("Reward", input.rewardId());
            }
            Object[] r = rows.get(0);
            long tenant = ((Number) r[0]).longValue();
            Long ownerCommunity = r[2] == null ? null : ((Number) r[2]).longValue();
            boolean streetWide = ((Number) r[1]).longValue() == tenant;
            if (actor.tenantId() == null || actor.tenantId() != tenant || (!streetWide && !ownerCommunity.equals(actor.communityId()))) {
                throw DomainException.forbidden("This reward is offered to another community (仅限本社区兑换)");
            }
            long points = (long) ((Number) r[3]).intValue() * quantity;
            // Stock first, by a conditional update: two redeemers of the last unit cannot both get it.
            int taken = em.createNativeQuery("update reward set stock = stock - :q, version = version + 1"
                    + " where id = :id and active and stock >= :q").setParameter("q", quantity).setParameter("id", rewardId).executeUpdate();
            if (taken == 0) {
                throw DomainException.capacityExhausted("Out of stock or no longer offered (库存不足)");
            }
            long redemptionId = ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence('reward_redemption', 'id'))")
                    .getSingleResult()).longValue();
            long transfer = ledger.post(new Posting(tenant, me, LedgerUnit.POINTS, LedgerEntryKind.REDEMPTION, Counterparty.REDEMPTION,
                    "redemption:" + redemptionId, -points, "兑换 " + r[4] + " ×" + quantity, null)).orElseThrow();
            em.createNativeQuery("""
                    insert into reward_redemption (id, tenant_id, reward_id, member_id, quantity, points, transfer_id, at)
                    values (:id, :t, :r, :m, :q, :p, :tr, :now)
                    """).setParameter("id", redemptionId).setParameter("t", tenant).setParameter("r", rewardId).setParameter("m", me)
                    .setParameter("q", quantity).setParameter("p", points).setParameter("tr", transfer).setParameter("now", time.now())
                    .executeUpdate();
            audit.record(chainKey(actor), "reward.redeem", "Reward", rewardId, AuditLog.change("quantity", quantity, "points", points,
                    "transfer", transfer));
            return redemptionId;
        });
        long me = currentActor.get().requireMember();
        return new RedeemRewardPayload(queries.redemption(outcome.id()), (int) queries.balance(me, LedgerUnit.POINTS), outcome.replayed());
    }

    // ------------------------------------------------------------------ corrections

    /** A correction is a new transfer (to or from the street's issuance account); nothing is edited. */
    public LedgerEntryPayload adjust(AdjustLedgerInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        if (input.unit() == null) {
            throw DomainException.invalid("unit", "unit is required");
        }
        if (input.amount() == 0 || Math.abs(input.amount()) > MAX_ADJUSTMENT) {
            throw DomainException.invalid("amount", "amount is a non-zero number within ±" + MAX_ADJUSTMENT);
        }
        String reason = Inputs.requireText(input.reason(), "reason", MAX_REASON);
        Long corrects = GlobalId.decodeNullable(LedgerEntry.TYPE, input.correctsId(), "correctsId");
        var outcome = idempotency.once(input.idempotencyKey(), "adjustLedger", input, () -> {
            Member m = memberInScope(input.memberId(), "memberId");
            if (corrects != null) {
                LedgerEntry original = queries.entry(corrects);
                if (original == null || original.memberDbId() != m.dbId() || original.unit() != input.unit()) {
                    throw DomainException.invalid("correctsId", "Not an entry of this member in this unit");
                }
            }
            long seq = ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence('ledger_transfer', 'id'))")
                    .getSingleResult()).longValue();
            long id = ledger.post(new Posting(m.tenantId(), m.dbId(), input.unit(), LedgerEntryKind.ADJUSTMENT, Counterparty.ISSUANCE,
                    "adjustment:" + seq, input.amount(), reason, corrects)).orElseThrow();
            audit.record(m.communityDbId() == null ? m.tenantId() : m.communityDbId(), "ledger.adjust", "Member", m.dbId(),
                    AuditLog.change("unit", input.unit(), "amount", input.amount(), "corrects", corrects, "transfer", id));
            return id;
        });
        return new LedgerEntryPayload(queries.entry(outcome.id()), outcome.replayed());
    }

    private Member memberInScope(String memberId, String field) {
        Actor actor = currentActor.get().requireAuthenticated();
        long id = GlobalId.decode(Member.TYPE, memberId, field);
        Member m = members.memberById(id);
        if (m == null || actor.tenantId() == null || m.tenantId() != actor.tenantId()) {
            throw DomainException.notFound("Member", memberId);
        }
        actor.requireAdministers(m.scopePath(), "member");
        return m;
    }

    static long chainKey(OrganizationEntity org) {
        return org.communityId != null ? org.communityId : org.tenantId;
    }

    static long chainKey(Actor actor) {
        return actor.communityId() != null ? actor.communityId() : actor.tenantId();
    }
}
