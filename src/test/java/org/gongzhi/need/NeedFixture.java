package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;

import io.restassured.path.json.JsonPath;

/** Builds needs for tests: through the real API, then (for table tests) straight into a given state by SQL. */
final class NeedFixture {

    static final String SUBMIT = """
            mutation($input: SubmitNeedInput!) {
              submitNeed(input: $input) { need { id status kind visibility respondBy resolveBy nextDeadline } replayed
                                          similarOpenNeeds { id title } }
            }""";

    static final Map<String, String> INPUT_TYPES = Map.ofEntries(
            Map.entry("acceptNeed", "NeedStepInput"), Map.entry("assignNeed", "AssignNeedInput"),
            Map.entry("claimNeed", "NeedStepInput"), Map.entry("startNeed", "NeedStepInput"),
            Map.entry("resolveNeed", "ResolveNeedInput"), Map.entry("rateNeed", "RateNeedInput"),
            Map.entry("objectNeed", "NeedReasonInput"), Map.entry("rejectNeed", "NeedReasonInput"),
            Map.entry("cancelNeed", "NeedStepInput"), Map.entry("closeNeed", "NeedStepInput"),
            Map.entry("escalateNeed", "EscalateNeedInput"), Map.entry("acknowledgeNeed", "NeedStepInput"),
            Map.entry("markNeedDuplicate", "MarkNeedDuplicateInput"), Map.entry("addNeedNote", "NeedStepInput"));

    final DataSource ds;
    final TestStreet street;

    NeedFixture(DataSource ds, TestStreet street) {
        this.ds = ds;
        this.street = street;
    }

    /** A personal request of resident A in her household (grid A), submitted through the API. */
    String submitPersonal(String title) {
        return submit(street.residentAToken(), vars("title", title, "description", title + "，请尽快处理",
                "category", "ELDERLY_MEAL", "kind", "PERSONAL_REQUEST"));
    }

    String submitWish(String title) {
        return submit(street.residentAToken(), vars("title", title, "description", title + "，谢谢",
                "category", "MICRO_WISH", "kind", "MICRO_WISH"));
    }

    String submit(String token, Map<String, Object> input) {
        JsonPath r = call(token, SUBMIT, vars("input", input));
        assertThat(r.getList("errors")).as("submit errors").isNull();
        return r.getString("data.submitNeed.need.id");
    }

    /** A copy of a need row (same requester, place and kind) with a new id: cheap material for table tests. */
    String copy(String needId) {
        String cols = (String) one("""
                select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                where table_name = 'need' and column_name <> 'id' and table_schema = current_schema()
                """);
        long id = ((Number) one("insert into need (" + cols + ") select " + cols + " from need where id = ? returning id",
                dbId(needId))).longValue();
        return org.gongzhi.support.TestStreet.id("Need", id);
    }

    /** Calls a lifecycle mutation and returns the response. */
    static JsonPath mutate(String token, String mutation, Map<String, Object> input) {
        String query = "mutation($input: " + INPUT_TYPES.get(mutation) + "!) { " + mutation
                + "(input: $input) { need { id status escalationLevel rating reopenCount } replayed } }";
        return call(token, query, vars("input", input));
    }

    static String code(JsonPath r) {
        return r.getString("errors[0].extensions.code");
    }

    static long dbId(String globalId) {
        String raw = new String(java.util.Base64.getUrlDecoder().decode(globalId));
        return Long.parseLong(raw.substring(raw.indexOf(':') + 1));
    }

    String status(String needId) {
        return (String) one("select status from need where id = ?", dbId(needId));
    }

    /** A member bound to a token subject with a membership (role) in an organization. */
    long member(String name, String subject, long orgId, String role, Long household) {
        try (Connection c = ds.getConnection()) {
            long id = ((Number) query(c, "insert into member (tenant_id, community_id, household_id, name) values (?, ?, ?, ?) returning id",
                    street.streetId, street.communityA, household, name)).longValue();
            exec(c, "insert into external_identity (member_id, kind, value) values (?, 'OIDC_SUBJECT', ?)", id, subject);
            exec(c, TestStreet.INSERT_MEMBERSHIP,
                    street.streetId, id, orgId, role);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} members of community A with a membership of {@code role} there; returns their token subjects. */
    java.util.List<String> members(int n, String role, String prefix) {
        java.util.List<String> subjects = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < n; i++) {
                String subject = prefix + i + "-" + street.tag;
                long id = ((Number) query(c, "insert into member (tenant_id, community_id, name) values (?, ?, ?) returning id",
                        street.streetId, street.communityA, "成员" + i)).longValue();
                exec(c, "insert into external_identity (member_id, kind, value) values (?, 'OIDC_SUBJECT', ?)", id, subject);
                exec(c, TestStreet.INSERT_MEMBERSHIP,
                        street.streetId, id, street.communityA, role);
                subjects.add(subject);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return subjects;
    }

    static String token(String subject, String... roles) {
        return Tokens.of(subject, roles);
    }

    Object one(String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            return query(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            exec(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> row(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
