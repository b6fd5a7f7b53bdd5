package io.sphere.worker.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often expired browser sessions are deleted. */
@ConfigMapping(prefix = "sphere.worker.session-purge")
interface SessionPurgeConfig {

    /** Interval between purges (a Quarkus scheduler interval such as {@code 15m} or {@code PT15M}). */
    @WithDefault("15m")
    String every();
}
