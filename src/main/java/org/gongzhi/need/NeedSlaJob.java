package org.gongzhi.need;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The SLA clock: warns before deadlines, escalates when they pass, closes needs whose objection window
 * is over. Safe on several pods at once: each need is handled in its own transaction that locks the row and
 * inserts a unique signal row first (see {@link NeedService#handleBreach}), so no deadline acts twice.
 */
@ApplicationScoped
public class NeedSlaJob {

    private static final Logger LOG = Logger.getLogger(NeedSlaJob.class);

    /** What one run did. */
    public record Run(int escalated, int warned, int closed) {
    }

    private final EntityManager em;
    private final NeedService service;
    private final TimeSource time;
    private final NeedConfig config;
    private final BusinessCalendar calendar;

    NeedSlaJob(EntityManager em, NeedService service, TimeSource time, NeedConfig config, BusinessCalendar calendar) {
        this.em = em;
        this.service = service;
        this.time = time;
        this.config = config;
        this.calendar = calendar;
    }

    @Scheduled(identity = "need-sla", every = "${gongzhi.need.sla-job-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = runOnce();
        if (run.escalated() + run.warned() + run.closed() > 0) {
            LOG.infof("SLA job: %d escalated, %d warned, %d closed", run.escalated(), run.warned(), run.closed());
        }
    }

    /** One pass over due needs (public so operators and tests can trigger it; safe to run concurrently). */
    @ActivateRequestContext
    public Run runOnce() {
        Instant now = time.now();
        int escalated = 0, warned = 0, closed = 0;
        for (Long id : breached(now)) {
            if (service.handleBreach(id)) {
                escalated++;
            }
        }
        for (Long id : dueSoon(now)) {
            if (service.warn(id)) {
                warned++;
            }
        }
        for (Long id : closable(now)) {
            if (service.autoClose(id)) {
                closed++;
            }
        }
        return new Run(escalated, warned, closed);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> breached(Instant now) {
        List<Number> ids = em.createNativeQuery("""
                select n.id from need n
                where n.next_deadline < :now
                  and not exists (select 1 from need_sla_signal s where s.need_id = n.id and s.deadline_at = n.next_deadline
                                  and s.phase = 'BREACHED')
                order by n.next_deadline, n.id limit :batch
                """).setParameter("now", now).setParameter("batch", config.slaBatchSize()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> dueSoon(Instant now) {
        List<Number> ids = em.createNativeQuery("""
                select n.id from need n
                where n.next_deadline >= :now and n.next_deadline < cast(:now as timestamptz) + interval '48 hours'
                  and n.next_deadline < cast(:now as timestamptz) + make_interval(mins => (
                        select p.warn_before_minutes from need_sla_policy p
                        where p.tenant_id in (0, n.tenant_id) and p.category = n.category and p.urgency = n.urgency
                        order by p.tenant_id desc limit 1))
                  and not exists (select 1 from need_sla_signal s where s.need_id = n.id and s.deadline_at = n.next_deadline
                                  and s.phase = 'WARNED')
                order by n.next_deadline, n.id limit :batch
                """).setParameter("now", now).setParameter("batch", config.slaBatchSize()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> closable(Instant now) {
        List<Number> ids = em.createNativeQuery("""
                select n.id from need n where n.status in ('RESOLVED', 'RATED') and n.resolved_at < :cutoff
                order by n.resolved_at limit :batch
                """).setParameter("cutoff", calendar.after(now, config.objectionWindow().negated())).setParameter("batch", config.slaBatchSize())
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
