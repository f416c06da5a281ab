package org.gongzhi.support;

import java.util.Arrays;
import java.util.HashSet;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real RS256-signed access tokens from the OIDC test server's key, verified by the app like any IdP's. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(subject, new HashSet<>(Arrays.asList(roles)), subject);
    }
}
