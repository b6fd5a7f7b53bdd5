package io.sphere.core.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the time-partitioned tables keep their rows; whole expired months are dropped. */
@ConfigMapping(prefix = "sphere.retention")
public interface RetentionConfig {

    /** Days the request log is kept; a month is dropped once all of it is older. 0 keeps it forever. */
    @WithDefault("90")
    int requestLogDays();

    /** Days the audit trail is kept; 0 (the default) keeps it forever, as most audits require. */
    @WithDefault("0")
    int auditDays();
}
