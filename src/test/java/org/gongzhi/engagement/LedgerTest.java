package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.engagement.EngagementFixture.code;
import static org.gongzhi.engagement.EngagementFixture.concurrently;
import static org.gongzhi.engagement.EngagementFixture.gql;
import static org.gongzhi.engagement.EngagementFixture.input;
import static org.gongzhi.engagement.EngagementFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.engagement.EngagementFixture.Person;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's invariants, held by the database: balanced transfers, no edits, no negative balance, no oversold stock. */
@GraphQLTest
class LedgerTest {

    static final String CREATE_REWARD = """
            mutation($input: CreateRewardInput!) { createReward(input: $input) { reward { id name stock pricePoints owner { name } } replayed } }""";
    static final String REDEEM = """
            mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { redemption { id points quantity reward { name stock } }
              pointsBalance replayed } }""";
    static final String ADJUST = """
            mutation($input: AdjustLedgerInput!) { adjustLedger(input: $input) { entry { id amount kind unit memo correctsId } replayed } }""";
    static final String MINE = """
            query($unit: LedgerUnit, $first: Int, $after: String) { myPoints myHours
              myLedger(unit: $unit, first: $first, after: $after) { totalCount edges { cursor node { amount kind unit memo } }
              pageInfo { hasNextPage endCursor } } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    EngagementFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new EngagementFixture(ds, street);
    }

    String reward(String name, int price, int stock) {
        return ok(gql(street.adminAToken(), CREATE_REWARD, input("ownerOrganizationId", TestStreet.orgId(street.communityA),
                "kind", "ITEM", "name", name, "pricePoints", price, "stock", stock))).getString("data.createReward.reward.id");
    }

    @Test
    void twoHundredConcurrentRedemptionsByOneMemberNeverOverdraw() throws Exception {
        Person p = fx.member("积分达人", street.communityA, "RESIDENT", "resident");
        fx.grant(p.id(), LedgerUnit.POINTS, 95);
        String soap = reward("洗衣液", 10, 1000);

        List<String> outcomes = concurrently(java.util.Collections.nCopies(200, soap),
                id -> {
                    var r = gql(p.token(), REDEEM, input("rewardId", id));
                    return r.getList("errors") == null ? "OK" : code(r);
                });

        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 9L, "CAPACITY_EXHAUSTED", 191L));
        assertThat(fx.balance(p.id(), LedgerUnit.POINTS)).isEqualTo(5);
        assertThat(fx.count("select stock from reward where id = ?", EngagementFixture.dbId(soap))).isEqualTo(991);
        assertBooksBalance();
    }

    @Test
    void twoHundredConcurrentRedeemersNeverOversellTheStock() throws Exception {
        List<Person> people = fx.members(200, "兑换者", "RESIDENT", "resident");
        for (Person p : people) {
            fx.grant(p.id(), LedgerUnit.POINTS, 30);
        }
        String ticket = reward("电影票", 20, 37);

        List<String> outcomes = concurrently(people, p -> {
            var r = gql(p.token(), REDEEM, input("rewardId", ticket));
            return r.getList("errors") == null ? "OK" : code(r);
        });

        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 37L, "CAPACITY_EXHAUSTED", 163L));
        assertThat(fx.count("select stock from reward where id = ?", EngagementFixture.dbId(ticket))).isZero();
        assertThat(fx.count("select count(*) from reward_redemption where reward_id = ?", EngagementFixture.dbId(ticket))).isEqualTo(37);
        assertThat(fx.count("select count(*) from ledger_account where tenant_id = ? and kind = 'MEMBER' and balance < 0",
                street.streetId)).isZero();
        assertThat(fx.count("select count(*) from ledger_account where tenant_id = ? and kind = 'MEMBER' and balance = 10",
                street.streetId)).isEqualTo(37);
        assertBooksBalance();
    }

    @Test
    void aRetriedRedemptionWithTheSameKeyRedeemsOnce() {
        Person p = fx.member("重试者", street.communityA, "RESIDENT", "resident");
        fx.grant(p.id(), LedgerUnit.POINTS, 100);
        String tea = reward("茶叶", 30, 5);
        var first = ok(gql(p.token(), REDEEM, input("rewardId", tea, "quantity", 2, "idempotencyKey", "redeem-1")));
        var again = ok(gql(p.token(), REDEEM, input("rewardId", tea, "quantity", 2, "idempotencyKey", "redeem-1")));
        assertThat(first.getInt("data.redeemReward.pointsBalance")).isEqualTo(40);
        assertThat(again.getBoolean("data.redeemReward.replayed")).isTrue();
        assertThat(again.getString("data.redeemReward.redemption.id")).isEqualTo(first.getString("data.redeemReward.redemption.id"));
        assertThat(fx.balance(p.id(), LedgerUnit.POINTS)).isEqualTo(40);
        assertThat(first.getInt("data.redeemReward.redemption.reward.stock")).isEqualTo(3);
    }

    @Test
    void aCorrectionIsANewEntryAndHistoryIsPaged() {
        Person p = fx.member("更正对象", street.communityA, "RESIDENT", "resident");
        fx.grant(p.id(), LedgerUnit.MINUTES, 90);
        var plus = ok(gql(street.adminAToken(), ADJUST, input("memberId", p.gid(), "unit", "POINTS", "amount", 50, "reason", "补记活动积分")));
        String entry = plus.getString("data.adjustLedger.entry.id");
        var minus = ok(gql(street.adminAToken(), ADJUST, input("memberId", p.gid(), "unit", "POINTS", "amount", -20, "reason", "多记更正",
                "correctsId", entry)));
        assertThat(minus.getInt("data.adjustLedger.entry.amount")).isEqualTo(-20);
        assertThat(minus.getString("data.adjustLedger.entry.correctsId")).isEqualTo(entry);
        // taking away more than is left is refused, not a negative balance
        assertThat(code(gql(street.adminAToken(), ADJUST, input("memberId", p.gid(), "unit", "POINTS", "amount", -31, "reason", "x"))))
                .isEqualTo("CAPACITY_EXHAUSTED");
        // only administrators of the member's place adjust
        assertThat(code(gql(street.adminBToken(), ADJUST, input("memberId", p.gid(), "unit", "POINTS", "amount", 5, "reason", "x"))))
                .isEqualTo("FORBIDDEN");

        var page1 = ok(gql(p.token(), MINE, vars("first", 2)));
        assertThat(page1.getInt("data.myPoints")).isEqualTo(30);
        assertThat(page1.getDouble("data.myHours")).isEqualTo(1.5);
        assertThat(page1.getInt("data.myLedger.totalCount")).isEqualTo(3);
        assertThat(page1.getList("data.myLedger.edges.node.amount")).containsExactly(-20, 50);
        var page2 = ok(gql(p.token(), MINE, vars("first", 2, "after", page1.getString("data.myLedger.pageInfo.endCursor"))));
        assertThat(page2.getList("data.myLedger.edges.node.amount")).containsExactly(90);
        assertThat(page2.getBoolean("data.myLedger.pageInfo.hasNextPage")).isFalse();
        var pointsOnly = ok(gql(p.token(), MINE, vars("unit", "POINTS")));
        assertThat(pointsOnly.getInt("data.myLedger.totalCount")).isEqualTo(2);
        assertBooksBalance();
    }

    @Test
    void theDatabaseRefusesEditsUnbalancedMovementsAndNegativeBalances() {
        Person p = fx.member("账本守卫", street.communityA, "RESIDENT", "resident");
        fx.grant(p.id(), LedgerUnit.POINTS, 10);
        long transfer = fx.count("select max(id) from ledger_transfer where member_id = ?", p.id());
        assertThat(fx.failing("update ledger_transfer set amount = 1000 where id = ?", transfer)).isEqualTo("55000");
        assertThat(fx.failing("delete from ledger_movement where transfer_id = ?", transfer)).isEqualTo("55000");
        assertThat(fx.failing("delete from ledger_transfer where id = ?", transfer)).isEqualTo("55000");
        // a movement written by hand leaves its transfer unbalanced: refused when the transaction commits
        long account = fx.count("select id from ledger_account where member_id = ? and unit = 'POINTS'", p.id());
        long issuance = fx.count("select id from ledger_account where tenant_id = ? and kind = 'ISSUANCE' and unit = 'POINTS'", street.streetId);
        assertThat(fx.failing("insert into ledger_movement (transfer_id, account_id, amount, at) values (?, ?, 5, now())", transfer, issuance))
                .isEqualTo("23505");
        assertThat(fx.failing("""
                insert into ledger_transfer (tenant_id, unit, kind, posting_key, amount, from_account_id, to_account_id, member_id, at, actor_subject)
                values (?, 'POINTS', 'ADJUSTMENT', 'overdraw-' || ?, 11, ?, ?, ?, now(), 'test')
                """, street.streetId, p.id(), account, issuance, p.id())).isEqualTo("23514");
        assertThat(fx.balance(p.id(), LedgerUnit.POINTS)).isEqualTo(10);
        // the same posting key posts once
        assertThat(fx.failing("""
                insert into ledger_transfer (tenant_id, unit, kind, posting_key, amount, from_account_id, to_account_id, member_id, at, actor_subject)
                select tenant_id, unit, kind, posting_key, 1, from_account_id, to_account_id, member_id, now(), 'test' from ledger_transfer where id = ?
                """, transfer)).isEqualTo("23505");
        assertBooksBalance();
    }

    @Test
    void anUnbalancedTransferIsRefusedAtCommit() throws Exception {
        Person p = fx.member("手工分录", street.communityA, "RESIDENT", "resident");
        fx.grant(p.id(), LedgerUnit.POINTS, 10);
        long transfer = fx.count("select max(id) from ledger_transfer where member_id = ?", p.id());
        try (var c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("insert into ledger_account (tenant_id, kind, unit, member_id) values (?, 'MEMBER', 'POINTS', ?)")) {
                ps.setLong(1, street.streetId);
                ps.setLong(2, street.residentAId);
                ps.execute();
            }
            try (var ps = c.prepareStatement("""
                    insert into ledger_movement (transfer_id, account_id, amount, at)
                    select ?, id, 7, now() from ledger_account where member_id = ? and unit = 'POINTS'
                    """)) {
                ps.setLong(1, transfer);
                ps.setLong(2, street.residentAId);
                ps.execute();
            }
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, c::commit);
        }
        assertThat(fx.balance(street.residentAId, LedgerUnit.POINTS)).isZero();
        assertBooksBalance();
    }

    @Test
    void badRewardInputAndForeignRewardsAreRefused() {
        Person p = fx.member("挑剔者", street.communityA, "RESIDENT", "resident");
        fx.grant(p.id(), LedgerUnit.POINTS, 100);
        Map<String, Object> good = vars("ownerOrganizationId", TestStreet.orgId(street.communityA), "kind", "ITEM", "name", "雨伞",
                "pricePoints", 10, "stock", 3);
        assertThat(field(street.adminAToken(), CREATE_REWARD, with(good, "pricePoints", 0))).isEqualTo("pricePoints");
        assertThat(field(street.adminAToken(), CREATE_REWARD, with(good, "stock", -1))).isEqualTo("stock");
        assertThat(field(street.adminAToken(), CREATE_REWARD, with(good, "name", ""))).isEqualTo("name");
        assertThat(field(street.adminAToken(), CREATE_REWARD, with(good, "ownerOrganizationId", TestStreet.orgId(street.gridA))))
                .isEqualTo("ownerOrganizationId");
        assertThat(code(gql(street.adminBToken(), CREATE_REWARD, vars("input", good)))).isEqualTo("FORBIDDEN");
        String umbrella = reward("雨伞", 10, 3);
        assertThat(field(p.token(), REDEEM, vars("rewardId", umbrella, "quantity", 0))).isEqualTo("quantity");
        assertThat(field(p.token(), REDEEM, vars("rewardId", umbrella, "quantity", 101))).isEqualTo("quantity");
        assertThat(field(p.token(), REDEEM, vars("rewardId", "not-an-id"))).isEqualTo("rewardId");
        assertThat(code(gql(p.token(), REDEEM, input("rewardId", umbrella, "quantity", 4)))).isEqualTo("CAPACITY_EXHAUSTED");
        // a reward of community B is not for residents of community A
        String other = ok(gql(street.adminBToken(), CREATE_REWARD, input("ownerOrganizationId", TestStreet.orgId(street.communityB),
                "kind", "SERVICE", "name", "义诊", "pricePoints", 10, "stock", 3))).getString("data.createReward.reward.id");
        assertThat(code(gql(p.token(), REDEEM, input("rewardId", other)))).isEqualTo("FORBIDDEN");
        assertThat(ok(gql(p.token(), "{ rewards(first: 50) { edges { node { id } } } }", Map.of())).getList("data.rewards.edges.node.id"))
                .contains(umbrella).doesNotContain(other);
        assertThat(fx.balance(p.id(), LedgerUnit.POINTS)).isEqualTo(100);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static String field(String token, String mutation, Map<String, Object> in) {
        var r = gql(token, mutation, vars("input", in));
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        return r.getString("errors[0].extensions.field");
    }

    /** All movements sum to zero, every transfer has exactly two legs, and each member balance is the sum of its legs. */
    void assertBooksBalance() {
        assertThat(fx.count("select coalesce(sum(amount), 0) from ledger_movement")).isZero();
        assertThat(fx.count("select count(*) from (select transfer_id from ledger_movement group by transfer_id"
                + " having count(*) <> 2 or sum(amount) <> 0) x")).isZero();
        assertThat(fx.count("select count(*) from ledger_transfer t where not exists (select 1 from ledger_movement m where m.transfer_id = t.id)"))
                .isZero();
        assertThat(fx.count("""
                select count(*) from ledger_account a where a.kind = 'MEMBER'
                  and a.balance <> (select coalesce(sum(m.amount), 0) from ledger_movement m where m.account_id = a.id)
                """)).isZero();
    }
}
