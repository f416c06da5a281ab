package org.gongzhi.organization;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Input and payload records of the organization mutations. */
public final class OrganizationInputs {

    private OrganizationInputs() {
    }

    @Name("CreateOrganizationInput")
    @Description("新建组织 (create an organization)")
    public record CreateOrganizationInput(
            @Id @Description("上级组织；仅街道党工委可为空 (parent; only a STREET_COMMITTEE has none)") String parentId,
            @NonNull @Description("组织类型 (kind)") OrganizationKind kind,
            @NonNull @Description("名称，最多100字 (name, at most 100 characters)") String name,
            @Description("幂等键：重试时重放首次结果 (idempotency key: a retry replays the first result)") String idempotencyKey) {
    }

    @Name("RenameOrganizationInput")
    @Description("更名 (rename an organization)")
    public record RenameOrganizationInput(@NonNull @Id String organizationId, @NonNull String name, String idempotencyKey) {
    }

    @Name("MoveOrganizationInput")
    @Description("调整隶属关系 (move an organization and its subtree under another parent)")
    public record MoveOrganizationInput(@NonNull @Id String organizationId, @NonNull @Id String newParentId,
            String idempotencyKey) {
    }

    @Name("DissolveOrganizationInput")
    @Description("撤销组织 (dissolve an organization; refused while it has children, live members or open work)")
    public record DissolveOrganizationInput(@NonNull @Id String organizationId, String idempotencyKey) {
    }

    @Name("OrganizationPayload")
    @Description("组织变更结果 (result of an organization mutation)")
    public record OrganizationPayload(
            @NonNull @Description("变更后的组织 (the organization after the change)") Organization organization,
            @NonNull @Description("是否为幂等重放 (true when replayed from an earlier call with the same idempotency key)") boolean replayed) {
    }
}
