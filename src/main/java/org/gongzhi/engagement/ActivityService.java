package org.gongzhi.engagement;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.engagement.ActivityInputs.ActivityPayload;
import org.gongzhi.engagement.ActivityInputs.ActivitySignupInput;
import org.gongzhi.engagement.ActivityInputs.ActivitySignupPayload;
import org.gongzhi.engagement.ActivityInputs.CancelActivityInput;
import org.gongzhi.engagement.ActivityInputs.CheckInInput;
import org.gongzhi.engagement.ActivityInputs.CreateActivityInput;
import org.gongzhi.engagement.ActivityViews.Activity;
import org.gongzhi.engagement.ActivityViews.ActivityConnection;
import org.gongzhi.engagement.Ledger.Counterparty;
import org.gongzhi.engagement.Ledger.Posting;
import org.gongzhi.member.Member;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * Activities: publishing, sign-up with a waitlist, cancellation with automatic promotion, and check-in that
 * posts points and volunteer minutes exactly once. SeatRule: sign-up and cancellation lock the activity row, so
 * the seat counter (checked against capacity by the database) and the waitlist move together.
 */
@ApplicationScoped
@Transactional
public class ActivityService {

    static final int MAX_TITLE = 100;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_PLACE = 200;
    static final Duration MAX_LENGTH = Duration.ofDays(7);
    /**
     * Check-in codes. An instance field of the bean, created when the application runs: a static SecureRandom would
     * be seeded while a native image is built and every pod would then draw the same codes.
     */
    private final SecureRandom codes = new SecureRandom();

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final Ledger ledger;
    private final ActivityQueries queries;
    private final EngagementConfig config;
    private final VenueBooking venues;
    private final DualRegistrationService dual;
    private final BusinessCalendar calendar;

    ActivityService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time, Ledger ledger,
            ActivityQueries queries, EngagementConfig config, VenueBooking venues, DualRegistrationService dual, BusinessCalendar calendar) {
        this.dual = dual;
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
        this.ledger = ledger;
        this.queries = queries;
        this.config = config;
        this.venues = venues;
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------ reads

    /** Activities are public inside their street. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Activity get(String id) {
        Activity a = queries.activity(GlobalId.decode(Activity.TYPE, id, "id"));
        Actor actor = currentActor.get().requireAuthenticated();
        if (actor.tenantId() == null || actor.tenantId() != a.tenantId()) {
            throw DomainException.notFound("Activity", id);
        }
        return a;
    }

    /**
     * With {@code underId}: the activities organized in that subtree. Without: the activities open to me (my
     * place or registered community lies in their audience scope) that have not ended.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityConnection list(String underId, ActivityKind kind, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        if (actor.tenantId() == null) {
            throw DomainException.forbidden("The caller is not bound to a member record of a street");
        }
        Map<String, Object> params = new HashMap<>(Map.of("t", actor.tenantId()));
        StringBuilder where = new StringBuilder("a.tenant_id = :t");
        if (underId != null) {
            OrganizationEntity org = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, underId, "underId"));
            if (org == null || org.tenantId != actor.tenantId()) {
                throw DomainException.notFound("Organization", underId);
            }
            where.append(" and a.organizer_path like :under");
            params.put("under", org.path + "%");
        } else {
            List<String> mine = placePaths(actor.requireMember());
            where.append(" and a.ends_at >= :now and a.status = 'PUBLISHED' and (false");
            for (int i = 0; i < mine.size(); i++) {
                where.append(" or :mine").append(i).append(" like a.audience_path || '%'");
                params.put("mine" + i, mine.get(i));
            }
            where.append(')');
            params.put("now", time.now());
        }
        if (kind != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", kind.name());
        }
        return queries.page(where.toString(), params, page);
    }

    /** Where a member belongs: their grid (or community) and, for a dual-registered party member, that community. */
    private List<String> placePaths(long memberId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                select coalesce(g.path, c.path) from member m left join household h on h.id = m.household_id
                left join organization g on g.id = h.grid_id left join organization c on c.id = m.community_id where m.id = :m
                union select rc.path from party_profile pp join organization rc on rc.id = pp.registered_community_id where pp.member_id = :m
                union select o.path from membership ms join organization o on o.id = ms.organization_id
                where ms.member_id = :m and ms.role in ('PARTY_MEMBER', 'VOLUNTEER') and (ms.ended_on is null or ms.ended_on > :today)
                """).setParameter("m", memberId).setParameter("today", calendar.today()).getResultList();
        return rows.stream().filter(p -> p != null).toList();
    }

    /** The organizer's administrators see the venue's check-in code; nobody else does. */
    boolean mayOrganize(Actor actor, Activity a) {
        return actor.serves(a.organizerPath());
    }

    // ------------------------------------------------------------------ publish

    public ActivityPayload create(CreateActivityInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        String title = Inputs.requireText(input.title(), "title", MAX_TITLE);
        String description = Inputs.optionalText(input.description(), "description", MAX_DESCRIPTION);
        String place = Inputs.requireText(input.place(), "place", MAX_PLACE);
        if (input.kind() == null) {
            throw DomainException.invalid("kind", "kind is required");
        }
        if (input.audience() == null) {
            throw DomainException.invalid("audience", "audience is required");
        }
        if (input.startsAt() == null) {
            throw DomainException.invalid("startsAt", "startsAt is required");
        }
        if (input.endsAt() == null || !input.endsAt().isAfter(input.startsAt())) {
            throw DomainException.invalid("endsAt", "endsAt must be after startsAt");
        }
        Instant starts = input.startsAt().toInstant();
        Instant ends = input.endsAt().toInstant();
        if (Duration.between(starts, ends).compareTo(MAX_LENGTH) > 0) {
            throw DomainException.invalid("endsAt", "An activity lasts at most 7 days");
        }
        if (input.capacity() < 1 || input.capacity() > 10_000) {
            throw DomainException.invalid("capacity", "capacity is 1 to 10000");
        }
        int points = input.points() == null ? config.pointsCheckIn() : input.points();
        if (points < 0 || points > 1000) {
            throw DomainException.invalid("points", "points is 0 to 1000");
        }
        int duration = (int) Math.min(Duration.between(starts, ends).toMinutes(), config.maxServiceMinutes());
        int minutes = input.serviceMinutes() != null ? input.serviceMinutes()
                : input.kind() == ActivityKind.VOLUNTEER_SERVICE ? duration : 0;
        if (minutes < 0 || minutes > config.maxServiceMinutes()) {
            throw DomainException.invalid("serviceMinutes", "serviceMinutes is 0 to " + config.maxServiceMinutes());
        }
        long organizerId = GlobalId.decode(Organization.TYPE, input.organizerId(), "organizerId");
        Long scopeId = GlobalId.decodeNullable(Organization.TYPE, input.audienceScopeId(), "audienceScopeId");
        Long venueId = GlobalId.decodeNullable(ActivityQueries.VENUE_TYPE, input.venueResourceId(), "venueResourceId");
        var outcome = idempotency.once(input.idempotencyKey(), "createActivity", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            OrganizationEntity organizer = activeOrg(organizerId, "organizerId");
            actor.requireAdministers(organizer.path, "the organizer");
            OrganizationEntity scope = scopeId == null ? organizer : activeOrg(scopeId, "audienceScopeId");
            if (scope.tenantId != organizer.tenantId) {
                throw DomainException.invalid("audienceScopeId", "The audience scope lies in another street");
            }
            String code = String.format("%06d", codes.nextInt(1_000_000));
            long id = ((Number) em.createNativeQuery("""
                    with ins as (
                        insert into activity (tenant_id, organizer_org_id, organizer_path, kind, title, description, place, venue_resource_id,
                                              starts_at, ends_at, capacity, audience, audience_org_id, audience_path, check_in_code, points,
                                              service_minutes, collective_service, created_by_member_id, created_at)
                        values (:t, :o, :op, :kind, :title, :d, :place, :venue, :s, :e, :cap, :aud, :ao, :ap, :code, :pts, :min, :coll,
                                :by, :now) returning id)
                    select id from ins
                    """).setParameter("t", organizer.tenantId).setParameter("o", organizer.id).setParameter("op", organizer.path)
                    .setParameter("kind", input.kind().name()).setParameter("title", title).setParameter("d", description)
                    .setParameter("place", place).setParameter("venue", venueId).setParameter("s", starts).setParameter("e", ends)
                    .setParameter("cap", input.capacity()).setParameter("aud", input.audience().name()).setParameter("ao", scope.id)
                    .setParameter("ap", scope.path).setParameter("code", code).setParameter("pts", points).setParameter("min", minutes)
                    .setParameter("coll", Boolean.TRUE.equals(input.collectiveService())).setParameter("by", actor.memberId())
                    .setParameter("now", time.now()).getSingleResult()).longValue();
            if (venueId != null) {
                venues.reserve(venueId, id, organizer.tenantId, title, starts, ends);
            }
            audit.record(organizer.auditChainKey(), "activity.create", "Activity", id, AuditLog.change("kind", input.kind(), "title", title,
                    "capacity", input.capacity(), "audience", input.audience(), "scope", scope.id, "venue", venueId));
            return id;
        });
        return new ActivityPayload(queries.activity(outcome.id()), outcome.replayed());
    }

    private static OrganizationEntity activeOrg(long id, String field) {
        OrganizationEntity org = OrganizationEntity.findById(id);
        if (org == null || !org.isActive()) {
            throw DomainException.invalid(field, "No such active organization");
        }
        return org;
    }

    /** ActivityCancellation: PUBLISHED → CANCELLED by the organizer before the start; the venue slot goes back to the pool. */
    public ActivityPayload cancel(CancelActivityInput input) {
        long activityId = GlobalId.decode(Activity.TYPE, input.activityId(), "activityId");
        String reason = Inputs.requireText(input.reason(), "reason", 500);
        var outcome = idempotency.once(input.idempotencyKey(), "cancelActivity", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            Activity a = locked(activityId, actor);
            if (!mayOrganize(actor, a)) {
                throw DomainException.forbidden("Only the organizer cancels an activity");
            }
            if (a.status() == ActivityStatus.CANCELLED) {
                return a.dbId();
            }
            if (!time.now().isBefore(a.startsAt().toInstant())) {
                throw DomainException.invalidTransition("The activity has started (活动已开始，不能取消)");
            }
            em.createNativeQuery("""
                    update activity set status = 'CANCELLED', cancel_reason = :r, cancelled_at = :now, version = version + 1 where id = :id
                    """).setParameter("r", reason).setParameter("now", time.now()).setParameter("id", a.dbId()).executeUpdate();
            venues.release(a.dbId());
            audit.record(chainKey(a), "activity.cancel", "Activity", a.dbId(), AuditLog.change("reason", reason));
            return a.dbId();
        });
        return new ActivityPayload(queries.activity(outcome.id()), outcome.replayed());
    }

    // ------------------------------------------------------------------ sign-up and waitlist

    public ActivitySignupPayload signUp(ActivitySignupInput input) {
        long activityId = GlobalId.decode(Activity.TYPE, input.activityId(), "activityId");
        var outcome = idempotency.once(input.idempotencyKey(), "signUpForActivity", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long me = actor.requireMember();
            Activity a = lockedOpen(activityId, actor);
            requireAudience(a, me);
            return takeSeatOrQueue(a, me);
        });
        return new ActivitySignupPayload(queries.signup(outcome.id()), outcome.replayed());
    }

    /** A seat if one is free, else the end of the waitlist. An existing live sign-up is returned as is. */
    private long takeSeatOrQueue(Activity a, long memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery("select id, status from activity_signup where activity_id = :a and member_id = :m")
                .setParameter("a", a.dbId()).setParameter("m", memberId).getResultList();
        if (!existing.isEmpty() && !"CANCELLED".equals(existing.get(0)[1])) {
            return ((Number) existing.get(0)[0]).longValue();
        }
        Instant now = time.now();
        boolean seat = em.createNativeQuery("update activity set confirmed_count = confirmed_count + 1, version = version + 1"
                + " where id = :id and confirmed_count < capacity").setParameter("id", a.dbId()).executeUpdate() == 1;
        String status = seat ? "CONFIRMED" : "WAITLISTED";
        long id;
        if (existing.isEmpty()) {
            id = ((Number) em.createNativeQuery("""
                    with ins as (
                        insert into activity_signup (tenant_id, activity_id, member_id, status, signed_up_at, queued_at, confirmed_at)
                        values (:t, :a, :m, :st, :now, :now, :conf) returning id)
                    select id from ins
                    """).setParameter("t", a.tenantId()).setParameter("a", a.dbId()).setParameter("m", memberId).setParameter("st", status)
                    .setParameter("now", now).setParameter("conf", seat ? now : null).getSingleResult()).longValue();
        } else {
            id = ((Number) existing.get(0)[0]).longValue();
            em.createNativeQuery("""
                    update activity_signup set status = :st, queued_at = :now, confirmed_at = :conf, promoted = false, cancelled_at = null,
                           version = version + 1 where id = :id
                    """).setParameter("st", status).setParameter("now", now).setParameter("conf", seat ? now : null).setParameter("id", id)
                    .executeUpdate();
        }
        audit.record(chainKey(a), "activity.signUp", "Activity", a.dbId(), AuditLog.change("member", memberId, "status", status));
        return id;
    }

    public ActivitySignupPayload cancelSignup(ActivitySignupInput input) {
        long activityId = GlobalId.decode(Activity.TYPE, input.activityId(), "activityId");
        var outcome = idempotency.once(input.idempotencyKey(), "cancelActivitySignup", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long me = actor.requireMember();
            Activity a = locked(activityId, actor);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, status, checked_in_at is not null from activity_signup where activity_id = :a and member_id = :m for update
                    """).setParameter("a", a.dbId()).setParameter("m", me).getResultList();
            if (rows.isEmpty()) {
                throw DomainException.notFound("ActivitySignup", input.activityId());
            }
            long id = ((Number) rows.get(0)[0]).longValue();
            String status = (String) rows.get(0)[1];
            if ("CANCELLED".equals(status)) {
                return id;
            }
            if ((Boolean) rows.get(0)[2]) {
                throw DomainException.invalidTransition("Already checked in: attendance cannot be cancelled (已签到)");
            }
            em.createNativeQuery("update activity_signup set status = 'CANCELLED', cancelled_at = :now, version = version + 1 where id = :id")
                    .setParameter("now", time.now()).setParameter("id", id).executeUpdate();
            Long promoted = "CONFIRMED".equals(status) ? promoteOrFreeSeat(a) : null;
            audit.record(chainKey(a), "activity.cancelSignup", "Activity", a.dbId(), AuditLog.change("member", me, "was", status,
                    "promoted", promoted));
            return id;
        });
        return new ActivitySignupPayload(queries.signup(outcome.id()), outcome.replayed());
    }

    /** WaitlistPromotion: the seat goes to the longest-waiting sign-up; with nobody waiting it becomes free. */
    private Long promoteOrFreeSeat(Activity a) {
        @SuppressWarnings("unchecked")
        List<Number> next = em.createNativeQuery("""
                select id from activity_signup where activity_id = :a and status = 'WAITLISTED' order by queued_at, id limit 1 for update
                """).setParameter("a", a.dbId()).getResultList();
        if (next.isEmpty()) {
            em.createNativeQuery("update activity set confirmed_count = confirmed_count - 1, version = version + 1 where id = :id")
                    .setParameter("id", a.dbId()).executeUpdate();
            return null;
        }
        long id = next.get(0).longValue();
        em.createNativeQuery("update activity_signup set status = 'CONFIRMED', confirmed_at = :now, promoted = true, version = version + 1"
                + " where id = :id").setParameter("now", time.now()).setParameter("id", id).executeUpdate();
        return id;
    }

    // ------------------------------------------------------------------ check-in

    /**
     * Check-in by the code shown at the venue (the member themselves) or by the organizer for a member. The first
     * check-in records attendance and posts the activity's points and minutes; a repeat changes nothing.
     */
    public ActivitySignupPayload checkIn(CheckInInput input) {
        long activityId = GlobalId.decode(Activity.TYPE, input.activityId(), "activityId");
        Long memberId = GlobalId.decodeNullable(Member.TYPE, input.memberId(), "memberId");
        if ((input.code() == null) == (memberId == null)) {
            throw DomainException.invalid("code", "Give the venue's code (self check-in) or a memberId (organizer check-in)");
        }
        var outcome = idempotency.once(input.idempotencyKey(), "checkInToActivity", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            Activity a = get(input.activityId());
            if (a.status() != ActivityStatus.PUBLISHED) {
                throw DomainException.invalidTransition("The activity was cancelled");
            }
            Instant now = time.now();
            if (now.isBefore(a.startsAt().toInstant().minus(Duration.ofMinutes(config.checkInOpensMinutesBefore())))) {
                throw DomainException.invalidTransition("Check-in has not opened yet (签到尚未开始)");
            }
            long member;
            CheckInMethod method;
            if (memberId == null) {
                member = actor.requireMember();
                method = CheckInMethod.CODE;
                if (now.isAfter(a.endsAt().toInstant().plus(Duration.ofMinutes(config.checkInClosesMinutesAfter())))) {
                    throw DomainException.invalidTransition("Check-in has closed (签到已结束)");
                }
                if (!a.checkInCodeValue().equals(input.code().strip())) {
                    throw DomainException.invalid("code", "Wrong check-in code (签到码错误)");
                }
            } else {
                if (!mayOrganize(actor, a)) {
                    throw DomainException.forbidden("Only the organizer checks members in");
                }
                member = memberId;
                method = CheckInMethod.ORGANIZER;
            }
            return attend(locked(activityId, actor), member, method, actor.memberId(), memberId != null);
        });
        return new ActivitySignupPayload(queries.signup(outcome.id()), outcome.replayed());
    }

    private long attend(Activity a, long member, CheckInMethod method, Long by, boolean organizer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, status from activity_signup where activity_id = :a and member_id = :m for update")
                .setParameter("a", a.dbId()).setParameter("m", member).getResultList();
        long signup;
        if (rows.isEmpty() || !"CONFIRMED".equals(rows.get(0)[1])) {
            if (!organizer) {
                throw DomainException.invalidTransition("Only confirmed sign-ups check in (未报名或仍在候补)");
            }
            // The organizer admits a walk-in when a seat is free.
            requireTenant(a, member);
            signup = takeSeatOrQueue(a, member);
            if (!"CONFIRMED".equals(queries.signup(signup).status().name())) {
                throw DomainException.capacityExhausted("The activity is full (名额已满)");
            }
        } else {
            signup = ((Number) rows.get(0)[0]).longValue();
        }
        int first = em.createNativeQuery("""
                update activity_signup set checked_in_at = :now, check_in_method = :how, checked_in_by = :by, version = version + 1
                where id = :id and checked_in_at is null
                """).setParameter("now", time.now()).setParameter("how", method.name()).setParameter("by", by).setParameter("id", signup)
                .executeUpdate();
        if (first == 1) {
            String cause = "checkin:" + a.dbId() + ":" + member;
            String memo = a.kind().label() + " " + a.title();
            ledger.post(new Posting(a.tenantId(), member, LedgerUnit.POINTS, LedgerEntryKind.ACTIVITY_CHECK_IN, Counterparty.ISSUANCE, cause,
                    a.points(), memo, null));
            ledger.post(new Posting(a.tenantId(), member, LedgerUnit.MINUTES, LedgerEntryKind.ACTIVITY_CHECK_IN, Counterparty.ISSUANCE, cause,
                    a.serviceMinutes(), memo, null));
            if (a.collectiveService()) {
                dual.recordCollective(a, member);
            }
            audit.record(chainKey(a), "activity.checkIn", "Activity", a.dbId(), AuditLog.change("member", member, "method", method));
        }
        return signup;
    }

    private void requireTenant(Activity a, long member) {
        List<?> rows = em.createNativeQuery("select 1 from member where id = :m and tenant_id = :t").setParameter("m", member)
                .setParameter("t", a.tenantId()).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.invalid("memberId", "No such member in this street");
        }
    }

    // ------------------------------------------------------------------ rules

    /** AudienceRule: who may sign up, by the activity's audience and scope. One statement. */
    private void requireAudience(Activity a, long memberId) {
        String role = a.audience() == ActivityAudience.VOLUNTEERS ? "VOLUNTEER" : "PARTY_MEMBER";
        Object[] r = (Object[]) em.createNativeQuery("""
                select coalesce(g.path, c.path, '') like :ap,
                       exists (select 1 from membership ms join organization o on o.id = ms.organization_id where ms.member_id = m.id
                               and ms.role = :role and (ms.ended_on is null or ms.ended_on > :today) and o.path like :ap),
                       exists (select 1 from membership ms where ms.member_id = m.id and ms.role = :role
                               and (ms.ended_on is null or ms.ended_on > :today))
                         or (:role = 'PARTY_MEMBER' and exists (select 1 from party_profile pp where pp.member_id = m.id)),
                       exists (select 1 from party_profile pp join organization rc on rc.id = pp.registered_community_id
                               where pp.member_id = m.id and rc.path like :ap)
                from member m left join household h on h.id = m.household_id left join organization g on g.id = h.grid_id
                left join organization c on c.id = m.community_id where m.id = :m
                """).setParameter("ap", a.audiencePath() + "%").setParameter("role", role).setParameter("m", memberId)
                .setParameter("today", calendar.today()).getSingleResult();
        boolean lives = (Boolean) r[0];
        boolean memberThere = (Boolean) r[1];
        boolean hasRole = (Boolean) r[2];
        boolean registeredThere = (Boolean) r[3];
        boolean eligible = switch (a.audience()) {
            case RESIDENTS -> lives;
            case PARTY_MEMBERS -> hasRole && (lives || memberThere || registeredThere);
            case VOLUNTEERS -> hasRole && (lives || memberThere);
        };
        if (!eligible) {
            throw DomainException.forbidden("This activity is for " + a.audience().label() + " of its scope (不在活动对象范围内)");
        }
    }

    private Activity locked(long id, Actor actor) {
        List<?> rows = em.createNativeQuery("select id from activity where id = :id and tenant_id = :t for update").setParameter("id", id)
                .setParameter("t", actor.tenantId() == null ? -1L : actor.tenantId()).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Activity", GlobalId.encode(Activity.TYPE, id));
        }
        return queries.activity(id);
    }

    private Activity lockedOpen(long id, Actor actor) {
        Activity a = locked(id, actor);
        if (a.status() != ActivityStatus.PUBLISHED) {
            throw DomainException.invalidTransition("The activity was cancelled");
        }
        if (!time.now().isBefore(a.endsAt().toInstant())) {
            throw DomainException.invalidTransition("The activity has ended (活动已结束)");
        }
        return a;
    }

    private static long chainKey(Activity a) {
        OrganizationEntity organizer = OrganizationEntity.findById(a.organizerOrgDbId());
        return organizer.auditChainKey();
    }
}
