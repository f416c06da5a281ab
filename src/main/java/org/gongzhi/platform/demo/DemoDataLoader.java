package org.gongzhi.platform.demo;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the demo street at startup when {@code gongzhi.demo-data.load} is true and the database holds no
 * organization yet. Never on by default in prod; an existing database is never touched.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    private final EntityManager em;
    private final Instance<DemoDataContributor> contributors;
    private final boolean enabled;

    DemoDataLoader(EntityManager em, Instance<DemoDataContributor> contributors,
            @ConfigProperty(name = "gongzhi.demo-data.load", defaultValue = "false") boolean enabled) {
        this.em = em;
        this.contributors = contributors;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            loadIfEmpty();
        }
    }

    /** Loads the demo street unless organizations exist; returns whether it loaded. */
    @Transactional
    public boolean loadIfEmpty() {
        long existing = ((Number) em.createNativeQuery("select count(*) from organization").getSingleResult()).longValue();
        if (existing > 0) {
            LOG.infof("Demo data not loaded: the database already holds %d organizations", existing);
            return false;
        }
        run();
        return true;
    }

    /**
     * Loads the demo street even into a database that already holds other streets, unless the demo street
     * is already there (its persona identity {@code demo-street-admin} exists). For acceptance tests and
     * staging databases; returns whether it loaded.
     */
    @Transactional
    public boolean loadDemoStreetIfAbsent() {
        long present = ((Number) em.createNativeQuery(
                "select count(*) from external_identity where kind = 'OIDC_SUBJECT' and value = 'demo-street-admin'")
                .getSingleResult()).longValue();
        if (present > 0) {
            return false;
        }
        run();
        return true;
    }

    private void run() {
        long begin = System.nanoTime();
        DemoContext context = new DemoContext(em);
        List<DemoDataContributor> ordered = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
        for (DemoDataContributor c : ordered) {
            long start = System.nanoTime();
            c.contribute(context);
            em.flush();
            LOG.infof("Demo data: %s done in %d ms", c.getClass().getSimpleName().replace("_ClientProxy", ""), (System.nanoTime() - start) / 1_000_000);
        }
        LOG.infof("Demo data: the demo street loaded in %d ms", (System.nanoTime() - begin) / 1_000_000);
    }
}
