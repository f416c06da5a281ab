package org.gongzhi.member;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** GraphQL view of a member. Contact data and special-group tags are separate, checked and audited resolvers. */
@Name("Member")
@Description("成员 (a person: resident, party member, volunteer, worker...; one record used everywhere)")
public record Member(
        @NonNull @Id @Description("不透明ID (opaque id)") String id,
        @NonNull @Description("姓名 (name)") String name,
        @Description("性别 (gender)") Gender gender,
        @Description("出生年份 (birth year; the full date is private)") Integer birthYear,
        @NonNull @Description("登记时间 (registered at)") OffsetDateTime createdAt,
        @Ignore long dbId,
        @Ignore Long householdDbId,
        @Ignore Long communityDbId,
        @Ignore long tenantId,
        @Ignore String scopePath,
        @Ignore List<String> tags) {

    public static final String TYPE = "Member";
}
