package org.gongzhi.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.gongzhi.support.FreshDatabase;
import org.gongzhi.support.GraphQLTest;
import org.junit.jupiter.api.Test;

/** Kubernetes probes: readiness follows the database (reached through a proxy the test can cut). */
@GraphQLTest
class HealthTest {

    @Test
    void liveStartedAndReadyAreUp() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).contains("database-migrations").contains("\"UP\"");
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAgainAfter() {
        try {
            FreshDatabase.proxy().block();
            assertThat(waitForReadyStatus(503)).as("ready should turn DOWN").isTrue();
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            FreshDatabase.proxy().unblock();
        }
        assertThat(waitForReadyStatus(200)).as("ready should come back UP").isTrue();
    }

    @Test
    void metricsArePublishedInPrometheusFormat() {
        given().contentType("application/json").body("{\"query\":\"{ enumLabels { type } }\"}").post("/graphql").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds");
        assertThat(metrics).contains("mp_graphql");
    }

    private static boolean waitForReadyStatus(int status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            if (given().get("/q/health/ready").then().extract().statusCode() == status) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
