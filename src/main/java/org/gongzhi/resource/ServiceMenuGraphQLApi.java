package org.gongzhi.resource;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.platform.graphql.GraphQLLimits;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.resource.ResourceViews.ResourceConnection;
import org.gongzhi.resource.ServiceMenu.OrderServiceInput;
import org.gongzhi.resource.ServiceMenu.OrderServicePayload;

import io.quarkus.security.Authenticated;

/** 菜单式服务 over GraphQL: the menu of a household and ordering from it. */
@GraphQLApi
@Authenticated
public class ServiceMenuGraphQLApi {

    private final ServiceMenu menu;
    private final GraphQLLimits limits;

    ServiceMenuGraphQLApi(ServiceMenu menu, GraphQLLimits limits) {
        this.menu = menu;
        this.limits = limits;
    }

    @Query("serviceMenu")
    @Description("服务菜单：覆盖本户的可预约服务 (the service menu: ACTIVE services with capacity left covering the household; "
            + "the caller's own household by default)")
    public @NonNull ResourceConnection serviceMenu(@Id @Name("householdId") String householdId, @Name("category") NeedCategory category,
            @Name("first") Integer first, @Name("after") String after) {
        return menu.menu(householdId, category, PageRequest.of(first, after, limits));
    }

    @Mutation("orderService")
    @Description("菜单式服务下单：同一事务内创建需求（直接派单给提供方）并预留服务 "
            + "(order a service: the need, assigned to the provider, and the allocation are created together or not at all)")
    public @NonNull OrderServicePayload orderService(@NonNull @Name("input") OrderServiceInput input) {
        return menu.order(input);
    }
}
