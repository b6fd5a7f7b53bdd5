package io.sphere.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.sphere.core.audit.AuditConfig;

/**
 * Says loudly, at every start, that this process keeps no history ({@code sphere.audit.enabled=false}): a setting
 * for measurements and for installations that accepted it, never one to leave on by mistake.
 */
@ApplicationScoped
class AuditOffWarning {

    private static final Logger LOG = Logger.getLogger(AuditOffWarning.class);

    void check(@Observes StartupEvent event, AuditConfig config) {
        if (!config.enabled()) {
            LOG.warn("The audit trail is OFF (sphere.audit.enabled=false): changes and security events made through "
                    + "this process are not recorded and will be missing from card history and audit search. "
                    + "Remove the setting to record them again.");
        }
    }
}
