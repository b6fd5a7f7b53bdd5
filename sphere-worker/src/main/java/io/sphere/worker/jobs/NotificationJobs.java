package io.sphere.worker.jobs;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.sphere.core.job.JobStatusService;
import io.sphere.core.notification.MailOutbox;
import io.sphere.core.notification.OverdueScan;
import io.sphere.core.reminder.ReminderDispatch;
import io.sphere.worker.OneLine;
import io.sphere.worker.schema.SchemaGuard;

/**
 * S10: the overdue check, the reminder dispatch and the e-mail of notifications. Any number of worker processes
 * may run these at once: every statement claims its rows with {@code FOR UPDATE SKIP LOCKED} and every delivery has
 * a unique key (see {@link OverdueScan}, {@link ReminderDispatch}, {@link MailOutbox}). A run that fails leaves the
 * rest for the next run. The web never runs them.
 */
@ApplicationScoped
public class NotificationJobs {

    private static final Logger LOG = Logger.getLogger(NotificationJobs.class);

    /** This worker process on the status page: host and process id. */
    static final String WORKER = hostName() + ":" + ProcessHandle.current().pid();

    /** Counts of one run, for the log and for tests. */
    public record Run(int claimed, int notified) {
    }

    private final OverdueScan overdue;
    private final ReminderDispatch reminders;
    private final MailOutbox outbox;
    private final NotificationMailer mailer;
    private final JobsConfig config;
    private final MailConfig mail;
    private final JobStatusService status;

    NotificationJobs(OverdueScan overdue, ReminderDispatch reminders, MailOutbox outbox, NotificationMailer mailer,
            JobsConfig config, MailConfig mail, JobStatusService status) {
        this.status = status;
        this.overdue = overdue;
        this.reminders = reminders;
        this.outbox = outbox;
        this.mailer = mailer;
        this.config = config;
        this.mail = mail;
    }

    @Scheduled(identity = "overdue-check", cron = "${sphere.worker.jobs.overdue-cron:0 * * * * ?}",
            concurrentExecution = SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void scheduledOverdue() {
        guarded("overdue-check", this::overdueCheck);
    }

    @Scheduled(identity = "reminder-dispatch", cron = "${sphere.worker.jobs.reminder-cron:*/30 * * * * ?}",
            concurrentExecution = SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void scheduledReminders() {
        guarded("reminder-dispatch", this::reminderDispatch);
    }

    @Scheduled(identity = "notification-mail", cron = "${sphere.worker.jobs.mail-cron:15/30 * * * * ?}",
            concurrentExecution = SKIP, skipExecutionIf = SchemaGuard.Refused.class)
    void scheduledMail() {
        guarded("notification-mail", this::mailDispatch);
    }

    /** Cards and tasks past due, then tasks due soon; each in batches until none is left. */
    public Run overdueCheck() {
        Run cards = drain(n -> {
            var b = overdue.cards(n);
            return new Run(b.claimed(), b.notified());
        });
        Run tasks = drain(n -> {
            var b = overdue.tasks(n);
            return new Run(b.claimed(), b.notified());
        });
        Run soon = drain(n -> {
            var b = overdue.dueSoon(config.dueSoon(), n);
            return new Run(b.claimed(), b.notified());
        });
        return new Run(cards.claimed + tasks.claimed + soon.claimed, cards.notified + tasks.notified + soon.notified);
    }

    public Run reminderDispatch() {
        return drain(n -> {
            var b = reminders.dispatch(n);
            return new Run(b.claimed(), b.notified());
        });
    }

    /** One batch of e-mails; with mail switched off, the waiting ones are marked skipped. */
    public Run mailDispatch() {
        if (!mail.enabled()) {
            int skipped = outbox.skipAll();
            return new Run(skipped, 0);
        }
        MailOutbox.Outcome o = outbox.deliver(config.batchSize(), mailer::send);
        return new Run(o.total(), o.sent());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "worker";
        }
    }

    private Run drain(IntFunction<Run> batch) {
        int claimed = 0;
        int notified = 0;
        Run r;
        do {
            r = batch.apply(config.batchSize());
            claimed += r.claimed;
            notified += r.notified;
        } while (r.claimed >= config.batchSize());
        return new Run(claimed, notified);
    }

    /** Runs a job, logs and records what it did (the status page and the worker's heartbeat); never throws. */
    void guarded(String name, Supplier<Run> job) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Run r = new Run(0, 0);
        String error = null;
        try {
            r = job.get();
            if (r.claimed() > 0) {
                LOG.infof("%s: %d items, %d notifications, %d ms", name, r.claimed(), r.notified(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            error = OneLine.describe(e);
            LOG.errorf("%s failed, the rest waits for the next run: %s", name, error);
        }
        try {
            status.record(name, WORKER, started, (System.nanoTime() - start) / 1_000_000, r.claimed(), r.notified(),
                    error);
        } catch (RuntimeException e) {
            LOG.warnf("%s: its status could not be recorded: %s", name, OneLine.describe(e));
        }
    }
}
