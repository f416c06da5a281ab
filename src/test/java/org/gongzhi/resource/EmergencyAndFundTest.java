package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.resource.ResourceFixture.*;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Emergency supplies against the standard (≥2 per household, ≥500 per community) and fund disclosure (资金公开). */
@GraphQLTest
class EmergencyAndFundTest {

    static final String BELOW = """
            query($under: ID) { communitiesBelowEmergencyStandard(underId: $under) {
              community { id name } households stock required belowStandard shortfall resources } }""";
    static final String STATUS = """
            query($id: ID!) { emergencySupplyStatus(communityId: $id) { households stock required belowStandard shortfall } }""";
    static final String FUNDS = """
            { resources(filter: {kind: FUND}) { edges { node { id name
              fundReport(first: 10) { budgetFen reservedFen spentFen remainingFen entries { amountFen status purpose needCategory note } } } } } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    ResourceFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new ResourceFixture(ds, street);
    }

    private String stock(long community, long units) {
        return fx.create(vars("kind", "EMERGENCY_SUPPLY", "name", "应急物资包", "categories", List.of("SAFETY_HAZARD"),
                "providerOrganizationId", TestStreet.orgId(community), "coverageId", TestStreet.orgId(community), "capacity", units));
    }

    @Test
    void communitiesBelowTheStandardAreListedWithTheirShortfall() {
        // community B: 300 households more → needs 2 × 301 = 602 units; it has 550
        fx.exec("""
                insert into household (tenant_id, building_id, grid_id, community_id, door_number)
                select tenant_id, id, grid_id, community_id, 'X-' || i from building, generate_series(1, 300) i where id = ?
                """, street.buildingB);
        stock(street.communityB, 550);
        // community A: 1 household → needs the minimum of 500; it has 300 + 300
        String a1 = stock(street.communityA, 300);
        stock(street.communityA, 300);

        JsonPath r = call(street.streetAdminToken(), BELOW, vars());
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getList("data.communitiesBelowEmergencyStandard.community.id", String.class))
                .containsExactly(TestStreet.orgId(street.communityB));
        assertThat(r.getLong("data.communitiesBelowEmergencyStandard[0].households")).isEqualTo(301);
        assertThat(r.getLong("data.communitiesBelowEmergencyStandard[0].required")).isEqualTo(602);
        assertThat(r.getLong("data.communitiesBelowEmergencyStandard[0].shortfall")).isEqualTo(52);

        JsonPath a = call(street.adminAToken(), STATUS, vars("id", TestStreet.orgId(street.communityA)));
        assertThat(a.getLong("data.emergencySupplyStatus.stock")).isEqualTo(600);
        assertThat(a.getLong("data.emergencySupplyStatus.required")).isEqualTo(500);
        assertThat(a.getBoolean("data.emergencySupplyStatus.belowStandard")).isFalse();

        // handing out 200 units takes A below the minimum
        String need = fx.needs(1, "SAFETY_HAZARD").get(0);
        assertThat(allocate(street.adminAToken(), vars("resourceId", a1, "needId", need, "units", 200)).getList("errors")).isNull();
        JsonPath after = call(street.adminAToken(), BELOW, vars());
        assertThat(after.getList("data.communitiesBelowEmergencyStandard.community.id", String.class))
                .as("a community administrator sees only her community").containsExactly(TestStreet.orgId(street.communityA));
        assertThat(after.getLong("data.communitiesBelowEmergencyStandard[0].shortfall")).isEqualTo(100);

        assertThat(code(call(street.residentAToken(), BELOW, vars()))).isEqualTo("FORBIDDEN");
        assertThat(code(call(street.adminAToken(), STATUS, vars("id", TestStreet.orgId(street.communityB))))).isEqualTo("FORBIDDEN");
    }

    @Test
    void fundSpendingIsPublicToTheResidentsOfItsScope() {
        long provider = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "慈善基金会");
        String streetFund = fx.create(vars("kind", "FUND", "name", "街道微实事资金", "categories", List.of("ENVIRONMENT"),
                "providerOrganizationId", TestStreet.orgId(provider), "coverageId", TestStreet.orgId(street.streetId), "capacity", 5_000_000));
        fx.create(vars("kind", "FUND", "name", "幸福社区为民服务资金", "categories", List.of("OTHER"),
                "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA),
                "capacity", 200_000));
        List<String> needs = fx.needs(2, "ENVIRONMENT");
        String spent = allocate(street.gridWorkerAToken(), vars("resourceId", streetFund, "needId", needs.get(0), "amountFen", 120_000,
                "note", "楼道粉刷")).getString("data.allocateResource.allocation.id");
        call(street.gridWorkerAToken(), CONSUME, vars("input", vars("allocationId", spent)));
        allocate(street.gridWorkerAToken(), vars("resourceId", streetFund, "needId", needs.get(1), "amountFen", 30_000, "note", "绿化补种"));

        JsonPath a = call(street.residentAToken(), FUNDS);
        assertThat(a.getList("errors")).isNull();
        assertThat(a.getList("data.resources.edges.node.name", String.class)).containsExactlyInAnyOrder("街道微实事资金", "幸福社区为民服务资金");
        String report = "data.resources.edges.find { it.node.name == '街道微实事资金' }.node.fundReport.";
        assertThat(a.getLong(report + "budgetFen")).isEqualTo(5_000_000);
        assertThat(a.getLong(report + "spentFen")).isEqualTo(120_000);
        assertThat(a.getLong(report + "reservedFen")).isEqualTo(30_000);
        assertThat(a.getLong(report + "remainingFen")).isEqualTo(4_850_000);
        assertThat(a.getList(report + "entries.note", String.class)).containsExactly("绿化补种", "楼道粉刷");
        assertThat(a.getList(report + "entries.needCategory", String.class)).containsOnly("ENVIRONMENT");

        JsonPath b = call(street.residentBToken(), FUNDS);
        assertThat(b.getList("data.resources.edges.node.name", String.class))
                .as("a resident of community B sees the street's fund, not community A's").containsExactly("街道微实事资金");
        String foreign = new TestStreet(ds).residentAToken();
        assertThat(call(foreign, FUNDS).getList("data.resources.edges")).isEmpty();
    }
}
