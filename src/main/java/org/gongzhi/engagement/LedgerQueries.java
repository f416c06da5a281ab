package org.gongzhi.engagement;

import static org.gongzhi.platform.persistence.Rows.instant;
import static org.gongzhi.platform.persistence.Rows.lng;
import static org.gongzhi.platform.persistence.Rows.str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.engagement.LedgerViews.LedgerEntry;
import org.gongzhi.engagement.LedgerViews.LedgerEntryConnection;
import org.gongzhi.engagement.LedgerViews.Reward;
import org.gongzhi.engagement.LedgerViews.RewardConnection;
import org.gongzhi.engagement.LedgerViews.RewardRedemption;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.time.Times;

/** Reads of balances, history and the catalogue; a fixed number of statements per call. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerQueries {

    private static final String ENTRY_COLUMNS = "t.id, t.unit, t.kind, case when t.to_account_id = a.id then t.amount else -t.amount end,"
            + " t.memo, t.corrects_transfer_id, t.at, a.member_id";
    private static final String REWARD_COLUMNS = "r.id, r.kind, r.name, r.description, r.price_points, r.stock, r.active, r.owner_org_id";

    private final EntityManager em;

    LedgerQueries(EntityManager em) {
        this.em = em;
    }

    /** Balance of one member in one unit (0 before the first posting). */
    public long balance(long memberId, LedgerUnit unit) {
        List<?> rows = em.createNativeQuery("select balance from ledger_account where member_id = :m and unit = :u")
                .setParameter("m", memberId).setParameter("u", unit.name()).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** A member's history in one unit (or both), newest first, keyset-paged on the transfer id. */
    public LedgerEntryConnection history(long memberId, LedgerUnit unit, PageRequest page) {
        String unitFilter = unit == null ? "" : " and a.unit = :u";
        Map<String, Object> params = new HashMap<>(Map.of("m", memberId));
        if (unit != null) {
            params.put("u", unit.name());
        }
        long total = ((Number) NativeSql.query(em, "select count(*) from ledger_movement mv join ledger_account a on a.id = mv.account_id"
                + " where a.member_id = :m" + unitFilter, params).getSingleResult()).longValue();
        Long after = page.afterId();
        params.put("after", after == null ? Long.MAX_VALUE : after);
        params.put("n", page.fetchSize());
        List<LedgerEntry> fetched = new ArrayList<>();
        for (Object[] r : NativeSql.list(em, "select " + ENTRY_COLUMNS + " from ledger_account a join ledger_movement mv on mv.account_id = a.id"
                + " join ledger_transfer t on t.id = mv.transfer_id where a.member_id = :m" + unitFilter
                + " and t.id < :after order by t.id desc limit :n", params)) {
            fetched.add(entry(r));
        }
        return LedgerEntryConnection.of(Slice.of(fetched, page, total), e -> Cursor.encode(e.dbId()));
    }

    public LedgerEntry entry(long transferId) {
        for (Object[] r : NativeSql.list(em, "select " + ENTRY_COLUMNS + " from ledger_transfer t join ledger_account a"
                + " on a.id in (t.from_account_id, t.to_account_id) and a.kind = 'MEMBER' where t.id = :id", Map.of("id", transferId))) {
            return entry(r);
        }
        return null;
    }

    static LedgerEntry entry(Object[] r) {
        long id = lng(r[0]);
        Long corrects = lng(r[5]);
        return new LedgerEntry(GlobalId.encode(LedgerEntry.TYPE, id), LedgerUnit.valueOf(str(r[1])), LedgerEntryKind.valueOf(str(r[2])),
                lng(r[3]).intValue(), str(r[4]), GlobalId.encodeNullable(LedgerEntry.TYPE, corrects), Times.local(instant(r[6])), id,
                lng(r[7]));
    }

    /** Rewards a member may redeem: the street's own and their community's, in stock or not. */
    public RewardConnection rewardsFor(long tenantId, Long communityId, List<String> adminPaths, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("t", tenantId, "c", communityId == null ? -1L : communityId));
        String where = " from reward r join organization o on o.id = r.owner_org_id where r.tenant_id = :t and (r.owner_org_id = r.tenant_id"
                + " or o.community_id = :c or " + PathScope.under("r.owner_path", adminPaths, "p", params) + ")";
        long total = ((Number) NativeSql.query(em, "select count(*)" + where, params).getSingleResult()).longValue();
        Long after = page.afterId();
        params.put("after", after == null ? 0L : after);
        params.put("n", page.fetchSize());
        List<Reward> fetched = new ArrayList<>();
        for (Object[] r : NativeSql.list(em, "select " + REWARD_COLUMNS + where + " and r.id > :after order by r.id limit :n", params)) {
            fetched.add(reward(r));
        }
        return RewardConnection.of(Slice.of(fetched, page, total));
    }

    public List<Reward> rewardsByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Reward> out = new ArrayList<>();
        for (Object[] r : NativeSql.list(em, "select " + REWARD_COLUMNS + " from reward r where r.id in (:ids)", Map.of("ids", ids))) {
            out.add(reward(r));
        }
        return out;
    }

    public Reward reward(long id) {
        List<Reward> found = rewardsByIds(List.of(id));
        return found.isEmpty() ? null : found.get(0);
    }

    public RewardRedemption redemption(long id) {
        for (Object[] r : NativeSql.list(em, "select id, quantity, points, at, reward_id from reward_redemption where id = :id", Map.of("id", id))) {
            return new RewardRedemption(GlobalId.encode(RewardRedemption.TYPE, lng(r[0])), lng(r[1]).intValue(), lng(r[2]).intValue(),
                    Times.local(instant(r[3])), lng(r[4]));
        }
        return null;
    }

    static Reward reward(Object[] r) {
        long id = lng(r[0]);
        return new Reward(GlobalId.encode(Reward.TYPE, id), RewardKind.valueOf(str(r[1])), str(r[2]), str(r[3]), lng(r[4]).intValue(),
                lng(r[5]).intValue(), (Boolean) r[6], id, lng(r[7]));
    }


}
