package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.demo.DemoDataLoader;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The demo street has a believable resource pool and agreements in several states, usable through the personas. */
@GraphQLTest
class ResourceDemoDataTest {

    @Inject
    DataSource ds;
    @Inject
    DemoDataLoader loader;

    ResourceFixture fx;
    long street;

    @BeforeEach
    void demoStreet() {
        loader.loadDemoStreetIfAbsent();
        fx = new ResourceFixture(ds, null);
        street = fx.count("""
                select o.tenant_id from external_identity i join membership ms on ms.member_id = i.member_id
                join organization o on o.id = ms.organization_id
                where i.kind = 'OIDC_SUBJECT' and i.value = 'demo-street-admin' and ms.role = 'ADMINISTRATOR'""");
    }

    @Test
    void theDemoPoolHoldsEveryKindFromUnitsNgosAndVolunteers() {
        for (String kind : List.of("SERVICE", "VENUE", "SKILL", "FUND", "EMERGENCY_SUPPLY", "POST", "CULTURE")) {
            assertThat(fx.count("select count(*) from resource where tenant_id = ? and kind = ?", street, kind)).as(kind).isPositive();
        }
        assertThat(fx.count("""
                select count(*) from resource r join organization o on o.id = r.provider_org_id
                where r.tenant_id = ? and r.kind = 'SERVICE' and o.kind = 'CO_BUILDING_UNIT'""", street)).isGreaterThanOrEqualTo(2);
        assertThat(fx.count("""
                select count(*) from resource r join organization o on o.id = r.provider_org_id
                where r.tenant_id = ? and r.kind = 'SERVICE' and o.kind = 'SOCIAL_ORGANIZATION'""", street)).isGreaterThanOrEqualTo(3);
        assertThat(fx.count("select count(*) from resource where tenant_id = ? and kind = 'SKILL' and provider_member_id is not null", street))
                .isGreaterThanOrEqualTo(3);
        assertThat(fx.count("select count(distinct status) from co_building_agreement where tenant_id = ?", street)).isEqualTo(4);
        assertThat(fx.count("select count(*) from resource_allocation where tenant_id = ? and amount_fen is not null and status = 'CONSUMED'",
                street)).isPositive();
        assertThat(fx.count("select count(*) from resource_provider_record p join member m on p.provider_type = 'M' and m.id = p.provider_id "
                + "where m.tenant_id = ?", street)).isPositive();
        // the database's own rules hold for the demo rows too
        assertThat(fx.count("select count(*) from resource where tenant_id = ? and remaining < 0", street)).isZero();
    }

    @Test
    void thePersonasUseThePool() {
        String admin = Tokens.of("demo-street-admin", "street_admin");
        JsonPath below = call(admin, "{ communitiesBelowEmergencyStandard { community { name } stock required shortfall } }");
        assertThat(below.getList("errors")).isNull();
        assertThat(below.getList("data.communitiesBelowEmergencyStandard")).hasSize(1);

        long open = fx.count("""
                select min(n.id) from need n where n.tenant_id = ? 
                  and n.status in ('SUBMITTED', 'ACCEPTED', 'ESCALATED', 'ASSIGNED', 'CLAIMED', 'IN_PROGRESS')""",
                street);
        JsonPath matches = call(admin, "query($id: ID!) { need(id: $id) { matches { score resource { name } reasons } } }",
                vars("id", TestStreet.id("Need", open)));
        assertThat(matches.getList("errors")).isNull();
        assertThat(matches.getList("data.need.matches")).isNotEmpty();

        String resident = Tokens.of("demo-resident", "resident");
        JsonPath menu = call(resident, "{ serviceMenu(first: 50) { totalCount edges { node { id name } } } }");
        assertThat(menu.getInt("data.serviceMenu.totalCount")).isGreaterThanOrEqualTo(4);
        JsonPath funds = call(resident, "{ resources(filter: {kind: FUND}) { edges { node { name fundReport { spentFen budgetFen } } } } }");
        assertThat(funds.getList("data.resources.edges")).isNotEmpty();
        JsonPath agreements = call(resident, "{ coBuildingAgreements(first: 10) { totalCount edges { node { status figures { deliveryRate } } } } }");
        assertThat(agreements.getInt("data.coBuildingAgreements.totalCount")).isGreaterThanOrEqualTo(4);
    }
}
