package io.sphere.core.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether this installation keeps an audit trail at all. */
@ConfigMapping(prefix = "sphere.audit")
public interface AuditConfig {

    /**
     * Record every change and security event in the audit trail (the default). {@code false} records nothing: no
     * card history, no audit search results, no security events, from the moment a process starts with it. It exists
     * for the benchmark's "audit on ÷ off" figure and for installations that explicitly accept having no history;
     * sphere-web logs a warning at every start while it is off. Events recorded before stay where they are.
     */
    @WithDefault("true")
    boolean enabled();
}
