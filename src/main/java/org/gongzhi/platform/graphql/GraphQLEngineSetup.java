package org.gongzhi.platform.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.introspection.Introspection;

/**
 * Installs our instrumentation on the GraphQL engine: depth and complexity limits and the error
 * normalizer. SmallRye offers no way to add an instrumentation next to its own, so this replaces its
 * chain (whose only other member is a document cache, replaced by {@link ValidDocumentCache}).
 */
@ApplicationScoped
public class GraphQLEngineSetup {

    private final GraphQLLimits limits;

    GraphQLEngineSetup(GraphQLLimits limits) {
        this.limits = limits;
    }

    void configure(@Observes GraphQL.Builder builder) {
        // graphql-java's switch is JVM-wide; one schema per JVM here, so that is the right scope.
        Introspection.enabledJvmWide(limits.introspection());
        builder.instrumentation(new ChainedInstrumentation(List.of(
                new MaxQueryDepthInstrumentation(limits.maxDepth()),
                new MaxQueryComplexityInstrumentation(limits.maxComplexity()),
                new ErrorNormalizingInstrumentation())));
        builder.preparsedDocumentProvider(new ValidDocumentCache(limits.documentCacheSize()));
    }
}
