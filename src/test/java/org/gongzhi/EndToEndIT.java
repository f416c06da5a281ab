package org.gongzhi;

import org.gongzhi.support.FreshDatabase;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * {@link EndToEndTest} against the packaged application: the jar after {@code ./mvnw verify}, the native executable
 * with {@code -Dnative}. It runs with the {@code it} profile (prod settings, the test identity provider).
 */
@QuarkusIntegrationTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class EndToEndIT extends EndToEndTest {
}
