package org.gongzhi.platform.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Public metadata: the zh-CN labels of every enum of the graph. Needs no token. */
@GraphQLApi
public class EnumLabelsGraphQLApi {

    @Description("枚举值 (one enum value and its zh-CN label)")
    public record EnumValueLabel(@NonNull @Description("值 (the GraphQL enum value)") String value,
            @NonNull @Description("中文标签 (zh-CN label)") String label) {
    }

    @Description("枚举的中文标签 (the labels of one GraphQL enum)")
    public record EnumLabels(@NonNull @Description("枚举类型名 (GraphQL enum type name)") String type,
            @NonNull @Description("各值的标签 (labels of its values)") List<@NonNull EnumValueLabel> values) {
    }

    private final Instance<LabeledEnums> sources;

    EnumLabelsGraphQLApi(Instance<LabeledEnums> sources) {
        this.sources = sources;
    }

    @Query("enumLabels")
    @Description("所有枚举的中文标签，无需登录 (zh-CN labels of all enums; public, no token needed). "
            + "Optionally restricted to one enum type by name.")
    public @NonNull List<@NonNull EnumLabels> enumLabels(@Name("type") String type) {
        List<EnumLabels> result = new ArrayList<>();
        for (LabeledEnums source : sources) {
            for (Enum<?>[] constants : source.enums()) {
                String name = constants[0].getDeclaringClass().getSimpleName();
                if (type != null && !type.equals(name)) {
                    continue;
                }
                List<EnumValueLabel> values = new ArrayList<>();
                for (Enum<?> constant : constants) {
                    values.add(new EnumValueLabel(constant.name(), ((Labeled) constant).label()));
                }
                result.add(new EnumLabels(name, values));
            }
        }
        result.sort(Comparator.comparing(EnumLabels::type));
        return result;
    }
}
