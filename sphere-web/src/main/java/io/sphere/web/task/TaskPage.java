package io.sphere.web.task;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.ErrorMessages;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskEventView;
import io.sphere.core.task.TaskInbox;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskStatus;
import io.sphere.core.task.TaskView;
import io.sphere.core.user.UserRef;
import io.sphere.core.user.UserService;
import io.sphere.web.attachment.TaskAttachmentPage;
import io.sphere.web.i18n.TaskMsg;
import io.sphere.web.i18n.TaskTexts;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;
import io.sphere.web.security.SafeRedirect;

/**
 * "My tasks" (the inbox), one task with every action, the new-task form and a card's tasks. Filters, sort, tab and
 * page live in the URL. Refusals of an action (taken meanwhile, no permission) answer the error page; a form with
 * bad input comes back with the message next to its field and the input kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TaskPage {

    public record Tab(String id, String label, long count, String href, boolean current) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record Row(long id, String title, String href, String cardKey, String cardTitle, String assignee,
            String group, String due, String dueIso, String bucket, String bucketLabel, boolean overdue,
            boolean completable, String completedAt) {
    }

    public record Section(String id, String label, List<Row> rows) {
    }

    public record Inbox(List<Tab> tabs, String tab, String q, List<Option> dueOptions, List<Option> sortOptions,
            List<Section> sections, boolean empty, String prevHref, String nextHref, String selfHref, String zone) {
    }

    public record Form(String card, String title, String description, String assignee, String group, String due,
            List<Option> groups, Map<String, String> errors, String error) {
    }

    public record Event(String who, String what, String from, String to, String reason, String at) {
    }

    public record Detail(TaskView task, String status, String due, String created, String closed, String assignee,
            String group, List<Event> history, Form edit, String assignEmail, String reason,
            Map<String, String> errors, String zone, TaskAttachmentPage.Block attachments) {
    }

    public record CardTasks(String key, String title, List<Row> rows) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Chrome chrome, Inbox view);

        static native TemplateInstance task(Chrome chrome, Detail view);

        static native TemplateInstance form(Chrome chrome, Form view);

        static native TemplateInstance cardTasks(Chrome chrome, CardTasks view);
    }

    private final TaskService tasks;
    private final CardService cards;
    private final TaskInbox inbox;
    private final GroupService groups;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final TaskAttachmentPage attachments;

    TaskPage(TaskService tasks, CardService cards, TaskInbox inbox, GroupService groups, UserService users,
            CurrentUser currentUser, Pages pages, TaskAttachmentPage attachments) {
        this.attachments = attachments;
        this.tasks = tasks;
        this.cards = cards;
        this.inbox = inbox;
        this.groups = groups;
        this.users = users;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    @Path("tasks")
    public TemplateInstance inbox(@QueryParam("tab") String tabParam, @QueryParam("q") String q,
            @QueryParam("due") String dueParam, @QueryParam("sort") String sortParam,
            @QueryParam("page") Integer pageParam) {
        Actor actor = currentUser.actor();
        TaskMsg t = texts();
        ZoneId zone = zone();
        TaskInbox.Tab tab = TaskInbox.Tab.parse(tabParam);
        TaskInbox.DueFilter due = TaskInbox.DueFilter.parse(dueParam);
        TaskInbox.Sort sort = TaskInbox.Sort.parse(sortParam, tab);
        int page = pageParam == null || pageParam < 1 ? 1 : pageParam;
        String query = q == null ? "" : q.strip();
        TaskInbox.Page result = inbox.list(actor, zone, new TaskInbox.Query(tab, query, due, sort, page));
        List<Tab> tabs = new ArrayList<>();
        for (TaskInbox.Tab each : TaskInbox.Tab.values()) {
            String label = switch (each) {
                case MINE -> t.tab_mine();
                case GROUPS -> t.tab_groups();
                case COMPLETED -> t.tab_completed();
            };
            tabs.add(new Tab(each.param(), label, result.counts().getOrDefault(each, 0L),
                    "/tasks?tab=" + each.param(), each == tab));
        }
        Map<TaskInbox.Bucket, List<Row>> buckets = new LinkedHashMap<>();
        for (TaskInbox.Bucket b : TaskInbox.Bucket.values()) {
            buckets.put(b, new ArrayList<>());
        }
        for (TaskInbox.Item item : result.items()) {
            buckets.get(item.bucket()).add(row(item, zone, t));
        }
        List<Section> sections = new ArrayList<>();
        buckets.forEach((b, rows) -> {
            if (!rows.isEmpty()) {
                sections.add(new Section(b.name().toLowerCase(Locale.ROOT).replace('_', '-'), bucketLabel(b, t),
                        rows));
            }
        });
        if (sort != TaskInbox.Sort.DUE && sort != TaskInbox.Sort.COMPLETED && !sections.isEmpty()) {
            // another order than by due date: one list in that order, each row keeps its badge
            List<Row> all = result.items().stream().map(i -> row(i, zone, t)).toList();
            sections.clear();
            sections.add(new Section("all", "", all));
        }
        List<Option> dueOptions = new ArrayList<>();
        for (TaskInbox.DueFilter f : TaskInbox.DueFilter.values()) {
            String label = switch (f) {
                case ANY -> t.due_any();
                case OVERDUE -> t.due_overdue();
                case TODAY -> t.due_today();
                case UPCOMING -> t.due_upcoming();
                case NONE -> t.due_none();
            };
            dueOptions.add(new Option(f.param(), label, f == due));
        }
        List<Option> sortOptions = new ArrayList<>();
        for (TaskInbox.Sort s : TaskInbox.Sort.values()) {
            String label = switch (s) {
                case DUE -> t.sort_due();
                case DUE_DESC -> t.sort_due_desc();
                case CREATED -> t.sort_created();
                case TITLE -> t.sort_title();
                case COMPLETED -> t.sort_completed();
            };
            sortOptions.add(new Option(s.param(), label, s == sort));
        }
        String base = "/tasks?tab=" + tab.param() + (query.isEmpty() ? "" : "&q=" + enc(query))
                + (due == TaskInbox.DueFilter.ANY ? "" : "&due=" + due.param()) + "&sort=" + sort.param();
        Inbox view = new Inbox(tabs, tab.param(), query, dueOptions, sortOptions, sections, result.items().isEmpty(),
                page > 1 ? base + "&page=" + (page - 1) : null, result.hasNext() ? base + "&page=" + (page + 1) : null,
                base + (page > 1 ? "&page=" + page : ""), zone.getId());
        return pages.localized(Templates.inbox(pages.chrome(), view));
    }

    @GET
    @Path("tasks/new")
    public TemplateInstance newTask(@QueryParam("card") String card) {
        return pages.localized(Templates.form(pages.chrome(), emptyForm(card == null ? "" : card.strip())));
    }

    @POST
    @Path("tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("card") String card, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("assignee") String assignee,
            @FormParam("group") String group, @FormParam("due") String due) {
        Actor actor = currentUser.actor();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Optional<Instant>> dueAt = Moments.parse(due, zone());
        if (dueAt.isEmpty()) {
            errors.put("due", message(ErrorCode.TASK_DUE_INVALID));
        }
        Long assigneeId = null;
        if (assignee != null && !assignee.isBlank()) {
            assigneeId = users.findByEmail(assignee.strip().toLowerCase(Locale.ROOT)).filter(u -> u.active())
                    .map(u -> u.id()).orElse(null);
            if (assigneeId == null) {
                errors.put("assignee", texts().user_unknown());
            }
        }
        Long groupId = parseId(group);
        Form kept = new Form(n(card), n(title), n(description), n(assignee), n(group), n(due), groupOptions(n(group)),
                errors, null);
        if (!errors.isEmpty()) {
            return renderForm(kept, 422);
        }
        try {
            TaskView created = tasks.create(actor, new TaskInput(blankToNull(card), title, description, assigneeId,
                    groupId, dueAt.get().orElse(null)));
            return Response.seeOther(URI.create("/tasks/" + created.id())).build();
        } catch (ValidationException e) {
            e.errors().forEach(f -> errors.put(formField(f.field()),
                    ErrorMessages.format(f.code(), f.args(), pages.locale())));
            return renderForm(kept, 422);
        } catch (SphereException e) {
            if (e.code() == ErrorCode.CARD_NOT_FOUND) {
                errors.put("card", ErrorMessages.of(e, pages.locale()));
                return renderForm(kept, 422);
            }
            throw e;
        }
    }

    @GET
    @Path("tasks/{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return renderTask(tasks.get(currentUser.actor(), id), null, "", "", Map.of());
    }

    @POST
    @Path("tasks/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") long id, @FormParam("next") String next) {
        tasks.claim(currentUser.actor(), id);
        return back(next, id);
    }

    @POST
    @Path("tasks/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") long id, @FormParam("next") String next) {
        tasks.complete(currentUser.actor(), id);
        return back(next, id);
    }

    @POST
    @Path("tasks/{id}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("id") long id, @FormParam("next") String next) {
        tasks.reopen(currentUser.actor(), id);
        return back(next, id);
    }

    @POST
    @Path("tasks/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, @FormParam("reason") String reason) {
        Actor actor = currentUser.actor();
        try {
            tasks.cancel(actor, id, reason);
        } catch (SphereException e) {
            if (e.field() == null) {
                throw e;
            }
            return Response.status(e.code().httpStatus())
                    .entity(renderTask(tasks.get(actor, id), null, "", n(reason),
                            Map.of("cancel-reason", ErrorMessages.of(e, pages.locale()))))
                    .build();
        }
        return Response.seeOther(URI.create("/tasks/" + id)).build();
    }

    @POST
    @Path("tasks/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @FormParam("email") String email,
            @FormParam("reason") String reason) {
        Actor actor = currentUser.actor();
        Long userId = null;
        if (email != null && !email.isBlank()) {
            userId = users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).filter(u -> u.active())
                    .map(u -> u.id()).orElse(null);
            if (userId == null) {
                return Response.status(422).entity(renderTask(tasks.get(actor, id), null, n(email), n(reason),
                        Map.of("email", texts().user_unknown()))).build();
            }
        }
        try {
            tasks.assign(actor, id, userId, reason);
        } catch (SphereException e) {
            if (e.field() == null) {
                throw e;
            }
            String field = "reason".equals(e.field()) ? "reason" : "email";
            return Response.status(e.code().httpStatus()).entity(renderTask(tasks.get(actor, id), null, n(email),
                    n(reason), Map.of(field, ErrorMessages.of(e, pages.locale())))).build();
        }
        return Response.seeOther(URI.create("/tasks/" + id)).build();
    }

    @POST
    @Path("tasks/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("group") String group,
            @FormParam("due") String due) {
        Actor actor = currentUser.actor();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Optional<Instant>> dueAt = Moments.parse(due, zone());
        Form kept = new Form("", n(title), n(description), "", n(group), n(due), groupOptions(n(group)), errors, null);
        if (dueAt.isEmpty()) {
            errors.put("due", message(ErrorCode.TASK_DUE_INVALID));
            return Response.status(422).entity(renderTask(tasks.get(actor, id), kept, "", "", Map.of())).build();
        }
        try {
            tasks.update(actor, id, new TaskInput(null, title, description, null, parseId(group),
                    dueAt.get().orElse(null)));
        } catch (ValidationException e) {
            e.errors().forEach(f -> errors.put(formField(f.field()),
                    ErrorMessages.format(f.code(), f.args(), pages.locale())));
            return Response.status(422).entity(renderTask(tasks.get(actor, id), kept, "", "", Map.of())).build();
        }
        return Response.seeOther(URI.create("/tasks/" + id)).build();
    }

    /** The tasks tab of a card, answered through {@link CardTasksPage}: {@code /cards/...} belongs to that path. */
    TemplateInstance cardTasks(String key) {
        Actor actor = currentUser.actor();
        ZoneId zone = zone();
        TaskMsg t = texts();
        List<TaskView> list = tasks.forCard(actor, key);
        CardView card = cards.get(actor, key);
        String title = card.title();
        String cardKey = card.key();
        List<Row> rows = list.stream().map(v -> new Row(v.id(), v.title(), v.link(), cardKey, "",
                v.assignee().map(UserRef::displayName).orElse(""), v.candidateGroupName().orElse(""),
                Moments.show(v.dueAt(), zone), v.dueAt().map(Instant::toString).orElse(""),
                v.status().name().toLowerCase(Locale.ROOT), status(v.status(), t), v.overdue(),
                v.allowed().complete(), Moments.show(v.completedAt(), zone))).toList();
        return pages.localized(Templates.cardTasks(pages.chrome(), new CardTasks(cardKey, title, rows)));
    }

    private TemplateInstance renderTask(TaskView v, Form edit, String assignEmail, String reason,
            Map<String, String> errors) {
        Actor actor = currentUser.actor();
        ZoneId zone = zone();
        TaskMsg t = texts();
        List<Event> history = tasks.history(actor, v.id()).stream().map(e -> event(e, zone, t)).toList();
        Form editForm = edit != null
                ? edit
                : new Form("", v.title(), v.description(), "",
                        v.candidateGroupId().map(String::valueOf).orElse(""), Moments.input(v.dueAt(), zone),
                        groupOptions(v.candidateGroupId().map(String::valueOf).orElse("")), Map.of(), null);
        String closed = v.completedBy().map(u -> v.status() == TaskStatus.CANCELLED
                ? t.cancelled_by(u.displayName(), Moments.show(v.completedAt(), zone))
                : t.completed_by(u.displayName(), Moments.show(v.completedAt(), zone))).orElse("");
        Detail d = new Detail(v, status(v.status(), t), Moments.show(v.dueAt(), zone),
                t.created_by(v.createdBy().map(UserRef::displayName).orElse("?"), Moments.show(v.createdAt(), zone)),
                closed, v.assignee().map(UserRef::displayName).orElse(t.nobody()), v.candidateGroupName().orElse(""),
                history, editForm, assignEmail, reason, errors, zone.getId(),
                attachments.block(actor, v.id(), pages.locale(), List.of()));
        return pages.localized(Templates.task(pages.chrome(), d));
    }

    private Response renderForm(Form form, int status) {
        return Response.status(status).entity(pages.localized(Templates.form(pages.chrome(), form))).build();
    }

    private Form emptyForm(String card) {
        return new Form(card, "", "", "", "", "", groupOptions(""), Map.of(), null);
    }

    /** The actor's own groups: a task is offered to a group its creator belongs to (the superuser: any). */
    private List<Option> groupOptions(String selected) {
        Actor actor = currentUser.actor();
        List<GroupView> mine = actor.superuser() ? groups.list(actor) : groups.groupViewsOf(actor.userId());
        List<Option> options = new ArrayList<>();
        options.add(new Option("", texts().no_group(), selected == null || selected.isBlank()));
        for (GroupView g : mine) {
            options.add(new Option(String.valueOf(g.id()), g.name(), String.valueOf(g.id()).equals(selected)));
        }
        if (selected != null && !selected.isBlank() && options.stream().noneMatch(Option::selected)) {
            Long id = parseId(selected);
            if (id != null) {
                String name = groups.namesOf(List.of(id)).get(id);
                if (name != null) {
                    options.add(new Option(selected, name, true));
                }
            }
        }
        return options;
    }

    private Row row(TaskInbox.Item i, ZoneId zone, TaskMsg t) {
        String bucket = i.bucket().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Row(i.id(), i.title(), "/tasks/" + i.id(), i.cardKey().orElse(""), i.cardTitle().orElse(""),
                i.assigneeName().orElse(""), i.groupName().orElse(""), Moments.show(i.dueAt(), zone),
                i.dueAt().map(Instant::toString).orElse(""), bucket, bucketLabel(i.bucket(), t),
                i.bucket() == TaskInbox.Bucket.OVERDUE, i.status() == TaskStatus.OPEN && i.assigneeName().isPresent(),
                Moments.show(i.completedAt(), zone));
    }

    private static Event event(TaskEventView e, ZoneId zone, TaskMsg t) {
        String what = switch (e.action()) {
            case CREATED -> t.action_CREATED();
            case EDITED -> t.action_EDITED();
            case ASSIGNED -> t.action_ASSIGNED();
            case REASSIGNED -> t.action_REASSIGNED();
            case CLAIMED -> t.action_CLAIMED();
            case COMPLETED -> t.action_COMPLETED();
            case CANCELLED -> t.action_CANCELLED();
            case REOPENED -> t.action_REOPENED();
        };
        return new Event(e.actor().map(UserRef::displayName).orElse("?"), what,
                e.from().map(UserRef::displayName).orElse(""), e.to().map(UserRef::displayName).orElse(""),
                e.reason(), Moments.show(e.at(), zone));
    }

    static String status(TaskStatus s, TaskMsg t) {
        return switch (s) {
            case OPEN -> t.status_open();
            case DONE -> t.status_done();
            case CANCELLED -> t.status_cancelled();
        };
    }

    private static String bucketLabel(TaskInbox.Bucket b, TaskMsg t) {
        return switch (b) {
            case OVERDUE -> t.bucket_overdue();
            case TODAY -> t.bucket_today();
            case UPCOMING -> t.bucket_upcoming();
            case NO_DUE -> t.bucket_no_due();
            case CLOSED -> t.bucket_closed();
        };
    }

    /** Back to the inbox the action came from (only a local /tasks address), else to the task. */
    private static Response back(String next, long id) {
        return Response.seeOther(URI.create(SafeRedirect.within(next, "/tasks", "/tasks/" + id))).build();
    }

    private String message(ErrorCode code) {
        return ErrorMessages.format(code, Map.of(), pages.locale());
    }

    private static String formField(String field) {
        return switch (field) {
            case "assigneeId" -> "assignee";
            case "candidateGroupId" -> "group";
            default -> field;
        };
    }

    private TaskMsg texts() {
        return TaskTexts.of(pages.locale());
    }

    private ZoneId zone() {
        return Moments.zone(currentUser.require());
    }

    private static Long parseId(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
