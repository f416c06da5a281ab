package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.orgId;

import java.sql.Connection;
import java.sql.PreparedStatement;

import org.gongzhi.support.FreshDatabase;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

import javax.sql.DataSource;

import jakarta.inject.Inject;

@GraphQLTest
class AuditChainTest {

    static final String VERIFY = "query($id: ID!) { verifyAuditChain(organizationId: $id) { valid entriesChecked firstBrokenSequence problem } }";
    static final String RENAME = """
            mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } } }""";

    @Inject
    DataSource ds;

    TestStreet street;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        for (int i = 1; i <= 3; i++) {
            call(street.adminAToken(), RENAME, vars("input", vars("organizationId", orgId(street.gridA), "name", "网格改名" + i)));
        }
    }

    @Test
    void anIntactChainVerifies() {
        JsonPath r = call(street.adminAToken(), VERIFY, vars("id", orgId(street.communityA)));
        assertThat(r.getBoolean("data.verifyAuditChain.valid")).isTrue();
        assertThat(r.getInt("data.verifyAuditChain.entriesChecked")).isEqualTo(3);
    }

    @Test
    void aRowAlteredBehindTheApisBackIsDetected() throws Exception {
        try (Connection c = FreshDatabase.directConnection(); PreparedStatement ps = c.prepareStatement(
                "update audit_entry set actor_subject = 'someone-else' where chain_key = ? and seq = 2")) {
            ps.setLong(1, street.communityA);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonPath r = call(street.adminAToken(), VERIFY, vars("id", orgId(street.communityA)));
        assertThat(r.getBoolean("data.verifyAuditChain.valid")).isFalse();
        assertThat(r.getInt("data.verifyAuditChain.firstBrokenSequence")).isEqualTo(2);
    }

    @Test
    void aDeletedRowIsDetected() throws Exception {
        try (Connection c = FreshDatabase.directConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from audit_entry where chain_key = ? and seq = 3")) {
            ps.setLong(1, street.communityA);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonPath r = call(street.adminAToken(), VERIFY, vars("id", orgId(street.communityA)));
        assertThat(r.getBoolean("data.verifyAuditChain.valid")).isFalse();
        assertThat(r.getString("data.verifyAuditChain.problem")).contains("removed");
    }

    @Test
    void chainsAreKeptPerCommunity() {
        JsonPath b = call(street.adminBToken(), VERIFY, vars("id", orgId(street.communityB)));
        assertThat(b.getBoolean("data.verifyAuditChain.valid")).isTrue();
        assertThat(b.getInt("data.verifyAuditChain.entriesChecked")).isZero();
        JsonPath forbidden = call(street.adminBToken(), VERIFY, vars("id", orgId(street.communityA)));
        assertThat(forbidden.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath auditor = call(street.token(street.residentB, "auditor"), VERIFY, vars("id", orgId(street.communityA)));
        assertThat(auditor.getBoolean("data.verifyAuditChain.valid")).isTrue();
    }
}
