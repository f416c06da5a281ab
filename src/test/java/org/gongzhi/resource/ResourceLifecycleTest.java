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

/** Registering, changing, pausing and retiring resources; allocations reserve, release and consume capacity. */
@GraphQLTest
class ResourceLifecycleTest {

    static final String STEP = """
            mutation($input: ResourceStepInput!) { %s(input: $input) { resource { id status } replayed } }""";
    static final String GET = """
            query($id: ID!) { resource(id: $id) {
              id kind name status capacity remaining categories
              providerOrganization { name } coverage { name }
              availability { weekly { weekday opens closes } exceptions { date opens closes note } }
              contact { name phone masked }
              allocations(first: 10) { totalCount edges { node { id status units need { id title } } } }
            } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    ResourceFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new ResourceFixture(ds, street);
    }

    @Test
    void anAdministratorRegistersAResourceWithScheduleAndContact() {
        String id = fx.create(vars("kind", "VENUE", "name", "幸福社区党群服务中心多功能厅", "categories", List.of("OTHER", "CHILD_CARE"),
                "providerOrganizationId", TestStreet.orgId(street.communityA), "coverageId", TestStreet.orgId(street.communityA),
                "weeklyAvailability", List.of(vars("weekday", 1, "opens", "08:30", "closes", "17:30"),
                        vars("weekday", 6, "opens", "09:00", "closes", "12:00")),
                "exceptions", List.of(vars("date", "2026-10-01", "note", "国庆闭馆")),
                "contactName", "王主任", "contactPhone", "13900001111"));
        JsonPath r = call(street.adminAToken(), GET, vars("id", id));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getString("data.resource.kind")).isEqualTo("VENUE");
        assertThat(r.getString("data.resource.capacity")).isNull();
        assertThat(r.getList("data.resource.availability.weekly")).hasSize(2);
        assertThat(r.getString("data.resource.availability.weekly[0].opens")).isEqualTo("08:30");
        assertThat(r.getString("data.resource.availability.exceptions[0].opens")).isNull();
        assertThat(r.getString("data.resource.contact.phone")).isEqualTo("13900001111");
        assertThat(r.getBoolean("data.resource.contact.masked")).isFalse();
        assertThat(fx.count("select count(*) from audit_entry where entity_type = 'Resource' and action = 'resource.contact.read' and entity_id = ?",
                dbId(id))).isEqualTo(1);
        assertThat(fx.count("select open_weekdays from resource where id = ?", dbId(id))).isEqualTo(1 | 32);
    }

    @Test
    void unitsAreReservedReleasedAndConsumed() {
        String service = fx.service("助餐送餐", 3);
        List<String> needs = fx.needs(2, "ELDERLY_MEAL");
        JsonPath a = allocate(street.gridWorkerAToken(), vars("resourceId", service, "needId", needs.get(0), "units", 2));
        assertThat(a.getList("errors")).isNull();
        assertThat(a.getLong("data.allocateResource.resource.remaining")).isEqualTo(1);
        assertThat(a.getInt("data.allocateResource.resource.openAllocations")).isEqualTo(1);
        String allocation = a.getString("data.allocateResource.allocation.id");

        assertThat(code(allocate(street.gridWorkerAToken(), vars("resourceId", service, "needId", needs.get(1), "units", 2))))
                .isEqualTo("CAPACITY_EXHAUSTED");

        JsonPath released = call(street.gridWorkerAToken(), RELEASE, vars("input", vars("allocationId", allocation)));
        assertThat(released.getString("data.releaseAllocation.allocation.status")).isEqualTo("RELEASED");
        assertThat(released.getLong("data.releaseAllocation.resource.remaining")).isEqualTo(3);
        assertThat(code(call(street.gridWorkerAToken(), RELEASE, vars("input", vars("allocationId", allocation)))))
                .isEqualTo("INVALID_TRANSITION");

        String second = allocate(street.gridWorkerAToken(), vars("resourceId", service, "needId", needs.get(1), "units", 3))
                .getString("data.allocateResource.allocation.id");
        JsonPath consumed = call(street.gridWorkerAToken(), CONSUME, vars("input", vars("allocationId", second)));
        assertThat(consumed.getString("data.consumeAllocation.allocation.status")).isEqualTo("CONSUMED");
        assertThat(consumed.getLong("data.consumeAllocation.resource.remaining")).isZero();
        assertThat(consumed.getInt("data.consumeAllocation.resource.openAllocations")).isZero();

        JsonPath view = call(street.streetAdminToken(), GET, vars("id", service));
        assertThat(view.getInt("data.resource.allocations.totalCount")).isEqualTo(2);
        assertThat(view.getString("data.resource.allocations.edges[0].node.need.title")).startsWith("需求");
    }

    @Test
    void anAllocationIsIdempotentUnderItsKey() {
        String service = fx.service("理发", 5);
        String need = fx.needs(1, "ELDERLY_MEAL").get(0);
        var input = vars("resourceId", service, "needId", need, "units", 1, "idempotencyKey", "alloc-" + street.tag);
        JsonPath first = allocate(street.gridWorkerAToken(), input);
        JsonPath again = allocate(street.gridWorkerAToken(), input);
        assertThat(again.getBoolean("data.allocateResource.replayed")).isTrue();
        assertThat(again.getString("data.allocateResource.allocation.id")).isEqualTo(first.getString("data.allocateResource.allocation.id"));
        assertThat(fx.one("select remaining from resource where id = ?", dbId(service))).isEqualTo(4L);
    }

    @Test
    void pausedResourcesTakeNoAllocationsAndRetiredOnesCannotComeBack() {
        String service = fx.service("上门助浴", 5, "ELDERLY_BATH");
        String need = fx.needs(1, "ELDERLY_BATH").get(0);
        JsonPath paused = call(street.streetAdminToken(), STEP.formatted("pauseResource"), vars("input", vars("resourceId", service)));
        assertThat(paused.getString("data.pauseResource.resource.status")).isEqualTo("PAUSED");
        assertThat(code(allocate(street.gridWorkerAToken(), vars("resourceId", service, "needId", need, "units", 1))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(code(call(street.streetAdminToken(), STEP.formatted("pauseResource"), vars("input", vars("resourceId", service)))))
                .isEqualTo("INVALID_TRANSITION");
        call(street.streetAdminToken(), STEP.formatted("retireResource"), vars("input", vars("resourceId", service)));
        assertThat(code(call(street.streetAdminToken(), STEP.formatted("resumeResource"), vars("input", vars("resourceId", service)))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(fx.one("select status from resource where id = ?", dbId(service))).isEqualTo("RETIRED");
    }

    @Test
    void capacityCannotShrinkBelowWhatIsTaken() {
        String service = fx.service("法律咨询", 5, "LEGAL");
        String need = fx.needs(1, "LEGAL").get(0);
        allocate(street.gridWorkerAToken(), vars("resourceId", service, "needId", need, "units", 4));
        String update = """
                mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { capacity remaining } } }""";
        JsonPath refused = call(street.streetAdminToken(), update, vars("input", vars("resourceId", service, "capacity", 3)));
        assertThat(code(refused)).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.getString("errors[0].extensions.field")).isEqualTo("capacity");
        JsonPath grown = call(street.streetAdminToken(), update, vars("input", vars("resourceId", service, "capacity", 10)));
        assertThat(grown.getLong("data.updateResource.resource.remaining")).isEqualTo(6);
    }

    @Test
    void aResourceServesOnlyNeedsInsideItsCoverage() {
        String venueB = fx.create(vars("kind", "ITEM", "name", "和谐社区轮椅", "categories", List.of("ELDERLY_MEDICAL"),
                "providerOrganizationId", TestStreet.orgId(street.communityB), "coverageId", TestStreet.orgId(street.communityB),
                "capacity", 2));
        String needInA = fx.needs(1, "ELDERLY_MEDICAL").get(0);
        JsonPath r = allocate(street.streetAdminToken(), vars("resourceId", venueB, "needId", needInA, "units", 1));
        assertThat(code(r)).isEqualTo("VALIDATION_FAILED");
        assertThat(r.getString("errors[0].extensions.field")).isEqualTo("resourceId");
    }
}
