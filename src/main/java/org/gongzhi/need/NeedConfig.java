package org.gongzhi.need;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the needs feature ({@code gongzhi.need.*}). */
@ConfigMapping(prefix = "gongzhi.need")
public interface NeedConfig {

    /** ClaimLimit: how many micro-wishes one member may hold claimed and not yet resolved. */
    @WithDefault("3")
    int maxOpenClaims();

    /** A rating at or below this reopens the need for rectification (整改). */
    @WithDefault("2")
    int reopenAtOrBelow();

    /** How long after resolution the requester may still object (and the need stays unclosed). */
    @WithDefault("P7D")
    Duration objectionWindow();

    /** pg_trgm similarity (0..1) above which an open issue is suggested as a duplicate; short Chinese text scores low. */
    @WithDefault("0.15")
    double duplicateSimilarity();

    /** How many duplicate suggestions are returned at most. */
    @WithDefault("5")
    int duplicateSuggestions();

    /** How often the SLA job runs ({@code off} disables the schedule, e.g. in tests that drive it). */
    @WithDefault("60s")
    String slaJobEvery();

    /** How many due needs one SLA job run handles at most. */
    @WithDefault("500")
    int slaBatchSize();
}
