package org.gongzhi.engagement;

import static org.gongzhi.platform.persistence.Rows.instant;
import static org.gongzhi.platform.persistence.Rows.lng;
import static org.gongzhi.platform.persistence.Rows.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.engagement.ActivityViews.Activity;
import org.gongzhi.engagement.ActivityViews.ActivityConnection;
import org.gongzhi.engagement.ActivityViews.ActivitySignup;
import org.gongzhi.engagement.ActivityViews.ActivitySignupConnection;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.Cursor;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.time.Times;

/** Batched reads of activities and sign-ups: a fixed number of statements per call, whatever the list sizes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ActivityQueries {

    static final String VENUE_TYPE = "Resource";
    static final String ACTIVITY_COLUMNS = "a.id, a.kind, a.title, a.description, a.place, a.venue_resource_id, a.starts_at, a.ends_at,"
            + " a.capacity, a.confirmed_count, a.audience, a.status, a.points, a.service_minutes, a.collective_service, a.tenant_id,"
            + " a.organizer_org_id, a.organizer_path, a.audience_org_id, a.check_in_code, a.audience_path, a.cancel_reason";
    static final String SIGNUP_COLUMNS = "s.id, s.status, s.signed_up_at, s.confirmed_at, s.promoted, s.cancelled_at, s.checked_in_at,"
            + " s.check_in_method, s.activity_id, s.member_id";

    private final EntityManager em;

    ActivityQueries(EntityManager em) {
        this.em = em;
    }

    static Activity activity(Object[] r) {
        long id = lng(r[0]);
        return new Activity(GlobalId.encode(Activity.TYPE, id), ActivityKind.valueOf(str(r[1])), str(r[2]), str(r[3]), str(r[4]),
                GlobalId.encodeNullable(VENUE_TYPE, lng(r[5])), Times.local(instant(r[6])), Times.local(instant(r[7])), lng(r[8]).intValue(),
                lng(r[9]).intValue(), ActivityAudience.valueOf(str(r[10])), ActivityStatus.valueOf(str(r[11])), lng(r[12]).intValue(),
                lng(r[13]).intValue(), (Boolean) r[14], str(r[21]), id, lng(r[15]), lng(r[16]), str(r[17]), lng(r[18]), str(r[19]), str(r[20]));
    }

    static ActivitySignup signup(Object[] r, int o) {
        long id = lng(r[o]);
        return new ActivitySignup(GlobalId.encode(ActivitySignup.TYPE, id), SignupStatus.valueOf(str(r[o + 1])),
                Times.local(instant(r[o + 2])), Times.local(instant(r[o + 3])), (Boolean) r[o + 4], Times.local(instant(r[o + 5])),
                Times.local(instant(r[o + 6])), r[o + 7] == null ? null : CheckInMethod.valueOf(str(r[o + 7])), id, lng(r[o + 8]),
                lng(r[o + 9]));
    }

    public List<Activity> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Activity> out = new ArrayList<>();
        for (Object[] r : NativeSql.list(em, "select " + ACTIVITY_COLUMNS + " from activity a where a.id in (:ids)", Map.of("ids", ids))) {
            out.add(activity(r));
        }
        return out;
    }

    public Activity activity(long id) {
        List<Activity> found = byIds(List.of(id));
        if (found.isEmpty()) {
            throw DomainException.notFound("Activity", GlobalId.encode(Activity.TYPE, id));
        }
        return found.get(0);
    }

    /** One page of activities by (starts_at, id) matching a where clause (with its params). */
    ActivityConnection page(String where, Map<String, Object> params, PageRequest page) {
        long total = ((Number) NativeSql.query(em, "select count(*) from activity a where " + where, params).getSingleResult()).longValue();
        String[] key = Cursor.decode(page.after(), 2);
        Map<String, Object> p = new HashMap<>(params);
        String keyset = "";
        if (key != null) {
            try {
                p.put("afterAt", Instant.ofEpochSecond(0, 0).plusNanos(Long.parseLong(key[0]) * 1000));
                p.put("afterId", Long.parseLong(key[1]));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("after", "Malformed cursor");
            }
            keyset = " and (a.starts_at, a.id) > (:afterAt, :afterId)";
        }
        p.put("n", page.fetchSize());
        List<Activity> fetched = new ArrayList<>();
        for (Object[] r : NativeSql.list(em, "select " + ACTIVITY_COLUMNS + " from activity a where " + where + keyset
                + " order by a.starts_at, a.id limit :n", p)) {
            fetched.add(activity(r));
        }
        return ActivityConnection.of(Slice.of(fetched, page, total), ActivityQueries::cursor);
    }

    static String cursor(Activity a) {
        Instant at = a.startsAt().toInstant();
        return Cursor.encode(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000, a.dbId());
    }

    public ActivitySignup signup(long id) {
        for (Object[] r : NativeSql.list(em, "select " + SIGNUP_COLUMNS + " from activity_signup s where s.id = :id", Map.of("id", id))) {
            return signup(r, 0);
        }
        throw DomainException.notFound("ActivitySignup", GlobalId.encode(ActivitySignup.TYPE, id));
    }

    /** The caller's sign-up for each activity (null where none). One statement. */
    public List<ActivitySignup> signupsOfMember(List<Activity> activities, Long memberId) {
        Map<Long, ActivitySignup> byActivity = new HashMap<>();
        if (memberId != null && !activities.isEmpty()) {
            for (Object[] r : NativeSql.list(em, "select " + SIGNUP_COLUMNS + " from activity_signup s where s.member_id = :m and s.activity_id in (:ids)",
                    Map.of("m", memberId, "ids", activities.stream().map(Activity::dbId).toList()))) {
                ActivitySignup s = signup(r, 0);
                byActivity.put(s.activityDbId(), s);
            }
        }
        return activities.stream().map(a -> byActivity.get(a.dbId())).toList();
    }

    /** Waitlisted and attended counts per activity. One statement. */
    public Map<Long, long[]> counts(List<Long> activityIds) {
        Map<Long, long[]> out = new HashMap<>();
        if (activityIds.isEmpty()) {
            return out;
        }
        for (Object[] r : NativeSql.list(em, """
                select activity_id, count(*) filter (where status = 'WAITLISTED'), count(*) filter (where checked_in_at is not null)
                from activity_signup where activity_id in (:ids) group by activity_id
                """, Map.of("ids", activityIds))) {
            out.put(lng(r[0]), new long[] { lng(r[1]), lng(r[2]) });
        }
        return out;
    }

    /** A page of sign-ups (optionally of one status) for each activity, waitlist order. Two statements. */
    public List<ActivitySignupConnection> signupsOf(List<Long> activityIds, SignupStatus status, PageRequest page) {
        String filter = status == null ? "" : " and s.status = :st";
        Long after = page.afterId();
        Map<String, Object> params = new HashMap<>(Map.of("ids", activityIds, "after", after == null ? 0L : after, "n", page.fetchSize()));
        Map<String, Object> countParams = new HashMap<>(Map.of("ids", activityIds));
        if (status != null) {
            params.put("st", status.name());
            countParams.put("st", status.name());
        }
        Map<Long, List<ActivitySignup>> grouped = new HashMap<>();
        for (Object[] r : NativeSql.list(em, "select x.* from activity k cross join lateral (select " + SIGNUP_COLUMNS
                + " from activity_signup s where s.activity_id = k.id" + filter + " and s.id > :after order by s.id limit :n) x"
                + " where k.id in (:ids)", params)) {
            ActivitySignup s = signup(r, 0);
            grouped.computeIfAbsent(s.activityDbId(), k -> new ArrayList<>()).add(s);
        }
        Map<Long, Long> totals = new HashMap<>();
        for (Object[] r : NativeSql.list(em, "select s.activity_id, count(*) from activity_signup s where s.activity_id in (:ids)" + filter
                + " group by s.activity_id", countParams)) {
            totals.put(lng(r[0]), lng(r[1]));
        }
        List<ActivitySignupConnection> out = new ArrayList<>();
        for (Long id : activityIds) {
            out.add(ActivitySignupConnection.of(Slice.of(grouped.getOrDefault(id, List.of()), page, totals.getOrDefault(id, 0L))));
        }
        return out;
    }


}
