package io.sphere.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.sphere.core.attachment.AttachmentRetention;
import io.sphere.core.attachment.AttachmentRetention.Purgeable;
import io.sphere.core.retention.RetentionConfig;
import io.sphere.core.retention.RetentionService;
import io.sphere.core.retention.RetentionService.Expired;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the worker's nightly retention job does, by hand: drops the months of the request log and the audit trail
 * that are past their retention ({@code sphere.retention.*}) and deletes the files of attachments removed longer
 * ago than {@code sphere.retention.removed-attachment-days}, or with {@code --dry-run} only says which.
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Remove request-log and audit months and removed attachments' files past their retention, "
                + "or with --dry-run list them.")
class RetentionCommand implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--dry-run", required = true, descriptionKey = "retention.dry-run",
                description = "Only say what would be removed; change nothing.")
        boolean dryRun;

        @Option(names = "--apply", required = true, descriptionKey = "retention.apply",
                description = "Remove it.")
        boolean apply;
    }

    private final RetentionService retention;
    private final AttachmentRetention attachments;
    private final RetentionConfig config;
    private final Messages messages;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    RetentionCommand(RetentionService retention, AttachmentRetention attachments, RetentionConfig config,
            Messages messages, Clock clock) {
        this.retention = retention;
        this.attachments = attachments;
        this.config = config;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(messages.get("retention.policy", Map.of("requestLog", keep(config.requestLogDays()), "audit",
                keep(config.auditDays()))));
        out.println(messages.get("retention.attachments-policy", Map.of("keep",
                keep(config.removedAttachmentDays()))));
        List<Expired> expired = mode.apply ? retention.apply(clock.instant()) : retention.plan(clock.instant());
        List<Purgeable> files = mode.apply ? attachments.apply(clock.instant()) : attachments.plan(clock.instant());
        if (expired.isEmpty() && files.isEmpty()) {
            out.println(messages.get("retention.nothing"));
            return 0;
        }
        if (!expired.isEmpty()) {
            long rows = 0;
            for (Expired e : expired) {
                rows += e.rows();
                out.println(messages.get(mode.apply ? "retention.dropped" : "retention.would-drop", Map.of(
                        "partition", e.partition(), "from", e.from(), "to", e.to(), "rows", e.rows())));
            }
            out.println(messages.get(mode.apply ? "retention.summary" : "retention.summary-dry", Map.of("count",
                    expired.size(), "rows", rows)));
        }
        if (!files.isEmpty()) {
            long bytes = 0;
            for (Purgeable f : files) {
                bytes += f.size();
                out.println(messages.get(mode.apply ? "retention.purged" : "retention.would-purge", Map.of("id",
                        f.id(), "name", f.name(), "size", f.size(), "removedAt", f.removedAt())));
            }
            out.println(messages.get(mode.apply ? "retention.purge-summary" : "retention.purge-summary-dry", Map.of(
                    "count", files.size(), "bytes", bytes)));
        }
        return 0;
    }

    private String keep(int days) {
        return days <= 0 ? messages.get("retention.forever") : messages.get("retention.days", Map.of("days", days));
    }
}
