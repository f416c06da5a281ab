package org.gongzhi.member;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.demo.DemoDataLoader;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Loads the demo street through the demo contributors into the shared test database (next to the test
 * streets of other classes) and checks what the issue promises of it. Counts are scoped to the demo
 * street's tenant and to what order 100 writes, so later contributors may add rows freely.
 */
@GraphQLTest
class StreetDemoDataTest {

    static final String ME = "{ me { name } }";

    @Inject
    DataSource ds;

    @Inject
    DemoDataLoader loader;

    static Long street;
    static long loadMillis = -1;

    @BeforeEach
    void loadDemoStreet() throws SQLException {
        if (street == null) {
            long start = System.nanoTime();
            if (loader.loadDemoStreetIfAbsent()) {
                loadMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("Demo street loaded in " + loadMillis + " ms");
            }
            street = number("""
                    select o.tenant_id from external_identity i join membership ms on ms.member_id = i.member_id
                    join organization o on o.id = ms.organization_id
                    where i.kind = 'OIDC_SUBJECT' and i.value = 'demo-street-admin' and ms.role = 'ADMINISTRATOR'""");
        }
    }

    @Test
    void shouldLoadTheDemoStreetOnceAndQuickly() {
        assertThat(loader.loadDemoStreetIfAbsent()).as("a second load finds the demo street and does nothing").isFalse();
        if (loadMillis >= 0) {
            assertThat(loadMillis).as("load time of the whole demo street").isLessThan(15_000);
        }
    }

    @Test
    void shouldHoldTheStreetTheIssuePromises() throws SQLException {
        assertThat(count("select count(*) from organization where tenant_id = ? and kind = 'STREET_COMMITTEE'")).isEqualTo(1);
        assertThat(count("select count(*) from organization where tenant_id = ? and kind = 'COMMUNITY_COMMITTEE'")).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from organization where tenant_id = ? and kind = 'GRID'")).isEqualTo(6);
        assertThat(count("select count(*) from organization where tenant_id = ? and kind = 'CO_BUILDING_UNIT'")).isEqualTo(3);
        for (String kind : List.of("COMPOUND_BRANCH", "BUILDING_GROUP", "CENTER_HOUSEHOLD", "SOCIAL_ORGANIZATION", "DEPARTMENT", "VOLUNTEER_TEAM")) {
            assertThat(count("select count(*) from organization where tenant_id = ? and kind = '" + kind + "'")).as(kind).isPositive();
        }
        assertThat(count("select count(*) from household where tenant_id = ?")).isEqualTo(300);
        assertThat(count("select count(*) from building where tenant_id = ?")).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(*) from member where tenant_id = ? and household_id is not null")).isGreaterThanOrEqualTo(600);
        assertThat(count("""
                select count(distinct ms.member_id) from membership ms join member m on m.id = ms.member_id
                where m.tenant_id = ? and ms.role = 'RESIDENT' and m.household_id is not null""")).isGreaterThanOrEqualTo(600);
        assertThat(count("select count(*) from party_profile p join member m on m.id = p.member_id where m.tenant_id = ?")).isEqualTo(60);
    }

    @Test
    void shouldKeepEveryGridWithinTheSizeRuleAndEveryCommunityWithItsThreeParties() throws SQLException {
        assertThat(count("""
                select count(*) from organization g where g.tenant_id = ? and g.kind = 'GRID'
                  and (select count(*) from household h where h.grid_id = g.id) not between 1 and 500""")).isZero();
        assertThat(count("""
                select count(*) from organization c where c.tenant_id = ? and c.kind = 'COMMUNITY_COMMITTEE'
                  and (select count(distinct p.kind) from organization p where p.parent_id = c.id
                       and p.kind in ('RESIDENTS_COMMITTEE', 'OWNERS_COMMITTEE', 'PROPERTY_COMPANY')) <> 3""")).isZero();
    }

    @Test
    void shouldComputeOrganizationPathsLikeTheOrganizationService() throws SQLException {
        assertThat(count("select count(*) from organization where tenant_id = ? and parent_id is null and (path <> '/' || id || '/' or depth <> 0 or tenant_id <> id)"))
                .isZero();
        assertThat(count("""
                select count(*) from organization o join organization p on p.id = o.parent_id where o.tenant_id = ?
                  and (o.path <> p.path || o.id || '/' or o.depth <> p.depth + 1 or o.tenant_id <> p.tenant_id
                       or o.community_id is distinct from (case when o.kind = 'COMMUNITY_COMMITTEE' then o.id else p.community_id end))""")).isZero();
        assertThat(count("""
                select count(*) from household h join building b on b.id = h.building_id join organization g on g.id = h.grid_id
                where h.tenant_id = ? and (b.grid_id <> h.grid_id or g.kind <> 'GRID' or g.community_id <> h.community_id)""")).isZero();
    }

    @Test
    void shouldGivePartyMembersProfilesDualRegistrationAndResponsibilities() throws SQLException {
        String profiles = "select count(*) from party_profile p join member m on m.id = p.member_id where m.tenant_id = ? and ";
        assertThat(count(profiles + "p.in_service and p.registered_community_id is not null and p.workplace is not null")).isPositive();
        assertThat(count(profiles + "p.floating")).isPositive();
        assertThat(count(profiles + "p.standing = 'PROBATIONARY'")).isPositive();
        assertThat(count(profiles + "p.joined_on > current_date")).isZero();
        assertThat(count("""
                select count(*) from (select r.party_member_id, count(*) n from responsibility_link r
                  join member m on m.id = r.party_member_id where m.tenant_id = ? group by 1) x where n between 5 and 10""")).isGreaterThanOrEqualTo(5);
        assertThat(count("""
                select count(*) from (select r.party_member_id, count(*) n from responsibility_link r
                  join member m on m.id = r.party_member_id where m.tenant_id = ? group by 1) x where n > 10""")).isZero();
        assertThat(count("""
                select count(*) from party_profile p join member m on m.id = p.member_id join external_identity i on i.member_id = m.id
                where m.tenant_id = ? and i.value = 'demo-party-member' and p.in_service and p.registered_community_id = m.community_id""")).isEqualTo(1);
    }

    @Test
    void shouldGiveResidentsWellFormedSyntheticPersonalData() throws SQLException {
        List<String> ids = strings("select id_number from member where tenant_id = ?");
        assertThat(ids).allSatisfy(id -> {
            assertThat(id).matches("\\d{17}[\\dX]");
            assertThat(id.charAt(17)).isEqualTo(DemoPeople.checkDigit(id.substring(0, 17)));
        }).doesNotHaveDuplicates();
        assertThat(strings("select phone from member where tenant_id = ? and phone is not null")).allMatch(p -> p.matches("1380000\\d{4}"));
        assertThat(count("select count(*) from member where tenant_id = ? and special_tags && array['ELDERLY_LIVING_ALONE','LEFT_BEHIND_CHILD','VETERAN']"))
                .isPositive();
        assertThat(count("""
                select count(*) from member where tenant_id = ? and name !~ '^[\\u4e00-\\u9fff]{2,3}$'""")).isZero();
        for (String role : List.of("RESIDENT", "PARTY_MEMBER", "VOLUNTEER", "GRID_WORKER", "BUILDING_LEADER", "RESIDENTS_REPRESENTATIVE", "ADMINISTRATOR")) {
            assertThat(count("select count(*) from membership where tenant_id = ? and role = '" + role + "'")).as(role).isPositive();
        }
    }

    @Test
    void shouldAnswerMeForEveryDemoPersona() throws SQLException {
        Map<String, String[]> personas = Map.of(
                "demo-street-admin", new String[] {"street_admin"},
                "demo-community-admin", new String[] {"community_admin"},
                "demo-grid-worker", new String[] {"grid_worker"},
                "demo-party-member", new String[] {"party_member", "volunteer", "resident"},
                "demo-resident", new String[] {"resident"},
                "demo-volunteer", new String[] {"volunteer", "resident"});
        for (Map.Entry<String, String[]> p : personas.entrySet()) {
            JsonPath r = call(Tokens.of(p.getKey(), p.getValue()), ME);
            assertThat(r.getList("errors")).as(p.getKey()).isNull();
            assertThat(r.getString("data.me.name")).as(p.getKey()).isEqualTo(nameOf("OIDC_SUBJECT", p.getKey()));
        }
        JsonPath acting = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Tokens.of("demo-miniprogram", "service_client"))
                .header("X-Acting-For", "WECHAT_OPENID:" + StreetDemoData.DEMO_RESIDENT_OPENID)
                .body(Map.of("query", ME)).post("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(acting.getList("errors")).isNull();
        assertThat(acting.getString("data.me.name")).isEqualTo(nameOf("OIDC_SUBJECT", "demo-resident"));
    }

    @Test
    void shouldScopeThePersonasByTheirMemberships() throws SQLException {
        assertThat(count("""
                select count(*) from external_identity i join membership ms on ms.member_id = i.member_id
                join organization o on o.id = ms.organization_id where o.tenant_id = ? and (
                  (i.value = 'demo-street-admin' and ms.role = 'ADMINISTRATOR' and o.kind = 'STREET_COMMITTEE')
                  or (i.value = 'demo-community-admin' and ms.role = 'ADMINISTRATOR' and o.kind = 'COMMUNITY_COMMITTEE')
                  or (i.value = 'demo-grid-worker' and ms.role = 'GRID_WORKER' and o.kind = 'GRID')
                  or (i.value = 'demo-party-member' and ms.role in ('PARTY_MEMBER', 'VOLUNTEER'))
                  or (i.value = 'demo-resident' and ms.role = 'RESIDENT')
                  or (i.value = 'demo-volunteer' and ms.role = 'VOLUNTEER'))""")).isEqualTo(7);
        assertThat(count("""
                select count(*) from member m join external_identity i on i.member_id = m.id
                where m.tenant_id = ? and i.value = 'demo-resident' and m.household_id is not null and m.phone is not null
                  and m.id_number is not null and m.address is not null""")).isEqualTo(1);
    }

    @Test
    void shouldNotBuildTheDevTokenIssuerOutsideTheDevProfile() {
        given().get("/dev/oidc/jwks").then().statusCode(404);
        given().post("/dev/oidc/token?persona=demo-street-admin").then().statusCode(404);
    }

    // ---------------------------------------------------------------- helpers

    private String nameOf(String kind, String value) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select m.name from member m join external_identity i on i.member_id = m.id where i.kind = ? and i.value = ?")) {
            ps.setString(1, kind);
            ps.setString(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(value + " is bound").isTrue();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, street);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, street);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private Long number(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("the demo street is loaded").isTrue();
            return rs.getLong(1);
        }
    }
}
