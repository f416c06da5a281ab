package org.gongzhi.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;

import io.restassured.path.json.JsonPath;

/** Shared helpers of the engagement tests: members, points granted by SQL, concurrency, row reads. */
final class EngagementFixture {

    final DataSource ds;
    final TestStreet street;

    EngagementFixture(DataSource ds, TestStreet street) {
        this.ds = ds;
        this.street = street;
    }

    record Person(long id, String subject, String token) {
        String gid() {
            return TestStreet.memberId(id);
        }
    }

    /** A member living in household A (community A, grid A) with an active membership of {@code role} in {@code org}. */
    Person member(String name, long org, String role, String... tokenRoles) {
        String subject = "eng-" + name + "-" + street.tag + "-" + System.nanoTime();
        long id = ((Number) one("insert into member (tenant_id, community_id, household_id, name) values (?, ?, ?, ?) returning id",
                street.streetId, street.communityA, street.householdA, name)).longValue();
        exec("insert into external_identity (member_id, kind, value) values (?, 'OIDC_SUBJECT', ?)", id, subject);
        exec(TestStreet.INSERT_MEMBERSHIP, street.streetId, id, org, role);
        return new Person(id, subject, Tokens.of(subject, tokenRoles));
    }

    /** A member living in household B (community B, grid B). */
    Person memberOfB(String name, String role, String... tokenRoles) {
        String subject = "eng-" + name + "-" + street.tag + "-" + System.nanoTime();
        long id = ((Number) one("insert into member (tenant_id, community_id, household_id, name) values (?, ?, ?, ?) returning id",
                street.streetId, street.communityB, street.householdB, name)).longValue();
        exec("insert into external_identity (member_id, kind, value) values (?, 'OIDC_SUBJECT', ?)", id, subject);
        exec(TestStreet.INSERT_MEMBERSHIP, street.streetId, id,
                street.communityB, role);
        return new Person(id, subject, Tokens.of(subject, tokenRoles));
    }

    List<Person> members(int n, String prefix, String role, String... tokenRoles) {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(member(prefix + i, street.communityA, role, tokenRoles));
        }
        return out;
    }

    /** Gives a member points straight through the ledger tables (the triggers write the legs). */
    void grant(long memberId, LedgerUnit unit, long amount) {
        grantAt(memberId, unit, amount, java.time.OffsetDateTime.now());
    }

    /** A grant posted at a given time (crafted history). */
    void grantAt(long memberId, LedgerUnit unit, long amount, java.time.OffsetDateTime at) {
        exec("insert into ledger_account (tenant_id, kind, unit) values (?, 'ISSUANCE', ?) on conflict do nothing", street.streetId,
                unit.name());
        exec("insert into ledger_account (tenant_id, kind, unit, member_id) values (?, 'MEMBER', ?, ?) on conflict do nothing",
                street.streetId, unit.name(), memberId);
        exec("""
                insert into ledger_transfer (tenant_id, unit, kind, posting_key, amount, from_account_id, to_account_id, member_id, at,
                                             actor_subject)
                select ?, ?, 'ADJUSTMENT', 'test-grant:' || gen_random_uuid(), ?, s.id, m.id, ?, ?, 'test'
                from ledger_account s, ledger_account m
                where s.tenant_id = ? and s.kind = 'ISSUANCE' and s.unit = ? and s.member_id is null and m.member_id = ? and m.unit = ?
                """, street.streetId, unit.name(), amount, memberId, at, street.streetId, unit.name(), memberId, unit.name());
    }

    long balance(long memberId, LedgerUnit unit) {
        Object b = one("select balance from ledger_account where member_id = ? and unit = ?", memberId, unit.name());
        return b == null ? 0 : ((Number) b).longValue();
    }

    static String code(JsonPath r) {
        return r.getString("errors[0].extensions.code");
    }

    static JsonPath ok(JsonPath r) {
        assertThat(r.getList("errors")).as("errors").isNull();
        return r;
    }

    static long dbId(String globalId) {
        String raw = new String(Base64.getUrlDecoder().decode(globalId));
        return Long.parseLong(raw.substring(raw.indexOf(':') + 1));
    }

    static JsonPath gql(String token, String query, Map<String, ?> variables) {
        return call(token, query, variables);
    }

    static Map<String, Object> input(Object... kv) {
        return vars("input", vars(kv));
    }

    static <T> List<String> concurrently(List<T> inputs, Function<T, String> call) throws Exception {
        return org.gongzhi.support.Concurrently.run(inputs, call);
    }

    Object one(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        return ((Number) one(sql, args)).longValue();
    }

    void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement expected to fail; returns the SQLState. */
    String failing(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.execute();
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
