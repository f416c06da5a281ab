package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.resource.ResourceFixture.*;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * need.matches ranks a crafted pool in the documented order (MatchScore) and explains every component; resources
 * that do not cover the place, serve an unrelated category, are paused or exhausted are not candidates.
 */
@GraphQLTest
class ResourceMatchingTest {

    static final String MATCHES = """
            query($id: ID!, $first: Int) { need(id: $id) { id matches(first: $first) {
              score reasons resource { id name }
              components { category exactCategory proximity treeDistance capacity availability trackRecord ratedCount averageRating
                           load openAllocations }
            } } }""";

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;

    @Inject
    BusinessCalendar calendar;

    TestStreet street;
    ResourceFixture fx;

    @BeforeEach
    void street() {
        time.reset();
        street = new TestStreet(ds);
        fx = new ResourceFixture(ds, street);
    }

    private String resource(String name, String category, long coverage, long provider, Long capacity, List<Map<String, Object>> windows) {
        Map<String, Object> input = vars("kind", "SERVICE", "name", name, "categories", List.of(category),
                "providerOrganizationId", TestStreet.orgId(provider), "coverageId", TestStreet.orgId(coverage), "capacity", capacity);
        if (windows != null) {
            input.put("weeklyAvailability", windows);
        }
        return fx.create(input);
    }

    @Test
    void matchesAreRankedByTheDocumentedScoreWithTheirComponents() {
        long p1 = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "新来的助餐点");
        long p2 = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "口碑好的助餐中心");
        fx.exec("insert into resource_provider_record (provider_type, provider_id, rated_count, rating_sum, good_count) values ('O', ?, 5, 25, 5)", p2);
        String need = fx.needs(1, "ELDERLY_MEAL").get(0);
        int closedWeekday = calendar.today().plusDays(5).getDayOfWeek().getValue();

        String gridMeal = resource("网格助餐", "ELDERLY_MEAL", street.gridA, p1, 10L, null);
        String communityMeal = resource("社区助餐", "ELDERLY_MEAL", street.communityA, p2, 10L, null);
        String streetMeal = resource("街道助餐", "ELDERLY_MEAL", street.streetId, p1, 10L, null);
        String gridBath = resource("网格助浴", "ELDERLY_BATH", street.gridA, p1, 10L, null);
        String busyMeal = resource("忙碌的助餐", "ELDERLY_MEAL", street.gridA, p1, 10L, null);
        String closedMeal = resource("本周不开的助餐", "ELDERLY_MEAL", street.gridA, p1, 10L,
                List.of(vars("weekday", closedWeekday, "opens", "10:00", "closes", "12:00")));
        resource("和谐社区助餐", "ELDERLY_MEAL", street.communityB, p1, 10L, null);           // does not cover grid A
        resource("法律咨询", "LEGAL", street.gridA, p1, 10L, null);                            // unrelated category
        String paused = resource("暂停的助餐", "ELDERLY_MEAL", street.gridA, p1, 10L, null);
        call(street.streetAdminToken(), "mutation($i: ResourceStepInput!) { pauseResource(input: $i) { resource { status } } }",
                vars("i", vars("resourceId", paused)));
        resource("已满的助餐", "ELDERLY_MEAL", street.gridA, p1, 0L, null);
        fx.create(vars("kind", "POST", "name", "助餐志愿岗", "categories", List.of("ELDERLY_MEAL"),
                "providerOrganizationId", TestStreet.orgId(street.gridA), "coverageId", TestStreet.orgId(street.gridA), "capacity", 5)); // posts are claimed, not matched
        String other = fx.needs(1, "ELDERLY_MEAL").get(0);
        assertThat(allocate(street.streetAdminToken(), vars("resourceId", busyMeal, "needId", other, "units", 9)).getList("errors")).isNull();

        JsonPath r = call(street.gridWorkerAToken(), MATCHES, vars("id", need, "first", 10));
        assertThat(r.getList("errors")).isNull();
        List<String> order = r.getList("data.need.matches.resource.id");
        assertThat(order).containsExactly(gridMeal, communityMeal, closedMeal, gridBath, streetMeal, busyMeal);
        assertThat(r.getList("data.need.matches.score", Float.class)).containsExactly(0.952f, 0.861f, 0.852f, 0.802f, 0.785f, 0.777f);

        String first = "data.need.matches[0].components.";
        assertThat(r.getDouble(first + "category")).isEqualTo(1.0);
        assertThat(r.getBoolean(first + "exactCategory")).isTrue();
        assertThat(r.getInt(first + "treeDistance")).isZero();
        assertThat(r.getDouble(first + "trackRecord")).isEqualTo(0.6);
        assertThat(r.getInt(first + "ratedCount")).isZero();
        assertThat(r.getString(first + "averageRating")).isNull();
        String community = "data.need.matches[1].components.";
        assertThat(r.getInt(community + "treeDistance")).isEqualTo(1);
        assertThat(r.getDouble(community + "proximity")).isEqualTo(0.5);
        assertThat(r.getDouble(community + "trackRecord")).isEqualTo(0.886);
        assertThat(r.getDouble(community + "averageRating")).isEqualTo(5.0);
        assertThat(r.getList("data.need.matches[1].reasons", String.class)).contains("提供方5次评价，平均5.0分", "服务范围在需求所在地上1级");
        assertThat(r.getDouble("data.need.matches[2].components.availability")).isZero();
        assertThat(r.getBoolean("data.need.matches[3].components.exactCategory")).isFalse();
        assertThat(r.getDouble("data.need.matches[3].components.category")).isEqualTo(0.5);
        assertThat(r.getInt("data.need.matches[4].components.treeDistance")).isEqualTo(2);
        String busy = "data.need.matches[5].components.";
        assertThat(r.getDouble(busy + "capacity")).isEqualTo(0.1);
        assertThat(r.getDouble(busy + "load")).isEqualTo(0.5);
        assertThat(r.getInt(busy + "openAllocations")).isEqualTo(1);

        JsonPath top2 = call(street.gridWorkerAToken(), MATCHES, vars("id", need, "first", 2));
        assertThat(top2.getList("data.need.matches.resource.id")).containsExactly(gridMeal, communityMeal);
    }

    @Test
    void onlyHandlersSeeMatches() {
        String need = fx.needs(1, "ELDERLY_MEAL").get(0);
        long p = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "助餐");
        resource("网格助餐", "ELDERLY_MEAL", street.gridA, p, 10L, null);
        assertThat(call(street.gridWorkerAToken(), MATCHES, vars("id", need)).getList("data.need.matches")).hasSize(1);
        JsonPath resident = call(street.residentAToken(), MATCHES, vars("id", need));
        assertThat(resident.getList("errors")).isNull();
        assertThat(resident.getList("data.need.matches")).isEmpty();
        assertThat(code(call(street.gridWorkerAToken(), MATCHES, vars("id", need, "first", -1)))).isEqualTo("VALIDATION_FAILED");
    }
}
