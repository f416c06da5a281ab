package org.gongzhi.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.resource.ResourceFixture.*;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** 共建协议: 商约 → 签约 → 履约 → 评约 with the three lists, committed-versus-delivered figures, illegal steps refused. */
@GraphQLTest
class AgreementLifecycleTest {

    static final String PAYLOAD = "{ agreement { id status evaluationScore } replayed }";
    static final String CREATE = "mutation($i: CreateAgreementInput!) { createCoBuildingAgreement(input: $i) " + PAYLOAD + " }";
    static final String ADD = "mutation($i: AddAgreementItemInput!) { addCoBuildingAgreementItem(input: $i) " + PAYLOAD + " }";
    static final String STEP = "mutation($i: AgreementStepInput!) { %s(input: $i) " + PAYLOAD + " }";
    static final String EVALUATE = "mutation($i: EvaluateAgreementInput!) { evaluateCoBuildingAgreement(input: $i) " + PAYLOAD + " }";
    static final String DELIVER = "mutation($i: RecordAgreementDeliveryInput!) { recordCoBuildingAgreementDelivery(input: $i) " + PAYLOAD + " }";
    static final String GET = """
            query($id: ID!) { coBuildingAgreement(id: $id) { id title status party { name } unit { name kind }
              items { id list title committed delivered resource { id status kind } }
              figures { needsCommitted needsDelivered resourcesCommitted resourceCapacityCommitted resourceCapacityDelivered
                        projectsCommitted projectsDelivered deliveryRate } } }""";

    @Inject
    DataSource ds;

    TestStreet street;
    ResourceFixture fx;
    long unit;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new ResourceFixture(ds, street);
        unit = street.organization(street.communityA, "CO_BUILDING_UNIT", "第一小学党支部");
    }

    private JsonPath as(String token, String op, Map<String, Object> input) {
        return call(token, op, vars("i", input));
    }

    private String agreement() {
        JsonPath r = as(street.adminAToken(), CREATE, vars("partyId", TestStreet.orgId(street.communityA), "unitId", TestStreet.orgId(unit),
                "title", "2026年度共建协议", "startsOn", "2026-01-01", "endsOn", "2026-12-31"));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getString("data.createCoBuildingAgreement.agreement.status")).isEqualTo("NEGOTIATING");
        return r.getString("data.createCoBuildingAgreement.agreement.id");
    }

    @Test
    void anAgreementGoesThroughTheFourStagesWithItsThreeLists() {
        String id = agreement();
        String need = fx.needs(1, "CHILD_CARE").get(0);
        assertThat(as(street.adminAToken(), ADD, vars("agreementId", id, "list", "NEED", "needId", need)).getList("errors")).isNull();
        assertThat(as(street.adminAToken(), ADD, vars("agreementId", id, "list", "RESOURCE", "resource",
                vars("kind", "SERVICE", "name", "四点半课堂", "categories", List.of("CHILD_CARE"), "capacity", 40))).getList("errors")).isNull();
        assertThat(as(street.adminAToken(), ADD, vars("agreementId", id, "list", "PROJECT", "title", "校园开放日", "committedQuantity", 4,
                "unitLabel", "场")).getList("errors")).isNull();

        JsonPath negotiating = call(street.residentAToken(), GET, vars("id", id));
        assertThat(negotiating.getList("errors")).as("agreements are public to the street").isNull();
        assertThat(negotiating.getList("data.coBuildingAgreement.items.list", String.class)).containsExactly("NEED", "RESOURCE", "PROJECT");
        assertThat(negotiating.getString("data.coBuildingAgreement.items[0].title")).as("a private need shows by its category")
                .isEqualTo("儿童托管/四点半课堂需求");
        assertThat(negotiating.getString("data.coBuildingAgreement.items[1].resource.status")).isEqualTo("PAUSED");
        String resource = negotiating.getString("data.coBuildingAgreement.items[1].resource.id");
        String project = negotiating.getString("data.coBuildingAgreement.items[2].id");

        assertThat(code(as(street.adminAToken(), STEP.formatted("performCoBuildingAgreement"), vars("agreementId", id))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(as(street.adminAToken(), STEP.formatted("signCoBuildingAgreement"), vars("agreementId", id))
                .getString("data.signCoBuildingAgreement.agreement.status")).isEqualTo("SIGNED");
        assertThat(fx.one("select status from resource where id = ?", dbId(resource))).as("signing puts it in the pool").isEqualTo("ACTIVE");
        assertThat(code(as(street.adminAToken(), ADD, vars("agreementId", id, "list", "PROJECT", "title", "迟到的项目"))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(code(as(street.adminAToken(), DELIVER, vars("itemId", project, "delivered", 1)))).isEqualTo("INVALID_TRANSITION");
        as(street.adminAToken(), STEP.formatted("performCoBuildingAgreement"), vars("agreementId", id));

        // delivery: the project records 2 of 4, the resource serves 10 places, the need is resolved
        as(street.adminAToken(), DELIVER, vars("itemId", project, "delivered", 2));
        String forResource = fx.needs(1, "CHILD_CARE").get(0);
        String allocation = allocate(street.adminAToken(), vars("resourceId", resource, "needId", forResource, "units", 10))
                .getString("data.allocateResource.allocation.id");
        call(street.adminAToken(), CONSUME, vars("input", vars("allocationId", allocation)));
        fx.exec("update need set status = 'RESOLVED', resolved_at = now() where id = ?", dbId(need));

        JsonPath performing = call(street.adminAToken(), GET, vars("id", id));
        String f = "data.coBuildingAgreement.figures.";
        assertThat(performing.getInt(f + "needsCommitted")).isEqualTo(1);
        assertThat(performing.getInt(f + "needsDelivered")).isEqualTo(1);
        assertThat(performing.getLong(f + "resourceCapacityCommitted")).isEqualTo(40);
        assertThat(performing.getLong(f + "resourceCapacityDelivered")).isEqualTo(10);
        assertThat(performing.getInt(f + "projectsCommitted")).isEqualTo(1);
        assertThat(performing.getInt(f + "projectsDelivered")).isZero();
        assertThat(performing.getDouble(f + "deliveryRate")).isEqualTo(0.583); // (1 + 0.25 + 0.5) / 3

        JsonPath badScore = as(street.adminAToken(), EVALUATE, vars("agreementId", id, "score", 101, "notes", "好"));
        assertThat(badScore.getString("errors[0].extensions.field")).isEqualTo("score");
        JsonPath evaluated = as(street.adminAToken(), EVALUATE, vars("agreementId", id, "score", 88, "notes", "履约积极，项目尚未完成"));
        assertThat(evaluated.getString("data.evaluateCoBuildingAgreement.agreement.status")).isEqualTo("EVALUATED");
        assertThat(evaluated.getInt("data.evaluateCoBuildingAgreement.agreement.evaluationScore")).isEqualTo(88);
        assertThat(code(as(street.adminAToken(), STEP.formatted("signCoBuildingAgreement"), vars("agreementId", id))))
                .isEqualTo("INVALID_TRANSITION");
        assertThat(fx.count("select count(*) from audit_entry where entity_type = 'CoBuildingAgreement' and entity_id = ?", dbId(id)))
                .isEqualTo(8); // create, 3 items, sign, perform, delivery, evaluate (refused steps leave none)
    }

    @Test
    void everyIllegalTransitionOfTheTableIsRefused() {
        String[] steps = {"signCoBuildingAgreement", "performCoBuildingAgreement"};
        String id = agreement();
        // from NEGOTIATING only SIGN is allowed; from SIGNED only PERFORM; from PERFORMING only EVALUATE
        assertThat(code(as(street.adminAToken(), STEP.formatted(steps[1]), vars("agreementId", id)))).isEqualTo("INVALID_TRANSITION");
        assertThat(code(as(street.adminAToken(), EVALUATE, vars("agreementId", id, "score", 50, "notes", "x")))).isEqualTo("INVALID_TRANSITION");
        as(street.adminAToken(), STEP.formatted(steps[0]), vars("agreementId", id));
        assertThat(code(as(street.adminAToken(), STEP.formatted(steps[0]), vars("agreementId", id)))).isEqualTo("INVALID_TRANSITION");
        assertThat(code(as(street.adminAToken(), EVALUATE, vars("agreementId", id, "score", 50, "notes", "x")))).isEqualTo("INVALID_TRANSITION");
        as(street.adminAToken(), STEP.formatted(steps[1]), vars("agreementId", id));
        assertThat(code(as(street.adminAToken(), STEP.formatted(steps[0]), vars("agreementId", id)))).isEqualTo("INVALID_TRANSITION");
        assertThat(code(as(street.adminAToken(), STEP.formatted(steps[1]), vars("agreementId", id)))).isEqualTo("INVALID_TRANSITION");
        JsonPath table = call(street.adminAToken(), "{ coBuildingAgreementTransitions { action from to } }");
        assertThat(table.getList("data.coBuildingAgreementTransitions.action", String.class)).containsExactly("SIGN", "PERFORM", "EVALUATE");
    }

    @Test
    void onlyAdministratorsOfThePartyChangeAnAgreementAndTheUnitMustBeACoBuildingUnit() {
        String id = agreement();
        assertThat(code(as(street.adminBToken(), STEP.formatted("signCoBuildingAgreement"), vars("agreementId", id)))).isEqualTo("FORBIDDEN");
        assertThat(code(as(street.residentAToken(), STEP.formatted("signCoBuildingAgreement"), vars("agreementId", id)))).isEqualTo("FORBIDDEN");
        JsonPath notAUnit = as(street.adminAToken(), CREATE, vars("partyId", TestStreet.orgId(street.communityA),
                "unitId", TestStreet.orgId(street.gridA), "title", "错误"));
        assertThat(notAUnit.getString("errors[0].extensions.field")).isEqualTo("unitId");
        JsonPath otherCommunity = as(street.adminAToken(), CREATE, vars("partyId", TestStreet.orgId(street.communityB),
                "unitId", TestStreet.orgId(unit), "title", "越权"));
        assertThat(code(otherCommunity)).isEqualTo("FORBIDDEN");
        String otherStreet = new TestStreet(ds).residentAToken();
        assertThat(code(call(otherStreet, GET, vars("id", id)))).isEqualTo("FORBIDDEN");
    }
}
