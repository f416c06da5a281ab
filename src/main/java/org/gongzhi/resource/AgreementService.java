package org.gongzhi.resource;

import static org.gongzhi.platform.persistence.Rows.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gongzhi.need.Need;
import org.gongzhi.need.NeedCategory;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.organization.OrganizationKind;
import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.idempotency.Idempotency;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.pagination.Slice;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.validation.Inputs;
import org.gongzhi.resource.AgreementInputs.*;
import org.gongzhi.resource.AgreementViews.Agreement;
import org.gongzhi.resource.AgreementViews.AgreementConnection;
import org.gongzhi.resource.AgreementViews.AgreementItem;

/**
 * Co-building agreements (共建协议): administrators of the community or street committee negotiate the three lists
 * with a CO_BUILDING_UNIT, sign (the committed resources enter the pool), perform (deliveries are recorded) and
 * evaluate. Agreements are public to the members of the street (共建清单公开); only administrators of the party
 * organization change them. Transitions follow {@link AgreementTransitions}.
 */
@ApplicationScoped
@Transactional
public class AgreementService {

    static final int MAX_TITLE = 200;
    static final int MAX_NOTES = 2000;

    private final EntityManager em;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final TimeSource time;
    private final ResourceService resources;

    AgreementService(EntityManager em, CurrentActor currentActor, AuditLog audit, Idempotency idempotency, TimeSource time,
            ResourceService resources) {
        this.em = em;
        this.currentActor = currentActor;
        this.audit = audit;
        this.idempotency = idempotency;
        this.time = time;
        this.resources = resources;
    }

    // ------------------------------------------------------------------ reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agreement get(String id) {
        long dbId = GlobalId.decode(Agreement.TYPE, id, "id");
        Actor actor = currentActor.get().requireAuthenticated();
        AgreementEntity a = AgreementEntity.findById(dbId);
        if (a == null) {
            throw DomainException.notFound(Agreement.TYPE, id);
        }
        if (actor.tenantId() == null || actor.tenantId() != a.tenantId) {
            throw DomainException.forbidden("Outside the caller's street: agreement");
        }
        return Agreement.of(a);
    }

    /** Agreements of the caller's street, optionally by status, unit and party subtree; newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AgreementConnection search(AgreementStatus status, String unitId, String underId, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        StringBuilder where = new StringBuilder(" where a.tenant_id = :t");
        Map<String, Object> params = new HashMap<>(Map.of("t", actor.tenantId() == null ? -1L : actor.tenantId()));
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status.name());
        }
        if (unitId != null) {
            where.append(" and a.unit_org_id = :unit");
            params.put("unit", GlobalId.decode(Organization.TYPE, unitId, "unitId"));
        }
        if (underId != null) {
            OrganizationEntity under = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, underId, "underId"));
            if (under == null) {
                throw DomainException.invalid("underId", "No such organization");
            }
            where.append(" and a.party_path like :under");
            params.put("under", under.path + "%");
        }
        var countQ = em.createNativeQuery("select count(*) from co_building_agreement a" + where);
        params.forEach(countQ::setParameter);
        long total = ((Number) countQ.getSingleResult()).longValue();
        Long after = page.afterId();
        params.put("after", after == null ? Long.MAX_VALUE : after);
        params.put("n", page.fetchSize());
        var q = em.createNativeQuery("select a.* from co_building_agreement a" + where + " and a.id < :after order by a.id desc limit :n",
                AgreementEntity.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<AgreementEntity> rows = q.getResultList();
        return AgreementConnection.of(Slice.of(rows.stream().map(Agreement::of).toList(), page, total));
    }

    /**
     * The items of each agreement with their delivered figures, one statement: a need item counts as delivered once
     * resolved, rated or closed; a resource item delivers what its allocations consumed (units or fen; one per slot).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<AgreementItem>> itemsOf(List<Long> agreementIds) {
        Map<Long, List<AgreementItem>> out = new HashMap<>();
        if (agreementIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select i.id, i.agreement_id, i.list_kind, i.title, i.committed_quantity,
                       case i.list_kind
                           when 'NEED' then case when n.status in ('RESOLVED', 'RATED', 'CLOSED') then 1 else 0 end
                           when 'RESOURCE' then coalesce((select sum(coalesce(a.units, a.amount_fen, 1)) from resource_allocation a
                                                          where a.resource_id = i.resource_id and a.status = 'CONSUMED'), 0)
                           else i.delivered_quantity end,
                       i.unit_label, i.need_id, i.resource_id
                from co_building_agreement_item i left join need n on n.id = i.need_id
                where i.agreement_id in (:ids) order by i.agreement_id, i.id
                """).setParameter("ids", agreementIds).getResultList();
        for (Object[] r : rows) {
            long id = lng(r[0]);
            out.computeIfAbsent(lng(r[1]), k -> new ArrayList<>()).add(new AgreementItem(GlobalId.encode(AgreementItem.TYPE, id),
                    enumOf(AgreementList.class, r[2]), str(r[3]), lng(r[4]), lng(r[5]), str(r[6]), id, lng(r[1]), lng(r[7]), lng(r[8])));
        }
        return out;
    }

    // ------------------------------------------------------------------ writes

    public AgreementPayload create(CreateAgreementInput input) {
        String title = Inputs.requireText(input.title(), "title", MAX_TITLE);
        long partyId = GlobalId.decode(Organization.TYPE, input.partyId(), "partyId");
        long unitId = GlobalId.decode(Organization.TYPE, input.unitId(), "unitId");
        if (input.startsOn() != null && input.endsOn() != null && input.endsOn().isBefore(input.startsOn())) {
            throw DomainException.invalid("endsOn", "endsOn must not be before startsOn");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "createAgreement", input, () -> {
            Actor actor = currentActor.get().requireAuthenticated();
            OrganizationEntity party = OrganizationEntity.findById(partyId);
            if (party == null || !party.isActive()
                    || (party.kind != OrganizationKind.COMMUNITY_COMMITTEE && party.kind != OrganizationKind.STREET_COMMITTEE)) {
                throw DomainException.invalid("partyId", "The party of an agreement is an active community or street committee");
            }
            actor.requireAdministers(party.path, "the party organization of the agreement");
            OrganizationEntity unit = OrganizationEntity.findById(unitId);
            if (unit == null || !unit.isActive() || unit.kind != OrganizationKind.CO_BUILDING_UNIT || unit.tenantId != party.tenantId) {
                throw DomainException.invalid("unitId", "Not an active co-building unit (驻区共建单位) of this street");
            }
            Instant now = time.now();
            AgreementEntity a = new AgreementEntity();
            a.tenantId = party.tenantId;
            a.communityId = party.communityId;
            a.partyOrgId = party.id;
            a.partyPath = party.path;
            a.unitOrgId = unit.id;
            a.title = title;
            a.status = AgreementStatus.NEGOTIATING;
            a.startsOn = input.startsOn();
            a.endsOn = input.endsOn();
            a.createdAt = now;
            a.updatedAt = now;
            a.persist();
            em.flush();
            audit.record(a.auditChainKey(), "agreement.create", Agreement.TYPE, a.id, AuditLog.change("party", party.id, "unit", unit.id));
            return a.id;
        });
        return payload(outcome);
    }

    public AgreementPayload addItem(AddAgreementItemInput input) {
        long id = GlobalId.decode(Agreement.TYPE, input.agreementId(), "agreementId");
        if (input.list() == null) {
            throw DomainException.invalid("list", "list is required");
        }
        String title = Inputs.optionalText(input.title(), "title", MAX_TITLE);
        String unitLabel = Inputs.optionalText(input.unitLabel(), "unitLabel", 16);
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "addAgreementItem", input, () -> {
            AgreementEntity a = lockedManaged(id);
            AgreementTransitions.requireStatus(a.status, AgreementStatus.NEGOTIATING, "The three lists are negotiated");
            Long needId = null;
            Long resourceId = null;
            String itemTitle = title;
            long committed;
            switch (input.list()) {
                case NEED -> {
                    needId = GlobalId.decode(Need.TYPE, input.needId(), "needId");
                    @SuppressWarnings("unchecked")
                    List<Object[]> n = em.createNativeQuery("select tenant_id, place_path, title, visibility, category from need where id = :id")
                            .setParameter("id", needId).getResultList();
                    if (n.isEmpty() || lng(n.get(0)[0]) != a.tenantId || !str(n.get(0)[1]).startsWith(a.partyPath)) {
                        throw DomainException.invalid("needId", "No such need in the agreement's community or street");
                    }
                    // agreements are public: a private need appears by its category, never by the resident's own words
                    String fallback = "PRIVATE".equals(str(n.get(0)[3]))
                            ? NeedCategory.valueOf(str(n.get(0)[4])).label() + "需求" : str(n.get(0)[2]);
                    itemTitle = itemTitle != null ? itemTitle : fallback;
                    committed = 1;
                }
                case RESOURCE -> {
                    CommittedResourceInput r = input.resource();
                    if (r == null || r.kind() == null) {
                        throw DomainException.invalid("resource", "A RESOURCE item describes the committed resource");
                    }
                    OrganizationEntity party = OrganizationEntity.findById(a.partyOrgId);
                    resourceId = resources.createCommitted(a.id, a.unitOrgId, party, r.kind(), r.name(), r.categories(), r.capacity());
                    itemTitle = itemTitle != null ? itemTitle : r.name().strip();
                    committed = r.capacity() == null ? 1 : r.capacity();
                }
                default -> {
                    if (itemTitle == null) {
                        throw DomainException.invalid("title", "A project needs a title");
                    }
                    committed = input.committedQuantity() == null ? 1 : input.committedQuantity();
                    if (committed < 1 || committed > 1_000_000) {
                        throw DomainException.invalid("committedQuantity", "committedQuantity is 1 to 1000000");
                    }
                }
            }
            Instant now = time.now();
            em.createNativeQuery("""
                    insert into co_building_agreement_item (agreement_id, list_kind, title, need_id, resource_id, committed_quantity,
                                                            unit_label, created_at, updated_at)
                    values (:a, :k, :t, :n, :r, :c, :u, :now, :now)
                    """).setParameter("a", a.id).setParameter("k", input.list().name()).setParameter("t", itemTitle)
                    .setParameter("n", needId).setParameter("r", resourceId).setParameter("c", committed).setParameter("u", unitLabel)
                    .setParameter("now", now).executeUpdate();
            a.updatedAt = now;
            audit.record(a.auditChainKey(), "agreement.item", Agreement.TYPE, a.id, AuditLog.change("list", input.list(), "need", needId,
                    "resource", resourceId, "committed", committed));
            return a.id;
        });
        return payload(outcome);
    }

    /** 签约: the committed resources, registered PAUSED while negotiating, become ACTIVE in the pool. */
    public AgreementPayload sign(AgreementStepInput input) {
        return step(input.agreementId(), input.idempotencyKey(), input, AgreementAction.SIGN, a -> {
            a.signedAt = time.now();
            em.createNativeQuery("update resource set status = 'ACTIVE', updated_at = :now where agreement_id = :a and status = 'PAUSED'")
                    .setParameter("now", a.signedAt).setParameter("a", a.id).executeUpdate();
        });
    }

    public AgreementPayload perform(AgreementStepInput input) {
        return step(input.agreementId(), input.idempotencyKey(), input, AgreementAction.PERFORM, a -> a.performingAt = time.now());
    }

    public AgreementPayload evaluate(EvaluateAgreementInput input) {
        if (input.score() < 0 || input.score() > 100) {
            throw DomainException.invalid("score", "score is 0 to 100");
        }
        String notes = Inputs.requireText(input.notes(), "notes", MAX_NOTES);
        return step(input.agreementId(), input.idempotencyKey(), input, AgreementAction.EVALUATE, a -> {
            a.evaluatedAt = time.now();
            a.evaluationScore = (short) input.score();
            a.evaluationNotes = notes;
        });
    }

    public AgreementPayload recordDelivery(RecordDeliveryInput input) {
        long itemId = GlobalId.decode(AgreementItem.TYPE, input.itemId(), "itemId");
        if (input.delivered() < 0 || input.delivered() > 1_000_000) {
            throw DomainException.invalid("delivered", "delivered is 0 to 1000000");
        }
        Idempotency.Outcome outcome = idempotency.once(input.idempotencyKey(), "recordAgreementDelivery", input, () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> item = em.createNativeQuery("select agreement_id, list_kind from co_building_agreement_item where id = :id")
                    .setParameter("id", itemId).getResultList();
            if (item.isEmpty()) {
                throw DomainException.notFound(AgreementItem.TYPE, input.itemId());
            }
            AgreementEntity a = lockedManaged(lng(item.get(0)[0]));
            if (!"PROJECT".equals(item.get(0)[1])) {
                throw DomainException.invalid("itemId", "Needs and resources report their delivery themselves; record projects only");
            }
            AgreementTransitions.requireStatus(a.status, AgreementStatus.PERFORMING, "Deliveries are recorded");
            em.createNativeQuery("update co_building_agreement_item set delivered_quantity = :d, updated_at = :now where id = :id")
                    .setParameter("d", input.delivered()).setParameter("now", time.now()).setParameter("id", itemId).executeUpdate();
            audit.record(a.auditChainKey(), "agreement.delivery", Agreement.TYPE, a.id, AuditLog.change("item", itemId,
                    "delivered", input.delivered()));
            return a.id;
        });
        return payload(outcome);
    }

    private AgreementPayload step(String agreementId, String key, Object input, AgreementAction action,
            java.util.function.Consumer<AgreementEntity> change) {
        long id = GlobalId.decode(Agreement.TYPE, agreementId, "agreementId");
        Idempotency.Outcome outcome = idempotency.once(key, action.name().toLowerCase() + "Agreement", input, () -> {
            AgreementEntity a = lockedManaged(id);
            AgreementStatus from = a.status;
            a.status = AgreementTransitions.require(action, from);
            change.accept(a);
            a.updatedAt = time.now();
            em.flush();
            audit.record(a.auditChainKey(), "agreement." + action.name().toLowerCase(), Agreement.TYPE, a.id,
                    AuditLog.change("from", from, "to", a.status));
            return a.id;
        });
        return payload(outcome);
    }

    private AgreementEntity lockedManaged(long id) {
        Actor actor = currentActor.get().requireAuthenticated();
        AgreementEntity a = em.find(AgreementEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw DomainException.notFound(Agreement.TYPE, GlobalId.encode(Agreement.TYPE, id));
        }
        actor.requireAdministers(a.partyPath, "the party organization of the agreement");
        return a;
    }

    private AgreementPayload payload(Idempotency.Outcome outcome) {
        AgreementEntity a = AgreementEntity.findById(outcome.id());
        return new AgreementPayload(Agreement.of(a), outcome.replayed());
    }
}
