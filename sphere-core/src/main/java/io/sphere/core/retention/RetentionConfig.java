package io.sphere.core.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long the time-partitioned tables keep their rows (whole expired months are dropped), and how long removed
 * attachments keep their bytes.
 */
@ConfigMapping(prefix = "sphere.retention")
public interface RetentionConfig {

    /** Days the request log is kept; a month is dropped once all of it is older. 0 keeps it forever. */
    @WithDefault("90")
    int requestLogDays();

    /** Days the audit trail is kept; 0 (the default) keeps it forever, as most audits require. */
    @WithDefault("0")
    int auditDays();

    /**
     * Days a removed attachment keeps its file (so the card's "view as of" can still open it); afterwards the
     * worker's nightly retention deletes the bytes and the thumbnail and the download says "removed by retention".
     * 0 keeps removed files forever.
     */
    @WithDefault("365")
    int removedAttachmentDays();
}
