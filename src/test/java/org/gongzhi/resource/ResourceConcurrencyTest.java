package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.resource.ResourceFixture.*;
import static org.gongzhi.support.GraphQL.vars;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.Concurrently;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The database never lets the pool overbook: units, venue slots and fund money, under real concurrency through /graphql. */
@GraphQLTest
class ResourceConcurrencyTest {

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
    void fiveHundredConcurrentAllocationsOnCapacityTenEndWithExactlyTen() throws Exception {
        String service = fx.service("助餐名额", 10);
        List<String> needs = fx.needs(500, "ELDERLY_MEAL");
        String token = street.gridWorkerAToken();

        List<String> outcomes = Concurrently.run(needs, need -> {
            JsonPath r = allocate(token, vars("resourceId", service, "needId", need, "units", 1));
            return r.getList("errors") == null ? "OK" : code(r);
        });

        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 10L, "CAPACITY_EXHAUSTED", 490L));
        long id = dbId(service);
        assertThat(fx.count("select count(*) from resource_allocation where resource_id = ? and status = 'RESERVED'", id)).isEqualTo(10);
        assertThat(fx.count("select remaining from resource where id = ?", id)).isZero();
        assertThat(fx.count("select open_allocations from resource where id = ?", id)).isEqualTo(10);
        assertThat(fx.count("select count(*) from audit_entry where action = 'resource.allocate' and entity_id in "
                + "(select id from resource_allocation where resource_id = ?)", id)).isEqualTo(10);
    }

    @Test
    void overlappingVenueSlotsAreRefusedEvenWhenBookedAtOnce() throws Exception {
        String venue = fx.venue("活动室");
        List<String> needs = fx.needs(60, "OTHER");
        OffsetDateTime nine = OffsetDateTime.of(2031, 3, 3, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        // 60 requests for 20 distinct one-hour slots, each slot asked three times, plus half-hour shifts that overlap two
        List<Integer> offsets = IntStream.range(0, 60).boxed().toList();
        List<String> outcomes = Concurrently.run(offsets, i -> {
            OffsetDateTime start = i < 40 ? nine.plusHours(i % 20) : nine.plusHours(i % 20).plusMinutes(30);
            JsonPath r = allocate(street.gridWorkerAToken(), vars("resourceId", venue, "needId", needs.get(i),
                    "slotStart", start.toString(), "slotEnd", start.plusHours(1).toString()));
            return r.getList("errors") == null ? "OK" : code(r);
        });
        long ok = outcomes.stream().filter("OK"::equals).count();
        assertThat(outcomes).allMatch(o -> o.equals("OK") || o.equals("CAPACITY_EXHAUSTED"));
        assertThat(ok).isBetween(10L, 20L);
        // whatever won, no two live slots of the venue overlap
        assertThat(fx.count("""
                select count(*) from resource_allocation a join resource_allocation b
                  on a.resource_id = b.resource_id and a.id < b.id and a.slot && b.slot
                where a.resource_id = ? and a.status <> 'RELEASED' and b.status <> 'RELEASED'
                """, dbId(venue))).isZero();
        assertThat(fx.count("select count(*) from resource_allocation where resource_id = ?", dbId(venue))).isEqualTo(ok);
    }

    @Test
    void aReleasedSlotCanBeBookedAgainAndAnOverlapIsRefused() {
        String venue = fx.venue("会议室");
        List<String> needs = fx.needs(3, "OTHER");
        String start = "2031-03-04T14:00:00+08:00";
        JsonPath first = allocate(street.gridWorkerAToken(), vars("resourceId", venue, "needId", needs.get(0), "slotStart", start,
                "slotEnd", "2031-03-04T16:00:00+08:00"));
        assertThat(first.getString("data.allocateResource.allocation.slotStart")).isEqualTo("2031-03-04T14:00:00+08:00");
        JsonPath overlap = allocate(street.gridWorkerAToken(), vars("resourceId", venue, "needId", needs.get(1),
                "slotStart", "2031-03-04T15:00:00+08:00", "slotEnd", "2031-03-04T17:00:00+08:00"));
        assertThat(code(overlap)).isEqualTo("CAPACITY_EXHAUSTED");
        JsonPath adjacent = allocate(street.gridWorkerAToken(), vars("resourceId", venue, "needId", needs.get(1),
                "slotStart", "2031-03-04T16:00:00+08:00", "slotEnd", "2031-03-04T17:00:00+08:00"));
        assertThat(adjacent.getList("errors")).as("end is exclusive: back-to-back slots are fine").isNull();
        org.gongzhi.support.GraphQL.call(street.gridWorkerAToken(), RELEASE,
                vars("input", vars("allocationId", first.getString("data.allocateResource.allocation.id"))));
        JsonPath again = allocate(street.gridWorkerAToken(), vars("resourceId", venue, "needId", needs.get(2),
                "slotStart", "2031-03-04T15:00:00+08:00", "slotEnd", "2031-03-04T16:00:00+08:00"));
        assertThat(again.getList("errors")).isNull();
    }

    @Test
    void theDatabaseItselfRefusesOverlappingSlotsAndOverbooking() {
        String venue = fx.venue("篮球场");
        long id = dbId(venue);
        long need = dbId(fx.needs(1, "OTHER").get(0));
        String insert = "insert into resource_allocation (tenant_id, resource_id, need_id, slot, created_at, updated_at) "
                + "values (?, ?, ?, tstzrange(?::timestamptz, ?::timestamptz, '[)'), now(), now())";
        fx.exec(insert, street.streetId, id, need, "2031-03-05T09:00+08", "2031-03-05T11:00+08");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> fx.exec(insert, street.streetId, id, need, "2031-03-05T10:00+08", "2031-03-05T12:00+08")))
                .hasMessageContaining("resource_allocation_no_overlap");
        String units = fx.service("物资", 1);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> fx.exec("update resource set remaining = remaining - 2 where id = ?", dbId(units))))
                .hasMessageContaining("resource_no_overbooking");
    }

    @Test
    void aFundIsNeverOverspentUnderConcurrency() throws Exception {
        long provider = street.organization(street.streetId, "SOCIAL_ORGANIZATION", "基金会");
        String fund = fx.create(vars("kind", "FUND", "name", "微实事资金", "categories", List.of("OTHER", "ENVIRONMENT"),
                "providerOrganizationId", TestStreet.orgId(provider), "coverageId", TestStreet.orgId(street.streetId),
                "capacity", 1_000_000L));
        List<String> needs = fx.needs(100, "ENVIRONMENT");
        // 100 requests of 30,000 fen against a budget of 1,000,000 fen: at most 33 fit
        List<String> outcomes = Concurrently.run(needs, need -> {
            JsonPath r = allocate(street.gridWorkerAToken(), vars("resourceId", fund, "needId", need, "amountFen", 30_000));
            return r.getList("errors") == null ? "OK" : code(r);
        });
        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("OK", 33L, "CAPACITY_EXHAUSTED", 67L));
        long id = dbId(fund);
        assertThat(fx.count("select coalesce(sum(amount_fen), 0) from resource_allocation where resource_id = ? and status <> 'RELEASED'", id))
                .isEqualTo(990_000L);
        assertThat(fx.count("select remaining from resource where id = ?", id)).isEqualTo(10_000L);
    }
}
