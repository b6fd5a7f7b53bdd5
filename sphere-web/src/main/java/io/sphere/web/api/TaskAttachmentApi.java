package io.sphere.web.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.attachment.AttachmentView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.web.security.CurrentUser;

/**
 * Attachments of a task on the JSON API: the list, and uploads (the raw body as one file, or a multipart form with one
 * or more files), exactly like a card's ({@link CardAttachmentApi}) with the task's permissions. One file is then
 * {@link AttachmentApi}'s.
 */
@Path("/api/v1/tasks/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class TaskAttachmentApi {

    private final AttachmentService attachments;
    private final CurrentUser currentUser;

    TaskAttachmentApi(AttachmentService attachments, CurrentUser currentUser) {
        this.attachments = attachments;
        this.currentUser = currentUser;
    }

    @GET
    public AttachmentApi.AttachmentList list(@PathParam("id") long id) {
        return new AttachmentApi.AttachmentList(
                attachments.listOfTask(currentUser.actor(), id).stream().map(AttachmentApi.AttachmentJson::of)
                        .toList());
    }

    /**
     * One file per request: the body is the file itself, {@code name} (query) its name; the type stored is detected
     * from the bytes. 201 with the attachment; 413 over {@code sphere.media.max-file-size}; 404 for a task the caller
     * may not see, 403 for one they may see but not edit.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") long id, @QueryParam("name") String name,
            @HeaderParam("Content-Length") Long length, InputStream body) {
        attachments.mayEditTaskOrThrow(currentUser.actor(), id);
        if (name == null || name.isBlank()) {
            throw new SphereException(ErrorCode.ATTACHMENT_MISSING, "name", Map.of());
        }
        if (length != null && length > attachments.maxFileSize()) {
            throw attachments.tooLarge(name);
        }
        AttachmentView made = attachments.addToTask(currentUser.actor(), id, name, body);
        return Response.created(URI.create("/api/v1/attachments/" + made.id()))
                .entity(AttachmentApi.AttachmentJson.of(made)).build();
    }

    /** One or more files as the {@code file} parts of a multipart form ({@link MultipartUploads}). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@PathParam("id") long id, @RestForm("file") List<FileUpload> files) {
        Actor actor = currentUser.actor();
        attachments.mayEditTaskOrThrow(actor, id);
        return MultipartUploads.store(attachments, files, (name, in) -> attachments.addToTask(actor, id, name, in));
    }
}
