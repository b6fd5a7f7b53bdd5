package io.sphere.web.attachment;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskView;
import io.sphere.web.error.Messages;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * The attachments of one task, posted to from the task page ({@code /tasks/{id}}, which shows the list and the upload
 * form through {@link #block}): a plain multipart upload of one or many files, which works without JavaScript
 * ({@code attachments.js} adds drag and drop and a progress bar per file through the API), and a remove button per
 * file. Core decides with the task's own rules: a task the person may not see is 404, one they may see but not edit
 * is 403. A refused upload comes back on this page with a message per file.
 */
@Path("/tasks/{id}/attachments")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class TaskAttachmentPage {

    /**
     * The task's files as its page shows them: the list, whether the person may add and remove, where the forms
     * post ({@code base}) and where the script uploads and polls ({@code api}).
     */
    public record Block(List<AttachmentRow> items, boolean canEdit, String base, String api, String maxMegabytes,
            long maxBytes, List<String> errors) {
    }

    public record View(long taskId, String taskTitle, Block attachments) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, View view);
    }

    private final AttachmentService attachments;
    private final TaskService tasks;
    private final CurrentUser currentUser;
    private final Pages pages;

    TaskAttachmentPage(AttachmentService attachments, TaskService tasks, CurrentUser currentUser, Pages pages) {
        this.attachments = attachments;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    /** The block for the task page; the actor must see the task (the caller has just loaded it). */
    public Block block(Actor actor, long taskId, Locale locale, List<String> errors) {
        List<AttachmentRow> rows = attachments.listOfTask(actor, taskId).stream()
                .map(a -> AttachmentRow.of(a, locale)).toList();
        long max = attachments.maxFileSize();
        return new Block(rows, attachments.mayEditTask(actor, taskId), "/tasks/" + taskId + "/attachments",
                "/api/v1/tasks/" + taskId + "/attachments", AttachmentPage.megabytes(max), max, errors);
    }

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, List.of());
    }

    /** Like the card's upload ({@link AttachmentPage#upload}): every file on its own; success goes back to the task. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long id, @RestForm("file") List<FileUpload> files) {
        Actor actor = currentUser.actor();
        Locale locale = pages.locale();
        List<FileUpload> chosen = FormUploads.chosen(files);
        if (chosen.isEmpty()) {
            attachments.mayEditTaskOrThrow(actor, id);
            return Response.status(422).entity(render(id, List.of(Messages.of(locale, new SphereException(
                    ErrorCode.ATTACHMENT_MISSING))))).build();
        }
        FormUploads.Outcome outcome = FormUploads.store(attachments, chosen, locale,
                (name, in) -> attachments.addToTask(actor, id, name, in));
        if (outcome.errors().isEmpty()) {
            return Response.seeOther(URI.create("/tasks/" + id + "#attachments")).build();
        }
        return Response.status(outcome.refusalStatus()).entity(render(id, outcome.errors())).build();
    }

    @POST
    @Path("/{attachment}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("attachment") long attachment) {
        attachments.remove(currentUser.actor(), attachment);
        return Response.seeOther(URI.create("/tasks/" + id + "#attachments")).build();
    }

    private TemplateInstance render(long id, List<String> errors) {
        Actor actor = currentUser.actor();
        TaskView task = tasks.get(actor, id);
        return pages.localized(Templates.page(pages.chrome(), new View(task.id(), task.title(),
                block(actor, task.id(), pages.locale(), errors))));
    }
}
