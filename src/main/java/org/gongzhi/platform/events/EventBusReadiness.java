package org.gongzhi.platform.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the LISTEN connection is up: a pod that cannot hear other pods' changes would serve
 * subscriptions that silently miss them. Reports how often it reconnected and the last problem.
 */
@Readiness
@ApplicationScoped
public class EventBusReadiness implements HealthCheck {

    private final PgEventBus bus;

    EventBusReadiness(PgEventBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        PgEventBus.Status s = bus.status();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("event-bus").status(bus.isConnected())
                .withData("channels", String.join(",", s.channels().stream().sorted().toList()))
                .withData("reconnects", s.reconnects());
        if (s.connectedSince() != null) {
            r.withData("connectedSince", s.connectedSince().toString());
        }
        if (s.lastProblem() != null && s.connectedSince() == null) {
            r.withData("problem", "database notifications unreachable");
        }
        return r.build();
    }
}
