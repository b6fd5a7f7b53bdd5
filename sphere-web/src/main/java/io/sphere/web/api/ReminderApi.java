package io.sphere.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sphere.core.reminder.ReminderService;
import io.sphere.core.reminder.ReminderView;
import io.sphere.web.security.CurrentUser;

/** The caller's own reminders. */
@Path("/api/v1/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReminderApi {

    /**
     * {@code card} (a key) or {@code taskId}; {@code preset} ({@code in-1-hour}, {@code tomorrow-9},
     * {@code next-monday-9}) or {@code at} (ISO moment, or local date-time in the caller's time zone).
     */
    public record NewReminder(String card, Long taskId, String preset, String at, String note) {
    }

    public record ReminderJson(long id, String card, Long taskId, String subject, String link, Instant remindAt,
            String note, String status) {

        static ReminderJson of(ReminderView v) {
            return new ReminderJson(v.id(), v.cardKey().orElse(null), v.taskId().orElse(null), v.subject(), v.link(),
                    v.remindAt(), v.note(), v.status());
        }
    }

    private final ReminderService reminders;
    private final CurrentUser currentUser;

    ReminderApi(ReminderService reminders, CurrentUser currentUser) {
        this.reminders = reminders;
        this.currentUser = currentUser;
    }

    /** Pending reminders, soonest first. */
    @GET
    public List<ReminderJson> list() {
        return reminders.pending(currentUser.actor()).stream().map(ReminderJson::of).toList();
    }

    @POST
    public Response create(NewReminder body) {
        NewReminder b = CardApi.required(body);
        ReminderView v = reminders.create(currentUser.actor(), b.card(), b.taskId(), b.preset(), b.at(), b.note());
        return Response.status(201).entity(ReminderJson.of(v)).build();
    }

    /** Cancels a pending reminder. */
    @DELETE
    @Path("/{id}")
    public ReminderJson cancel(@PathParam("id") long id) {
        return ReminderJson.of(reminders.cancel(currentUser.actor(), id));
    }
}
