package org.gongzhi.need;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.gongzhi.platform.events.PgEventBus;

import io.quarkus.runtime.StartupEvent;

/** Starts listening for need changes when the pod starts, so no change is missed by early subscribers. */
@ApplicationScoped
class NeedEvents {

    void onStart(@Observes StartupEvent event, PgEventBus bus) {
        bus.listen(NeedTimeline.CHANNEL);
    }
}
