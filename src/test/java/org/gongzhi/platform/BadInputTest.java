package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.orgId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Bad input gets VALIDATION_FAILED (or QUERY_TOO_COMPLEX), a safe message, and changes nothing. */
@GraphQLTest
class BadInputTest {

    static final String CREATE = """
            mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }""";
    static final String REGISTER = """
            mutation($input: RegisterMemberInput!) { registerMember(input: $input) { member { id } } }""";

    @Inject
    DataSource ds;

    TestStreet street;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
    }

    @Test
    void anUnknownEnumValueIsRefused() throws Exception {
        long before = count("organization");
        JsonPath viaVariable = call(street.adminAToken(), CREATE,
                vars("input", vars("parentId", orgId(street.communityA), "kind", "SPACESHIP", "name", "x")));
        assertValidationFailed(viaVariable);
        JsonPath inline = call(street.adminAToken(), "mutation { createOrganization(input: {kind: SPACESHIP, name: \"x\"}) { organization { id } } }");
        assertValidationFailed(inline);
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void anOversizedStringIsRefusedAndNothingIsStored() throws Exception {
        long before = count("organization");
        JsonPath r = call(street.adminAToken(), CREATE,
                vars("input", vars("parentId", orgId(street.communityA), "kind", "GRID", "name", "网".repeat(10_000))));
        assertValidationFailed(r);
        assertThat(r.getString("errors[0].extensions.field")).isEqualTo("name");
        assertThat(count("organization")).isEqualTo(before);

        long members = count("member");
        JsonPath huge = call(street.adminAToken(), REGISTER, vars("input", vars("communityId", orgId(street.communityA),
                "name", "张三", "address", "路".repeat(5 * 1024 * 1024))));
        assertValidationFailed(huge);
        assertThat(huge.getString("errors[0].extensions.field")).isEqualTo("address");
        assertThat(count("member")).isEqualTo(members);
    }

    @Test
    void malformedAndMistypedIdsAreRefused() {
        JsonPath garbage = call(street.adminAToken(), "query($id: ID!) { organization(id: $id) { name } }", vars("id", "%%%not-an-id"));
        assertValidationFailed(garbage);
        assertThat(garbage.getString("errors[0].extensions.field")).isEqualTo("id");
        JsonPath wrongType = call(street.adminAToken(), "query($id: ID!) { organization(id: $id) { name } }",
                vars("id", TestStreet.memberId(street.residentAId)));
        assertValidationFailed(wrongType);
        JsonPath missing = call(street.adminAToken(), "query($id: ID!) { organization(id: $id) { name } }",
                vars("id", orgId(999_999_999L)));
        assertThat(missing.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void fieldRulesOfAnInputAreCheckedBeforeAnythingIsWritten() throws Exception {
        long members = count("member");
        JsonPath badId = call(street.adminAToken(), REGISTER, vars("input", vars("communityId", orgId(street.communityA),
                "name", "张三", "idNumber", "12345")));
        assertValidationFailed(badId);
        assertThat(badId.getString("errors[0].extensions.field")).isEqualTo("idNumber");
        JsonPath missingName = call(street.adminAToken(), REGISTER, vars("input", vars("communityId", orgId(street.communityA))));
        assertValidationFailed(missingName);
        assertThat(count("member")).isEqualTo(members);
    }

    @Test
    void aSyntaxErrorOrUnknownFieldIsAValidationError() {
        assertValidationFailed(call(street.adminAToken(), "{ me { name "));
        assertValidationFailed(call(street.adminAToken(), "{ me { salary } }"));
    }

    @Test
    void tooDeepAQueryIsRefused() {
        String deep = "query($id: ID!) { organization(id: $id) { " + "parent { ".repeat(20) + "name" + " }".repeat(20) + " } }";
        JsonPath r = call(street.adminAToken(), deep, vars("id", orgId(street.gridA)));
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
    }

    private static void assertValidationFailed(JsonPath r) {
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        String message = r.getString("errors[0].message");
        assertThat(message).doesNotContain("org.gongzhi", "java.", "SQL", "Exception", "select ");
    }

    private long count(String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
