package io.sphere.worker.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** E-mail of notifications. The SMTP server itself is configured with the {@code quarkus.mailer.*} keys. */
@ConfigMapping(prefix = "sphere.mail")
interface MailConfig {

    /**
     * Whether notifications are also sent by e-mail. Off by default: without an SMTP server nothing is sent and
     * nothing fails (waiting e-mails are marked skipped).
     */
    @WithDefault("false")
    boolean enabled();

    /** The address people open Sphere at, for the links in e-mails. */
    @WithDefault("http://127.0.0.1:5000")
    String baseUrl();
}
