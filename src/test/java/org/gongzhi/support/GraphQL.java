package org.gongzhi.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Sends GraphQL operations to the real /graphql endpoint over HTTP, as a client would. */
public final class GraphQL {

    private GraphQL() {
    }

    /** An operation from src/test/resources/graphql/NAME.graphql. */
    public static String op(String name) {
        try (InputStream in = GraphQL.class.getResourceAsStream("/graphql/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No operation file graphql/" + name + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response post(String token, String query, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        RequestSpecification spec = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.when().post("/graphql");
    }

    /** Posts and returns the JSON body, asserting an HTTP 200 (GraphQL errors travel in the body). */
    public static JsonPath call(String token, String query, Map<String, ?> variables) {
        Response r = post(token, query, variables);
        r.then().statusCode(200);
        return r.jsonPath();
    }

    public static JsonPath call(String token, String query) {
        return call(token, query, Map.of());
    }

    public static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
