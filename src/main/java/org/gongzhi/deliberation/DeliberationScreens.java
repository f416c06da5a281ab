package org.gongzhi.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gongzhi.deliberation.DeliberationViews.DeliberationConnection;
import org.gongzhi.deliberation.DeliberationViews.ExecutionRate;
import org.gongzhi.organization.Organization;
import org.gongzhi.organization.OrganizationEntity;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.events.ChannelEvent;
import org.gongzhi.platform.events.PgEventBus;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.pagination.PageRequest;
import org.gongzhi.platform.security.Actor;
import org.gongzhi.platform.security.CurrentActor;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The list screen, the execution-rate figure and the tally stream, each checked against the caller's scope. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliberationScreens {

    private final CurrentActor currentActor;
    private final DeliberationQueries queries;
    private final PgEventBus bus;
    private final TallyEvents tallies;

    DeliberationScreens(CurrentActor currentActor, DeliberationQueries queries, PgEventBus bus, TallyEvents tallies) {
        this.currentActor = currentActor;
        this.queries = queries;
        this.bus = bus;
        this.tallies = tallies;
    }

    public DeliberationConnection visible(String underId, DeliberationStage stage, DeliberationKind kind, PageRequest page) {
        Actor actor = currentActor.get().requireAuthenticated();
        String under = underId == null ? null : organization(actor, underId, "underId").path;
        return queries.visible(actor, under, stage, kind, page);
    }

    /** Aggregate figures of a subtree of the caller's street (residents see the progress of their scope, too). */
    public ExecutionRate executionRateUnder(String organizationId) {
        Actor actor = currentActor.get().requireAuthenticated();
        return queries.executionRateUnder(organization(actor, organizationId, "organizationId").path);
    }

    /** The tally events of one deliberation; a RESYNC from the bus becomes the current counts, read on a worker. */
    Multi<TallyChange> tallyStream(String deliberationId) {
        return bus.subscribe(TallyEvents.CHANNEL).onItem().transformToUniAndConcatenate(e -> switch (e) {
            case ChannelEvent.Notification n -> Uni.createFrom().item(TallyChange.parse(n.payload()));
            case ChannelEvent.Resync r -> Uni.createFrom().item(() -> tallies.current(deliberationId, r.at()))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    // the database went away again: the bus reconnects and sends the next RESYNC
                    .onFailure().recoverWithNull();
        }).filter(c -> c.deliberationId().equals(deliberationId));
    }

    private static OrganizationEntity organization(Actor actor, String id, String field) {
        OrganizationEntity org = OrganizationEntity.findById(GlobalId.decode(Organization.TYPE, id, field));
        if (org == null) {
            throw DomainException.notFound("Organization", id);
        }
        if (actor.tenantId() == null || actor.tenantId() != org.tenantId) {
            throw DomainException.forbidden("Outside the caller's scope: organization");
        }
        return org;
    }
}
