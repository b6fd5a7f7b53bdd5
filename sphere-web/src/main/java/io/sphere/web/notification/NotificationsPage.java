package io.sphere.web.notification;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
import io.sphere.core.notification.NotificationKind;
import io.sphere.core.notification.NotificationPage;
import io.sphere.core.notification.NotificationService;
import io.sphere.core.notification.NotificationView;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserService;
import io.sphere.web.i18n.TaskMsg;
import io.sphere.web.i18n.TaskTexts;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;
import io.sphere.web.task.Moments;

/** The person's notifications, newest first: open one (marks it read), mark all read; and their settings. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationsPage {

    public record Row(long id, String kind, String kindLabel, String subject, String detail, String actor,
            String when, String whenIso, boolean read) {
    }

    public record View(List<Row> items, long unread, boolean unreadOnly, String olderHref) {
    }

    public record KindChoice(String kind, String label, boolean email) {
    }

    public record Settings(String timeZone, List<KindChoice> kinds, String error, boolean saved) {
    }

    @CheckedTemplate(basePath = "NotificationPage")
    static class Templates {
        static native TemplateInstance page(Chrome chrome, View view);

        static native TemplateInstance settings(Chrome chrome, Settings view);
    }

    private final NotificationService notifications;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Pages pages;

    NotificationsPage(NotificationService notifications, UserService users, CurrentUser currentUser, Pages pages) {
        this.notifications = notifications;
        this.users = users;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance list(@QueryParam("unread") String unread, @QueryParam("before") Long before) {
        boolean unreadOnly = "1".equals(unread) || "true".equals(unread);
        NotificationPage page = notifications.list(currentUser.actor(), unreadOnly, before);
        ZoneId zone = Moments.zone(currentUser.require());
        TaskMsg t = TaskTexts.of(pages.locale());
        List<Row> rows = page.items().stream().map(n -> row(n, zone, t)).toList();
        String older = page.nextBefore().map(b -> "/notifications?before=" + b + (unreadOnly ? "&unread=1" : ""))
                .orElse(null);
        return pages.localized(Templates.page(pages.chrome(), new View(rows, page.unread(), unreadOnly, older)));
    }

    /** Marks it read and opens what it is about. */
    @POST
    @Path("/{id}/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") long id) {
        String link = notifications.markRead(currentUser.actor(), id);
        return Response.seeOther(URI.create(link.startsWith("/") && !link.startsWith("//") ? link : "/")).build();
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") long id) {
        notifications.markRead(currentUser.actor(), id);
        return Response.seeOther(URI.create("/notifications")).build();
    }

    @POST
    @Path("/read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response readAll() {
        notifications.markAllRead(currentUser.actor());
        return Response.seeOther(URI.create("/notifications")).build();
    }

    @GET
    @Path("/settings")
    public TemplateInstance settings(@QueryParam("saved") String saved) {
        Actor actor = currentUser.actor();
        return renderSettings(currentUser.require().timeZone(), notifications.emailOptOuts(actor), null,
                saved != null);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@FormParam("timeZone") String timeZone, @FormParam("email") List<String> email) {
        Actor actor = currentUser.actor();
        Set<NotificationKind> wanted = EnumSet.noneOf(NotificationKind.class);
        for (String k : email == null ? List.<String>of() : email) {
            for (NotificationKind kind : NotificationKind.values()) {
                if (kind.name().equals(k)) {
                    wanted.add(kind);
                }
            }
        }
        Set<NotificationKind> optOuts = EnumSet.allOf(NotificationKind.class);
        optOuts.removeAll(wanted);
        try {
            users.chooseTimeZone(actor.userId(), timeZone);
        } catch (SphereException e) {
            return Response.status(e.code().httpStatus()).entity(renderSettings(timeZone == null ? "" : timeZone,
                    optOuts, ErrorMessages.of(e, pages.locale()), false)).build();
        }
        notifications.setEmailOptOuts(actor, optOuts);
        return Response.seeOther(URI.create("/notifications/settings?saved=1")).build();
    }

    private TemplateInstance renderSettings(String zone, Set<NotificationKind> optOuts, String error,
            boolean saved) {
        TaskMsg t = TaskTexts.of(pages.locale());
        List<KindChoice> kinds = new ArrayList<>();
        for (NotificationKind k : NotificationKind.values()) {
            kinds.add(new KindChoice(k.name(), kindLabel(k, t), !optOuts.contains(k)));
        }
        return pages.localized(Templates.settings(pages.chrome(), new Settings(zone, kinds, error, saved)));
    }

    private static Row row(NotificationView n, ZoneId zone, TaskMsg t) {
        return new Row(n.id(), n.kind().name().toLowerCase(java.util.Locale.ROOT), kindLabel(n.kind(), t),
                n.subject(), n.detail(), n.actorName().orElse(""), Moments.show(n.createdAt(), zone),
                n.createdAt().toString(), n.read());
    }

    public static String kindLabel(NotificationKind k, TaskMsg t) {
        return switch (k) {
            case ASSIGNED -> t.kind_ASSIGNED();
            case DUE_SOON -> t.kind_DUE_SOON();
            case OVERDUE -> t.kind_OVERDUE();
            case TRANSITION -> t.kind_TRANSITION();
            case COMMENT -> t.kind_COMMENT();
            case REMINDER -> t.kind_REMINDER();
        };
    }
}
