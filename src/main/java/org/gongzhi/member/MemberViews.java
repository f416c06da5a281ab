package org.gongzhi.member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gongzhi.organization.Organization;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageInfo;
import org.gongzhi.platform.pagination.Slice;

/** The smaller GraphQL views of the member feature. */
public final class MemberViews {

    private MemberViews() {
    }

    @Name("Household")
    @Description("户 (a household in a building)")
    public record Household(
            @NonNull @Id String id,
            @NonNull @Description("门牌号，如 3-502 (door number)") String doorNumber,
            @Description("建筑面积（平方米），业主表决按面积计权 (floor area in m², weights owners' votes)") BigDecimal floorAreaSqm,
            @Ignore long dbId, @Ignore long buildingDbId, @Ignore long gridDbId, @Ignore long communityDbId,
            @Ignore String gridPath) {
        public static final String TYPE = "Household";
    }

    @Name("Building")
    @Description("楼栋 (a residential building of a grid)")
    public record Building(
            @NonNull @Id String id,
            @NonNull @Description("楼栋名称 (name, e.g. 5号楼)") String name,
            @Ignore long dbId, @Ignore long gridDbId, @Ignore Long compoundDbId, @Ignore long communityDbId,
            @Ignore String gridPath) {
        public static final String TYPE = "Building";
    }

    @Name("Membership")
    @Description("组织关系 (a member's role in an organization for a period)")
    public record Membership(
            @NonNull @Id String id,
            @NonNull @Description("角色 (role)") MembershipRole role,
            @NonNull @Description("组织 (organization)") Organization organization,
            @NonNull @Description("开始日期 (start)") LocalDate startedOn,
            @Description("结束日期（当日起失效），空表示至今 (end date, exclusive: no longer valid from this day; empty while open)") LocalDate endedOn,
            @NonNull @Description("当前有效 (active today)") boolean active,
            @Ignore long memberDbId) {
        public static final String TYPE = "Membership";
    }

    @Name("PartyProfile")
    @Description("党员信息 (party profile: standing, home branch, dual registration 双报到, floating 流动党员)")
    public record PartyProfile(
            @Description("入党日期 (joined on)") LocalDate joinedOn,
            @NonNull @Description("正式/预备 (standing)") PartyStanding standing,
            @Description("组织关系所在支部 (home branch holding the membership)") Organization homeBranch,
            @Description("双报到：报到的居住社区 (residential community registered at; dual registration)") Organization registeredCommunity,
            @NonNull @Description("在职党员 (in-service party member)") boolean inService,
            @Description("工作单位 (workplace)") String workplace,
            @NonNull @Description("流动党员 (floating member living away from the home branch)") boolean floating,
            @Ignore long memberDbId) {
    }

    @Name("MemberContact")
    @Description("联系信息：默认脱敏，本人与辖区管理员可见全文，每次全文读取都留痕 "
            + "(contact data: masked unless the caller is the member or an administrator in scope; every full read is audited)")
    public record MemberContact(
            @Description("手机号 (phone)") String phone,
            @Description("身份证号 (ID number)") String idNumber,
            @Description("住址 (address)") String address,
            @NonNull @Description("是否已脱敏 (true when masked)") boolean masked) {
    }

    @Name("ExternalIdentity")
    @Description("绑定的外部身份 (a login bound to the member)")
    public record ExternalIdentity(
            @NonNull @Description("类型 (kind)") IdentityKind kind,
            @NonNull @Description("标识，部分脱敏 (value, partly masked)") String value,
            @NonNull @Description("绑定时间 (bound at)") OffsetDateTime boundAt) {
    }

    @Name("MemberConnection")
    @Description("成员分页列表 (a page of members)")
    public record MemberConnection(@NonNull List<@NonNull MemberEdge> edges, @NonNull PageInfo pageInfo,
            @NonNull @Description("总数 (total count)") long totalCount) {

        static MemberConnection of(Slice<Member> slice) {
            return new MemberConnection(slice.edges(m -> Cursor.encode(m.dbId()), MemberEdge::new),
                    slice.pageInfo(m -> Cursor.encode(m.dbId())), slice.totalCount());
        }
    }

    @Name("MemberEdge")
    @Description("成员分页项 (an edge)")
    public record MemberEdge(@NonNull String cursor, @NonNull Member node) {
    }
}
