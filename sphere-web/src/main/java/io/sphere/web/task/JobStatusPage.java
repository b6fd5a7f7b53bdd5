package io.sphere.web.task;

import java.time.ZoneId;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.job.JobStatusService;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/** For the superuser: what each background job did last on each worker; a worker's latest run is its heartbeat. */
@Path("/jobs")
@Produces(MediaType.TEXT_HTML)
public class JobStatusPage {

    public record Row(String job, String worker, String lastStart, String lastStartIso, long durationMs, int items,
            int notified, long runs, long failures, String lastError, String lastErrorAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, List<Row> rows, String zone);
    }

    private final JobStatusService status;
    private final CurrentUser currentUser;
    private final Pages pages;

    JobStatusPage(JobStatusService status, CurrentUser currentUser, Pages pages) {
        this.status = status;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance show() {
        ZoneId zone = Moments.zone(currentUser.require());
        List<Row> rows = status.list(currentUser.actor()).stream()
                .map(s -> new Row(s.job(), s.worker(), Moments.show(s.lastStartedAt(), zone),
                        s.lastStartedAt().toString(), s.lastDurationMs(), s.lastItems(), s.lastNotified(), s.runs(),
                        s.failures(), s.lastError().orElse(""), Moments.show(s.lastErrorAt(), zone)))
                .toList();
        return pages.localized(Templates.page(pages.chrome(), rows, zone.getId()));
    }
}
