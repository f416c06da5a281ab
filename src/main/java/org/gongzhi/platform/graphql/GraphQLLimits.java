package org.gongzhi.platform.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits that protect the server from expensive queries (3.34 sets none by default). */
@ConfigMapping(prefix = "gongzhi.graphql")
public interface GraphQLLimits {

    /** Deepest selection nesting accepted. */
    @WithDefault("15")
    int maxDepth();

    /** Highest field count (graphql-java's complexity: one per field) accepted in one operation. */
    @WithDefault("600")
    int maxComplexity();

    /** Page size used when a connection is asked without {@code first}. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page size; larger requests are clamped to it. */
    @WithDefault("100")
    int maxPageSize();

    /** Whether {@code __schema}/{@code __type} introspection is answered (switch off in prod if wanted). */
    @WithDefault("true")
    boolean introspection();

    /** How many parsed and validated query documents are kept for reuse. */
    @WithDefault("1000")
    int documentCacheSize();
}
