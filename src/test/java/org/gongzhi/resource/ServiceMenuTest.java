package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.resource.ResourceFixture.*;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** 菜单式服务: a resident's menu, an order that creates the assigned need and its allocation together — or neither. */
@GraphQLTest
class ServiceMenuTest {

    static final String MENU = """
            query($category: NeedCategory) { serviceMenu(category: $category, first: 20) { totalCount edges { node { id name kind remaining } } } }""";
    static final String ORDER = """
            mutation($input: OrderServiceInput!) { orderService(input: $input) {
              need { id status category title assigneeOrganization { id name } timeline(first: 10) { edges { node { kind } } } }
              allocation { id status units resource { id remaining } } replayed } }""";
    static final String RATE_FLOW = """
            mutation($id: ID!) { startNeed(input: {needId: $id}) { need { status } } }""";

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;

    TestStreet street;
    ResourceFixture fx;

    @BeforeEach
    void street() {
        time.reset();
        street = new TestStreet(ds);
        fx = new ResourceFixture(ds, street);
    }

    @Test
    void aResidentSeesTheServicesCoveringHerHousehold() {
        String meal = fx.service("长者助餐", 5, "ELDERLY_MEAL");
        String full = fx.service("已约满的理发", 0, "ELDERLY_MEAL");
        String venue = fx.venue("活动室");
        String other = fx.create(vars("kind", "SERVICE", "name", "和谐社区家政", "categories", List.of("OTHER"),
                "providerOrganizationId", TestStreet.orgId(street.communityB), "coverageId", TestStreet.orgId(street.communityB),
                "capacity", 5));
        JsonPath r = call(street.residentAToken(), MENU, vars());
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getList("data.serviceMenu.edges.node.id", String.class)).contains(meal).doesNotContain(full, venue, other);
        assertThat(call(street.residentAToken(), MENU, vars("category", "LEGAL")).getList("data.serviceMenu.edges")).isEmpty();
        assertThat(call(street.residentBToken(), MENU, vars()).getList("data.serviceMenu.edges.node.id", String.class))
                .contains(meal, other);
    }

    @Test
    void anOrderCreatesTheAssignedNeedAndItsAllocationTogether() {
        long provider = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "助浴服务队");
        String bath = fx.create(vars("kind", "SERVICE", "name", "上门助浴", "categories", List.of("ELDERLY_BATH"),
                "providerOrganizationId", TestStreet.orgId(provider), "coverageId", TestStreet.orgId(street.streetId), "capacity", 2));
        JsonPath r = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", bath, "description", "周三下午上门助浴",
                "idempotencyKey", "order-" + street.tag)));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getString("data.orderService.need.status")).isEqualTo("ASSIGNED");
        assertThat(r.getString("data.orderService.need.category")).isEqualTo("ELDERLY_BATH");
        assertThat(r.getString("data.orderService.need.assigneeOrganization.id")).isEqualTo(TestStreet.orgId(provider));
        assertThat(r.getList("data.orderService.need.timeline.edges.node.kind", String.class))
                .containsExactly("SUBMITTED", "ACCEPTED", "ASSIGNED");
        assertThat(r.getString("data.orderService.allocation.status")).isEqualTo("RESERVED");
        assertThat(r.getLong("data.orderService.allocation.resource.remaining")).isEqualTo(1);
        String need = r.getString("data.orderService.need.id");
        assertThat(fx.count("select count(*) from resource_allocation where need_id = ?", dbId(need))).isEqualTo(1);
        assertThat(fx.count("select count(*) from audit_entry where action = 'need.createAssigned' and entity_id = ?", dbId(need)))
                .isEqualTo(1);

        JsonPath again = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", bath, "description", "周三下午上门助浴",
                "idempotencyKey", "order-" + street.tag)));
        assertThat(again.getBoolean("data.orderService.replayed")).isTrue();
        assertThat(again.getString("data.orderService.need.id")).isEqualTo(need);
        assertThat(fx.count("select remaining from resource where id = ?", dbId(bath))).isEqualTo(1);
    }

    @Test
    void aFailedOrderLeavesNeitherNeedNorAllocation() {
        String meal = fx.service("助餐最后一份", 1, "ELDERLY_MEAL");
        assertThat(call(street.residentAToken(), ORDER, vars("input", vars("resourceId", meal, "description", "午餐一份")))
                .getList("errors")).isNull();
        long needsBefore = fx.count("select count(*) from need where requester_member_id = ?", street.residentAId);
        long eventsBefore = fx.count("select count(*) from need_event");
        long auditBefore = fx.count("select count(*) from audit_entry where action = 'need.createAssigned'");

        // the need is created first, then the allocation fails: the whole order rolls back
        JsonPath refused = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", meal, "description", "再来一份")));
        assertThat(code(refused)).isEqualTo("CAPACITY_EXHAUSTED");
        assertThat(fx.count("select count(*) from need where requester_member_id = ?", street.residentAId)).isEqualTo(needsBefore);
        assertThat(fx.count("select count(*) from need_event")).isEqualTo(eventsBefore);
        assertThat(fx.count("select count(*) from audit_entry where action = 'need.createAssigned'")).isEqualTo(auditBefore);
        assertThat(fx.count("select count(*) from resource_allocation where resource_id = ?", dbId(meal))).isEqualTo(1);
    }

    @Test
    void cancellingAnOrderReleasesItsPlaceAndResolvingOneConsumesIt() {
        String meal = fx.service("助餐两份", 2, "ELDERLY_MEAL");
        String first = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", meal, "description", "午餐")))
                .getString("data.orderService.need.id");
        String second = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", meal, "description", "晚餐")))
                .getString("data.orderService.need.id");
        assertThat(fx.count("select remaining from resource where id = ?", dbId(meal))).isZero();

        JsonPath cancelled = call(street.residentAToken(), "mutation($id: ID!) { cancelNeed(input: {needId: $id}) { need { status } } }",
                vars("id", first));
        assertThat(cancelled.getString("data.cancelNeed.need.status")).isEqualTo("CANCELLED");
        assertThat(fx.one("select status from resource_allocation where need_id = ?", dbId(first))).isEqualTo("RELEASED");
        assertThat(fx.count("select remaining from resource where id = ?", dbId(meal))).isEqualTo(1);

        call(street.gridWorkerAToken(), RATE_FLOW, vars("id", second));
        call(street.gridWorkerAToken(), "mutation($id: ID!) { resolveNeed(input: {needId: $id, resolutionNote: \"已送餐\"}) { need { status } } }",
                vars("id", second));
        assertThat(fx.one("select status from resource_allocation where need_id = ?", dbId(second))).isEqualTo("CONSUMED");
        assertThat(fx.count("select remaining from resource where id = ?", dbId(meal))).isEqualTo(1);
        assertThat(fx.count("select open_allocations from resource where id = ?", dbId(meal))).isZero();
    }

    @Test
    void ordersOutsideTheCoverageOrForAnotherHouseholdAreRefused() {
        String other = fx.create(vars("kind", "SERVICE", "name", "和谐社区家政", "categories", List.of("OTHER"),
                "providerOrganizationId", TestStreet.orgId(street.communityB), "coverageId", TestStreet.orgId(street.communityB),
                "capacity", 5));
        JsonPath outside = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", other, "description", "打扫")));
        assertThat(code(outside)).isEqualTo("VALIDATION_FAILED");
        assertThat(outside.getString("errors[0].extensions.field")).isEqualTo("resourceId");
        String meal = fx.service("助餐", 5, "ELDERLY_MEAL");
        JsonPath forB = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", meal, "description", "代订",
                "householdId", TestStreet.id("Household", street.householdB))));
        assertThat(code(forB)).isEqualTo("FORBIDDEN");
        JsonPath wrongCategory = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", meal, "description", "法律",
                "category", "LEGAL")));
        assertThat(wrongCategory.getString("errors[0].extensions.field")).isEqualTo("category");
        String venue = fx.venue("活动室");
        assertThat(code(call(street.residentAToken(), ORDER, vars("input", vars("resourceId", venue, "description", "借场地")))))
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aRatedOrderBuildsTheProviderTrackRecordUsedByMatching() {
        long provider = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "口碑助餐");
        String meal = fx.create(vars("kind", "SERVICE", "name", "口碑助餐", "categories", List.of("ELDERLY_MEAL"),
                "providerOrganizationId", TestStreet.orgId(provider), "coverageId", TestStreet.orgId(street.streetId), "capacity", 5));
        String need = call(street.residentAToken(), ORDER, vars("input", vars("resourceId", meal, "description", "午餐")))
                .getString("data.orderService.need.id");
        call(street.gridWorkerAToken(), RATE_FLOW, vars("id", need));
        call(street.gridWorkerAToken(), "mutation($id: ID!) { resolveNeed(input: {needId: $id, resolutionNote: \"已送餐\"}) { need { status } } }",
                vars("id", need));
        JsonPath rated = call(street.residentAToken(), "mutation($id: ID!) { rateNeed(input: {needId: $id, rating: 4}) { need { status } } }",
                vars("id", need));
        assertThat(rated.getString("data.rateNeed.need.status")).isEqualTo("RATED");
        assertThat(fx.count("select rated_count from resource_provider_record where provider_type = 'O' and provider_id = ?", provider))
                .isEqualTo(1);
        assertThat(fx.count("select rating_sum from resource_provider_record where provider_type = 'O' and provider_id = ?", provider))
                .isEqualTo(4);
        String fresh = fx.needs(1, "ELDERLY_MEAL").get(0);
        JsonPath m = call(street.gridWorkerAToken(), "query($id: ID!) { need(id: $id) { matches { resource { id } components { ratedCount averageRating } } } }",
                vars("id", fresh));
        assertThat(m.getInt("data.need.matches[0].components.ratedCount")).isEqualTo(1);
        assertThat(m.getDouble("data.need.matches[0].components.averageRating")).isEqualTo(4.0);
    }
}
