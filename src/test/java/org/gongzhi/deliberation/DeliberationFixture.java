package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gongzhi.support.Sql;
import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;

import io.restassured.path.json.JsonPath;

/** Builds deliberations for tests through the real API, and reads or nudges rows by SQL where a test needs to. */
final class DeliberationFixture {

    static final String FIELDS = "deliberation { id stage outcome kind majorMatter availableActions }";

    static final Map<String, String> INPUT_TYPES = Map.ofEntries(
            Map.entry("proposeDeliberation", "ProposeDeliberationInput"), Map.entry("advanceDeliberation", "DeliberationStepInput"),
            Map.entry("openDeliberationVoting", "OpenDeliberationVotingInput"), Map.entry("publicizeDeliberation", "PublicizeDeliberationInput"),
            Map.entry("completeDeliberation", "CompleteDeliberationInput"), Map.entry("withdrawDeliberation", "WithdrawDeliberationInput"),
            Map.entry("referDeliberation", "ReferDeliberationInput"), Map.entry("giveDeliberationOpinion", "GiveOpinionInput"),
            Map.entry("hideDeliberationOpinion", "HideOpinionInput"), Map.entry("startFourDeliberationStep", "StartFourDeliberationStepInput"),
            Map.entry("concludeFourDeliberationStep", "ConcludeFourDeliberationStepInput"),
            Map.entry("raiseDeliberationObjection", "RaiseObjectionInput"), Map.entry("answerDeliberationObjection", "AnswerObjectionInput"),
            Map.entry("createDeliberationTask", "CreateDeliberationTaskInput"), Map.entry("updateDeliberationTask", "UpdateDeliberationTaskInput"),
            Map.entry("addBudgetProject", "AddBudgetProjectInput"));

    final DataSource ds;
    final TestStreet street;

    DeliberationFixture(DataSource ds, TestStreet street) {
        this.ds = ds;
        this.street = street;
    }

    /** A residents' council of community A proposed by its administrator. */
    String propose(String title) {
        return propose(street.adminAToken(), vars("scopeId", TestStreet.orgId(street.communityA), "title", title,
                "background", title + "：居民反映强烈，提请议事", "kind", "RESIDENTS_COUNCIL"));
    }

    String propose(String token, Map<String, Object> input) {
        JsonPath r = mutate(token, "proposeDeliberation", input);
        assertThat(r.getList("errors")).as("propose errors").isNull();
        return r.getString("data.proposeDeliberation.deliberation.id");
    }

    static JsonPath mutate(String token, String mutation, Map<String, Object> input) {
        String selection = mutation.equals("castVote") ? "vote { id secret } replayed" : FIELDS + " replayed";
        String type = mutation.equals("castVote") ? "CastVoteInput" : INPUT_TYPES.get(mutation);
        return call(token, "mutation($input: " + type + "!) { " + mutation + "(input: $input) { " + selection + " } }", vars("input", input));
    }

    static JsonPath advance(String token, String id, String action) {
        return mutate(token, "advanceDeliberation", vars("deliberationId", id, "action", action));
    }

    static JsonPath ok(JsonPath r) {
        assertThat(r.getList("errors")).as("errors").isNull();
        return r;
    }

    static String code(JsonPath r) {
        return r.getString("errors[0].extensions.code");
    }

    static long dbId(String globalId) {
        String raw = new String(java.util.Base64.getUrlDecoder().decode(globalId));
        return Long.parseLong(raw.substring(raw.indexOf(':') + 1));
    }

    String stage(String id) {
        return (String) one("select stage from deliberation where id = ?", dbId(id));
    }

    void setStage(String id, String stage) {
        exec("update deliberation set stage = ? where id = ?", stage, dbId(id));
    }

    /** {@code n} members with a household each in grid A (households in one building) and a membership of {@code role}. */
    List<Member> people(int n, String role, String prefix) {
        List<Member> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            long building = ((Number) query(c, "insert into building (tenant_id, grid_id, community_id, name) values (?, ?, ?, ?) returning id",
                    street.streetId, street.gridA, street.communityA, prefix + "楼" + street.tag)).longValue();
            for (int i = 0; i < n; i++) {
                long household = ((Number) query(c, """
                        insert into household (tenant_id, building_id, grid_id, community_id, door_number, floor_area_sqm)
                        values (?, ?, ?, ?, ?, 90) returning id
                        """, street.streetId, building, street.gridA, street.communityA, prefix + "-" + i)).longValue();
                String subject = prefix + i + "-" + street.tag;
                long id = ((Number) query(c, "insert into member (tenant_id, community_id, household_id, name) values (?, ?, ?, ?) returning id",
                        street.streetId, street.communityA, household, "成员" + prefix + i)).longValue();
                exec(c, "insert into external_identity (member_id, kind, value) values (?, 'OIDC_SUBJECT', ?)", id, subject);
                exec(c, TestStreet.INSERT_MEMBERSHIP,
                        street.streetId, id, street.gridA, role);
                out.add(new Member(id, household, subject));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    record Member(long id, long household, String subject) {
        String token(String... roles) {
            return Tokens.of(subject, roles.length == 0 ? new String[] {"resident"} : roles);
        }

        String globalId() {
            return TestStreet.memberId(id);
        }
    }

    Object one(String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            return query(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        return ((Number) one(sql, args)).longValue();
    }

    void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            exec(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<List<Object>> rows(String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            return Sql.rows(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object query(Connection c, String sql, Object... args) throws SQLException {
        return Sql.one(c, sql, args);
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        Sql.exec(c, sql, args);
    }
}
