package org.gongzhi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.support.GraphQLTest;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Every enum of the schema has a zh-CN label for every value, so frontends never hard-code translations. */
@GraphQLTest
class EnumLabelsTest {

    @Test
    void everySchemaEnumValueHasAChineseLabel() {
        JsonPath schema = call(null, "{ __schema { types { name kind enumValues { name } } } }");
        Map<String, Set<String>> schemaEnums = new HashMap<>();
        List<Map<String, Object>> types = schema.getList("data.__schema.types");
        for (Map<String, Object> t : types) {
            String name = (String) t.get("name");
            if ("ENUM".equals(t.get("kind")) && !name.startsWith("__")) {
                Set<String> values = new HashSet<>();
                for (Object v : (List<?>) t.get("enumValues")) {
                    values.add((String) ((Map<?, ?>) v).get("name"));
                }
                schemaEnums.put(name, values);
            }
        }
        assertThat(schemaEnums).isNotEmpty();

        JsonPath labels = call(null, "{ enumLabels { type values { value label } } }");
        Map<String, Set<String>> labelled = new HashMap<>();
        List<Map<String, Object>> sets = labels.getList("data.enumLabels");
        for (Map<String, Object> set : sets) {
            Set<String> values = new HashSet<>();
            for (Object v : (List<?>) set.get("values")) {
                Map<?, ?> value = (Map<?, ?>) v;
                assertThat((String) value.get("label")).as("label of %s.%s", set.get("type"), value.get("value"))
                        .isNotBlank().matches(".*[\\u4e00-\\u9fff].*");
                values.add((String) value.get("value"));
            }
            labelled.put((String) set.get("type"), values);
        }
        assertThat(labelled).as("enums registered with a LabeledEnums bean").containsAllEntriesOf(schemaEnums);
    }
}
