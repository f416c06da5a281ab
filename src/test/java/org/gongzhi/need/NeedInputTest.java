package org.gongzhi.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.need.NeedFixture.code;
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

/** Bad input is refused with VALIDATION_FAILED and stores nothing; similar public issues are suggested on submit. */
@GraphQLTest
class NeedInputTest {

    @Inject
    DataSource ds;

    TestStreet street;
    NeedFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new NeedFixture(ds, street);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        assertRefused(street.residentAToken(), vars("title", "未知类别", "description", "d", "category", "ALIENS", "kind", "PERSONAL_REQUEST"), null);
        assertRefused(street.residentAToken(), vars("title", "超长描述", "description", "长".repeat(10 * 1024 * 1024 / 3) /* a 10 MB description */,
                "category", "HEALTH", "kind", "PERSONAL_REQUEST"), "description");
        assertRefused(street.residentAToken(), vars("description", "没有标题", "category", "HEALTH", "kind", "PERSONAL_REQUEST"), null);
        assertRefused(street.residentAToken(), vars("title", "标题".repeat(60), "description", "d", "category", "HEALTH",
                "kind", "PERSONAL_REQUEST"), "title");
        // a proxy (代办) need must name the resident it is for
        assertRefused(street.gridWorkerAToken(), vars("title", "代办无诉求人", "description", "d", "category", "ELDERLY_MEDICAL",
                "kind", "PERSONAL_REQUEST", "channel", "PROXY", "placeId", TestStreet.orgId(street.gridA)), "beneficiaryId");
        assertRefused(street.residentAToken(), vars("title", "坏ID", "description", "d", "category", "HEALTH",
                "kind", "PERSONAL_REQUEST", "placeId", "not-an-id"), "placeId");
        assertRefused(street.residentAToken(), vars("title", "照片太多", "description", "d", "category", "HEALTH",
                "kind", "PERSONAL_REQUEST", "photoUrls", List.of("https://a/1", "https://a/2", "https://a/3", "https://a/4",
                        "https://a/5", "https://a/6", "https://a/7", "https://a/8", "https://a/9", "https://a/10")), "photoUrls");
        assertRefused(street.residentAToken(), vars("title", "微心愿类别不符", "description", "d", "category", "MICRO_WISH",
                "kind", "PERSONAL_REQUEST"), "kind");
        assertThat(fx.one("select count(*) from need where tenant_id = ?", street.streetId)).isEqualTo(0L);
        // a resident cannot report "on patrol"
        JsonPath r = call(street.residentAToken(), NeedFixture.SUBMIT, vars("input", vars("title", "冒充巡查", "description", "d",
                "category", "HEALTH", "kind", "PUBLIC_ISSUE", "channel", "GRID_PATROL", "placeId", TestStreet.orgId(street.gridA))));
        assertThat(code(r)).isEqualTo("FORBIDDEN");
    }

    private void assertRefused(String token, Map<String, Object> input, String field) {
        JsonPath r = call(token, NeedFixture.SUBMIT, vars("input", input));
        assertThat(code(r)).as("code for %s", input.get("title")).isEqualTo("VALIDATION_FAILED");
        if (field != null) {
            assertThat(r.getString("errors[0].extensions.field")).isEqualTo(field);
        }
    }

    @Test
    void aSimilarOpenPublicIssueOfTheSameGridAndCategoryIsSuggested() {
        String first = patrol("3号楼门口垃圾堆放很久没人清理", "ENVIRONMENT");
        patrol("小区路灯坏了好几天", "ENVIRONMENT");
        patrol("3号楼门口垃圾堆放", "SAFETY_HAZARD"); // other category
        JsonPath r = call(street.residentAToken(), NeedFixture.SUBMIT, vars("input", vars("title", "3号楼门前垃圾堆积无人清理",
                "description", "气味很大", "category", "ENVIRONMENT", "kind", "PUBLIC_ISSUE", "placeId", TestStreet.orgId(street.gridA))));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getList("data.submitNeed.similarOpenNeeds.id", String.class)).containsExactly(first);
        // a personal request gets no suggestions
        JsonPath p = call(street.residentAToken(), NeedFixture.SUBMIT, vars("input", vars("title", "3号楼门口垃圾堆放很久没人清理",
                "description", "d", "category", "ENVIRONMENT", "kind", "PERSONAL_REQUEST")));
        assertThat(p.getList("data.submitNeed.similarOpenNeeds")).isEmpty();
    }

    private String patrol(String title, String category) {
        return fx.submit(street.gridWorkerAToken(), vars("title", title, "description", title, "category", category,
                "kind", "PUBLIC_ISSUE", "channel", "GRID_PATROL", "placeId", TestStreet.orgId(street.gridA)));
    }
}
