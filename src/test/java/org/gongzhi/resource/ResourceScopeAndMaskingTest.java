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

/** ResourceScopeRule: who sees which resources, whose contact is masked, who may change or allocate. */
@GraphQLTest
class ResourceScopeAndMaskingTest {

    static final String GET = """
            query($id: ID!) { resource(id: $id) { id name contact { name phone masked } allocations(first: 5) { totalCount } } }""";
    static final String LIST = "{ resources(first: 100) { totalCount edges { node { id } } } }";
    static final String PAUSE = "mutation($i: ResourceStepInput!) { pauseResource(input: $i) { resource { status } } }";

    @Inject
    DataSource ds;

    TestStreet street;
    ResourceFixture fx;
    String inA;
    String inB;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new ResourceFixture(ds, street);
        inA = fx.create(vars("kind", "SERVICE", "name", "幸福社区理发", "categories", List.of("ELDERLY_BATH"),
                "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA),
                "capacity", 10, "contactName", "王建国", "contactPhone", "13912345678"));
        inB = fx.create(vars("kind", "SERVICE", "name", "和谐社区理发", "categories", List.of("ELDERLY_BATH"),
                "providerOrganizationId", TestStreet.orgId(street.communityB), "coverageId", TestStreet.orgId(street.communityB),
                "capacity", 10));
        String need = fx.needs(1, "ELDERLY_BATH").get(0);
        allocate(street.adminAToken(), vars("resourceId", inA, "needId", need, "units", 1));
    }

    @Test
    void residentsSeeMaskedContactsOfTheResourcesServingTheirHome() {
        long auditBefore = fx.count("select count(*) from audit_entry where action = 'resource.contact.read'");
        JsonPath r = call(street.residentAToken(), GET, vars("id", inA));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getString("data.resource.contact.name")).isEqualTo("王**");
        assertThat(r.getString("data.resource.contact.phone")).isEqualTo("139****5678");
        assertThat(r.getBoolean("data.resource.contact.masked")).isTrue();
        assertThat(r.getInt("data.resource.allocations.totalCount")).as("allocations are for staff").isZero();
        assertThat(fx.count("select count(*) from audit_entry where action = 'resource.contact.read'")).isEqualTo(auditBefore);

        assertThat(code(call(street.residentAToken(), GET, vars("id", inB)))).isEqualTo("FORBIDDEN");
        assertThat(call(street.residentAToken(), LIST).getList("data.resources.edges.node.id", String.class)).contains(inA).doesNotContain(inB);
    }

    @Test
    void administratorsOfTheCoverageReadContactsInFullAndAreAudited() {
        JsonPath r = call(street.adminAToken(), GET, vars("id", inA));
        assertThat(r.getString("data.resource.contact.phone")).isEqualTo("13912345678");
        assertThat(r.getInt("data.resource.allocations.totalCount")).isEqualTo(1);
        assertThat(fx.count("select count(*) from audit_entry where action = 'resource.contact.read' and entity_id = ?", dbId(inA))).isEqualTo(1);
        JsonPath other = call(street.adminBToken(), GET, vars("id", inA));
        assertThat(code(other)).as("community B's administrator does not serve community A").isEqualTo("FORBIDDEN");
        JsonPath streetView = call(street.streetAdminToken(), LIST);
        assertThat(streetView.getList("data.resources.edges.node.id", String.class)).contains(inA, inB);
    }

    @Test
    void aProvidingVolunteerSeesHerOwnContact() {
        String skill = fx.create(vars("kind", "SKILL", "name", "中医推拿", "categories", List.of("HEALTH"),
                "providerMemberId", TestStreet.memberId(street.partyMemberAId), "coverageId", TestStreet.orgId(street.communityA),
                "capacity", 4, "contactPhone", "13700001111"));
        JsonPath own = call(street.partyMemberAToken(), GET, vars("id", skill));
        assertThat(own.getString("data.resource.contact.phone")).isEqualTo("13700001111");
        assertThat(own.getBoolean("data.resource.contact.masked")).isFalse();

        String need = fx.needs(1, "HEALTH").get(0);
        allocate(street.adminAToken(), vars("resourceId", skill, "needId", need, "units", 1));
        String allocations = "query($id: ID!) { resource(id: $id) { allocations(first: 5) { totalCount edges { node { need { id } } } } } }";
        JsonPath provider = call(street.partyMemberAToken(), allocations, vars("id", skill));
        assertThat(provider.getInt("data.resource.allocations.totalCount")).isEqualTo(1);
        assertThat(provider.getString("data.resource.allocations.edges[0].node.need"))
                .as("the provider sees its bookings, not a resident's private need it does not handle").isNull();
        assertThat(call(street.adminAToken(), allocations, vars("id", skill)).getString("data.resource.allocations.edges[0].node.need.id"))
                .isEqualTo(need);
    }

    @Test
    void onlyAdministratorsOfTheCoverageChangeAResourceAndOnlyHandlersAllocate() {
        assertThat(code(call(street.adminBToken(), PAUSE, vars("i", vars("resourceId", inA))))).isEqualTo("FORBIDDEN");
        assertThat(code(call(street.residentAToken(), PAUSE, vars("i", vars("resourceId", inA))))).isEqualTo("FORBIDDEN");
        assertThat(code(call(street.gridWorkerAToken(), PAUSE, vars("i", vars("resourceId", inA))))).isEqualTo("FORBIDDEN");
        JsonPath create = call(street.adminBToken(), CREATE, vars("input", vars("kind", "SERVICE", "name", "越权登记",
                "categories", List.of("OTHER"), "providerOrganizationId", TestStreet.orgId(street.communityA),
                "coverageId", TestStreet.orgId(street.communityA), "capacity", 1)));
        assertThat(code(create)).isEqualTo("FORBIDDEN");
        String need = fx.needs(1, "ELDERLY_BATH").get(0);
        assertThat(code(allocate(street.residentAToken(), vars("resourceId", inA, "needId", need, "units", 1)))).isEqualTo("FORBIDDEN");
        assertThat(code(allocate(street.adminBToken(), vars("resourceId", inA, "needId", need, "units", 1)))).isEqualTo("FORBIDDEN");
        assertThat(call(street.adminAToken(), PAUSE, vars("i", vars("resourceId", inA))).getString("data.pauseResource.resource.status"))
                .isEqualTo("PAUSED");
        assertThat(code(call(street.residentAToken(), GET, vars("id", inA)))).as("paused resources leave the residents' list")
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void anotherStreetSeesNothing() {
        TestStreet other = new TestStreet(ds);
        assertThat(code(call(other.streetAdminToken(), GET, vars("id", inA)))).isEqualTo("FORBIDDEN");
        assertThat(call(other.streetAdminToken(), LIST).getList("data.resources.edges.node.id", String.class)).doesNotContain(inA, inB);
        assertThat(code(call(other.streetAdminToken(), PAUSE, vars("i", vars("resourceId", inA))))).isEqualTo("FORBIDDEN");
        assertThat(code(call(null, GET, vars("id", inA)))).isEqualTo("UNAUTHENTICATED");
    }
}
