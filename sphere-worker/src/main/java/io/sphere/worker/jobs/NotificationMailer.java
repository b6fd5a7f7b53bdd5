package io.sphere.worker.jobs;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.sphere.core.notification.MailOutbox;
import io.sphere.worker.OneLine;

/** Writes a notification as a plain-text e-mail in the recipient's language and time zone, and sends it. */
@ApplicationScoped
class NotificationMailer {

    private static final Logger LOG = Logger.getLogger(NotificationMailer.class);
    private static final String BUNDLE = "io.sphere.worker.jobs.mail";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Mailer mailer;
    private final MailConfig config;

    NotificationMailer(Mailer mailer, MailConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    boolean send(MailOutbox.Mail m) {
        try {
            mailer.send(Mail.withText(m.email(), subject(m), body(m)));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("E-mail of notification %d to %s not sent, retried later: %s", m.id(), m.email(),
                    OneLine.describe(e));
            return false;
        }
    }

    static String subject(MailOutbox.Mail m) {
        return texts(m).getString("subject." + m.kind().name()).replace("{subject}", m.subject());
    }

    String body(MailOutbox.Mail m) {
        ResourceBundle t = texts(m);
        StringBuilder b = new StringBuilder();
        b.append(t.getString("greeting").replace("{name}", m.displayName())).append("\n\n");
        b.append(t.getString("line." + m.kind().name()).replace("{subject}", m.subject())).append('\n');
        if (!m.detail().isBlank()) {
            b.append('\n').append(m.detail()).append('\n');
        }
        m.dueAt().ifPresent(due -> b.append('\n').append(t.getString("due")).append(' ')
                .append(WHEN.format(due.atZone(zone(m.timeZone())))).append(" (").append(m.timeZone()).append(")\n"));
        b.append('\n').append(t.getString("open")).append(' ').append(stripSlash(config.baseUrl())).append(m.link())
                .append("\n\n").append(t.getString("footer")).append('\n');
        return b.toString();
    }

    private static ResourceBundle texts(MailOutbox.Mail m) {
        Locale l = "ru".equals(m.locale()) ? Locale.forLanguageTag("ru") : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static ZoneId zone(String z) {
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
