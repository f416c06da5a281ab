package org.gongzhi.platform.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The caller of the current request. Resolved lazily and once: a request that never asks who is calling
 * (public metadata) costs no database lookup.
 */
@RequestScoped
public class CurrentActor {

    /** Header by which a service client (mini-program backend) names the user it acts for: {@code KIND:value}. */
    public static final String ACTING_FOR_HEADER = "X-Acting-For";

    private final SecurityIdentity identity;
    private final ActorDirectory directory;
    private final CurrentVertxRequest request;
    private Actor actor;

    CurrentActor(SecurityIdentity identity, ActorDirectory directory, CurrentVertxRequest request) {
        this.identity = identity;
        this.directory = directory;
        this.request = request;
    }

    public Actor get() {
        if (actor == null) {
            actor = resolve();
        }
        return actor;
    }

    private Actor resolve() {
        if (identity == null || identity.isAnonymous()) {
            return Actor.ANONYMOUS;
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : identity.getRoles()) {
            Role.fromClaim(r).ifPresent(roles::add);
        }
        String actingFor = actingForHeader();
        if (roles.contains(Role.SERVICE_CLIENT) && actingFor != null) {
            return directory.resolveActingFor(subject, actingFor);
        }
        return directory.resolve(subject, roles);
    }

    private String actingForHeader() {
        if (request == null || request.getCurrent() == null) {
            return null;
        }
        String value = request.getCurrent().request().getHeader(ACTING_FOR_HEADER);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
