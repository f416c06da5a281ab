package org.gongzhi.need;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("NeedSlaPolicy")
@Description("需求时限策略（类别×紧急程度）(SLA policy of one category and urgency)")
public record NeedSlaPolicy(
        @NonNull @Description("类别 (category)") NeedCategory category,
        @NonNull @Description("紧急程度 (urgency)") NeedUrgency urgency,
        @NonNull @Description("响应时限（分钟）(respond within, minutes)") int respondWithinMinutes,
        @NonNull @Description("办结时限（分钟）(resolve within, minutes)") int resolveWithinMinutes,
        @NonNull @Description("报到时限（分钟）(acknowledge an escalation within, minutes)") int acknowledgeWithinMinutes,
        @NonNull @Description("提前预警（分钟）(warn before a deadline, minutes)") int warnBeforeMinutes,
        @NonNull @Description("是否本街道自定义（否则为平台默认）(true when the street changed the default)") boolean custom,
        @Description("修改时间 (updated at)") OffsetDateTime updatedAt) {

    Duration respondWithin() {
        return Duration.ofMinutes(respondWithinMinutes);
    }

    Duration resolveWithin() {
        return Duration.ofMinutes(resolveWithinMinutes);
    }

    Duration acknowledgeWithin() {
        return Duration.ofMinutes(acknowledgeWithinMinutes);
    }
}
