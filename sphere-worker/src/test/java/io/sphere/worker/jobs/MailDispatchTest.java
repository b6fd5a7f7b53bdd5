package io.sphere.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.notification.NotificationKind;
import io.sphere.core.notification.NotificationService;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;

/** E-mail of notifications through the mailer's mock mailbox (the outside SMTP server is the one thing mocked). */
@QuarkusTest
class MailDispatchTest {

    @Inject
    NotificationJobs jobs;
    @Inject
    NotificationService notifications;
    @Inject
    UserService users;
    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
        mailbox.clear();
    }

    @Test
    void sendsEachNotificationOnceInTheRecipientsLanguageAndHonoursOptOuts() {
        var ivan = users.createUser("ivan@example.com", "Иван", Fixtures.PASSWORD);
        users.chooseLocale(ivan.id(), "ru");
        var ann = users.createUser("ann@example.com", "Ann", Fixtures.PASSWORD);
        Actor annActor = new Actor(ann.id(), ann.email(), false);
        notifications.setEmailOptOuts(annActor, Set.of(NotificationKind.COMMENT));
        notifications.notify(NotificationKind.ASSIGNED, List.of(ivan.id(), ann.id()), null, null, null, "Call back",
                "", "/tasks/1");
        notifications.notify(NotificationKind.COMMENT, List.of(ann.id()), null, null, null, "REQ-1 Printer",
                "toner is empty", "/cards/REQ-1");

        assertThat(jobs.mailDispatch()).isEqualTo(new NotificationJobs.Run(3, 2));
        assertThat(jobs.mailDispatch()).isEqualTo(new NotificationJobs.Run(0, 0));

        List<Mail> toIvan = mailbox.getMailsSentTo("ivan@example.com");
        assertThat(toIvan).hasSize(1);
        assertThat(toIvan.get(0).getSubject()).isEqualTo("[Sphere] Назначено вам: Call back");
        assertThat(toIvan.get(0).getText()).contains("Здравствуйте, Иван!").contains("/tasks/1");
        List<Mail> toAnn = mailbox.getMailsSentTo("ann@example.com");
        assertThat(toAnn).hasSize(1);
        assertThat(toAnn.get(0).getSubject()).isEqualTo("[Sphere] Assigned to you: Call back");
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE email_state = 'SKIPPED'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE read_at IS NULL")).isEqualTo(3);
    }
}
