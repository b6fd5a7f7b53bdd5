package io.sphere.worker.jobs;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the notification jobs run and how much each statement takes on. */
@ConfigMapping(prefix = "sphere.worker.jobs")
interface JobsConfig {

    /** Quartz-style cron of the overdue check (cards and tasks past due, tasks due soon); {@code off} disables. */
    @WithDefault("0 * * * * ?")
    String overdueCron();

    /** Cron of the reminder dispatch; {@code off} disables. */
    @WithDefault("*/30 * * * * ?")
    String reminderCron();

    /** Cron of the e-mail dispatch of notifications; {@code off} disables. */
    @WithDefault("15/30 * * * * ?")
    String mailCron();

    /** Rows one statement claims; a run repeats statements until a batch comes back short. */
    @WithDefault("500")
    int batchSize();

    /** How long before its due date a task's assignee (or group) gets "due soon". */
    @WithDefault("PT1H")
    Duration dueSoon();
}
