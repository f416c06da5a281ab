package org.gongzhi.resource;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.resource.AgreementViews.Agreement;

/** Inputs and payloads of the agreement mutations. */
public final class AgreementInputs {

    private AgreementInputs() {
    }

    @Name("CreateAgreementInput")
    @Description("发起共建协议（商约）(start negotiating an agreement; administrators of the party organization)")
    public record CreateAgreementInput(
            @NonNull @Id @Description("签约方：社区或街道党组织 (the community or street committee)") String partyId,
            @NonNull @Id @Description("驻区共建单位 (the CO_BUILDING_UNIT)") String unitId,
            @NonNull @Description("协议名称，最多200字 (title)") String title,
            @Description("履约开始 (starts on)") LocalDate startsOn,
            @Description("履约结束 (ends on)") LocalDate endsOn,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("CommittedResourceInput")
    @Description("承诺入池的资源 (a resource the unit commits; it enters the pool when the agreement is signed)")
    public record CommittedResourceInput(
            @NonNull @Description("类型 (kind)") ResourceKind kind,
            @NonNull @Description("名称 (name)") String name,
            @NonNull @Description("服务的需求类别 (categories)") List<NeedCategory> categories,
            @Description("容量：份数或预算（分）；场地不填 (capacity; omitted for venues)") Long capacity) {
    }

    @Name("AddAgreementItemInput")
    @Description("在商约阶段加入清单条目：需求（needId）、资源（resource）或项目（committedQuantity）"
            + " (add an item while negotiating: a need the unit takes on, a resource it commits, or a project)")
    public record AddAgreementItemInput(
            @NonNull @Id @Description("协议 (the agreement)") String agreementId,
            @NonNull @Description("清单 (list)") AgreementList list,
            @Description("名称；需求与资源条目可省略 (title; defaults to the need's or resource's)") String title,
            @Id @Description("需求清单：认领的需求 (the need, for the NEED list)") String needId,
            @Description("资源清单：承诺的资源 (the resource, for the RESOURCE list)") CommittedResourceInput resource,
            @Description("项目清单：约定数量 (agreed quantity, for the PROJECT list)") Long committedQuantity,
            @Description("计量单位，如 次、场、人 (unit label)") String unitLabel,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("AgreementStepInput")
    @Description("共建协议流转（签约、开始履约）(sign, or start performing)")
    public record AgreementStepInput(
            @NonNull @Id @Description("协议 (the agreement)") String agreementId,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("EvaluateAgreementInput")
    @Description("评约：得分0-100与意见 (evaluate: score 0..100 and notes)")
    public record EvaluateAgreementInput(
            @NonNull @Id @Description("协议 (the agreement)") String agreementId,
            @NonNull @Description("得分0-100 (score)") int score,
            @NonNull @Description("评约意见 (notes)") String notes,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("RecordAgreementDeliveryInput")
    @Description("登记项目兑现数（履约阶段）(record what a project delivered so far, while performing)")
    public record RecordDeliveryInput(
            @NonNull @Id @Description("项目条目 (the PROJECT item)") String itemId,
            @NonNull @Description("累计兑现数 (delivered so far)") long delivered,
            @Description("幂等键 (idempotency key)") String idempotencyKey) {
    }

    @Name("AgreementPayload")
    @Description("共建协议变更结果 (result of an agreement mutation)")
    public record AgreementPayload(@NonNull @Description("协议 (the agreement)") Agreement agreement,
            @NonNull @Description("是否为幂等重放 (replayed)") boolean replayed) {
    }
}
