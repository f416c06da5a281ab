package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.demo.DemoDataLoader;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.gongzhi.support.Tokens;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The demo street has deliberations in every stage, as the demo resident sees them through the API. */
@GraphQLTest
class DeliberationDemoDataTest {

    @Inject
    DataSource ds;
    @Inject
    DemoDataLoader loader;

    @Test
    void theDemoResidentSeesDeliberationsInEveryStageWithRealTalliesAndTasks() {
        loader.loadDemoStreetIfAbsent();
        DeliberationFixture fx = new DeliberationFixture(ds, new TestStreet(ds));
        long street = (Long) fx.one("""
                select o.tenant_id from external_identity i join membership ms on ms.member_id = i.member_id
                join organization o on o.id = ms.organization_id
                where i.kind = 'OIDC_SUBJECT' and i.value = 'demo-street-admin' and ms.role = 'ADMINISTRATOR'""");
        assertThat(fx.count("select count(distinct stage) from deliberation where tenant_id = ?", street))
                .isEqualTo(DeliberationStage.values().length);

        JsonPath r = call(Tokens.of("demo-resident", "resident"), """
                { deliberations(first: 50) { totalCount edges { node { title kind stage outcome
                    participatingOrganizations { kind } fourSteps { status } publicities { kind }
                    vote { secret tally { participatingUnits quorumReached } } tasks { status overdue } executionRate { rate }
                    budgetSelection { selected { title } } } } } }""");
        assertThat(r.getList("errors")).isNull();
        List<Map<String, Object>> nodes = r.getList("data.deliberations.edges.node");
        assertThat(nodes).hasSizeGreaterThanOrEqualTo(10);
        Map<String, Object> finished = nodes.stream().filter(n -> "FOUR_DELIBERATIONS".equals(n.get("kind")) && "COMPLETED".equals(n.get("stage")))
                .findFirst().orElseThrow();
        assertThat(finished.get("publicities").toString()).contains("RESOLUTION", "IMPLEMENTATION_RESULT");
        assertThat(nodes.stream().filter(n -> "JOINT_MEETING".equals(n.get("kind")))
                .flatMap(n -> ((List<?>) n.get("participatingOrganizations")).stream()).count()).isEqualTo(3L);
        assertThat(nodes.stream().filter(n -> "IMPLEMENTING".equals(n.get("stage"))).findFirst().orElseThrow().get("tasks").toString())
                .contains("overdue=true");
        assertThat(nodes.stream().filter(n -> "PARTICIPATORY_BUDGET".equals(n.get("kind"))).findFirst().orElseThrow()
                .get("budgetSelection").toString()).contains("title");
        assertThat(nodes.stream().filter(n -> "VOTING".equals(n.get("stage")) && n.get("vote") != null).count()).isGreaterThanOrEqualTo(2L);
    }
}
