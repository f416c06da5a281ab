package org.gongzhi.deliberation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.deliberation.DeliberationInputs.*;
import org.gongzhi.deliberation.DeliberationTransitions.Transition;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.organization.OrganizationKind;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;

/**
 * Proposals and the stage machine of deliberations. Every step goes through {@link DeliberationWorkflow}
 * (locked row, performer, {@link DeliberationTransitions}); votes, 四议 steps and publicities have their
 * own services, which this one calls for the stage changes they guard.
 */
@ApplicationScoped
@Transactional
public class DeliberationService {

    static final int MAX_TITLE = 100;
    static final int MAX_BACKGROUND = 4000;
    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 500;
    static final int MAX_ATTACHMENTS = 9;
    static final int MAX_URL = 500;
    static final int MAX_LINKS = 20;

    /** Where a deliberation may be scoped: the party line from the street down to a building group. */
    static final Set<OrganizationKind> SCOPE_KINDS = EnumSet.of(OrganizationKind.STREET_COMMITTEE,
            OrganizationKind.COMMUNITY_COMMITTEE, OrganizationKind.GRID, OrganizationKind.COMPOUND_BRANCH,
            OrganizationKind.BUILDING_GROUP);

    /** ProposalRule: these kinds are proposed by the party organization of the scope (its administrators). */
    static final Set<DeliberationKind> ADMIN_PROPOSED = EnumSet.of(DeliberationKind.FOUR_DELIBERATIONS, DeliberationKind.JOINT_MEETING);

    private final EntityManager em;
    private final DeliberationWorkflow flow;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final DeliberationQueries queries;
    private final VoteService votes;
    private final PublicityService publicity;
    private final FourStepService fourSteps;

    DeliberationService(EntityManager em, DeliberationWorkflow flow, Idempotency idempotency, TimeSource time,
            DeliberationQueries queries, VoteService votes, PublicityService publicity, FourStepService fourSteps) {
        this.em = em;
        this.flow = flow;
        this.idempotency = idempotency;
        this.time = time;
        this.queries = queries;
        this.votes = votes;
        this.publicity = publicity;
        this.fourSteps = fourSteps;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Deliberation get(String id) {
        long dbId = GlobalId.decode(Deliberation.TYPE, id, "id");
        Actor actor = flow.actor();
        DeliberationEntity d = DeliberationEntity.findById(dbId);
        if (d == null) {
            throw DomainException.notFound("Deliberation", id);
        }
        DeliberationAccess.requireVisible(actor, d);
        return Deliberation.of(d);
    }

    // ------------------------------------------------------------------ propose

    public DeliberationPayload propose(ProposeDeliberationInput input) {
        if (input == null) {
            throw DomainException.invalid("input", "input is required");
        }
        String title = Inputs.requireText(input.title(), "title", MAX_TITLE);
        String background = Inputs.requireText(input.background(), "background", MAX_BACKGROUND);
        List<String> attachments = urls(input.attachmentUrls(), "attachmentUrls", MAX_ATTACHMENTS);
        validateKind(input);
        long scopeId = GlobalId.decode(Organization.TYPE, input.scopeId(), "scopeId");
        List<Long> orgIds = ids(input.participatingOrganizationIds(), Organization.TYPE, "participatingOrganizationIds");
        List<Long> needIds = ids(input.linkedNeedIds(), "Need", "linkedNeedIds");
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "proposeDeliberation", input, () -> {
            Actor actor = flow.actor();
            long me = actor.requireMember();
            OrganizationEntity scope = scope(actor, scopeId, "scopeId");
            boolean admin = actor.administers(scope.path);
            if (!admin && !DeliberationAccess.memberInScope(actor, scope.tenantId, scope.communityId, scope.path)) {
                throw DomainException.forbidden("Only members of the scope or its administrators may propose here");
            }
            if (!admin && ADMIN_PROPOSED.contains(input.kind())) {
                throw DomainException.forbidden("A " + input.kind().label() + " is proposed by the party organization of the scope (its administrators)");
            }
            requireOrganizations(orgIds, scope.tenantId);
            requirePublicNeeds(needIds, scope.tenantId);
            Instant now = time.now();
            DeliberationEntity d = new DeliberationEntity();
            d.tenantId = scope.tenantId;
            d.communityId = scope.communityId;
            d.scopeOrgId = scope.id;
            d.scopePath = scope.path;
            d.title = title;
            d.background = background;
            d.kind = input.kind();
            d.majorMatter = Boolean.TRUE.equals(input.majorMatter());
            d.majorCategory = input.majorCategory();
            d.stage = DeliberationStage.PROPOSED;
            d.proposerMemberId = me;
            d.attachmentUrls = new ArrayList<>(attachments);
            d.proposedAt = now;
            d.updatedAt = now;
            d.persist();
            em.flush();
            links(d.id, orgIds, needIds);
            if (input.budget() != null) {
                em.createNativeQuery("insert into deliberation_budget (deliberation_id, total_fen, max_projects_per_voter) values (:d, :t, :m)")
                        .setParameter("d", d.id).setParameter("t", input.budget().totalFen())
                        .setParameter("m", input.budget().maxProjectsPerVoter()).executeUpdate();
            }
            if (d.kind == DeliberationKind.FOUR_DELIBERATIONS) {
                fourSteps.create(d);
            }
            flow.event(d, DeliberationAction.PROPOSE.name(), null, d.stage, null);
            flow.audit(d, "deliberation.propose", "Deliberation", d.id, AuditLog.change("kind", d.kind, "scope", d.scopeOrgId,
                    "major", d.majorMatter, "needs", needIds, "organizations", orgIds));
            return d.id;
        });
        return payload(outcome);
    }

    private static void validateKind(ProposeDeliberationInput input) {
        if (input.kind() == null) {
            throw DomainException.invalid("kind", "kind is required");
        }
        boolean major = Boolean.TRUE.equals(input.majorMatter());
        if (major && input.kind() != DeliberationKind.FOUR_DELIBERATIONS) {
            throw DomainException.invalid("kind", "A major matter (三重一大) must go through FOUR_DELIBERATIONS (四议两公开)");
        }
        if (major != (input.majorCategory() != null)) {
            throw DomainException.invalid("majorCategory", "A major matter names its category (三重一大类别), and only a major matter does");
        }
        int orgs = input.participatingOrganizationIds() == null ? 0 : input.participatingOrganizationIds().size();
        if (input.kind() == DeliberationKind.JOINT_MEETING ? orgs < 2 || orgs > MAX_LINKS : orgs > 0) {
            throw DomainException.invalid("participatingOrganizationIds",
                    "A joint meeting (联席会议) names 2 to " + MAX_LINKS + " participating organizations; other kinds name none");
        }
        if ((input.kind() == DeliberationKind.PARTICIPATORY_BUDGET) != (input.budget() != null)) {
            throw DomainException.invalid("budget", "A participatory budget (微实事) has a budget, and only it does");
        }
        if (input.budget() != null && (input.budget().totalFen() <= 0 || input.budget().maxProjectsPerVoter() < 1
                || input.budget().maxProjectsPerVoter() > 50)) {
            throw DomainException.invalid("budget", "The budget is a positive amount in fen; each voter approves 1 to 50 projects");
        }
        if (input.linkedNeedIds() != null && input.linkedNeedIds().size() > MAX_LINKS) {
            throw DomainException.invalid("linkedNeedIds", "At most " + MAX_LINKS + " linked needs");
        }
    }

    static List<String> urls(List<String> urls, String field, int max) {
        List<String> list = urls == null ? List.of() : urls;
        if (list.size() > max) {
            throw DomainException.invalid(field, "At most " + max + " URLs");
        }
        for (String url : list) {
            if (url == null || url.length() > MAX_URL || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw DomainException.invalid(field, "URLs are http(s) URLs of at most " + MAX_URL + " characters");
            }
        }
        return list;
    }

    static List<Long> ids(List<String> ids, String type, String field) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_LINKS) {
            throw DomainException.invalid(field, "At most " + MAX_LINKS + " ids");
        }
        Set<Long> out = new LinkedHashSet<>();
        for (String id : ids) {
            out.add(GlobalId.decode(type, id, field));
        }
        return List.copyOf(out);
    }

    private OrganizationEntity scope(Actor actor, long orgId, String field) {
        OrganizationEntity org = OrganizationEntity.findById(orgId);
        if (org == null || !org.isActive() || !SCOPE_KINDS.contains(org.kind)) {
            throw DomainException.invalid(field, "The scope is an active street, community, grid, compound or building group");
        }
        if (actor.tenantId() == null || actor.tenantId() != org.tenantId) {
            throw DomainException.forbidden("The scope belongs to another street");
        }
        return org;
    }

    private void requireOrganizations(List<Long> orgIds, long tenantId) {
        if (orgIds.isEmpty()) {
            return;
        }
        long found = ((Number) em.createNativeQuery(
                "select count(*) from organization where id in (:ids) and tenant_id = :t and status = 'ACTIVE'")
                .setParameter("ids", orgIds).setParameter("t", tenantId).getSingleResult()).longValue();
        if (found != orgIds.size()) {
            throw DomainException.invalid("participatingOrganizationIds", "No such active organization in this street");
        }
    }

    private void requirePublicNeeds(List<Long> needIds, long tenantId) {
        if (needIds.isEmpty()) {
            return;
        }
        long found = ((Number) em.createNativeQuery(
                "select count(*) from need where id in (:ids) and tenant_id = :t and kind = 'PUBLIC_ISSUE'")
                .setParameter("ids", needIds).setParameter("t", tenantId).getSingleResult()).longValue();
        if (found != needIds.size()) {
            throw DomainException.invalid("linkedNeedIds", "Only public issues (公共事务) of this street can be raised into a deliberation");
        }
    }

    private void links(long deliberationId, List<Long> orgIds, List<Long> needIds) {
        for (Long org : orgIds) {
            em.createNativeQuery("insert into deliberation_participant_org (deliberation_id, organization_id) values (:d, :o)")
                    .setParameter("d", deliberationId).setParameter("o", org).executeUpdate();
        }
        for (Long need : needIds) {
            em.createNativeQuery("insert into deliberation_need (deliberation_id, need_id) values (:d, :n)")
                    .setParameter("d", deliberationId).setParameter("n", need).executeUpdate();
        }
    }

    // ------------------------------------------------------------------ steps that need only a note

    public DeliberationPayload advance(DeliberationStepInput input) {
        if (input == null || input.action() == null) {
            throw DomainException.invalid("action", "action is required");
        }
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        if (!EnumSet.of(DeliberationAction.OPEN_CONSULTATION, DeliberationAction.CLOSE_VOTING,
                DeliberationAction.START_IMPLEMENTATION, DeliberationAction.ARCHIVE).contains(input.action())) {
            throw DomainException.invalid("action", input.action() + " has its own mutation (it needs more than a note)");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "advanceDeliberation", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Transition t = flow.check(d, input.action());
            switch (input.action()) {
                case CLOSE_VOTING -> votes.close(d);
                case START_IMPLEMENTATION -> publicity.requireWindowOver(d, PublicityKind.RESOLUTION);
                case ARCHIVE -> {
                    if (d.stage == DeliberationStage.DECIDED && d.outcome == DeliberationOutcome.PASSED) {
                        throw DomainException.invalidTransition("A passed resolution is publicised and implemented before it is archived");
                    }
                    if (d.stage == DeliberationStage.COMPLETED) {
                        publicity.requireWindowOver(d, PublicityKind.IMPLEMENTATION_RESULT);
                    }
                    d.closedAt = time.now();
                }
                default -> {
                    // OPEN_CONSULTATION: opinions open; nothing else to check
                }
            }
            flow.move(d, t, note, AuditLog.change("stage", t.to(), "outcome", d.outcome));
            return d.id;
        });
        return payload(outcome);
    }

    // ------------------------------------------------------------------ withdraw and refer

    public DeliberationPayload withdraw(WithdrawDeliberationInput input) {
        String reason = Inputs.requireText(input.reason(), "reason", MAX_REASON);
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "withdrawDeliberation", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Transition t = flow.check(d, DeliberationAction.WITHDRAW);
            d.withdrawReason = reason;
            d.closedAt = time.now();
            flow.move(d, t, reason, AuditLog.change("stage", t.to()));
            return d.id;
        });
        return payload(outcome);
    }

    /** 转介: the matter moves one level up (to the scope's parent) or down (to a direct child) as a new, linked deliberation. */
    public DeliberationPayload refer(ReferDeliberationInput input) {
        String note = Inputs.optionalText(input.note(), "note", MAX_NOTE);
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        if (input.direction() == null) {
            throw DomainException.invalid("direction", "direction is required");
        }
        Long target = GlobalId.decodeNullable(Organization.TYPE, input.targetOrganizationId(), "targetOrganizationId");
        if ((input.direction() == ReferralDirection.DOWN) != (target != null)) {
            throw DomainException.invalid("targetOrganizationId", "A referral down names the child organization; a referral up names none");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "referDeliberation", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Transition t = flow.check(d, DeliberationAction.REFER);
            OrganizationEntity scope = OrganizationEntity.findById(d.scopeOrgId);
            OrganizationEntity to = input.direction() == ReferralDirection.UP
                    ? (scope.parentId == null ? null : OrganizationEntity.findById(scope.parentId))
                    : OrganizationEntity.findById(target);
            if (to == null || !to.isActive() || !SCOPE_KINDS.contains(to.kind) || to.tenantId != d.tenantId
                    || (input.direction() == ReferralDirection.DOWN && (to.parentId == null || to.parentId != d.scopeOrgId))) {
                throw DomainException.invalid(input.direction() == ReferralDirection.UP ? "direction" : "targetOrganizationId",
                        "A referral goes to the scope's parent (up) or one of its direct children (down) on the party line");
            }
            DeliberationEntity copy = referral(d, to, input.direction());
            d.closedAt = time.now();
            flow.move(d, t, note, AuditLog.change("stage", t.to(), "referral", copy.id, "to", to.id));
            return d.id;
        });
        return payload(outcome);
    }

    private DeliberationEntity referral(DeliberationEntity d, OrganizationEntity to, ReferralDirection direction) {
        Instant now = time.now();
        DeliberationEntity c = new DeliberationEntity();
        c.tenantId = to.tenantId;
        c.communityId = to.communityId;
        c.scopeOrgId = to.id;
        c.scopePath = to.path;
        c.title = d.title;
        c.background = d.background;
        c.kind = d.kind;
        c.majorMatter = d.majorMatter;
        c.majorCategory = d.majorCategory;
        c.stage = DeliberationStage.PROPOSED;
        c.proposerMemberId = d.proposerMemberId;
        c.referredFromId = d.id;
        c.referralDirection = direction;
        c.attachmentUrls = new ArrayList<>(d.attachmentUrls);
        c.proposedAt = now;
        c.updatedAt = now;
        c.persist();
        em.flush();
        em.createNativeQuery("""
                insert into deliberation_participant_org (deliberation_id, organization_id)
                select :c, organization_id from deliberation_participant_org where deliberation_id = :d
                """).setParameter("c", c.id).setParameter("d", d.id).executeUpdate();
        em.createNativeQuery("insert into deliberation_need (deliberation_id, need_id) select :c, need_id from deliberation_need where deliberation_id = :d")
                .setParameter("c", c.id).setParameter("d", d.id).executeUpdate();
        em.createNativeQuery("""
                insert into deliberation_budget (deliberation_id, total_fen, max_projects_per_voter)
                select :c, total_fen, max_projects_per_voter from deliberation_budget where deliberation_id = :d
                """).setParameter("c", c.id).setParameter("d", d.id).executeUpdate();
        if (c.kind == DeliberationKind.FOUR_DELIBERATIONS) {
            fourSteps.create(c);
        }
        flow.event(c, DeliberationAction.PROPOSE.name(), null, c.stage, "转介自 (referred from) " + GlobalId.encode(Deliberation.TYPE, d.id));
        flow.audit(c, "deliberation.referral", "Deliberation", c.id, AuditLog.change("from", d.id, "direction", direction));
        return c;
    }

    // ------------------------------------------------------------------ the two publicities

    public DeliberationPayload publicize(PublicizeInput input) {
        String text = Inputs.requireText(input.resolution(), "resolution", MAX_BACKGROUND);
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        publicity.validateWindow(input.displayDays(), input.objectionDays());
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "publicizeDeliberation", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Transition t = flow.check(d, DeliberationAction.PUBLICIZE);
            if (d.outcome != DeliberationOutcome.PASSED) {
                throw DomainException.invalidTransition("Only a passed resolution is publicised; a rejected one is archived");
            }
            d.resolution = text;
            publicity.open(d, PublicityKind.RESOLUTION, text, input.displayDays(), input.objectionDays());
            flow.move(d, t, null, AuditLog.change("stage", t.to()));
            return d.id;
        });
        return payload(outcome);
    }

    public DeliberationPayload complete(CompleteInput input) {
        String text = Inputs.requireText(input.result(), "result", MAX_BACKGROUND);
        long id = GlobalId.decode(Deliberation.TYPE, input.deliberationId(), "deliberationId");
        publicity.validateWindow(input.displayDays(), input.objectionDays());
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "completeDeliberation", input, () -> {
            DeliberationEntity d = flow.locked(id);
            Transition t = flow.check(d, DeliberationAction.COMPLETE);
            long open = ((Number) em.createNativeQuery(
                    "select count(*) from deliberation_task where deliberation_id = :d and status in ('OPEN', 'IN_PROGRESS')")
                    .setParameter("d", d.id).getSingleResult()).longValue();
            if (open > 0) {
                throw DomainException.invalidTransition(open + " implementation task(s) are still open (督办任务未完成)");
            }
            d.completedAt = time.now();
            publicity.open(d, PublicityKind.IMPLEMENTATION_RESULT, text, input.displayDays(), input.objectionDays());
            flow.move(d, t, null, AuditLog.change("stage", t.to()));
            return d.id;
        });
        return payload(outcome);
    }

    DeliberationPayload payload(Idempotency.Outcome outcome) {
        return new DeliberationPayload(queries.deliberation(outcome.id()), outcome.replayed());
    }
}
