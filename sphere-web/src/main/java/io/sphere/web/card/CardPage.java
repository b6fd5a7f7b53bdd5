package io.sphere.web.card;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.card.CardConflictException;
import io.sphere.core.card.CardFilter;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardQuery;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardSort;
import io.sphere.core.card.CardSummary;
import io.sphere.core.card.CardView;
import io.sphere.core.card.CommentView;
import io.sphere.core.card.FieldValueView;
import io.sphere.core.card.Priority;
import io.sphere.core.card.TransitionView;
import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeSummary;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.ErrorMessages;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException;
import io.sphere.core.group.GroupRef;
import io.sphere.core.group.GroupService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;
import io.sphere.web.card.CardForms.Choice;
import io.sphere.web.card.CardForms.FieldInput;
import io.sphere.web.card.Linkified.Segment;
import io.sphere.web.i18n.CardMessages;
import io.sphere.web.i18n.CardMsg;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * The operators' card pages: lists with filters in the URL, the form generated from a card type, a card with its
 * transitions and comments, the edit form with its conflict page. Every decision is core's; a card the person may
 * not view is "not found" on every page and every form here, exactly as a missing one.
 */
@Path("/cards")
@Produces(MediaType.TEXT_HTML)
public class CardPage {

    static final int PAGE_SIZE = 25;
    static final int MAX_PEOPLE = 500;
    private static final Pattern CARD_KEY = Pattern.compile("[A-Z][A-Z0-9]{1,9}-\\d{1,18}");
    /** The form control of the candidate group; also the field core names in its refusals. */
    private static final String GROUP = "candidateGroupId";

    public record Hidden(String name, String value) {
    }

    public record Tab(String id, String label, String href, boolean active) {
    }

    public record Column(String id, String label, String href, String ariaSort) {
    }

    public record Row(String key, String href, String title, String typeName, String stageName, boolean closed,
            String assignee, String priority, String priorityClass, String due, boolean overdue, String updated,
            String updatedIso, String created) {
    }

    public record ListView(List<Tab> tabs, List<Hidden> hidden, String q, String stage, String assignee,
            String overdue, String priority, String createdFrom, String createdTo, String updatedFrom,
            String updatedTo, List<Choice> stages, List<Choice> assignees, List<Choice> priorities,
            List<Choice> overdueChoices, List<FieldInput> fieldFilters, List<String> errors, List<Column> columns,
            boolean showType, List<Row> rows, long total, boolean totalIsLowerBound, String nextHref, String prevHref,
            String resetHref,
            String newHref, String deleted) {
    }

    public record TypeLink(String key, String name, String description, String href) {
    }

    /** One row of the conflict table: the value when the form was opened, the value saved now, the person's input. */
    public record Change(String label, String before, String now, String yours, boolean changed) {
    }

    /**
     * The new-card and edit forms; {@code changes} is non-empty on the conflict page only; {@code groups}: the
     * candidate groups the person may choose (theirs, all for a superuser, and the card's own).
     */
    public record FormView(String mode, String action, String typeKey, String typeName, String key, String title,
            String titleError, List<Choice> priorities, String priorityError, String dueAt, String dueError,
            List<FieldInput> fields, Long version, List<Hidden> originals, List<String> errors, List<Change> changes,
            String cancelHref, int maxTitle, List<Choice> groups, String groupError) {
    }

    public record Shown(String key, String label, String kind, String text, String href, boolean empty) {
    }

    public record CommentRow(long id, String author, String at, String iso, List<Segment> segments) {
    }

    public record TransitionForm(String key, String label, String toName, boolean closes, List<FieldInput> fields,
            boolean failed) {
    }

    public record CardScreen(String key, String title, String typeKey, String typeName, String stageName,
            boolean closed, String priority, String priorityClass, String due, boolean overdue, String assignee,
            String candidateGroup, String createdBy, String createdAt, String updatedBy, String updatedAt,
            List<String> watchers, boolean watching, long version, List<Shown> fields, List<Shown> removedFields,
            List<CommentRow> comments, List<TransitionForm> transitions, boolean canEdit, boolean canDelete,
            boolean canAssign, boolean canTake, boolean canUnassign, List<Choice> assignees, String error,
            String comment, String commentError, int maxComment) {
    }

    public record DeleteView(String key, String title) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Chrome chrome, ListView view);

        static native TemplateInstance chooser(Chrome chrome, List<TypeLink> types);

        static native TemplateInstance form(Chrome chrome, FormView view);

        static native TemplateInstance card(Chrome chrome, CardScreen view);

        static native TemplateInstance delete(Chrome chrome, DeleteView view);
    }

    private final CardService cards;
    private final CardQuery query;
    private final CardTypeService types;
    private final PermissionService permissions;
    private final UserDirectory users;
    private final GroupService groups;
    private final CurrentUser currentUser;
    private final Pages pages;

    CardPage(CardService cards, CardQuery query, CardTypeService types, PermissionService permissions,
            UserDirectory users, GroupService groups, CurrentUser currentUser, Pages pages) {
        this.cards = cards;
        this.query = query;
        this.types = types;
        this.permissions = permissions;
        this.users = users;
        this.groups = groups;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    // ---------------------------------------------------------------- lists

    @GET
    public Response list(UriInfo uri) {
        MultivaluedMap<String, String> raw = uri.getQueryParameters();
        ListParams p = ListParams.of(raw);
        Actor actor = actor();
        CardMsg msg = msg();
        UserTime time = time();
        List<String> errors = new ArrayList<>();
        List<CardTypeSummary> mine = types.list(actor);
        List<CardTypeSummary> visible = mine.stream().filter(t -> t.actions().contains(Action.VIEW)).toList();

        CardTypeView type = null;
        if (p.has("type")) {
            type = visible.stream().filter(t -> t.key().equals(p.get("type"))).findFirst()
                    .map(t -> types.get(actor, t.key())).orElse(null);
            if (type == null) {
                errors.add(msg.filter_type() + ": " + msg.filter_type_unknown(p.get("type")));
            }
        }
        CardFilter.Scope scope = switch (p.get("scope")) {
            case "", "all" -> CardFilter.Scope.ALL_VISIBLE;
            case "assigned" -> CardFilter.Scope.ASSIGNED_TO_ME;
            case "watching" -> CardFilter.Scope.WATCHING;
            case "groups" -> CardFilter.Scope.MY_GROUPS;
            default -> {
                errors.add(msg.filter_scope() + ": " + msg.filter_invalid(p.get("scope")));
                yield CardFilter.Scope.ALL_VISIBLE;
            }
        };
        CardFilter filter = CardFilter.all().scope(scope).type(type == null ? null : type.key()).text(
                blankToNull(p.get("q")));
        if (p.has("stage")) {
            if (type != null && type.definition().stage(p.get("stage")).isEmpty()) {
                errors.add(msg.filter_stage() + ": " + msg.filter_invalid(p.get("stage")));
            }
            filter = filter.stage(p.get("stage"));
        }
        if (p.has("assignee")) {
            String a = p.get("assignee");
            if ("me".equals(a)) {
                filter = filter.assignee(actor.userId());
            } else if (a.matches("\\d{1,18}")) {
                filter = filter.assignee(Long.valueOf(a));
            } else {
                errors.add(msg.filter_assignee() + ": " + msg.filter_invalid(a));
            }
        }
        if (p.has("overdue")) {
            switch (p.get("overdue")) {
                case "true" -> filter = filter.overdue(true);
                case "false" -> filter = filter.overdue(false);
                default -> errors.add(msg.filter_overdue() + ": " + msg.filter_invalid(p.get("overdue")));
            }
        }
        if (p.has("open")) {
            switch (p.get("open")) {
                case "true" -> filter = filter.open(true);
                case "false" -> filter = filter.open(false);
                default -> errors.add(msg.filter_open() + ": " + msg.filter_invalid(p.get("open")));
            }
        }
        if (p.has("priority")) {
            Optional<Priority> pr = priority(p.get("priority"));
            if (pr.isPresent()) {
                filter = filter.priority(pr.get());
            } else {
                errors.add(msg.filter_priority() + ": " + msg.filter_invalid(p.get("priority")));
            }
        }
        String hint = msg.filter_date_hint();
        Instant createdFrom = day(p, "createdFrom", false, msg.filter_created_from(), hint, time, errors);
        Instant createdTo = day(p, "createdTo", true, msg.filter_created_to(), hint, time, errors);
        Instant updatedFrom = day(p, "updatedFrom", false, msg.filter_updated_from(), hint, time, errors);
        Instant updatedTo = day(p, "updatedTo", true, msg.filter_updated_to(), hint, time, errors);
        filter = filter.created(createdFrom, createdTo).updated(updatedFrom, updatedTo);
        Map<String, String> fieldFilters = p.fields();
        if (!fieldFilters.isEmpty() && !p.has("type")) {
            errors.add(msg.filter_field_needs_type());
        }
        for (var e : fieldFilters.entrySet()) {
            Optional<FieldDefinition> f = type == null ? Optional.empty() : type.definition().field(e.getKey());
            if (type != null && f.isEmpty()) {
                errors.add(msg.filter_field_unknown(e.getKey()));
                continue;
            }
            Object value = e.getValue();
            if (f.isPresent() && f.get().kind() == FieldKind.DATE_TIME) {
                value = time.parse(e.getValue()).map(Instant::toString).orElse(e.getValue());
            }
            filter = filter.field(e.getKey(), value);
        }
        CardSort sort = CardSort.DEFAULT;
        try {
            sort = CardSort.parse(p.get("sort"));
        } catch (SphereException e) {
            errors.add(msg.filter_sort() + ": " + msg.filter_invalid(p.get("sort")));
        }

        List<Row> rows = List.of();
        long total = 0;
        boolean totalIsLowerBound = false;
        String nextHref = null;
        String prevHref = null;
        if (errors.isEmpty()) {
            String cursor = blankToNull(raw.getFirst("cursor"));
            String before = blankToNull(raw.getFirst("before"));
            try {
                io.sphere.core.card.CardPage page = before != null
                        ? query.listBefore(actor, filter, sort, before, PAGE_SIZE)
                        : query.list(actor, filter, sort, Optional.ofNullable(cursor), PAGE_SIZE);
                rows = page.items().stream().map(c -> row(c, msg, time)).toList();
                total = page.total();
                totalIsLowerBound = page.totalIsLowerBound();
                nextHref = page.nextCursor().map(c -> p.href("cursor", c)).orElse(null);
                prevHref = page.previousCursor().map(c -> p.href("before", c)).orElse(null);
            } catch (SphereException e) {
                errors.add(filterLabel(e.field(), type, msg) + ": " + ErrorMessages.of(e, pages.locale()));
            }
        }

        List<Tab> tabs = new ArrayList<>();
        boolean typed = p.has("type");
        tabs.add(new Tab("tab-all", msg.tab_all(), "/cards", !typed && scope == CardFilter.Scope.ALL_VISIBLE));
        tabs.add(new Tab("tab-assigned", msg.tab_assigned(), "/cards?scope=assigned",
                !typed && scope == CardFilter.Scope.ASSIGNED_TO_ME));
        tabs.add(new Tab("tab-watching", msg.tab_watching(), "/cards?scope=watching",
                !typed && scope == CardFilter.Scope.WATCHING));
        // the inbox: open cards offered to my groups (issue 8 measures it at 1M cards)
        tabs.add(new Tab("tab-groups", msg.tab_groups(), "/cards?scope=groups&open=true",
                !typed && scope == CardFilter.Scope.MY_GROUPS));
        for (CardTypeSummary t : visible) {
            tabs.add(new Tab("tab-type-" + t.key(), t.name(), "/cards?type=" + enc(t.key()),
                    typed && t.key().equals(p.get("type"))));
        }

        List<Hidden> hidden = new ArrayList<>();
        for (String name : List.of("scope", "type", "sort", "open")) {
            if (p.has(name)) {
                hidden.add(new Hidden(name, p.get(name)));
            }
        }
        List<Choice> stages = new ArrayList<>();
        List<FieldInput> fieldInputs = List.of();
        List<Choice> assigneeChoices = new ArrayList<>();
        assigneeChoices.add(new Choice("me", msg.filter_assignee_me(), "me".equals(p.get("assignee"))));
        if (type != null) {
            for (StageDefinition s : type.definition().stages()) {
                stages.add(new Choice(s.key(), s.name(), s.key().equals(p.get("stage"))));
            }
            List<UserRef> people = people(type.id());
            for (UserRef u : people) {
                String id = String.valueOf(u.id());
                assigneeChoices.add(new Choice(id, u.displayName(), id.equals(p.get("assignee"))));
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            fieldFilters.forEach((k, v) -> values.put(k, List.of(v)));
            fieldInputs = CardForms.inputs(type.definition().activeFields(), values, Map.of(), people, msg,
                    "filter-field-").stream()
                    .map(f -> new FieldInput(f.key(), "field." + f.key(), f.id(), f.label(), f.kind(),
                            f.control().equals("checkboxes")
                                    ? "select"
                                    : f.control().equals("textarea")
                                            ? "input"
                                            : f.control(),
                            f.inputType(), f.step(), false, null, f.value(), f.choices(), null, null))
                    .toList();
        } else if (p.has("stage")) {
            stages.add(new Choice(p.get("stage"), p.get("stage"), true));
        }
        if (p.get("assignee").matches("\\d{1,18}") && assigneeChoices.stream().noneMatch(Choice::selected)) {
            assigneeChoices.add(new Choice(p.get("assignee"), "#" + p.get("assignee"), true));
        }
        List<Choice> priorities = priorityChoices(msg, p.get("priority").toUpperCase(Locale.ROOT));
        List<Choice> overdue = List.of(new Choice("true", msg.yes(), "true".equals(p.get("overdue"))),
                new Choice("false", msg.no(), "false".equals(p.get("overdue"))));

        List<Column> columns = new ArrayList<>();
        columns.add(column("key", msg.col_key(), CardSort.Column.KEY, sort, p));
        columns.add(column("title", msg.col_title(), CardSort.Column.TITLE, sort, p));
        if (!typed) {
            columns.add(column("type", msg.col_type(), CardSort.Column.TYPE, sort, p));
        }
        columns.add(column("stage", msg.col_stage(), CardSort.Column.STAGE, sort, p));
        columns.add(column("assignee", msg.col_assignee(), CardSort.Column.ASSIGNEE, sort, p));
        columns.add(column("priority", msg.col_priority(), CardSort.Column.PRIORITY, sort, p));
        columns.add(column("due", msg.col_due(), CardSort.Column.DUE, sort, p));
        columns.add(column("created", msg.col_created(), CardSort.Column.CREATED, sort, p));
        columns.add(column("updated", msg.col_updated(), CardSort.Column.UPDATED, sort, p));

        boolean mayCreate = mine.stream().anyMatch(t -> t.actions().contains(Action.CREATE));
        String newHref = !mayCreate
                ? null
                : type != null && permissions.can(actor, type.id(), Action.CREATE)
                        ? "/cards/new?type=" + enc(type.key())
                        : "/cards/new";
        String deleted = Optional.ofNullable(raw.getFirst("deleted")).filter(d -> CARD_KEY.matcher(d).matches())
                .orElse(null);
        String reset = typed
                ? "/cards?type=" + enc(p.get("type"))
                : p.has("scope") ? "/cards?scope=" + enc(p.get("scope")) : "/cards";
        ListView view = new ListView(tabs, hidden, p.get("q"), p.get("stage"), p.get("assignee"), p.get("overdue"),
                p.get("priority"), p.get("createdFrom"), p.get("createdTo"), p.get("updatedFrom"),
                p.get("updatedTo"), stages, assigneeChoices, priorities, overdue, fieldInputs, errors, columns,
                !typed, rows, total, totalIsLowerBound, nextHref, prevHref, reset, newHref, deleted);
        return Response.status(errors.isEmpty() ? 200 : 400)
                .entity(pages.localized(Templates.list(pages.chrome(), view))).build();
    }

    private Row row(CardSummary c, CardMsg msg, UserTime time) {
        return new Row(c.key(), "/cards/" + c.key(), c.title(), c.typeName(), c.stageName(), c.closed(),
                c.assignee().map(UserRef::displayName).orElse(null), priorityLabel(c.priority(), msg),
                c.priority().name().toLowerCase(Locale.ROOT), c.dueAt().map(time::show).orElse(null), c.overdue(),
                time.show(c.updatedAt()), c.updatedAt().toString(), time.show(c.createdAt()));
    }

    private static Column column(String id, String label, CardSort.Column column, CardSort sort, ListParams p) {
        boolean current = sort.column() == column;
        String name = column.name().toLowerCase(Locale.ROOT);
        // a click on the current column flips it; a new column starts with the direction people expect of it
        String next = current
                ? (sort.descending() ? name : "-" + name)
                : (column == CardSort.Column.UPDATED || column == CardSort.Column.CREATED
                        || column == CardSort.Column.PRIORITY ? "-" + name : name);
        return new Column(id, label, p.href("sort", next, "cursor", null, "before", null),
                current ? (sort.descending() ? "descending" : "ascending") : null);
    }

    private static String filterLabel(String field, CardTypeView type, CardMsg msg) {
        if (field == null) {
            return msg.filter_title();
        }
        if (field.startsWith("field.") && type != null) {
            return type.definition().field(field.substring("field.".length())).map(FieldDefinition::label)
                    .orElse(field);
        }
        return switch (field) {
            case "cursor" -> msg.filter_cursor();
            case "sort" -> msg.filter_sort();
            case "type" -> msg.filter_type();
            default -> field;
        };
    }

    private static Instant day(ListParams p, String name, boolean end, String label, String hint, UserTime time,
            List<String> errors) {
        if (!p.has(name)) {
            return null;
        }
        Optional<Instant> at = time.day(p.get(name), end);
        if (at.isEmpty()) {
            errors.add(label + ": " + hint);
            return null;
        }
        return at.get();
    }

    // ---------------------------------------------------------------- new card

    @GET
    @Path("/new")
    public TemplateInstance newCard(@RestQuery String type) {
        Actor actor = actor();
        if (type == null || type.isBlank()) {
            List<TypeLink> links = types.list(actor).stream().filter(t -> t.actions().contains(Action.CREATE))
                    .map(t -> new TypeLink(t.key(), t.name(), t.description(), "/cards/new?type=" + enc(t.key())))
                    .toList();
            return pages.localized(Templates.chooser(pages.chrome(), links));
        }
        CardTypeView t = creatable(actor, type.strip());
        return pages.localized(Templates.form(pages.chrome(), newForm(t, CardForms.defaults(t.definition()), "",
                Priority.NORMAL.name(), "", "", Map.of(), List.of())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        Actor actor = actor();
        CardTypeView t = creatable(actor, Objects.requireNonNullElse(form.getFirst("type"), "").strip());
        Map<String, List<String>> posted = CardForms.posted(form);
        String title = Objects.requireNonNullElse(form.getFirst("title"), "");
        String priority = Objects.requireNonNullElse(form.getFirst("priority"), "");
        String due = Objects.requireNonNullElse(form.getFirst("dueAt"), "");
        String group = Objects.requireNonNullElse(form.getFirst(GROUP), "");
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Priority> pr = formPriority(priority, errors);
        Optional<Instant> dueAt = formDue(due, errors);
        CardInput input = new CardInput(title, CardForms.toCore(t.definition(), posted, time()), pr.orElse(null),
                dueAt.orElse(null), formGroup(group, errors).orElse(null), null);
        try {
            if (!errors.isEmpty()) {
                throw new ValidationException(ErrorCode.VALIDATION_FAILED, cards.problemsOfNew(actor, t.key(),
                        input));
            }
            CardView created = cards.create(actor, t.key(), input);
            return Response.seeOther(URI.create("/cards/" + created.key())).build();
        } catch (ValidationException e) {
            collect(e, errors);
            List<String> general = general(errors, t.definition());
            FormView view = newForm(t, posted, title, priority, due, group, errors, general);
            return Response.status(422).entity(pages.localized(Templates.form(pages.chrome(), view))).build();
        }
    }

    private FormView newForm(CardTypeView t, Map<String, List<String>> values, String title, String priority,
            String due, String group, Map<String, String> errors, List<String> general) {
        CardMsg msg = msg();
        List<FieldInput> fields = CardForms.inputs(t.definition().activeFields(), values, errors, people(t.id()), msg,
                "field-");
        return new FormView("new", "/cards", t.key(), t.name(), null, title, errors.get("title"),
                priorityChoices(msg, priority), errors.get("priority"), due, errors.get("dueAt"), fields, null,
                List.of(), general, List.of(), "/cards?type=" + enc(t.key()), CardService.MAX_TITLE,
                groupChoices(msg, group, null), errors.get(GROUP));
    }

    private CardTypeView creatable(Actor actor, String key) {
        CardTypeView t = types.get(actor, key);
        if (!permissions.can(actor, t.id(), Action.CREATE)) {
            if (!permissions.can(actor, t.id(), Action.VIEW)) {
                throw new SphereException(ErrorCode.CARD_TYPE_NOT_FOUND);
            }
            throw new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", Action.CREATE.name()));
        }
        return t;
    }

    // ---------------------------------------------------------------- one card

    @GET
    @Path("/{key}")
    public TemplateInstance show(@PathParam("key") String key) {
        return screen(cards.get(actor(), key), null, null, Map.of(), Map.of(), "", null);
    }

    @POST
    @Path("/{key}/transitions/{transition}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("key") String key, @PathParam("transition") String transition,
            MultivaluedMap<String, String> form) {
        Actor actor = actor();
        CardView card = cards.get(actor, key);
        Map<String, List<String>> posted = CardForms.posted(form);
        CardTypeDefinition def = types.byIds(List.of(card.typeId())).get(card.typeId()).definition();
        try {
            cards.transition(actor, key, version(form), transition, CardForms.toCore(def, posted, time()));
            return back(key);
        } catch (SphereException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (e instanceof ValidationException v) {
                collect(v, errors);
            }
            StringBuilder message = new StringBuilder(ErrorMessages.of(e, pages.locale()));
            if (e instanceof ValidationException v) {
                // fields this transition does not ask for have no control on the page: name them in the message
                v.errors().stream().filter(f -> f.code() == ErrorCode.FIELD_UNKNOWN).forEach(f -> message
                        .append(' ').append(ErrorMessages.format(f.code(), f.args(), pages.locale())));
            }
            CardView now = cards.get(actor, key);
            return Response.status(e.code().httpStatus())
                    .entity(screen(now, message.toString(), transition, posted, errors, "", null)).build();
        }
    }

    @POST
    @Path("/{key}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        String raw = Objects.requireNonNullElse(form.getFirst("assignee"), "").strip();
        Long userId = null;
        if (!raw.isEmpty()) {
            if (!raw.matches("\\d{1,18}")) {
                return refused(key, new SphereException(ErrorCode.ASSIGNEE_UNKNOWN, "assigneeId", Map.of()));
            }
            userId = Long.valueOf(raw);
        }
        return assignTo(key, userId);
    }

    @POST
    @Path("/{key}/take")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response take(@PathParam("key") String key) {
        return assignTo(key, actor().userId());
    }

    @POST
    @Path("/{key}/unassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unassign(@PathParam("key") String key) {
        return assignTo(key, null);
    }

    private Response assignTo(String key, Long userId) {
        try {
            cards.assign(actor(), key, userId);
            return back(key);
        } catch (SphereException e) {
            return refused(key, e);
        }
    }

    @POST
    @Path("/{key}/watch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response watch(@PathParam("key") String key) {
        cards.watch(actor(), key);
        return back(key);
    }

    @POST
    @Path("/{key}/unwatch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unwatch(@PathParam("key") String key) {
        cards.unwatch(actor(), key);
        return back(key);
    }

    @POST
    @Path("/{key}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        String text = Objects.requireNonNullElse(form.getFirst("text"), "");
        try {
            cards.comment(actor(), key, text);
            return back(key);
        } catch (SphereException e) {
            if (e.code() == ErrorCode.CARD_NOT_FOUND) {
                throw e;
            }
            return Response.status(e.code().httpStatus()).entity(screen(cards.get(actor(), key), null, null,
                    Map.of(), Map.of(), text, ErrorMessages.of(e, pages.locale()))).build();
        }
    }

    @GET
    @Path("/{key}/delete")
    public TemplateInstance confirmDelete(@PathParam("key") String key) {
        Actor actor = actor();
        CardView card = cards.get(actor, key);
        permissions.require(actor, card.typeId(), Action.DELETE);
        return pages.localized(Templates.delete(pages.chrome(), new DeleteView(card.key(), card.title())));
    }

    @POST
    @Path("/{key}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("key") String key) {
        CardView card = cards.get(actor(), key);
        cards.delete(actor(), key);
        return Response.seeOther(URI.create("/cards?type=" + enc(card.typeKey()) + "&deleted=" + enc(card.key())))
                .build();
    }

    private Response back(String key) {
        return Response.seeOther(URI.create("/cards/" + enc(key))).build();
    }

    private Response refused(String key, SphereException e) {
        if (e.code() == ErrorCode.CARD_NOT_FOUND) {
            throw e;
        }
        return Response.status(e.code().httpStatus()).entity(screen(cards.get(actor(), key),
                ErrorMessages.of(e, pages.locale()), null, Map.of(), Map.of(), "", null)).build();
    }

    private TemplateInstance screen(CardView c, String error, String failedTransition,
            Map<String, List<String>> posted, Map<String, String> fieldErrors, String comment,
            String commentError) {
        Actor actor = actor();
        CardMsg msg = msg();
        UserTime time = time();
        CardTypeView type = types.byIds(List.of(c.typeId())).get(c.typeId());
        CardTypeDefinition def = type.definition();
        Set<Action> can = permissions.actions(actor, c.typeId());
        List<UserRef> assignable = cards.assignees(actor, c.key(), MAX_PEOPLE);
        Map<String, List<String>> current = CardForms.formValues(c, time);

        List<TransitionForm> transitions = new ArrayList<>();
        for (TransitionView t : c.transitions()) {
            boolean failed = t.key().equals(failedTransition);
            List<String> asked = failed
                    ? t.requiredFields().stream()
                            .filter(f -> t.missingFields().contains(f) || fieldErrors.containsKey(f)).toList()
                    : t.missingFields();
            List<FieldDefinition> defs = asked.stream().map(def::field).flatMap(Optional::stream).toList();
            Map<String, List<String>> values = new LinkedHashMap<>(current);
            if (failed) {
                values.putAll(posted);
            }
            transitions.add(new TransitionForm(t.key(), t.label(), t.toName(), t.closes(),
                    CardForms.inputs(defs, values, failed ? fieldErrors : Map.of(), assignable, msg,
                            "t-" + t.key() + "-"),
                    failed));
        }
        boolean mine = c.assignee().map(u -> u.id() == actor.userId()).orElse(false);
        boolean edit = can.contains(Action.EDIT);
        boolean transition = can.contains(Action.TRANSITION);
        boolean canTake = !mine && (edit || (transition && c.assignee().isEmpty()));
        boolean canUnassign = c.assignee().isPresent() && (edit || (transition && mine));
        List<Choice> assignees = assignable.stream().map(u -> new Choice(String.valueOf(u.id()),
                u.displayName() + " <" + u.email() + ">",
                c.assignee().map(a -> a.id() == u.id()).orElse(false))).toList();
        List<CommentRow> comments = cards.comments(actor, c.key()).stream().map(v -> commentRow(v, msg, time))
                .toList();
        CardScreen view = new CardScreen(c.key(), c.title(), c.typeKey(), c.typeName(), c.stageName(), c.closed(),
                priorityLabel(c.priority(), msg), c.priority().name().toLowerCase(Locale.ROOT),
                c.dueAt().map(time::show).orElse(null), c.overdue(),
                c.assignee().map(UserRef::displayName).orElse(null),
                c.candidateGroup().map(GroupRef::name).orElse(null),
                c.createdBy().map(UserRef::displayName).orElse(""), time.show(c.createdAt()),
                c.updatedBy().map(UserRef::displayName).orElse(""), time.show(c.updatedAt()),
                c.watchers().stream().map(UserRef::displayName).toList(), c.watching(), c.version(),
                c.fields().stream().map(f -> shown(f, msg, time)).toList(),
                c.removedFields().stream().map(f -> shown(f, msg, time)).toList(), comments, transitions, edit,
                can.contains(Action.DELETE), edit, canTake, canUnassign, assignees, error, comment, commentError,
                CardService.MAX_COMMENT);
        return pages.localized(Templates.card(pages.chrome(), view));
    }

    private static CommentRow commentRow(CommentView v, CardMsg msg, UserTime time) {
        return new CommentRow(v.id(), v.author().map(UserRef::displayName).orElse(msg.someone()),
                time.show(v.createdAt()), v.createdAt().toString(), Linkified.of(v.text()));
    }

    private static Shown shown(FieldValueView f, CardMsg msg, UserTime time) {
        String kind = f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (f.value() == null) {
            return new Shown(f.key(), f.label(), kind, "", null, true);
        }
        String text = switch (f.kind()) {
            case BOOLEAN -> Boolean.TRUE.equals(f.value()) ? msg.yes() : msg.no();
            case DATE_TIME -> {
                try {
                    yield time.show(Instant.parse(f.display()));
                } catch (RuntimeException e) {
                    yield f.display();
                }
            }
            default -> f.display();
        };
        String href = switch (f.kind()) {
            case URL -> text.startsWith("http://") || text.startsWith("https://") ? text : null;
            case EMAIL -> "mailto:" + text;
            default -> null;
        };
        return new Shown(f.key(), f.label(), kind, text, href, false);
    }

    // ---------------------------------------------------------------- edit and conflict

    @GET
    @Path("/{key}/edit")
    public TemplateInstance edit(@PathParam("key") String key) {
        Actor actor = actor();
        CardView c = cards.get(actor, key);
        permissions.require(actor, c.typeId(), Action.EDIT);
        CardTypeView t = types.byIds(List.of(c.typeId())).get(c.typeId());
        UserTime time = time();
        Map<String, List<String>> values = CardForms.formValues(c, time);
        String due = c.dueAt().map(time::input).orElse("");
        return pages.localized(Templates.form(pages.chrome(), editForm("edit", t, c, values, c.title(),
                c.priority().name(), due, groupValue(c), Map.of(), List.of(), List.of())));
    }

    @POST
    @Path("/{key}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        Actor actor = actor();
        CardView c = cards.get(actor, key);
        CardTypeView t = types.byIds(List.of(c.typeId())).get(c.typeId());
        Map<String, List<String>> posted = CardForms.posted(form);
        String title = Objects.requireNonNullElse(form.getFirst("title"), "");
        String priority = Objects.requireNonNullElse(form.getFirst("priority"), "");
        String due = Objects.requireNonNullElse(form.getFirst("dueAt"), "");
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Priority> pr = formPriority(priority, errors);
        Optional<Instant> dueAt = formDue(due, errors);
        // a form without the control (an older page) leaves the group as it is
        String group = form.containsKey(GROUP) ? Objects.requireNonNullElse(form.getFirst(GROUP), "") : groupValue(c);
        UserTime time = time();
        Map<String, List<String>> changed = untouchedLeftOut(posted, CardForms.formValues(c, time));
        CardInput input = new CardInput(title, CardForms.toCore(t.definition(), changed, time), pr.orElse(null),
                dueAt.orElse(null), formGroup(group, errors).orElse(null), null);
        try {
            long version = version(form);
            if (!errors.isEmpty()) {
                throw new ValidationException(ErrorCode.VALIDATION_FAILED, cards.problemsOfUpdate(actor, key,
                        input));
            }
            cards.update(actor, key, version, input);
            return back(c.key());
        } catch (CardConflictException e) {
            CardView now = e.current();
            List<Change> changes = changes(t.definition(), form, now, posted, title, priority, due, time);
            Map<String, String> none = Map.of();
            FormView view = editForm("conflict", t, now, posted, title, priority, due, group, none,
                    List.of(ErrorMessages.of(e, pages.locale())), changes);
            return Response.status(409).entity(pages.localized(Templates.form(pages.chrome(), view))).build();
        } catch (ValidationException e) {
            collect(e, errors);
            FormView view = editForm("edit", t, c, posted, title, priority, due, group, errors,
                    general(errors, t.definition()), List.of());
            FormView kept = new FormView(view.mode(), view.action(), view.typeKey(), view.typeName(), view.key(),
                    view.title(), view.titleError(), view.priorities(), view.priorityError(), view.dueAt(),
                    view.dueError(), view.fields(), versionOr(form, c.version()), originals(form), view.errors(),
                    view.changes(), view.cancelHref(), view.maxTitle(), view.groups(), view.groupError());
            return Response.status(422).entity(pages.localized(Templates.form(pages.chrome(), kept))).build();
        }
    }

    /**
     * The form for {@code card} as it is saved now: its version and its values as the originals the next conflict
     * is measured against, filled with {@code values} (the saved ones, or the person's input to keep).
     */
    private FormView editForm(String mode, CardTypeView t, CardView card, Map<String, List<String>> values,
            String title, String priority, String due, String group, Map<String, String> errors, List<String> general,
            List<Change> changes) {
        CardMsg msg = msg();
        UserTime time = time();
        List<FieldInput> fields = CardForms.inputs(t.definition().activeFields(), values, errors,
                people(t.id()), msg, "field-");
        List<Hidden> originals = new ArrayList<>();
        originals.add(new Hidden("o.title", card.title()));
        originals.add(new Hidden("o.priority", card.priority().name()));
        originals.add(new Hidden("o.dueAt", card.dueAt().map(time::input).orElse("")));
        CardForms.formValues(card, time).forEach((k, list) -> {
            if (list.isEmpty()) {
                originals.add(new Hidden("o.f." + k, ""));
            }
            list.forEach(v -> originals.add(new Hidden("o.f." + k, v)));
        });
        return new FormView(mode, "/cards/" + card.key() + "/edit", t.key(), t.name(), card.key(), title,
                errors.get("title"), priorityChoices(msg, priority), errors.get("priority"), due,
                errors.get("dueAt"), fields, card.version(), originals, general, changes, "/cards/" + card.key(),
                CardService.MAX_TITLE, groupChoices(msg, group, card.candidateGroup().orElse(null)),
                errors.get(GROUP));
    }

    private static String groupValue(CardView card) {
        return card.candidateGroup().map(g -> String.valueOf(g.id())).orElse("");
    }

    /**
     * "None", the groups the person belongs to (every group for a superuser), the card's own group, and the one just
     * chosen even if refused, so that the form comes back as it was sent.
     */
    private List<Choice> groupChoices(CardMsg msg, String chosen, GroupRef current) {
        Actor actor = actor();
        Map<Long, String> usable = new LinkedHashMap<>();
        (actor.superuser() ? groups.list(actor) : groups.groupViewsOf(actor.userId()))
                .forEach(g -> usable.put(g.id(), g.name()));
        if (current != null) {
            usable.putIfAbsent(current.id(), current.name());
        }
        List<Choice> list = new ArrayList<>();
        list.add(new Choice("", msg.group_none(), chosen.isBlank()));
        usable.forEach((id, name) -> list.add(new Choice(String.valueOf(id), name, String.valueOf(id).equals(
                chosen.strip()))));
        if (!chosen.isBlank() && list.stream().noneMatch(Choice::selected)) {
            Long id = parseId(chosen);
            String name = id == null ? null : groups.namesOf(List.of(id)).get(id);
            list.add(new Choice(chosen.strip(), name == null ? chosen.strip() : name, true));
        }
        return list;
    }

    private Optional<Long> formGroup(String raw, Map<String, String> errors) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        Long id = parseId(raw);
        if (id == null) {
            errors.put(GROUP, ErrorMessages.format(ErrorCode.CANDIDATE_GROUP_UNKNOWN, Map.of("id", raw.strip()),
                    pages.locale()));
        }
        return Optional.ofNullable(id);
    }

    private static Long parseId(String raw) {
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The posted fields whose value differs from the saved one: a field left as it was is not sent, so that saving
     * never rewrites it (a date-time the form shows to the minute keeps its seconds).
     */
    private static Map<String, List<String>> untouchedLeftOut(Map<String, List<String>> posted,
            Map<String, List<String>> saved) {
        Map<String, List<String>> changed = new LinkedHashMap<>();
        posted.forEach((k, v) -> {
            if (!saved.containsKey(k) || !saved.get(k).equals(v)) {
                changed.put(k, v);
            }
        });
        return changed;
    }

    private static List<Hidden> originals(MultivaluedMap<String, String> form) {
        List<Hidden> list = new ArrayList<>();
        form.forEach((name, values) -> {
            if (name.startsWith("o.")) {
                values.forEach(v -> list.add(new Hidden(name, v)));
            }
        });
        return list;
    }

    private List<Change> changes(CardTypeDefinition def, MultivaluedMap<String, String> form, CardView now,
            Map<String, List<String>> posted, String title, String priority, String due, UserTime time) {
        CardMsg msg = msg();
        List<Change> changes = new ArrayList<>();
        changes.add(change(msg.field_title(), List.of(first(form, "o.title")), List.of(now.title()),
                List.of(title), v -> v));
        changes.add(change(msg.field_priority(), List.of(first(form, "o.priority")),
                List.of(now.priority().name()), List.of(priority), v -> priority(v).map(p -> priorityLabel(p, msg))
                        .orElse(v)));
        changes.add(change(msg.field_due(), List.of(first(form, "o.dueAt")),
                List.of(now.dueAt().map(time::input).orElse("")), List.of(due), v -> v.replace('T', ' ')));
        Map<String, List<String>> current = CardForms.formValues(now, time);
        Map<Long, String> names = new LinkedHashMap<>();
        for (FieldDefinition f : def.activeFields()) {
            List<String> before = Optional.ofNullable(form.get("o.f." + f.key())).orElse(List.of()).stream()
                    .filter(s -> !s.isEmpty()).toList();
            changes.add(change(f.label(), before, current.getOrDefault(f.key(), List.of()),
                    posted.getOrDefault(f.key(), List.of()), v -> display(f, v, msg, names)));
        }
        return changes;
    }

    private static Change change(String label, List<String> before, List<String> now, List<String> yours,
            java.util.function.UnaryOperator<String> show) {
        List<String> b = before.stream().filter(s -> s != null && !s.isBlank()).toList();
        List<String> n = now.stream().filter(s -> s != null && !s.isBlank()).toList();
        List<String> y = yours.stream().filter(s -> s != null && !s.isBlank()).toList();
        return new Change(label, String.join(", ", b.stream().map(show).toList()),
                String.join(", ", n.stream().map(show).toList()), String.join(", ", y.stream().map(show).toList()),
                !b.equals(n));
    }

    /** A form value as people read it: option labels, yes/no, people's names. */
    private String display(FieldDefinition f, String value, CardMsg msg, Map<Long, String> names) {
        return switch (f.kind()) {
            case SINGLE_SELECT, MULTI_SELECT -> f.option(value).map(o -> o.label()).orElse(value);
            case BOOLEAN -> "true".equals(value) ? msg.yes() : "false".equals(value) ? msg.no() : value;
            case USER -> {
                if (!value.matches("\\d{1,18}")) {
                    yield value;
                }
                long id = Long.parseLong(value);
                yield names.computeIfAbsent(id, i -> Optional.ofNullable(users.refs(List.of(i)).get(i))
                        .map(UserRef::displayName).orElse("#" + i));
            }
            case DATE_TIME -> value.replace('T', ' ');
            default -> value;
        };
    }

    // ---------------------------------------------------------------- shared

    private List<UserRef> people(long typeId) {
        Map<Long, UserRef> refs = users.refs(permissions.activeUserIdsWith(typeId, Action.VIEW, MAX_PEOPLE));
        return refs.values().stream().sorted(java.util.Comparator.comparing(UserRef::displayName,
                String.CASE_INSENSITIVE_ORDER).thenComparing(UserRef::email)).toList();
    }

    private void collect(ValidationException e, Map<String, String> errors) {
        Locale locale = pages.locale();
        for (ValidationException.FieldError f : e.errors()) {
            errors.putIfAbsent(f.field(), ErrorMessages.format(f.code(), f.args(), locale));
        }
    }

    /** Messages of problems that have no control on the form (an unknown field sent by hand). */
    private static List<String> general(Map<String, String> errors, CardTypeDefinition def) {
        List<String> list = new ArrayList<>();
        errors.forEach((field, message) -> {
            boolean onForm = Set.of("title", "priority", "dueAt", GROUP).contains(field)
                    || def.field(field).filter(f -> !f.removed()).isPresent();
            if (!onForm) {
                list.add(message);
            }
        });
        return list;
    }

    private Optional<Priority> formPriority(String raw, Map<String, String> errors) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        Optional<Priority> p = priority(raw);
        if (p.isEmpty()) {
            errors.put("priority", msg().priority_invalid());
        }
        return p;
    }

    private Optional<Instant> formDue(String raw, Map<String, String> errors) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        Optional<Instant> at = time().parse(raw);
        if (at.isEmpty()) {
            errors.put("dueAt", ErrorMessages.format(ErrorCode.FIELD_NOT_DATE_TIME, Map.of(), pages.locale()));
        }
        return at;
    }

    private static Optional<Priority> priority(String raw) {
        try {
            return Optional.of(Priority.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<Choice> priorityChoices(CardMsg msg, String chosen) {
        List<Choice> list = new ArrayList<>();
        for (Priority p : Priority.values()) {
            list.add(new Choice(p.name(), priorityLabel(p, msg), p.name().equals(chosen)));
        }
        return list;
    }

    static String priorityLabel(Priority p, CardMsg msg) {
        return switch (p) {
            case LOW -> msg.priority_low();
            case NORMAL -> msg.priority_normal();
            case HIGH -> msg.priority_high();
            case URGENT -> msg.priority_urgent();
        };
    }

    /** The version the form was read at; a missing or mangled one can only be stale. */
    private static long version(MultivaluedMap<String, String> form) {
        return versionOr(form, -1L);
    }

    private static long versionOr(MultivaluedMap<String, String> form, long otherwise) {
        String v = form.getFirst("version");
        return v != null && v.strip().matches("\\d{1,18}") ? Long.parseLong(v.strip()) : otherwise;
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        return Objects.requireNonNullElse(form.getFirst(name), "");
    }

    private Actor actor() {
        return currentUser.actor();
    }

    private CardMsg msg() {
        return CardMessages.of(pages.locale());
    }

    private UserTime time() {
        return UserTime.of(currentUser.require());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
