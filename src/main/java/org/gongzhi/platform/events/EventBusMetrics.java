package org.gongzhi.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The LISTEN connection in /q/metrics: {@code gongzhi_event_bus_connected} (1 while up) and
 * {@code gongzhi_event_bus_reconnects_total}; the alerts in k8s/base/prometheusrule.yaml read them.
 */
@ApplicationScoped
class EventBusMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry, PgEventBus bus) {
        Gauge.builder("gongzhi.event.bus.connected", bus, b -> b.isConnected() ? 1 : 0)
                .description("1 while this pod's LISTEN connection to PostgreSQL is up").register(registry);
        FunctionCounter.builder("gongzhi.event.bus.reconnects", bus, b -> b.status().reconnects())
                .description("How often the LISTEN connection was re-established (each sends RESYNC to subscribers)")
                .register(registry);
    }
}
