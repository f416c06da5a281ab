package org.gongzhi.deliberation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.time.TimeSource;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Closes votes whose planned closing time has passed; each in its own transaction, safe on several pods. */
@ApplicationScoped
public class VoteJob {

    private static final Logger LOG = Logger.getLogger(VoteJob.class);
    static final int BATCH = 200;

    private final EntityManager em;
    private final VoteService votes;
    private final TimeSource time;

    VoteJob(EntityManager em, VoteService votes, TimeSource time) {
        this.em = em;
        this.votes = votes;
        this.time = time;
    }

    @Scheduled(identity = "deliberation-votes", every = "${gongzhi.deliberation.vote-job-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int closed = runOnce();
        if (closed > 0) {
            LOG.infof("Vote job: %d votes closed", closed);
        }
    }

    /** One pass (public so operators and tests can trigger it); returns how many votes it closed. */
    @ActivateRequestContext
    public int runOnce() {
        int closed = 0;
        for (Long id : due(time.now())) {
            if (votes.closeDue(id)) {
                closed++;
            }
        }
        return closed;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> due(Instant now) {
        List<Number> ids = em.createNativeQuery("""
                select v.deliberation_id from deliberation_vote v
                where v.closed_at is null and v.closes_at < :now order by v.closes_at limit :n
                """).setParameter("now", now).setParameter("n", BATCH).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
