package org.gongzhi.engagement;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.engagement.DualViews.DualRegistration;
import org.gongzhi.engagement.DualViews.DualService;

/** Inputs and payloads of dual registration. Every input takes an optional idempotency key. */
public final class DualInputs {

    private DualInputs() {
    }

    @Name("RegisterDualInput")
    @Description("双报到：在职党员到居住社区报到并可认领岗位；再次报到到其他社区即转移 (register at the residential community, "
            + "optionally claiming a post; registering elsewhere moves the registration)")
    public record RegisterDualInput(
            @NonNull @Id @Description("居住社区 (residential community)") String communityId,
            @Id @Description("认领的岗位资源 POST (post to claim)") String postResourceId,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("DualRegistrationPayload")
    @Description("报到结果 (the registration)")
    public record DualRegistrationPayload(@NonNull @Description("报到登记 (registration)") DualRegistration registration,
            @NonNull @Description("是否为重放 (replayed)") boolean replayed) {
    }

    @Name("RecordDualServiceInput")
    @Description("记录一次双报到服务：本人填报，或报到社区管理员代记 (record one service; by the member, or by an administrator "
            + "of the community for a registered member)")
    public record RecordDualServiceInput(
            @Id @Description("成员，管理员代记时填写 (member, when an administrator records)") String memberId,
            @NonNull @Description("服务日期，不晚于今天、不早于一年前 (served on)") LocalDate servedOn,
            @NonNull @Description("时长，分钟 (minutes)") int minutes,
            @Description("季度集体服务 (the quarterly collective service)") Boolean collective,
            @Description("说明，最多500字 (note)") String note,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("DualServicePayload")
    @Description("服务记录结果 (the service record)")
    public record DualServicePayload(@NonNull @Description("服务记录 (service)") DualService service,
            @NonNull @Description("是否为重放 (replayed)") boolean replayed) {
    }
}
