package org.gongzhi.deliberation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the deliberation feature ({@code gongzhi.deliberation.*}). */
@ConfigMapping(prefix = "gongzhi.deliberation")
public interface DeliberationConfig {

    /** The shortest a publicity (公示) may stay on display; a longer one may be asked for. */
    @WithDefault("P7D")
    Duration publicityMinDisplay();

    /** Objections to a publicity are accepted this long after it starts (never beyond its display period). */
    @WithDefault("P5D")
    Duration objectionWindow();

    /** How many earlier secret choice rows each secret ballot rewrites (the mix that hides write order). */
    @WithDefault("3")
    int secretMix();

    /** How often the vote job closes votes whose planned closing time has passed ({@code off} disables it). */
    @WithDefault("60s")
    String voteJobEvery();
}
