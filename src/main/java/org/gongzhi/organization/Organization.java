package org.gongzhi.organization;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.time.Times;

/** The GraphQL view of an organization; the tree fields (parent, children, ...) are batched resolvers. */
@Name("Organization")
@Description("组织 (an organization of the governance tree: party organizations, the three parties, units, NGOs, departments)")
public record Organization(
        @NonNull @Id @Description("不透明ID (opaque id)") String id,
        @NonNull @Description("组织类型 (kind)") OrganizationKind kind,
        @NonNull @Description("名称 (name)") String name,
        @NonNull @Description("状态 (status)") OrganizationStatus status,
        @NonNull @Description("层级，街道为0 (depth in the tree; the street is 0)") int depth,
        @NonNull @Description("创建时间 (created at, with the deployment's offset)") OffsetDateTime createdAt,
        @Ignore long dbId,
        @Ignore Long parentDbId,
        @Ignore long tenantId,
        @Ignore Long communityId,
        @Ignore String path) {

    public static final String TYPE = "Organization";

    static Organization of(OrganizationEntity e) {
        return new Organization(GlobalId.encode(TYPE, e.id), e.kind, e.name, e.status, e.depth, Times.local(e.createdAt),
                e.id, e.parentId, e.tenantId, e.communityId, e.path);
    }

    public long auditChainKey() {
        return communityId != null ? communityId : tenantId;
    }
}
