package io.sphere.web.reminder;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.error.ErrorMessages;
import io.sphere.core.error.SphereException;
import io.sphere.core.reminder.ReminderService;
import io.sphere.core.reminder.ReminderView;
import io.sphere.core.security.Actor;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;
import io.sphere.web.security.SafeRedirect;
import io.sphere.web.task.Moments;

/**
 * The person's pending reminders, with a form to set one on a card or a task; the same form sits on the task page
 * and on a card's tasks page and comes back here (or to {@code next}) when it is sent.
 */
@Path("/reminders")
@Produces(MediaType.TEXT_HTML)
public class ReminderPage {

    public record Row(long id, String subject, String link, String when, String whenIso, String note) {
    }

    /** The form's input and its one problem, kept when refused. */
    public record View(List<Row> reminders, String card, Long task, String preset, String at, String note,
            String error, String errorField, String zone, String created) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, View view);
    }

    private final ReminderService reminders;
    private final CurrentUser currentUser;
    private final Pages pages;

    ReminderPage(ReminderService reminders, CurrentUser currentUser, Pages pages) {
        this.reminders = reminders;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance show(@QueryParam("card") String card, @QueryParam("task") Long task,
            @QueryParam("created") Long created) {
        String createdWhen = created == null
                ? null
                : reminders.find(currentUser.actor(), created).map(r -> Moments.show(r.remindAt(), zone()))
                        .orElse(null);
        return render(new View(List.of(), card == null ? "" : card.strip(), task, "in-1-hour", "", "", null, null,
                "", createdWhen));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("card") String card, @FormParam("task") Long task,
            @FormParam("preset") String preset, @FormParam("at") String at, @FormParam("note") String note,
            @FormParam("next") String next) {
        Actor actor = currentUser.actor();
        try {
            ReminderView r = reminders.create(actor, card, task, preset, at, note);
            String kept = SafeRedirect.keep(next);
            String back = kept != null && !kept.startsWith("/reminders") ? kept : "/reminders";
            String sep = back.contains("?") ? "&" : "?";
            return Response.seeOther(URI.create(back.equals("/reminders") ? back + sep + "created=" + r.id() : back))
                    .build();
        } catch (SphereException e) {
            if (e.field() == null && e.code() != io.sphere.core.error.ErrorCode.REMINDER_SUBJECT_REQUIRED) {
                throw e;
            }
            View kept = new View(List.of(), card == null ? "" : card, task, preset == null ? "" : preset,
                    at == null ? "" : at, note == null ? "" : note, ErrorMessages.of(e, pages.locale()),
                    e.field() == null ? "subject" : e.field(), "", null);
            return Response.status(e.code().httpStatus()).entity(render(kept)).build();
        }
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id) {
        reminders.cancel(currentUser.actor(), id);
        return Response.seeOther(URI.create("/reminders")).build();
    }

    private TemplateInstance render(View v) {
        ZoneId zone = zone();
        List<Row> rows = reminders.pending(currentUser.actor()).stream()
                .map(r -> new Row(r.id(), r.subject(), r.link(), Moments.show(r.remindAt(), zone),
                        r.remindAt().toString(), r.note()))
                .toList();
        View full = new View(rows, v.card(), v.task(), v.preset(), v.at(), v.note(), v.error(), v.errorField(),
                zone.getId(), v.created());
        return pages.localized(Templates.page(pages.chrome(), full));
    }

    private ZoneId zone() {
        return Moments.zone(currentUser.require());
    }
}
