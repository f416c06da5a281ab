package org.gongzhi.resource;

/**
 * The documented matching score (需求—资源匹配). Candidates for a need are the ACTIVE resources of its street
 * (posts and red-culture material excepted: they are claimed or visited, not dispatched)
 * that cover the need's place (coverage is an ancestor-or-self of the place: {@code coverage_path = any(...)},
 * btree index) and serve its category or a related one ({@code categories && ...}, GIN index), with capacity
 * left. Each candidate gets components in 0..1 and
 *
 * <pre>
 * score = 0.30·category + 0.25·proximity + 0.15·capacity + 0.10·availability + 0.12·trackRecord + 0.08·load
 *
 * category     1 when the resource serves the need's category, 0.5 for a related one ({@link CategoryFamily})
 * proximity    1 / (1 + treeDistance), treeDistance = depth(need's place) − depth(coverage): a grid's own
 *              service beats the community's, which beats the street's
 * capacity     remaining / capacity (UNITS, MONEY); 1 for SLOTS
 * availability 1 when a weekly window falls on a day between today and the need's resolve-by (at most a week)
 * trackRecord  (Σ ratings + 3·2) / (5·(rated + 2)) over needs the provider handled: a Bayesian average that
 *              starts a newcomer at 0.6 and moves with evidence (maintained by {@link ProviderTrackRecord})
 * load         1 / (1 + allocations the resource holds RESERVED now): spreads work across providers
 * </pre>
 *
 * Ties break by resource id. The whole ranking is one SQL statement per list of needs (a lateral top-k).
 */
final class MatchScore {

    static final double W_CATEGORY = 0.30;
    static final double W_PROXIMITY = 0.25;
    static final double W_CAPACITY = 0.15;
    static final double W_AVAILABILITY = 0.10;
    static final double W_TRACK = 0.12;
    static final double W_LOAD = 0.08;
    /** Prior of the track record: this many virtual ratings of 3 stars. */
    static final int PRIOR_COUNT = 2;
    static final int PRIOR_RATING = 3;

    private MatchScore() {
    }

    /** The SQL of the score over the component columns of the ranking query. */
    static String sql() {
        return "(%s * c_category + %s * c_proximity + %s * c_capacity + %s * c_availability + %s * c_track + %s * c_load)"
                .formatted(W_CATEGORY, W_PROXIMITY, W_CAPACITY, W_AVAILABILITY, W_TRACK, W_LOAD);
    }
}
