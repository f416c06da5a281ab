package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.resource.ResourceFixture.*;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Bad input is VALIDATION_FAILED naming the field, with a safe message, and stores nothing. */
@GraphQLTest
class ResourceInputTest {

    @Inject
    DataSource ds;

    TestStreet street;
    ResourceFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new ResourceFixture(ds, street);
    }

    private Map<String, Object> valid() {
        return vars("kind", "SERVICE", "name", "助餐", "categories", List.of("ELDERLY_MEAL"),
                "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA),
                "capacity", 10);
    }

    private void refused(Map<String, Object> changes, String field) {
        Map<String, Object> input = new HashMap<>(valid());
        input.putAll(changes);
        long before = fx.count("select count(*) from resource");
        JsonPath r = call(street.adminAToken(), CREATE, vars("input", input));
        assertThat(r.getString("errors[0].extensions.code")).as(changes.toString()).isEqualTo("VALIDATION_FAILED");
        if (field != null) {
            assertThat(r.getString("errors[0].extensions.field")).as(changes.toString()).isEqualTo(field);
        }
        assertThat(r.getString("errors[0].message")).doesNotContain("SQL", "Exception", "org.");
        assertThat(fx.count("select count(*) from resource")).isEqualTo(before);
    }

    @Test
    void badResourcesAreRefusedFieldByField() {
        refused(vars("name", "网".repeat(101)), "name");
        refused(vars("name", "   "), "name");
        refused(vars("categories", List.of()), "categories");
        refused(vars("kind", "VENUE"), "capacity");                        // a venue is booked by slots: no capacity figure
        refused(vars("kind", "FUND", "capacity", null), "capacity");      // a fund needs its budget
        refused(vars("capacity", -1), "capacity");
        refused(vars("providerMemberId", TestStreet.memberId(street.residentAId)), "providerOrganizationId");
        refused(vars("providerOrganizationId", null), "providerOrganizationId");
        refused(vars("coverageId", "not-an-id"), "coverageId");
        refused(vars("coverageId", TestStreet.memberId(street.residentAId)), "coverageId");
        refused(vars("weeklyAvailability", List.of(vars("weekday", 8, "opens", "08:00", "closes", "12:00"))), "weeklyAvailability");
        refused(vars("weeklyAvailability", List.of(vars("weekday", 1, "opens", "12:00", "closes", "08:00"))), "weeklyAvailability");
        refused(vars("weeklyAvailability", List.of(vars("weekday", 1, "opens", "25:00", "closes", "26:00"))), "weeklyAvailability");
        refused(vars("exceptions", List.of(vars("date", "2031-01-01"), vars("date", "2031-01-01"))), "exceptions");
        refused(vars("contactPhone", "call me maybe"), "contactPhone");
        refused(vars("kind", "SPACESHIP"), null);
        refused(vars("description", "述".repeat(2001)), "description");
    }

    @Test
    void badAllocationsAreRefusedAndTakeNothing() {
        String service = fx.service("助餐", 5);
        String need = fx.needs(1, "ELDERLY_MEAL").get(0);
        String venue = fx.create(vars("kind", "VENUE", "name", "活动室", "categories", List.of("OTHER"),
                "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA),
                "weeklyAvailability", List.of(vars("weekday", 1, "opens", "08:00", "closes", "12:00")),
                "exceptions", List.of(vars("date", "2031-03-10", "note", "闭馆"))));
        Object[][] cases = {
                {vars("resourceId", service, "needId", need, "units", 0), "units"},
                {vars("resourceId", service, "needId", need, "units", 1, "amountFen", 100), "units"},
                {vars("resourceId", service, "needId", need, "amountFen", 100), "units"},
                {vars("resourceId", service, "needId", need), "units"},
                {vars("resourceId", service, "needId", "bad"), "needId"},
                {vars("resourceId", need, "needId", need, "units", 1), "resourceId"},
                {vars("resourceId", venue, "needId", need, "slotStart", "2031-03-03T10:00:00+08:00", "slotEnd", "2031-03-03T09:00:00+08:00"), "slotEnd"},
                {vars("resourceId", venue, "needId", need, "slotStart", "2031-03-03T10:00:00+08:00"), "slotStart"},
                {vars("resourceId", venue, "needId", need, "slotStart", "2031-03-03T07:00:00+08:00", "slotEnd", "2031-03-03T09:00:00+08:00"), "slotStart"},
                {vars("resourceId", venue, "needId", need, "slotStart", "2031-03-04T09:00:00+08:00", "slotEnd", "2031-03-04T10:00:00+08:00"), "slotStart"},
                {vars("resourceId", venue, "needId", need, "slotStart", "2031-03-10T09:00:00+08:00", "slotEnd", "2031-03-10T10:00:00+08:00"), "slotStart"},
                {vars("resourceId", service, "needId", need, "units", 1, "note", "注".repeat(501)), "note"}};
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            JsonPath r = allocate(street.adminAToken(), (Map<String, Object>) c[0]);
            assertThat(r.getString("errors[0].extensions.code")).as(c[0].toString()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.getString("errors[0].extensions.field")).as(c[0].toString()).isEqualTo(c[1]);
        }
        // 2031-03-03 is a Monday: inside the window is fine
        assertThat(allocate(street.adminAToken(), vars("resourceId", venue, "needId", need, "slotStart", "2031-03-03T09:00:00+08:00",
                "slotEnd", "2031-03-03T12:00:00+08:00")).getList("errors")).isNull();
        assertThat(fx.count("select count(*) from resource_allocation where resource_id = ?", dbId(service))).isZero();
        assertThat(fx.count("select remaining from resource where id = ?", dbId(service))).isEqualTo(5);
        JsonPath closed = allocate(street.adminAToken(), vars("resourceId", service, "needId",
                fx.needs(1, "ELDERLY_MEAL").get(0), "units", 1));
        assertThat(closed.getList("errors")).isNull();
        fx.exec("update need set status = 'CLOSED' where id = ?", dbId(need));
        assertThat(code(allocate(street.adminAToken(), vars("resourceId", service, "needId", need, "units", 1)))).isEqualTo("INVALID_TRANSITION");
    }
}
