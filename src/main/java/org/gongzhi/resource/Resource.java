package org.gongzhi.resource;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.need.NeedCategory;

/**
 * The GraphQL view of a resource. Provider, coverage, contact, availability and allocations are batched
 * resolvers of {@link ResourceGraphQLApi}; other features add fields with {@code @Source Resource} and use
 * the {@code @Ignore}d ids.
 */
@Name("Resource")
@Description("资源 (a resource of the pool 资源池: service, venue, item, skill, fund, emergency supply, post, red culture)")
public record Resource(
        @NonNull @Id @Description("不透明ID (opaque id)") String id,
        @NonNull @Description("类型 (kind)") ResourceKind kind,
        @NonNull @Description("名称 (name)") String name,
        @NonNull @Description("简介 (description)") String description,
        @NonNull @Description("服务的需求类别 (need categories it serves)") List<@NonNull NeedCategory> categories,
        @NonNull @Description("容量模型 (capacity model)") CapacityModel capacityModel,
        @Description("总容量：份数，或资金预算（分）；时段型为空 (capacity: units, or budget in fen; null for slots)") Long capacity,
        @Description("剩余容量 (remaining capacity: not reserved nor consumed; null for slots)") Long remaining,
        @NonNull @Description("当前预留中的分配数 (allocations now reserved)") int openAllocations,
        @NonNull @Description("状态 (status)") ResourceStatus status,
        @NonNull @Description("创建时间 (created at)") OffsetDateTime createdAt,
        @NonNull @Description("最后更新 (updated at)") OffsetDateTime updatedAt,
        @Ignore long dbId,
        @Ignore long tenantId,
        @Ignore Long communityId,
        @Ignore Long providerOrgId,
        @Ignore Long providerMemberId,
        @Ignore long coverageOrgId,
        @Ignore String coveragePath,
        @Ignore Long agreementId) {

    public static final String TYPE = "Resource";

    public long auditChainKey() {
        return communityId != null ? communityId : tenantId;
    }
}
