package io.sphere.web.layout;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.BlockingOperationControl;
import io.sphere.core.notification.NotificationService;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.Actor;
import io.sphere.core.security.SessionPrincipal;
import io.sphere.web.i18n.AdminTexts;
import io.sphere.web.i18n.CardMessages;
import io.sphere.web.i18n.Locales;
import io.sphere.web.i18n.Msg;
import io.sphere.web.i18n.TaskTexts;
import io.sphere.web.security.CurrentUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** Per request: the page language, the messages in it, and the layout data every template receives. */
@RequestScoped
public class Pages {

    private final CurrentUser currentUser;
    private final SectionService sections;
    private final HttpServerRequest request;
    private final RoutingContext routing;
    private final NotificationService notifications;
    private Locale locale;

    Pages(CurrentUser currentUser, SectionService sections, HttpServerRequest request, RoutingContext routing,
            NotificationService notifications) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.sections = sections;
        this.request = request;
        this.routing = routing;
    }

    public Locale locale() {
        if (locale == null) {
            Cookie cookie = request.getCookie(Locales.COOKIE);
            locale = Locales.resolve(currentUser.principal(), cookie == null ? null : cookie.getValue(),
                    request.getHeader("Accept-Language"));
        }
        return locale;
    }

    public Msg msg() {
        return Locales.messages(locale());
    }

    public Chrome chrome() {
        String path = request.path();
        return currentUser.principal().map(p -> signedIn(p, path))
                .orElseGet(
                        () -> new Chrome(locale().getLanguage(), false, null, null, List.of(), path, hasCsrfToken(),
                                0));
    }

    /** Renders in the page language. */
    public TemplateInstance localized(TemplateInstance template) {
        return template.setLocale(locale());
    }

    private Chrome signedIn(SessionPrincipal p, String path) {
        Locale locale = locale();
        Actor actor = Actor.of(p);
        // error pages for unknown paths render on the IO thread, where no database call may block: no number there,
        // and only the sections that need no lookup
        boolean mayQuery = BlockingOperationControl.isBlockingAllowed();
        List<Chrome.NavItem> nav = (mayQuery ? sections.visibleTo(actor) : sections.visibleWithoutLookup(actor))
                .stream().map(s -> new Chrome.NavItem(navId(s), label(locale, s), s.path(), isActive(s, path)))
                .toList();
        long unread = mayQuery ? notifications.unreadCount(actor) : 0;
        return new Chrome(locale().getLanguage(), true, p.displayName(), p.email(), nav, path, hasCsrfToken(),
                unread);
    }

    /** The key under which quarkus-rest-csrf keeps the token of this request. */
    private boolean hasCsrfToken() {
        return routing.get("csrf_token") != null;
    }

    /** A section's name in the top bar, in the page language; each section's texts live in its own bundle. */
    public static String label(Locale locale, Section s) {
        return switch (s) {
            case HOME -> Locales.messages(locale).nav_home();
            case REQUEST_LOG -> Locales.messages(locale).nav_request_log();
            case CARDS -> CardMessages.of(locale).nav_cards();
            case ADMIN -> AdminTexts.of(locale).nav_admin();
            case TASKS -> TaskTexts.of(locale).nav_tasks();
        };
    }

    public static String description(Locale locale, Section s) {
        return switch (s) {
            case HOME -> Locales.messages(locale).section_home_desc();
            case REQUEST_LOG -> Locales.messages(locale).section_request_log_desc();
            case CARDS -> CardMessages.of(locale).section_cards_desc();
            case ADMIN -> AdminTexts.of(locale).section_admin_desc();
            case TASKS -> TaskTexts.of(locale).section_tasks_desc();
        };
    }

    public static String navId(Section s) {
        return "nav-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean isActive(Section s, String path) {
        return s == Section.HOME ? "/".equals(path) : path.startsWith(s.path());
    }
}
