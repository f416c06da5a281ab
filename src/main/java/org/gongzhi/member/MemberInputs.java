package org.gongzhi.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.member.MemberViews.Building;
import org.gongzhi.member.MemberViews.Household;

/** Inputs and payloads of the member mutations. */
public final class MemberInputs {

    private MemberInputs() {
    }

    @Name("CreateBuildingInput")
    @Description("登记楼栋 (register a building in a grid)")
    public record CreateBuildingInput(@NonNull @Id @Description("所属网格 (grid)") String gridId,
            @Id @Description("所属小区党支部，可空 (compound branch, optional)") String compoundId,
            @NonNull @NotBlank @Size(max = 100) @Description("楼栋名称 (name)") String name,
            @Size(max = 100) String idempotencyKey) {
    }

    @Name("CreateHouseholdInput")
    @Description("登记住户 (register a household in a building; its grid must stay within 500 households)")
    public record CreateHouseholdInput(@NonNull @Id String buildingId,
            @NonNull @NotBlank @Size(max = 50) @Description("门牌号 (door number)") String doorNumber,
            @DecimalMin("0") @DecimalMax("100000") @Description("建筑面积 m² (floor area)") BigDecimal floorAreaSqm,
            @Size(max = 100) String idempotencyKey) {
    }

    @Name("RegisterMemberInput")
    @Description("登记成员 (register a person once; used everywhere afterwards)")
    public record RegisterMemberInput(
            @Id @Description("所属住户；无住户时须给社区 (household; or give communityId)") String householdId,
            @Id @Description("所属社区（无住户时）(community, when no household)") String communityId,
            @NonNull @NotBlank @Size(max = 50) @Description("姓名 (name)") String name,
            Gender gender,
            LocalDate birthDate,
            @Pattern(regexp = "^\\+?[0-9-]{5,20}$", message = "must be digits, optionally with + and -") @Description("手机号 (phone)") String phone,
            @Pattern(regexp = "^[0-9]{17}[0-9Xx]$", message = "must be an 18-character resident ID number") @Description("身份证号 (ID number)") String idNumber,
            @Size(max = 300) @Description("住址 (address)") String address,
            @Description("特殊群体标签 (special-group tags)") List<SpecialGroupTag> specialTags,
            @Size(max = 100) String idempotencyKey) {
    }

    @Name("UpdateMemberContactInput")
    @Description("更新联系信息 (update contact data; omitted fields stay as they are)")
    public record UpdateMemberContactInput(@NonNull @Id String memberId,
            @Pattern(regexp = "^\\+?[0-9-]{5,20}$", message = "must be digits, optionally with + and -") String phone,
            @Size(max = 300) String address,
            Boolean leaderboardOptOut,
            @Size(max = 100) String idempotencyKey) {
    }

    @Name("AddMembershipInput")
    @Description("建立组织关系 (give a member a role in an organization)")
    public record AddMembershipInput(@NonNull @Id String memberId, @NonNull @Id String organizationId,
            @NonNull MembershipRole role, LocalDate startedOn, @Size(max = 100) String idempotencyKey) {
    }

    @Name("EndMembershipInput")
    @Description("结束组织关系 (end a membership)")
    public record EndMembershipInput(@NonNull @Id String membershipId, LocalDate endedOn, @Size(max = 100) String idempotencyKey) {
    }

    @Name("SetPartyProfileInput")
    @Description("设置党员信息 (set a member's party profile, incl. dual registration 双报到 and floating status)")
    public record SetPartyProfileInput(@NonNull @Id String memberId, LocalDate joinedOn, @NonNull PartyStanding standing,
            @Id @Description("组织关系所在支部 (home branch)") String homeBranchId,
            @Id @Description("双报到社区 (registered residential community)") String registeredCommunityId,
            boolean inService, @Size(max = 200) String workplace, boolean floating, @Size(max = 100) String idempotencyKey) {
    }

    @Name("SetSpecialTagsInput")
    @Description("设置特殊群体标签 (replace a member's special-group tags)")
    public record SetSpecialTagsInput(@NonNull @Id String memberId, @NonNull List<SpecialGroupTag> tags,
            @Size(max = 100) String idempotencyKey) {
    }

    @Name("BindExternalIdentityInput")
    @Description("绑定外部身份 (bind an OIDC subject or WeChat openid/unionid to a member; each value binds once)")
    public record BindExternalIdentityInput(@NonNull @Id String memberId, @NonNull IdentityKind kind,
            @NonNull @NotBlank @Size(max = 200) String value, @Size(max = 100) String idempotencyKey) {
    }

    @Name("ResponsibilityLinkInput")
    @Description("党员联系户 (link a party member to a household they look after; 5–10 expected)")
    public record ResponsibilityLinkInput(@NonNull @Id String partyMemberId, @NonNull @Id String householdId,
            @Size(max = 100) String idempotencyKey) {
    }

    @Name("MemberPayload")
    @Description("成员变更结果 (result of a member mutation)")
    public record MemberPayload(@NonNull Member member, @NonNull boolean replayed,
            @NonNull @Description("提示，如联系户超过10户 (warnings, e.g. more than 10 responsibility households)") List<@NonNull String> warnings) {
    }

    @Name("BuildingPayload")
    @Description("楼栋变更结果 (result of a building mutation)")
    public record BuildingPayload(@NonNull Building building, @NonNull boolean replayed) {
    }

    @Name("HouseholdPayload")
    @Description("住户变更结果 (result of a household mutation)")
    public record HouseholdPayload(@NonNull Household household, @NonNull boolean replayed,
            @NonNull @Description("提示，如网格超过300户 (warnings, e.g. grid above 300 households)") List<@NonNull String> warnings) {
    }
}
