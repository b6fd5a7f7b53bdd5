package io.sphere.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.sphere.core.notification.NotificationPage;
import io.sphere.core.notification.NotificationService;
import io.sphere.core.notification.NotificationView;
import io.sphere.web.security.CurrentUser;

/** The caller's notifications, newest first; {@code before} pages backwards. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationApi {

    public record NotificationJson(long id, String kind, String subject, String detail, String link, String actor,
            Instant dueAt, Instant createdAt, boolean read) {

        static NotificationJson of(NotificationView n) {
            return new NotificationJson(n.id(), n.kind().name(), n.subject(), n.detail(), n.link(),
                    n.actorName().orElse(null), n.dueAt().orElse(null), n.createdAt(), n.read());
        }
    }

    public record PageJson(List<NotificationJson> items, long unread, Long nextBefore) {
    }

    public record Unread(long unread) {
    }

    private final NotificationService notifications;
    private final CurrentUser currentUser;

    NotificationApi(NotificationService notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @GET
    public PageJson list(@QueryParam("unread") boolean unreadOnly, @QueryParam("before") Long before) {
        NotificationPage p = notifications.list(currentUser.actor(), unreadOnly, before);
        return new PageJson(p.items().stream().map(NotificationJson::of).toList(), p.unread(),
                p.nextBefore().orElse(null));
    }

    @GET
    @Path("/unread-count")
    public Unread unread() {
        return new Unread(notifications.unreadCount(currentUser.actor()));
    }

    @POST
    @Path("/{id}/read")
    public Unread read(@PathParam("id") long id) {
        notifications.markRead(currentUser.actor(), id);
        return unread();
    }

    @POST
    @Path("/read-all")
    public Unread readAll() {
        notifications.markAllRead(currentUser.actor());
        return unread();
    }
}
