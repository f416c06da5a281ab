package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gongzhi.platform.demo.DemoContext;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The demo needs cover every status, with overdue ones and one escalated to a department. */
@GraphQLTest
class NeedDemoDataTest {

    @Inject
    DataSource ds;
    @Inject
    EntityManager em;
    @Inject
    NeedDemoData demo;

    @Test
    void demoNeedsCoverEveryStatusSomeOverdueAndSomeWithADepartment() {
        TestStreet street = new TestStreet(ds);
        NeedFixture fx = new NeedFixture(ds, street);
        // the contributor works on the street of the first resident with a household: give that street a department
        long demoStreet = (Long) fx.one("select h.tenant_id from member m join household h on h.id = m.household_id order by m.id limit 1");
        street.organization(demoStreet, "DEPARTMENT", "城管执法队");
        long before = (Long) fx.one("select count(*) from need");
        QuarkusTransaction.requiringNew().run(() -> demo.contribute(new DemoContext(em)));
        long tenant = (Long) fx.one("select tenant_id from need where id = (select max(id) from need)");
        assertThat((Long) fx.one("select count(*) from need")).isGreaterThan(before + NeedStatus.values().length);
        assertThat(fx.one("select count(distinct status) from need where tenant_id = ?", tenant)).isEqualTo((long) NeedStatus.values().length);
        assertThat((Long) fx.one("select count(*) from need where tenant_id = ? and next_deadline < now()", tenant)).isPositive();
        assertThat((Long) fx.one("select count(*) from need n join organization o on o.id = n.responsible_org_id "
                + "where n.tenant_id = ? and o.kind = 'DEPARTMENT'", tenant)).isPositive();
        assertThat((Long) fx.one("select count(*) from need where tenant_id = ? and kind = 'MICRO_WISH' and status = 'ACCEPTED'", tenant)).isPositive();
    }
}
