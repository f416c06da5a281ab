package org.gongzhi.resource;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One ranked resource for a need, with the parts of its score so a handler sees why. */
@Name("ResourceMatch")
@Description("需求—资源匹配结果：总分与各分项，说明为何推荐 (a resource ranked for a need: its score and the components that explain it)")
public record ResourceMatch(
        @NonNull @Description("资源 (the resource)") Resource resource,
        @NonNull @Description("总分0-1 (score 0..1 = Σ weight × component; see MatchScore)") double score,
        @NonNull @Description("分项 (score components)") MatchComponents components,
        @NonNull @Description("推荐理由（中文）(reasons in Chinese, one per component)") List<@NonNull String> reasons) {

    @Name("MatchComponents")
    @Description("匹配分项，各0-1 (score components, each 0..1, with the raw figures behind them)")
    public record MatchComponents(
            @NonNull @Description("类别匹配：同类1，相近类别0.5 (category: 1 exact, 0.5 related; weight 0.30)") double category,
            @NonNull @Description("是否同类 (the resource serves exactly the need's category)") boolean exactCategory,
            @NonNull @Description("就近：1/(1+层级距离) (proximity in the tree: 1/(1+distance); weight 0.25)") double proximity,
            @NonNull @Description("层级距离：0为服务范围正是需求所在组织 (tree distance from the need's place up to the coverage)") int treeDistance,
            @NonNull @Description("剩余容量占比；时段型为1 (remaining / capacity; 1 for slots; weight 0.15)") double capacity,
            @NonNull @Description("时限内是否开放 (open on some day between now and the need's resolve-by; weight 0.10)") double availability,
            @NonNull @Description("提供方口碑：贝叶斯平均评分/5 (provider track record: (Σrating+6)/(5·(n+2)); weight 0.12)") double trackRecord,
            @NonNull @Description("提供方已评价需求数 (rated needs handled by the provider)") int ratedCount,
            @Description("提供方平均评分 (average rating of the provider; null before the first)") Double averageRating,
            @NonNull @Description("负载均衡：1/(1+当前预留数) (load spreading: 1/(1+open allocations); weight 0.08)") double load,
            @NonNull @Description("当前预留中的分配数 (allocations now reserved on the resource)") int openAllocations) {
    }
}
