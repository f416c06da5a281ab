package org.gongzhi.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.memberId;
import static org.gongzhi.support.TestStreet.orgId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

@GraphQLTest
class MemberScopeAndPrivacyTest {

    static final String MEMBER = "query($id: ID!) { member(id: $id) { name contact { phone idNumber address masked } specialTags } }";

    @Inject
    DataSource ds;

    TestStreet street;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
    }

    @Test
    void anonymousCallersGetUnauthenticatedButMayReadEnumLabels() {
        JsonPath me = call(null, "{ me { name } }");
        assertThat(me.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        JsonPath org = call(null, "query($id: ID!) { organization(id: $id) { name } }", vars("id", orgId(street.communityA)));
        assertThat(org.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        JsonPath labels = call(null, "{ enumLabels(type: \"OrganizationKind\") { type values { value label } } }");
        assertThat(labels.getList("errors")).isNull();
        assertThat(labels.getString("data.enumLabels[0].values.find { it.value == 'GRID' }.label")).isEqualTo("网格党支部");
    }

    @Test
    void meResolvesTheCallerFromTheTokenSubject() {
        JsonPath me = call(street.residentAToken(), "{ me { name household { doorNumber } community { name } } }");
        assertThat(me.getString("data.me.name")).isEqualTo("居民张三");
        assertThat(me.getString("data.me.household.doorNumber")).isEqualTo("1-101");
        JsonPath unbound = call(Tokens.of("nobody-" + street.tag, "resident"), "{ me { name } }");
        assertThat(unbound.getList("errors")).isNull();
        assertThat(unbound.getString("data.me")).isNull();
    }

    @Test
    void anAdministratorOfCommunityAIsForbiddenInCommunityB() {
        JsonPath read = call(street.adminAToken(), MEMBER, vars("id", memberId(street.residentBId)));
        assertThat(read.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(read.getString("data.member")).isNull();

        JsonPath list = call(street.adminAToken(), "query($id: ID!) { members(underOrganizationId: $id) { totalCount } }",
                vars("id", orgId(street.communityB)));
        assertThat(list.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");

        JsonPath nested = call(street.adminAToken(), "query($id: ID!) { organization(id: $id) { name members { totalCount } } }",
                vars("id", orgId(street.communityB)));
        assertThat(nested.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");

        JsonPath rename = call(street.adminAToken(), """
                mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } } }""",
                vars("input", vars("organizationId", orgId(street.communityB), "name", "被篡改的社区")));
        assertThat(rename.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath unchanged = call(street.adminBToken(), "query($id: ID!) { organization(id: $id) { name } }", vars("id", orgId(street.communityB)));
        assertThat(unchanged.getString("data.organization.name")).isEqualTo("和谐社区" + street.tag);

        JsonPath own = call(street.adminAToken(), "query($id: ID!) { members(underOrganizationId: $id) { totalCount } }",
                vars("id", orgId(street.communityA)));
        assertThat(own.getInt("data.members.totalCount")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aResidentSeesOnlyTheirOwnRecord() {
        JsonPath own = call(street.residentAToken(), MEMBER, vars("id", memberId(street.residentAId)));
        assertThat(own.getString("data.member.name")).isEqualTo("居民张三");
        assertThat(own.getBoolean("data.member.contact.masked")).isFalse();
        JsonPath other = call(street.residentAToken(), MEMBER, vars("id", memberId(street.partyMemberAId)));
        assertThat(other.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath list = call(street.residentAToken(), "query($id: ID!) { members(underOrganizationId: $id) { totalCount } }",
                vars("id", orgId(street.communityA)));
        assertThat(list.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void anotherStreetIsInvisible() {
        TestStreet other = new TestStreet(ds);
        JsonPath r = call(street.streetAdminToken(), "query($id: ID!) { organization(id: $id) { name } }",
                vars("id", orgId(other.communityA)));
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void contactDataIsMaskedForAGridWorkerAndFullAndAuditedForTheAdministrator() throws Exception {
        long before = contactReads(street.residentAId);
        JsonPath masked = call(street.gridWorkerAToken(), MEMBER, vars("id", memberId(street.residentAId)));
        assertThat(masked.getString("data.member.contact.phone")).isEqualTo("138****5678");
        assertThat(masked.getString("data.member.contact.idNumber")).isEqualTo("110***********1234");
        assertThat(masked.getString("data.member.contact.address")).doesNotContain("幸福路");
        assertThat(masked.getBoolean("data.member.contact.masked")).isTrue();
        assertThat(contactReads(street.residentAId)).isEqualTo(before);

        JsonPath full = call(street.adminAToken(), MEMBER, vars("id", memberId(street.residentAId)));
        assertThat(full.getString("data.member.contact.phone")).isEqualTo("13812345678");
        assertThat(full.getString("data.member.contact.idNumber")).isEqualTo("110101199003071234");
        assertThat(full.getBoolean("data.member.contact.masked")).isFalse();
        assertThat(contactReads(street.residentAId)).isEqualTo(before + 1);

        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select actor_subject from audit_entry where action = 'member.contact.read' and entity_id = ? order by id desc limit 1")) {
            ps.setLong(1, street.residentAId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(street.adminA);
            }
        }
    }

    @Test
    void specialGroupTagsAreShownOnlyToThoseWhoServeTheMember() throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update member set special_tags = '{ELDERLY_LIVING_ALONE}' where id = ?")) {
            ps.setLong(1, street.residentAId);
            ps.executeUpdate();
        }
        JsonPath worker = call(street.gridWorkerAToken(), MEMBER, vars("id", memberId(street.residentAId)));
        assertThat(worker.getList("data.member.specialTags", String.class)).containsExactly("ELDERLY_LIVING_ALONE");
        JsonPath self = call(street.residentAToken(), "{ me { specialTags } }");
        assertThat(self.getList("data.me.specialTags", String.class)).containsExactly("ELDERLY_LIVING_ALONE");
    }

    @Test
    void aServiceClientActsForTheMemberBoundToAWeChatOpenid() throws Exception {
        String openid = "o-" + street.tag;
        JsonPath bind = call(street.residentAToken(), """
                mutation($input: BindExternalIdentityInput!) { bindExternalIdentity(input: $input) { member { name externalIdentities { kind value } } } }""",
                vars("input", vars("memberId", memberId(street.residentAId), "kind", "WECHAT_OPENID", "value", openid)));
        assertThat(bind.getList("errors")).isNull();
        assertThat(bind.getList("data.bindExternalIdentity.member.externalIdentities.kind", String.class)).contains("WECHAT_OPENID");

        String client = Tokens.of("miniprogram-backend-" + street.tag, "service_client");
        JsonPath me = io.restassured.RestAssured.given().contentType("application/json")
                .header("Authorization", "Bearer " + client).header("X-Acting-For", "WECHAT_OPENID:" + openid)
                .body(java.util.Map.of("query", "{ me { name } }")).post("/graphql").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("data.me.name")).isEqualTo("居民张三");

        JsonPath again = call(street.residentBToken(), """
                mutation($input: BindExternalIdentityInput!) { bindExternalIdentity(input: $input) { member { name } } }""",
                vars("input", vars("memberId", memberId(street.residentBId), "kind", "WECHAT_OPENID", "value", openid)));
        assertThat(again.getString("errors[0].extensions.code")).isEqualTo("CONFLICT");
    }

    private long contactReads(long memberId) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from audit_entry where action = 'member.contact.read' and entity_id = ?")) {
            ps.setLong(1, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
