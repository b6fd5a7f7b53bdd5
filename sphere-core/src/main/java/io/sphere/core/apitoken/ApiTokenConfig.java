package io.sphere.core.apitoken;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Personal API tokens. */
@ConfigMapping(prefix = "sphere.api-token")
public interface ApiTokenConfig {

    /**
     * How long a web process answers a token it has checked from memory instead of the database. Revoking the token
     * or deactivating or changing its owner in the same process takes effect at once; done in another process
     * (another web node, sphere-cli, SQL), within this time. PT0S checks the database on every request.
     */
    @WithDefault("PT5S")
    Duration cacheTtl();
}
