package org.gongzhi.platform.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * SmallRye answers a query that does not parse with a bare "Unparseable input document" error that
 * bypasses the engine's instrumentation (no {@code extensions.code}). This route runs first and answers
 * such queries itself with VALIDATION_FAILED and the parser's position. Queries that parsed once are
 * remembered, so a mini-program's fixed operations are parsed here only the first time.
 */
@ApplicationScoped
public class SyntaxErrorGuard {

    private static final int REMEMBERED = 2000;
    private static final long MAX_BODY = 16L * 1024 * 1024;

    private final Map<String, Boolean> parsed = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        router.post("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String query = queryOf(ctx);
        if (query == null || parsed.containsKey(query)) {
            ctx.next();
            return;
        }
        try {
            Parser.parse(query);
            if (parsed.size() >= REMEMBERED) {
                parsed.clear();
            }
            parsed.put(query, Boolean.TRUE);
            ctx.next();
        } catch (InvalidSyntaxException e) {
            JsonObject error = new JsonObject()
                    .put("message", "Syntax error in the GraphQL document: " + e.getMessage())
                    .put("extensions", new JsonObject().put("code", "VALIDATION_FAILED").put("classification", "InvalidSyntax"));
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
        }
    }

    private static String queryOf(RoutingContext ctx) {
        try {
            if (ctx.body() == null || ctx.body().length() <= 0) {
                return null;
            }
            JsonObject body = ctx.body().asJsonObject();
            return body == null ? null : body.getString("query");
        } catch (RuntimeException notJsonObject) {
            return null; // batched or malformed bodies are left to SmallRye
        }
    }
}
