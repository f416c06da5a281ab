package org.gongzhi.deliberation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.events.ChangeKind;
import org.gongzhi.platform.events.PgEventBus;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.time.TimeSource;

import io.quarkus.runtime.StartupEvent;

/**
 * Live tallies across pods: each ballot (and the close) sends the vote's counts as the casting transaction
 * saw them on the {@code deliberation_tally} channel (NOTIFY on commit). Counts only: never a voter, so a
 * secret ballot stays secret. Payloads stay small: at most {@link #MAX_PROJECTS} project counts.
 */
@ApplicationScoped
public class TallyEvents {

    public static final String CHANNEL = "deliberation_tally";
    static final int MAX_PROJECTS = 50;

    private final PgEventBus bus;
    private final TimeSource time;
    private final DeliberationQueries queries;

    TallyEvents(PgEventBus bus, TimeSource time, DeliberationQueries queries) {
        this.bus = bus;
        this.time = time;
        this.queries = queries;
    }

    void onStart(@Observes StartupEvent event) {
        bus.listen(CHANNEL);
    }

    /**
     * The vote's counts as they are now (all zero while the deliberation has no vote), for a subscriber that may have
     * missed notifications: sent as kind RESYNC. Runs on a worker thread, outside any request.
     */
    @Transactional
    TallyChange current(String deliberationId, Instant at) {
        long id = GlobalId.decode(Deliberation.TYPE, deliberationId, "deliberationId");
        Vote vote = queries.votesOf(List.of(id)).get(id);
        Tally t = vote == null ? null : queries.tallies(List.of(vote.dbId())).get(vote.dbId());
        List<TallyChange.Tick> choices = new ArrayList<>();
        for (BallotChoice c : BallotChoice.values()) {
            choices.add(new TallyChange.Tick(c.name(), t == null ? 0 : t.count(c)));
        }
        List<TallyChange.Tick> projects = t == null ? List.of()
                : t.projects().stream().limit(MAX_PROJECTS).map(p -> new TallyChange.Tick(p.projectId(), p.count())).toList();
        return new TallyChange(ChangeKind.RESYNC, deliberationId, t == null ? 0 : t.eligibleUnits(),
                t == null ? 0 : t.participatingUnits(), t != null && t.quorumReached(), t != null && t.passing(), choices, projects,
                at.toString(), 0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void publish(DeliberationEntity d, long voteId, Tally t) {
        StringBuilder choices = new StringBuilder();
        for (BallotChoice c : BallotChoice.values()) {
            choices.append(choices.isEmpty() ? "" : ",").append('"').append(c.name()).append("\":").append(t.count(c));
        }
        StringBuilder projects = new StringBuilder();
        t.projects().stream().limit(MAX_PROJECTS).forEach(p -> projects.append(projects.isEmpty() ? "" : ",")
                .append('"').append(p.projectId()).append("\":").append(p.count()));
        String json = "{\"deliberationId\":\"" + GlobalId.encode(Deliberation.TYPE, d.id) + "\",\"tenantId\":" + d.tenantId
                + ",\"scopePath\":\"" + d.scopePath + "\",\"communityId\":" + d.communityId
                + ",\"eligible\":" + t.eligibleUnits() + ",\"participating\":" + t.participatingUnits()
                + ",\"quorumReached\":" + t.quorumReached() + ",\"passing\":" + t.passing()
                + ",\"choices\":{" + choices + "},\"projects\":{" + projects + "},\"at\":\"" + time.now() + "\"}";
        bus.publish(CHANNEL, json);
    }
}
