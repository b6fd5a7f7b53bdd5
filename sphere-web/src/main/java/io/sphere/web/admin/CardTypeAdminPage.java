package io.sphere.web.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeExchange;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeSummary;
import io.sphere.core.cardtype.CardTypeVersionView;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;
import io.sphere.web.error.Messages;
import io.sphere.web.i18n.AdminMsg;
import io.sphere.web.i18n.AdminTexts;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * Card types for their administrators: the list, the editor (create, or save a new version), the workflow
 * diagram, the version history, export and import, and the permission matrix. Core decides who may do what: this
 * page only asks it.
 */
@Path("/admin/card-types")
@Produces(MediaType.TEXT_HTML)
public class CardTypeAdminPage {

    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

    public record Item(String key, String name, String description, boolean administers) {
    }

    public record ListView(List<Item> types, boolean mayCreate, String notice) {
    }

    public record Choice(String value, String label) {
    }

    public record VersionRow(int version, String savedAt, String savedBy, int fields, int stages, int transitions) {
    }

    /** Everything the editor shows; {@code *Error} are messages next to the part at fault. */
    public record Editor(boolean creating, String action, String key, String name, String description, long version,
            List<CardTypeForm.FieldRow> fields, List<CardTypeForm.StageRow> stages,
            List<CardTypeForm.TransitionRow> transitions, List<Choice> kinds, List<GroupView> groups,
            List<String> stageKeys, String keyError, String nameError, String descriptionError, String fieldsError,
            String stagesError, String transitionsError, String formError, boolean conflict, String notice,
            WorkflowDiagram diagram, List<VersionRow> history) {
    }

    public record ImportView(String error, String location) {
    }

    public record MatrixRow(long groupId, String groupName, List<Cell> cells) {
    }

    public record Cell(String action, String label, boolean granted) {
    }

    public record MatrixView(String key, String name, List<Choice> actions, List<MatrixRow> rows, boolean saved) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Chrome chrome, ListView view);

        static native TemplateInstance editor(Chrome chrome, Editor view);

        static native TemplateInstance importer(Chrome chrome, ImportView view);

        static native TemplateInstance permissions(Chrome chrome, MatrixView view);
    }

    private final CardTypeService types;
    private final CardTypeExchange exchange;
    private final PermissionService permissions;
    private final GroupService groups;
    private final UserDirectory users;
    private final SectionService sections;
    private final CurrentUser currentUser;
    private final Pages pages;

    CardTypeAdminPage(CardTypeService types, CardTypeExchange exchange, PermissionService permissions,
            GroupService groups, UserDirectory users, SectionService sections, CurrentUser currentUser,
            Pages pages) {
        this.types = types;
        this.exchange = exchange;
        this.permissions = permissions;
        this.groups = groups;
        this.users = users;
        this.sections = sections;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance list(@QueryParam("imported") String imported) {
        Actor actor = admin();
        List<Item> items = new ArrayList<>();
        for (CardTypeSummary t : types.list(actor)) {
            if (t.actions().contains(Action.ADMINISTER)) {
                items.add(new Item(t.key(), t.name(), t.description(), true));
            }
        }
        String notice = imported != null && imported.matches("[A-Z][A-Z0-9]{1,9}")
                ? adm().type_imported(imported)
                : null;
        return pages.localized(Templates.list(pages.chrome(), new ListView(items, actor.superuser(), notice)));
    }

    @GET
    @Path("/new")
    public TemplateInstance create() {
        Actor actor = admin();
        requireCreator(actor);
        return render(null, CardTypeForm.blank(), new Errors(), null);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> in) {
        Actor actor = admin();
        requireCreator(actor);
        CardTypeForm form = CardTypeForm.read(in);
        if (form.apply(in.getFirst("op"))) {
            return html(200, render(null, form, new Errors(), null));
        }
        Errors errors = new Errors();
        CardTypeDefinition definition = form.toDefinition(adm());
        if (definition == null) {
            errors.form = adm().type_error_rows();
            return html(422, render(null, form, errors, null));
        }
        try {
            CardTypeView created = types.create(actor, form.key, form.name, form.description, definition);
            return Response.seeOther(URI.create("/admin/card-types/" + created.key() + "?saved=1")).build();
        } catch (SphereException e) {
            if (isAccess(e)) {
                throw e;
            }
            errors.place(form, e, Messages.of(pages.locale(), e));
            return html(e.code().httpStatus(), render(null, form, errors, null));
        }
    }

    @GET
    @Path("/import")
    public TemplateInstance importer() {
        admin();
        return pages.localized(Templates.importer(pages.chrome(), new ImportView(null, null)));
    }

    /** Creates the type of the file, or saves it as a new version of the type with the same key. */
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file) {
        Actor actor = admin();
        AdminMsg adm = adm();
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return html(422, importPage(adm.import_error_no_file(), null));
        }
        if (file.size() > MAX_IMPORT_BYTES) {
            return html(422, importPage(adm.import_error_too_large(), null));
        }
        String json;
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return html(422, importPage(adm.import_error_encoding(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CardTypeExchange.ImportResult result = exchange.importJson(actor, json);
            return Response.seeOther(URI.create("/admin/card-types?imported=" + result.type().key())).build();
        } catch (SphereException e) {
            if (e.code() == ErrorCode.ACCESS_DENIED) {
                throw e;
            }
            String location = e.field() == null || e.field().equals("$") ? null : e.field();
            return html(e.code().httpStatus() == 409 ? 409 : 422,
                    importPage(Messages.of(pages.locale(), e), location));
        }
    }

    @GET
    @Path("/{key}")
    public TemplateInstance edit(@PathParam("key") String key, @QueryParam("saved") String saved) {
        admin();
        CardTypeView type = types.get(currentUser.actor(), key);
        List<CardTypeVersionView> history = types.versions(currentUser.actor(), key);
        return render(history, CardTypeForm.of(type), new Errors(), saved == null
                ? null
                : adm().type_saved(
                        type.definitionVersion()));
    }

    @POST
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("key") String key, MultivaluedMap<String, String> in) {
        Actor actor = admin();
        List<CardTypeVersionView> history = types.versions(actor, key);
        CardTypeForm form = CardTypeForm.read(in);
        form.key = types.get(actor, key).key();
        if (form.apply(in.getFirst("op"))) {
            return html(200, render(history, form, new Errors(), null));
        }
        Errors errors = new Errors();
        CardTypeDefinition definition = form.toDefinition(adm());
        if (definition == null) {
            errors.form = adm().type_error_rows();
            return html(422, render(history, form, errors, null));
        }
        try {
            types.update(actor, key, form.version, form.name, form.description, definition);
            return Response.seeOther(URI.create("/admin/card-types/" + form.key + "?saved=1")).build();
        } catch (SphereException e) {
            if (isAccess(e)) {
                throw e;
            }
            if (e.code() == ErrorCode.CARD_TYPE_VERSION_CONFLICT) {
                CardTypeView current = types.get(actor, key);
                errors.form = adm().type_conflict(current.definitionVersion());
                errors.conflict = true;
                // the next save is a deliberate overwrite of what the other person saved
                form.version = current.version();
                return html(409, render(types.versions(actor, key), form, errors, null));
            }
            errors.place(form, e, Messages.of(pages.locale(), e));
            return html(e.code().httpStatus(), render(history, form, errors, null));
        }
    }

    @GET
    @Path("/{key}/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("key") String key) {
        admin();
        String json = exchange.export(currentUser.actor(), key);
        String safe = key.replaceAll("[^A-Z0-9]", "");
        return Response.ok(json).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + safe + ".json\"").build();
    }

    @GET
    @Path("/{key}/permissions")
    public TemplateInstance matrix(@PathParam("key") String key, @QueryParam("saved") String saved) {
        Actor actor = admin();
        CardTypeView type = types.get(actor, key);
        Map<Long, Set<Action>> matrix = permissions.matrix(actor, type.id());
        return matrixPage(type, matrix, saved != null);
    }

    /** Every group of the installation is read from core; a checkbox for a group that does not exist is ignored. */
    @POST
    @Path("/{key}/permissions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveMatrix(@PathParam("key") String key, MultivaluedMap<String, String> in) {
        Actor actor = admin();
        CardTypeView type = types.get(actor, key);
        Map<Long, Set<Action>> matrix = new LinkedHashMap<>();
        for (GroupView g : groups.list(actor)) {
            Set<Action> actions = EnumSet.noneOf(Action.class);
            for (Action a : Action.values()) {
                if (in.containsKey("g" + g.id() + "." + a.name())) {
                    actions.add(a);
                }
            }
            matrix.put(g.id(), actions);
        }
        permissions.setMatrix(actor, type.id(), matrix);
        return Response.seeOther(URI.create("/admin/card-types/" + type.key() + "/permissions?saved=1")).build();
    }

    private TemplateInstance matrixPage(CardTypeView type, Map<Long, Set<Action>> matrix, boolean saved) {
        AdminMsg adm = adm();
        List<Choice> actions = Arrays.stream(Action.values()).map(a -> new Choice(a.name(), actionLabel(adm, a)))
                .toList();
        List<MatrixRow> rows = groups.list(currentUser.actor()).stream()
                .map(g -> new MatrixRow(g.id(), g.name(), Arrays.stream(Action.values())
                        .map(a -> new Cell(a.name(), actionLabel(adm, a),
                                matrix.getOrDefault(g.id(), Set.of()).contains(a)))
                        .toList()))
                .toList();
        return pages.localized(Templates.permissions(pages.chrome(),
                new MatrixView(type.key(), type.name(), actions, rows, saved)));
    }

    private TemplateInstance importPage(String error, String location) {
        return pages.localized(Templates.importer(pages.chrome(), new ImportView(error, location)));
    }

    /** Where core's refusal belongs: a top field, a list as a whole, or the row its path names. */
    static final class Errors {
        String key;
        String name;
        String description;
        String fields;
        String stages;
        String transitions;
        String form;
        boolean conflict;

        void place(CardTypeForm form, SphereException e, String message) {
            String path = e.field() == null ? "" : e.field();
            switch (path) {
                case "key" -> key = message;
                case "name" -> name = message;
                case "description" -> description = message;
                case "fields" -> fields = message;
                case "stages" -> stages = message;
                case "transitions" -> transitions = message;
                default -> {
                    if (!form.place(path, message)) {
                        this.form = message;
                    }
                }
            }
        }
    }

    private TemplateInstance render(List<CardTypeVersionView> history, CardTypeForm form, Errors errors,
            String notice) {
        AdminMsg adm = adm();
        boolean creating = history == null;
        List<Choice> kinds = Arrays.stream(FieldKind.values()).map(k -> new Choice(k.name(), kindLabel(adm, k)))
                .toList();
        WorkflowDiagram diagram = WorkflowDiagram.of(
                form.stages.stream()
                        .map(s -> new WorkflowDiagram.Stage(s.key, s.name, s.initial, s.isFinal)).toList(),
                form.transitions.stream().map(t -> new WorkflowDiagram.Move(t.from, t.to, t.label)).toList());
        List<VersionRow> versions = List.of();
        if (history != null) {
            Map<Long, UserRef> people = users.refs(history.stream().flatMap(v -> v.createdBy().stream()).toList());
            versions = history.stream().map(v -> new VersionRow(v.version(), Dates.shown(v.createdAt()),
                    v.createdBy().map(people::get).map(UserRef::displayName).orElse("—"),
                    v.definition().activeFields().size(), v.definition().stages().size(),
                    v.definition().transitions().size())).toList();
        }
        String action = creating ? "/admin/card-types/new" : "/admin/card-types/" + form.key;
        return pages.localized(Templates.editor(pages.chrome(),
                new Editor(creating, action, form.key, form.name, form.description, form.version, form.fields,
                        form.stages, form.transitions, kinds, groups.list(currentUser.actor()), form.stageKeys(),
                        errors.key, errors.name, errors.description, errors.fields, errors.stages,
                        errors.transitions, errors.form, errors.conflict, notice, diagram, versions)));
    }

    static String kindLabel(AdminMsg adm, FieldKind k) {
        return switch (k) {
            case TEXT -> adm.kind_text();
            case LONG_TEXT -> adm.kind_long_text();
            case NUMBER -> adm.kind_number();
            case MONEY -> adm.kind_money();
            case DATE -> adm.kind_date();
            case DATE_TIME -> adm.kind_date_time();
            case BOOLEAN -> adm.kind_boolean();
            case SINGLE_SELECT -> adm.kind_single_select();
            case MULTI_SELECT -> adm.kind_multi_select();
            case USER -> adm.kind_user();
            case EMAIL -> adm.kind_email();
            case URL -> adm.kind_url();
        };
    }

    static String actionLabel(AdminMsg adm, Action a) {
        return switch (a) {
            case VIEW -> adm.action_view();
            case CREATE -> adm.action_create();
            case EDIT -> adm.action_edit();
            case TRANSITION -> adm.action_transition();
            case DELETE -> adm.action_delete();
            case ADMINISTER -> adm.action_administer();
        };
    }

    private Actor admin() {
        Actor actor = currentUser.actor();
        sections.requireOpen(actor, Section.ADMIN);
        return actor;
    }

    /** Only the superuser creates types (core refuses anyone else on save; the empty form is not offered). */
    private static void requireCreator(Actor actor) {
        if (!actor.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
    }

    private static boolean isAccess(SphereException e) {
        return e.code() == ErrorCode.ACCESS_DENIED || e.code() == ErrorCode.CARD_TYPE_NOT_FOUND;
    }

    private AdminMsg adm() {
        return AdminTexts.of(pages.locale());
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
