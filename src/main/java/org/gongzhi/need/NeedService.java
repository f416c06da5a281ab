package org.gongzhi.need;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gongzhi.need.NeedInputs.*;
import org.gongzhi.need.NeedTransitions.Transition;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.organization.OrganizationKind;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.error.ErrorCode;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.security.Role;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * Rules and transactions of the need lifecycle. Every step loads the need locked, checks who may act
 * ({@link NeedPerformer}) and whether the status allows it ({@link NeedTransitions}), changes it, and
 * records a timeline event, an audit entry and a cross-pod change notification in the same transaction.
 */
@ApplicationScoped
@Transactional
public class NeedService {

    static final int MAX_TITLE = 100;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 500;
    static final int MAX_PHOTOS = 9;
    static final int MAX_PHOTO_URL = 500;
    static final String MEMBER_TYPE = "Member";

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final NeedSlaPolicies sla;
    private final NeedConfig config;
    private final NeedQueries queries;
    private final NeedTimeline timeline;
    private final Event<NeedRated> rated;
    private final Event<NeedSettled> settled;
    private final BusinessCalendar calendar;

    NeedService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time,
            NeedSlaPolicies sla, NeedConfig config, NeedQueries queries, NeedTimeline timeline, Event<NeedRated> rated,
            Event<NeedSettled> settled, BusinessCalendar calendar) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
        this.sla = sla;
        this.config = config;
        this.queries = queries;
        this.timeline = timeline;
        this.rated = rated;
        this.settled = settled;
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------ reads

    /** One need the caller may see (requester, handler in scope, or public in their community). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Need get(String id) {
        long dbId = GlobalId.decode(Need.TYPE, id, "id");
        Actor actor = currentActor.get().requireAuthenticated();
        NeedEntity n = NeedEntity.findById(dbId);
        if (n == null) {
            throw DomainException.notFound("Need", id);
        }
        requireVisible(actor, n);
        return Need.of(n, time.now());
    }

    // ------------------------------------------------------------------ submit

    public SubmitNeedPayload submit(SubmitNeedInput input) {
        validate(input);
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "submitNeed", input, () -> doSubmit(input, false));
        Need need = queries.need(outcome.id());
        List<Need> similar = need.kind() == NeedKind.PUBLIC_ISSUE ? queries.similarOpen(need, config.duplicateSimilarity(),
                config.duplicateSuggestions()) : List.of();
        return new SubmitNeedPayload(need, outcome.replayed(), similar);
    }

    private static void validate(SubmitNeedInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        Inputs.requireText(input.title(), "title", MAX_TITLE);
        Inputs.requireText(input.description(), "description", MAX_DESCRIPTION);
        if (input.category() == null) {
            throw DomainException.invalid("category", "category is required");
        }
        if (input.kind() == null) {
            throw DomainException.invalid("kind", "kind is required");
        }
        if ((input.category() == NeedCategory.MICRO_WISH) != (input.kind() == NeedKind.MICRO_WISH)) {
            throw DomainException.invalid("kind", "A micro-wish (微心愿) has category MICRO_WISH and kind MICRO_WISH");
        }
        List<String> photos = input.photoUrls() == null ? List.of() : input.photoUrls();
        if (photos.size() > MAX_PHOTOS) {
            throw DomainException.invalid("photoUrls", "At most " + MAX_PHOTOS + " photos");
        }
        for (String url : photos) {
            if (url == null || url.length() > MAX_PHOTO_URL || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw DomainException.invalid("photoUrls", "Photo URLs are http(s) URLs of at most " + MAX_PHOTO_URL + " characters");
            }
        }
    }

    /**
     * A need recorded for a resident by another feature that has already checked the recorder's duty towards the
     * place (敲门行动: the party member linked to the household). Runs in the caller's transaction; the caller
     * makes its own mutation idempotent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Need submitOnBehalf(SubmitNeedInput input) {
        validate(input);
        return queries.need(doSubmit(input, true));
    }

    private long doSubmit(SubmitNeedInput input, boolean dutyChecked) {
        Actor actor = currentActor.get().requireAuthenticated();
        long me = actor.requireMember();
        NeedChannel channel = input.channel() == null ? NeedChannel.MINI_PROGRAM : input.channel();
        Long beneficiary = GlobalId.decodeNullable(MEMBER_TYPE, input.beneficiaryId(), "beneficiaryId");
        Place place = place(actor, input, beneficiary);
        if (channel.recordedByStaff()) {
            // Patrol, door knocking, hotline, walk-in and proxy are recorded by a worker serving the place.
            if (!dutyChecked) {
                actor.requireServes(place.path, "the place of the need");
            }
            if (beneficiary == null && input.kind() != NeedKind.PUBLIC_ISSUE) {
                throw DomainException.invalid("beneficiaryId", "A need recorded for a resident (" + channel.label()
                        + ") names the resident it is for");
            }
        } else if (beneficiary != null && beneficiary != me) {
            throw DomainException.invalid("beneficiaryId", "Only staff channels record a need for someone else");
        }
        if (beneficiary != null) {
            requireMemberOfTenant(beneficiary, place.tenantId, "beneficiaryId");
        }
        Instant now = time.now();
        NeedSlaPolicy policy = sla.policy(place.tenantId, input.category(), urgencyOf(input));
        NeedEntity n = new NeedEntity();
        n.tenantId = place.tenantId;
        n.communityId = place.communityId;
        n.placeOrgId = place.orgId;
        n.placePath = place.path;
        n.buildingId = place.buildingId;
        n.householdId = place.householdId;
        n.title = input.title().strip();
        n.description = input.description().strip();
        n.category = input.category();
        n.urgency = urgencyOf(input);
        n.kind = input.kind();
        n.channel = channel;
        n.visibility = input.visibility() != null ? input.visibility()
                : input.kind() == NeedKind.PERSONAL_REQUEST ? NeedVisibility.PRIVATE : NeedVisibility.COMMUNITY;
        n.photoUrls = new ArrayList<>(input.photoUrls() == null ? List.of() : input.photoUrls());
        n.reporterMemberId = me;
        n.beneficiaryMemberId = beneficiary;
        n.requesterMemberId = beneficiary != null ? beneficiary : me;
        n.responsibleOrgId = place.orgId;
        n.responsiblePath = place.path;
        n.submittedAt = now;
        n.respondBy = now.plus(policy.respondWithin());
        n.resolveBy = now.plus(policy.resolveWithin());
        n.status = NeedStatus.SUBMITTED;
        n.recomputeNextDeadline();
        n.updatedAt = now;
        n.persist();
        em.flush();
        timeline.record(n, NeedEventKind.SUBMITTED, null, NeedStatus.SUBMITTED, null, null,
                channel.recordedByStaff() ? "渠道: " + channel.label() : null, false);
        audit.record(n.auditChainKey(), "need.submit", "Need", n.id, AuditLog.change("category", n.category, "kind", n.kind,
                "channel", n.channel, "urgency", n.urgency, "place", n.placeOrgId, "beneficiary", n.beneficiaryMemberId));
        timeline.publish(n, NeedAction.SUBMIT);
        return n.id;
    }

    private static NeedUrgency urgencyOf(SubmitNeedInput input) {
        return input.urgency() == null ? NeedUrgency.NORMAL : input.urgency();
    }

    /** Where a need is: a household (its grid), a building, or an organization (grid or community). */
    record Place(long tenantId, long communityId, long orgId, String path, Long buildingId, Long householdId) {
    }

    private Place place(Actor actor, SubmitNeedInput input, Long beneficiary) {
        Long householdId = GlobalId.decodeNullable("Household", input.householdId(), "householdId");
        Long buildingId = GlobalId.decodeNullable("Building", input.buildingId(), "buildingId");
        Long orgId = GlobalId.decodeNullable(Organization.TYPE, input.placeId(), "placeId");
        if (householdId == null && buildingId == null && orgId == null) {
            // Default: the beneficiary's household (proxy, door knocking), else the caller's own.
            householdId = beneficiary != null ? householdOf(beneficiary) : actor.householdId();
        }
        Place place;
        if (householdId != null) {
            place = placeRow("""
                    select h.tenant_id, h.community_id, h.grid_id, o.path, h.building_id, h.id from household h
                    join organization o on o.id = h.grid_id where h.id = :id
                    """, householdId, "householdId");
        } else if (buildingId != null) {
            place = placeRow("""
                    select b.tenant_id, b.community_id, b.grid_id, o.path, b.id, null from building b
                    join organization o on o.id = b.grid_id where b.id = :id
                    """, buildingId, "buildingId");
        } else if (orgId != null) {
            OrganizationEntity org = OrganizationEntity.findById(orgId);
            if (org == null || !org.isActive() || org.communityId == null) {
                throw DomainException.invalid("placeId", "The place must be an active grid or community");
            }
            place = new Place(org.tenantId, org.communityId, org.id, org.path, null, null);
        } else {
            throw DomainException.invalid("householdId", "Say where the need is: a household, building, grid or community");
        }
        if (actor.tenantId() == null || actor.tenantId() != place.tenantId) {
            throw DomainException.forbidden("The place belongs to another street");
        }
        return place;
    }

    private Long householdOf(long memberId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select household_id from member where id = :id and household_id is not null")
                .setParameter("id", memberId).getResultList();
        return rows.isEmpty() ? null : rows.get(0).longValue();
    }

    private Place placeRow(String sql, long id, String field) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.invalid(field, "No such " + field.replace("Id", ""));
        }
        Object[] r = rows.get(0);
        return new Place(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue());
    }

    private void requireMemberOfTenant(long memberId, long tenantId, String field) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select tenant_id from member where id = :id").setParameter("id", memberId)
                .getResultList();
        if (rows.isEmpty() || rows.get(0).longValue() != tenantId) {
            throw DomainException.invalid(field, "No such member in this street");
        }
    }

    // ------------------------------------------------------------------ lifecycle steps

    public NeedPayload accept(NeedStepInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        return step(input.needId(), NeedAction.ACCEPT, input.idempotencyKey(), input, (n, a) -> {
            n.respondedAt = time.now();
            n.status = NeedStatus.ACCEPTED;
            timeline.record(n, NeedEventKind.ACCEPTED, NeedStatus.SUBMITTED, n.status, null, null, note, false);
        });
    }

    public NeedPayload reject(NeedReasonInput input) {
        String reason = Inputs.requireText(input.reason(), "reason", MAX_REASON);
        return step(input.needId(), NeedAction.REJECT, input.idempotencyKey(), input, (n, a) -> {
            NeedStatus from = n.status;
            if (n.respondedAt == null) {
                n.respondedAt = time.now();
            }
            n.rejectReason = reason;
            n.closedAt = time.now();
            n.status = NeedStatus.REJECTED;
            timeline.record(n, NeedEventKind.REJECTED, from, n.status, null, null, reason, false);
        });
    }

    public NeedPayload assign(AssignNeedInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        Long orgId = GlobalId.decodeNullable(Organization.TYPE, input.organizationId(), "organizationId");
        Long memberId = GlobalId.decodeNullable(MEMBER_TYPE, input.memberId(), "memberId");
        if ((orgId == null) == (memberId == null)) {
            throw DomainException.invalid("organizationId", "Assign to exactly one organization or one member");
        }
        return step(input.needId(), NeedAction.ASSIGN, input.idempotencyKey(), input, (n, a) -> {
            NeedStatus from = n.status;
            if (orgId != null) {
                OrganizationEntity org = OrganizationEntity.findById(orgId);
                if (org == null || !org.isActive() || org.tenantId != n.tenantId) {
                    throw DomainException.invalid("organizationId", "No such active organization in this street");
                }
            } else {
                requireMemberOfTenant(memberId, n.tenantId, "memberId");
            }
            n.assigneeOrgId = orgId;
            n.assigneeMemberId = memberId;
            n.claimerMemberId = null;
            n.status = NeedStatus.ASSIGNED;
            timeline.record(n, NeedEventKind.ASSIGNED, from, n.status, orgId, memberId, note, false);
        });
    }

    /**
     * First come, first served: the status change is a conditional UPDATE (… where status = 'ACCEPTED'), so of
     * any number of concurrent claims exactly one changes the row; the others get CONFLICT. The claimer's
     * member row is locked while their open claims are counted, so ClaimLimit holds under concurrency too.
     */
    public NeedPayload claim(NeedStepInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        long id = GlobalId.decode(Need.TYPE, input.needId(), "needId");
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "claimNeed", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            long me = actor.requireMember();
            NeedEntity n = NeedEntity.findById(id);
            if (n == null) {
                throw DomainException.notFound("Need", input.needId());
            }
            requireVisible(actor, n);
            requirePerformer(actor, n, NeedTransitions.of(NeedAction.CLAIM));
            if (Objects.equals(n.claimerMemberId, me) && n.status.isOpen()) {
                return n.id; // already this member's claim: a retry
            }
            if (n.status != NeedStatus.ACCEPTED) {
                if (n.claimerMemberId != null) {
                    throw DomainException.conflict("This micro-wish has already been claimed (已被认领)");
                }
                NeedTransitions.require(NeedAction.CLAIM, n.status);
            }
            em.createNativeQuery("select id from member where id = :m for update").setParameter("m", me).getResultList();
            long open = ((Number) em.createNativeQuery(
                    "select count(*) from need where claimer_member_id = :m and status in ('CLAIMED', 'IN_PROGRESS')")
                    .setParameter("m", me).getSingleResult()).longValue();
            if (open >= config.maxOpenClaims()) {
                throw DomainException.capacityExhausted("ClaimLimit: at most " + config.maxOpenClaims()
                        + " open claims per member; finish one first (认领上限)");
            }
            Instant now = time.now();
            int won = em.createNativeQuery("""
                    update need set status = 'CLAIMED', claimer_member_id = :m, next_deadline = resolve_by,
                           updated_at = :now, version = version + 1
                    where id = :id and status = 'ACCEPTED' and kind = 'MICRO_WISH'
                    """).setParameter("m", me).setParameter("now", now).setParameter("id", id).executeUpdate();
            if (won == 0) {
                throw DomainException.conflict("This micro-wish has just been claimed by someone else (已被认领)");
            }
            em.refresh(n);
            timeline.record(n, NeedEventKind.CLAIMED, NeedStatus.ACCEPTED, NeedStatus.CLAIMED, null, me, note, false);
            audit.record(n.auditChainKey(), "need.claim", "Need", n.id, AuditLog.change("claimer", me));
            timeline.publish(n, NeedAction.CLAIM);
            return n.id;
        });
        return payload(outcome);
    }

    public NeedPayload start(NeedStepInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        return step(input.needId(), NeedAction.START, input.idempotencyKey(), input, (n, a) -> {
            NeedStatus from = n.status;
            if (n.startedAt == null) {
                n.startedAt = time.now();
            }
            if (n.respondedAt == null) {
                n.respondedAt = time.now();
            }
            n.status = NeedStatus.IN_PROGRESS;
            timeline.record(n, NeedEventKind.STARTED, from, n.status, null, null, note, false);
        });
    }

    public NeedPayload resolve(ResolveNeedInput input) {
        String note = Inputs.requireText(input.resolutionNote(), "resolutionNote", MAX_NOTE);
        return step(input.needId(), NeedAction.RESOLVE, input.idempotencyKey(), input, (n, a) -> {
            n.resolvedAt = time.now();
            n.resolutionNote = note;
            n.status = NeedStatus.RESOLVED;
            timeline.record(n, NeedEventKind.RESOLVED, NeedStatus.IN_PROGRESS, n.status, null, null, note, false);
        });
    }

    /** Rates a resolved need; a rating at or below the bar reopens it for rectification (整改) instead. */
    public NeedPayload rate(RateNeedInput input) {
        if (input.rating() < 1 || input.rating() > 5) {
            throw DomainException.invalid("rating", "rating is 1 to 5");
        }
        String comment = Inputs.optionalText(input.comment(), "comment", MAX_REASON);
        boolean reopen = input.rating() <= config.reopenAtOrBelow();
        NeedAction action = reopen ? NeedAction.REOPEN : NeedAction.RATE;
        long id = GlobalId.decode(Need.TYPE, input.needId(), "needId");
        Actor actor = currentActor.get().requireAuthenticated();
        // Rating requires RESOLVED, even when a low rating then reopens (REOPEN alone also allows RATED).
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "rateNeed", input, () -> {
            NeedEntity n = locked(id, actor);
            requirePerformer(actor, n, NeedTransitions.of(NeedAction.RATE));
            NeedTransitions.require(NeedAction.RATE, n.status);
            NeedStatus from = n.status;
            n.rating = (short) input.rating();
            n.ratingComment = comment;
            n.ratedAt = time.now();
            if (reopen) {
                reopen(n, from, "评分" + input.rating() + "分，整改重办" + (comment == null ? "" : ": " + comment));
            } else {
                n.status = NeedStatus.RATED;
                timeline.record(n, NeedEventKind.RATED, from, n.status, null, null,
                        input.rating() + "分" + (comment == null ? "" : ": " + comment), false);
            }
            finish(n, action, AuditLog.change("rating", input.rating(), "reopened", reopen));
            if (!reopen) {
                rated.fire(new NeedRated(n.id, n.requesterMemberId,
                        n.claimerMemberId != null ? n.claimerMemberId : n.assigneeMemberId, input.rating(),
                        n.kind == NeedKind.MICRO_WISH));
            }
            return n.id;
        });
        return payload(outcome);
    }

    /** An objection (异议) within the window after resolution reopens the need for rectification. */
    public NeedPayload object(NeedReasonInput input) {
        String reason = Inputs.requireText(input.reason(), "reason", MAX_REASON);
        return step(input.needId(), NeedAction.REOPEN, input.idempotencyKey(), input, (n, a) -> {
            if (n.resolvedAt == null || time.now().isAfter(calendar.after(n.resolvedAt, config.objectionWindow()))) {
                throw DomainException.invalidTransition("The objection window of " + config.objectionWindow().toDays()
                        + " days after resolution has passed (异议期已过)");
            }
            NeedStatus from = n.status;
            timeline.record(n, NeedEventKind.OBJECTED, from, from, null, null, reason, false);
            reopen(n, from, "异议整改: " + reason);
        });
    }

    private void reopen(NeedEntity n, NeedStatus from, String note) {
        NeedSlaPolicy policy = sla.policy(n.tenantId, n.category, n.urgency);
        n.reopenCount++;
        n.resolvedAt = null;
        n.status = NeedStatus.IN_PROGRESS;
        n.resolveBy = time.now().plus(policy.resolveWithin());
        timeline.record(n, NeedEventKind.REOPENED, from, n.status, null, null, note, false);
    }

    public NeedPayload close(NeedStepInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        return step(input.needId(), NeedAction.CLOSE, input.idempotencyKey(), input, (n, a) -> {
            NeedStatus from = n.status;
            n.status = NeedStatus.CLOSED;
            n.closedAt = time.now();
            timeline.record(n, NeedEventKind.CLOSED, from, n.status, null, null, note, false);
        });
    }

    public NeedPayload cancel(NeedStepInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        return step(input.needId(), NeedAction.CANCEL, input.idempotencyKey(), input, (n, a) -> {
            NeedStatus from = n.status;
            n.status = NeedStatus.CANCELLED;
            n.closedAt = time.now();
            timeline.record(n, NeedEventKind.CANCELLED, from, n.status, null, null, note, false);
        });
    }

    /** 吹哨: responsibility moves one level up (grid → community → street → a named DEPARTMENT). */
    public NeedPayload escalate(EscalateNeedInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        Long departmentId = GlobalId.decodeNullable(Organization.TYPE, input.departmentId(), "departmentId");
        return step(input.needId(), NeedAction.ESCALATE, input.idempotencyKey(), input, (n, a) -> {
            OrganizationEntity target = escalationTarget(n, departmentId, false);
            escalateTo(n, target, "MANUAL", null, note, false);
        });
    }

    /** 报到: the organization the need was escalated to takes it on. */
    public NeedPayload acknowledge(NeedStepInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        return step(input.needId(), NeedAction.ACKNOWLEDGE, input.idempotencyKey(), input, (n, a) -> {
            Instant now = time.now();
            em.createNativeQuery("""
                    update need_escalation set acknowledged_at = :now
                    where id = (select max(id) from need_escalation where need_id = :id) and acknowledged_at is null
                    """).setParameter("now", now).setParameter("id", n.id).executeUpdate();
            if (n.respondedAt == null) {
                n.respondedAt = now;
            }
            n.acknowledgeBy = null;
            n.status = NeedStatus.ACCEPTED;
            timeline.record(n, NeedEventKind.ACKNOWLEDGED, NeedStatus.ESCALATED, n.status, n.responsibleOrgId, null, note, false);
        });
    }

    public NeedPayload markDuplicate(MarkNeedDuplicateInput input) {
        long originalId = GlobalId.decode(Need.TYPE, input.originalId(), "originalId");
        return step(input.needId(), NeedAction.MARK_DUPLICATE, input.idempotencyKey(), input, (n, a) -> {
            NeedEntity original = NeedEntity.findById(originalId);
            if (original == null || original.tenantId != n.tenantId) {
                throw DomainException.invalid("originalId", "No such need in this street");
            }
            if (original.id.equals(n.id) || n.id.equals(original.duplicateOfId)) {
                throw DomainException.invalid("originalId", "A need cannot duplicate itself");
            }
            if (original.duplicateOfId != null) {
                throw DomainException.invalid("originalId", "Point to the original, not to another duplicate");
            }
            NeedStatus from = n.status;
            n.duplicateOfId = original.id;
            n.status = NeedStatus.CLOSED;
            n.closedAt = time.now();
            if (n.respondedAt == null) {
                n.respondedAt = n.closedAt;
            }
            timeline.record(n, NeedEventKind.MARKED_DUPLICATE, from, n.status, null, null,
                    "重复于 " + GlobalId.encode(Need.TYPE, original.id) + " " + original.title, false);
        });
    }

    /** A note on the timeline, by the requester or a handler. */
    public NeedPayload addNote(NeedStepInput input) {
        String note = Inputs.requireText(input.note(), "note", MAX_NOTE);
        long id = GlobalId.decode(Need.TYPE, input.needId(), "needId");
        return payload(idempotency.once(input.idempotencyKey(), "addNeedNote", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            NeedEntity n = locked(id, actor);
            if (!may(actor, n, NeedPerformer.REQUESTER) && !may(actor, n, NeedPerformer.ADMIN_IN_SCOPE)
                    && !may(actor, n, NeedPerformer.HANDLER)) {
                throw DomainException.forbidden("Only the requester or a handler may add notes to this need");
            }
            timeline.record(n, NeedEventKind.NOTE, null, null, null, null, note, false);
            n.updatedAt = time.now();
            audit.record(n.auditChainKey(), "need.note", "Need", n.id, AuditLog.change("length", note.length()));
            timeline.publish(n, null);
            return n.id;
        }));
    }

    // ------------------------------------------------------------------ for other features

    /**
     * What the service menu (菜单式服务) orders: a need that goes straight to ASSIGNED. The reporter orders; with a
     * beneficiary (a staff member ordering for a resident, 代办) the need is a PROXY one requested by the beneficiary,
     * as {@code submitNeed} records it — the caller has checked that the reporter serves the household.
     */
    public record AssignedNeedCommand(long reporterMemberId, Long beneficiaryMemberId, Long beneficiaryHouseholdId, NeedCategory category,
            NeedUrgency urgency, String title, String description, Long assigneeOrganizationId, Long assigneeMemberId) {

        public long requesterMemberId() {
            return beneficiaryMemberId != null ? beneficiaryMemberId : reporterMemberId;
        }

        public NeedChannel channel() {
            return beneficiaryMemberId != null ? NeedChannel.PROXY : NeedChannel.MINI_PROGRAM;
        }
    }

    /**
     * Creates a need directly in ASSIGNED inside the caller's transaction (the resources feature's service
     * menu). The caller has checked who may order; this records the submit, accept and assign steps on the
     * timeline so the loop stays complete, and returns the new need.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Need createAssigned(AssignedNeedCommand cmd) {
        Inputs.requireText(cmd.title(), "title", MAX_TITLE);
        Inputs.requireText(cmd.description(), "description", MAX_DESCRIPTION);
        if (cmd.category() == null) {
            throw DomainException.invalid("category", "category is required");
        }
        if ((cmd.assigneeOrganizationId() == null) == (cmd.assigneeMemberId() == null)) {
            throw DomainException.invalid("assignee", "Assign to exactly one organization or one member");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> requester = em.createNativeQuery("select tenant_id, household_id from member where id = :id")
                .setParameter("id", cmd.requesterMemberId()).getResultList();
        String requesterField = cmd.beneficiaryMemberId() != null ? "beneficiaryId" : "requesterMemberId";
        if (requester.isEmpty()) {
            throw DomainException.invalid(requesterField, "No such member");
        }
        Object[] m = requester.get(0);
        Long householdId = cmd.beneficiaryHouseholdId() != null ? cmd.beneficiaryHouseholdId()
                : m[1] == null ? null : ((Number) m[1]).longValue();
        if (householdId == null) {
            throw DomainException.invalid("beneficiaryHouseholdId", "The requester has no household: name one");
        }
        Place place = placeRow("""
                select h.tenant_id, h.community_id, h.grid_id, o.path, h.building_id, h.id from household h
                join organization o on o.id = h.grid_id where h.id = :id
                """, householdId, "beneficiaryHouseholdId");
        if (((Number) m[0]).longValue() != place.tenantId) {
            throw DomainException.invalid(cmd.beneficiaryMemberId() != null ? requesterField : "beneficiaryHouseholdId",
                    "The household belongs to another street");
        }
        if (cmd.assigneeOrganizationId() != null) {
            OrganizationEntity org = OrganizationEntity.findById(cmd.assigneeOrganizationId());
            if (org == null || !org.isActive() || org.tenantId != place.tenantId) {
                throw DomainException.invalid("assigneeOrganizationId", "No such active organization in this street");
            }
        } else {
            requireMemberOfTenant(cmd.assigneeMemberId(), place.tenantId, "assigneeMemberId");
        }
        NeedUrgency urgency = cmd.urgency() == null ? NeedUrgency.NORMAL : cmd.urgency();
        NeedSlaPolicy policy = sla.policy(place.tenantId, cmd.category(), urgency);
        Instant now = time.now();
        NeedEntity n = new NeedEntity();
        n.tenantId = place.tenantId;
        n.communityId = place.communityId;
        n.placeOrgId = place.orgId;
        n.placePath = place.path;
        n.buildingId = place.buildingId;
        n.householdId = place.householdId;
        n.title = cmd.title().strip();
        n.description = cmd.description().strip();
        n.category = cmd.category();
        n.urgency = urgency;
        n.kind = cmd.category() == NeedCategory.MICRO_WISH ? NeedKind.MICRO_WISH : NeedKind.PERSONAL_REQUEST;
        n.channel = cmd.channel();
        n.visibility = NeedVisibility.PRIVATE;
        n.reporterMemberId = cmd.reporterMemberId();
        n.beneficiaryMemberId = cmd.beneficiaryMemberId();
        n.requesterMemberId = cmd.requesterMemberId();
        n.responsibleOrgId = place.orgId;
        n.responsiblePath = place.path;
        n.assigneeOrgId = cmd.assigneeOrganizationId();
        n.assigneeMemberId = cmd.assigneeMemberId();
        n.submittedAt = now;
        n.respondedAt = now;
        n.respondBy = now.plus(policy.respondWithin());
        n.resolveBy = now.plus(policy.resolveWithin());
        n.status = NeedStatus.ASSIGNED;
        n.recomputeNextDeadline();
        n.updatedAt = now;
        n.persist();
        em.flush();
        timeline.record(n, NeedEventKind.SUBMITTED, null, NeedStatus.SUBMITTED, null, null, "菜单式服务下单 (service menu order)"
                + (n.channel.recordedByStaff() ? "，渠道: " + n.channel.label() : ""), false);
        timeline.record(n, NeedEventKind.ACCEPTED, NeedStatus.SUBMITTED, NeedStatus.ACCEPTED, null, null, null, false);
        timeline.record(n, NeedEventKind.ASSIGNED, NeedStatus.ACCEPTED, NeedStatus.ASSIGNED, n.assigneeOrgId, n.assigneeMemberId,
                null, false);
        audit.record(n.auditChainKey(), "need.createAssigned", "Need", n.id, AuditLog.change("category", n.category,
                "assigneeOrg", n.assigneeOrgId, "assigneeMember", n.assigneeMemberId, "channel", n.channel, "beneficiary",
                n.beneficiaryMemberId));
        timeline.publish(n, NeedAction.ASSIGN);
        return Need.of(n, now);
    }

    // ------------------------------------------------------------------ SLA (called by NeedSlaJob, one need per transaction)

    /**
     * Handles one missed deadline. The need row is locked, the deadline re-read, and a BREACHED signal row
     * inserted with ON CONFLICT DO NOTHING: only the run that inserts it escalates, so concurrent runs on
     * several pods escalate a need at most once per deadline.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean handleBreach(long needId) {
        Instant now = time.now();
        NeedEntity n = em.find(NeedEntity.class, needId, LockModeType.PESSIMISTIC_WRITE);
        if (n == null || !n.status.isOpen() || n.nextDeadline == null || !n.nextDeadline.isBefore(now)) {
            return false;
        }
        String kind = deadlineKind(n);
        int inserted = em.createNativeQuery("""
                insert into need_sla_signal (need_id, deadline_kind, deadline_at, phase, at)
                values (:id, :k, :d, 'BREACHED', :now) on conflict do nothing
                """).setParameter("id", n.id).setParameter("k", kind).setParameter("d", n.nextDeadline)
                .setParameter("now", now).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        OrganizationEntity target = escalationTarget(n, null, true);
        if (target == null) {
            // Already at the street or a department: nothing higher to hand it to; flag it on the timeline.
            timeline.record(n, NeedEventKind.SLA_WARNING, n.status, n.status, n.responsibleOrgId, null,
                    "已超时 (" + kind + " deadline missed) — 已在最高层级，请督办", true);
            n.updatedAt = now;
            timeline.publish(n, null);
            return true;
        }
        NeedStatus from = n.status;
        escalateTo(n, target, kind, n.nextDeadline, "超时自动上报 (" + kind + " deadline missed)", true);
        finishSystem(n, from);
        return true;
    }

    /** Warns the handlers once per deadline before it passes (timeline event + change notification). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean warn(long needId) {
        Instant now = time.now();
        NeedEntity n = em.find(NeedEntity.class, needId, LockModeType.PESSIMISTIC_WRITE);
        if (n == null || !n.status.isOpen() || n.nextDeadline == null || !n.nextDeadline.isAfter(now)) {
            return false;
        }
        String kind = deadlineKind(n);
        int inserted = em.createNativeQuery("""
                insert into need_sla_signal (need_id, deadline_kind, deadline_at, phase, at)
                values (:id, :k, :d, 'WARNED', :now) on conflict do nothing
                """).setParameter("id", n.id).setParameter("k", kind).setParameter("d", n.nextDeadline)
                .setParameter("now", now).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        timeline.record(n, NeedEventKind.SLA_WARNING, n.status, n.status, n.responsibleOrgId, null,
                "即将超时 (" + kind + " deadline at " + org.gongzhi.platform.time.Times.local(n.nextDeadline) + ")", true);
        timeline.publish(n, null);
        return true;
    }

    /** Closes a resolved or rated need once the objection window has passed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean autoClose(long needId) {
        Instant now = time.now();
        NeedEntity n = em.find(NeedEntity.class, needId, LockModeType.PESSIMISTIC_WRITE);
        if (n == null || NeedTransitions.allowed(NeedAction.CLOSE, n.status).isEmpty() || n.resolvedAt == null
                || !now.isAfter(calendar.after(n.resolvedAt, config.objectionWindow()))) {
            return false;
        }
        NeedStatus from = n.status;
        n.status = NeedStatus.CLOSED;
        n.closedAt = now;
        timeline.record(n, NeedEventKind.CLOSED, from, n.status, null, null, "异议期满自动关闭 (objection window over)", true);
        finishSystem(n, from);
        return true;
    }

    private static String deadlineKind(NeedEntity n) {
        return switch (n.status) {
            case SUBMITTED -> "RESPOND";
            case ESCALATED -> "ACKNOWLEDGE";
            default -> "RESOLVE";
        };
    }

    /**
     * The organization one level up from the one now responsible: grid (or anything under a community) →
     * community → street → a named DEPARTMENT. Null when the SLA job has nowhere higher to go.
     */
    private OrganizationEntity escalationTarget(NeedEntity n, Long departmentId, boolean automatic) {
        OrganizationEntity current = OrganizationEntity.findById(n.responsibleOrgId);
        if (current.kind == OrganizationKind.DEPARTMENT) {
            if (automatic) {
                return null;
            }
            throw DomainException.invalidTransition("The need is already with a department (已吹哨至职能部门)");
        }
        if (current.kind == OrganizationKind.STREET_COMMITTEE || current.parentId == null) {
            if (automatic) {
                return null;
            }
            if (departmentId == null) {
                throw DomainException.invalid("departmentId", "The street whistles to a department: name the DEPARTMENT (街道吹哨、部门报到)");
            }
            OrganizationEntity dept = OrganizationEntity.findById(departmentId);
            if (dept == null || dept.kind != OrganizationKind.DEPARTMENT || dept.tenantId != n.tenantId || !dept.isActive()) {
                throw DomainException.invalid("departmentId", "Not an active department of this street");
            }
            return dept;
        }
        if (departmentId != null) {
            throw DomainException.invalid("departmentId", "Only the street escalates to a department; escalate to the community/street first");
        }
        long targetId = current.kind == OrganizationKind.COMMUNITY_COMMITTEE || current.communityId == null
                ? current.tenantId : current.communityId;
        return OrganizationEntity.findById(targetId);
    }

    private void escalateTo(NeedEntity n, OrganizationEntity target, String deadlineKind, Instant deadlineAt, String note,
            boolean automatic) {
        Instant now = time.now();
        NeedSlaPolicy policy = sla.policy(n.tenantId, n.category, n.urgency);
        NeedStatus from = n.status;
        long fromOrg = n.responsibleOrgId;
        n.acknowledgeBy = now.plus(policy.acknowledgeWithin());
        em.createNativeQuery("""
                insert into need_escalation (tenant_id, need_id, deadline_kind, deadline_at, from_org_id, to_org_id, automatic,
                                             at, acknowledge_by, note)
                values (:t, :n, :k, :d, :from, :to, :auto, :at, :ack, :note)
                """).setParameter("t", n.tenantId).setParameter("n", n.id).setParameter("k", deadlineKind)
                .setParameter("d", deadlineAt).setParameter("from", fromOrg).setParameter("to", target.id)
                .setParameter("auto", automatic).setParameter("at", now).setParameter("ack", n.acknowledgeBy)
                .setParameter("note", note).executeUpdate();
        n.responsibleOrgId = target.id;
        n.responsiblePath = target.path;
        n.escalationLevel++;
        n.assigneeOrgId = null;
        n.assigneeMemberId = null;
        n.claimerMemberId = null;
        n.status = NeedStatus.ESCALATED;
        timeline.record(n, NeedEventKind.ESCALATED, from, n.status, target.id, null, note, automatic);
    }

    // ------------------------------------------------------------------ the common shape of a step

    private NeedPayload step(String needId, NeedAction action, String key, Object input, BiConsumer<NeedEntity, Actor> change) {
        long id = GlobalId.decode(Need.TYPE, needId, "needId");
        Idempotency.Outcome outcome = idempotency.once(key, action.name().toLowerCase() + "Need", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            NeedEntity n = locked(id, actor);
            Transition t = NeedTransitions.of(action);
            requirePerformer(actor, n, t);
            NeedTransitions.require(action, n.status);
            change.accept(n, actor);
            finish(n, action, AuditLog.change("status", n.status));
            return n.id;
        });
        return payload(outcome);
    }

    private void finish(NeedEntity n, NeedAction action, java.util.Map<String, ?> change) {
        n.updatedAt = time.now();
        n.recomputeNextDeadline();
        em.flush();
        audit.record(n.auditChainKey(), "need." + action.name().toLowerCase(), "Need", n.id, change);
        timeline.publish(n, action);
        if (NeedSettled.ACTIONS.contains(action)) {
            settled.fire(new NeedSettled(n.id, action, n.status));
        }
    }

    private void finishSystem(NeedEntity n, NeedStatus from) {
        n.updatedAt = time.now();
        n.recomputeNextDeadline();
        em.flush();
        audit.record(n.auditChainKey(), "need.sla", "Need", n.id, AuditLog.change("from", from, "to", n.status,
                "responsible", n.responsibleOrgId));
        timeline.publish(n, n.status == NeedStatus.CLOSED ? NeedAction.CLOSE : NeedAction.ESCALATE);
    }

    private NeedEntity locked(long id, Actor actor) {
        NeedEntity n = em.find(NeedEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw DomainException.notFound("Need", GlobalId.encode(Need.TYPE, id));
        }
        requireVisible(actor, n);
        return n;
    }

    private NeedPayload payload(Idempotency.Outcome outcome) {
        return new NeedPayload(queries.need(outcome.id()), outcome.replayed());
    }

    // ------------------------------------------------------------------ who may act and see

    private void requirePerformer(Actor actor, NeedEntity n, Transition t) {
        for (NeedPerformer p : t.performers()) {
            if (may(actor, n, p)) {
                return;
            }
        }
        throw new DomainException(ErrorCode.FORBIDDEN, "Only " + t.performers() + " may " + t.action().name().toLowerCase()
                + " this need (" + t.action().label() + ")");
    }

    boolean may(Actor a, NeedEntity n, NeedPerformer p) {
        if (a.isAnonymous() || a.tenantId() == null || a.tenantId() != n.tenantId) {
            return false;
        }
        return switch (p) {
            case REQUESTER -> a.isMember(n.reporterMemberId) || a.isMember(n.beneficiaryMemberId);
            case ADMIN_IN_SCOPE -> a.serves(n.responsiblePath);
            case ESCALATION_TARGET -> a.administers(n.responsiblePath);
            case HANDLER -> a.isMember(n.assigneeMemberId) || a.isMember(n.claimerMemberId)
                    || (n.assigneeOrgId != null && a.serves(pathOf(n.assigneeOrgId)));
            case CLAIMANT -> n.kind == NeedKind.MICRO_WISH && (a.has(Role.PARTY_MEMBER) || a.has(Role.VOLUNTEER))
                    && a.memberId() != null;
            case SYSTEM -> false;
        };
    }

    /** Who may see a need: its requester and handlers, workers serving its place, and the community if public. */
    boolean canSee(Actor a, NeedEntity n) {
        if (a.isAnonymous() || a.tenantId() == null || a.tenantId() != n.tenantId) {
            return false;
        }
        if (a.isMember(n.reporterMemberId) || a.isMember(n.beneficiaryMemberId) || a.isMember(n.assigneeMemberId)
                || a.isMember(n.claimerMemberId) || a.serves(n.placePath) || a.serves(n.responsiblePath)
                || (n.assigneeOrgId != null && a.serves(pathOf(n.assigneeOrgId)))) {
            return true;
        }
        if (n.visibility == NeedVisibility.COMMUNITY) {
            return Objects.equals(a.communityId(), n.communityId)
                    || (n.kind == NeedKind.MICRO_WISH && (a.has(Role.PARTY_MEMBER) || a.has(Role.VOLUNTEER)));
        }
        return false;
    }

    private void requireVisible(Actor actor, NeedEntity n) {
        if (!canSee(actor, n)) {
            throw DomainException.forbidden("Outside the caller's scope: need");
        }
    }

    private String pathOf(long orgId) {
        OrganizationEntity org = OrganizationEntity.findById(orgId);
        return org == null ? null : org.path;
    }
}
