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
 * Attachments of a card on the JSON API: the list, and uploads (the raw body as one file, or a multipart form with
 * one or more files).
 */
@Path("/api/v1/cards/{key}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class CardAttachmentApi {

    private final AttachmentService attachments;
    private final CurrentUser currentUser;

    CardAttachmentApi(AttachmentService attachments, CurrentUser currentUser) {
        this.attachments = attachments;
        this.currentUser = currentUser;
    }

    @GET
    public AttachmentApi.AttachmentList list(@PathParam("key") String key) {
        return new AttachmentApi.AttachmentList(
                attachments.list(currentUser.actor(), key).stream().map(AttachmentApi.AttachmentJson::of)
                        .toList());
    }

    /**
     * One file per request: the body is the file itself, {@code name} (query) its name. Any content type may be sent;
     * the type stored is detected from the bytes. 201 with the attachment; 413 when the body is over
     * {@code sphere.media.max-file-size}.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("key") String key, @QueryParam("name") String name,
            @HeaderParam("Content-Length") Long length, InputStream body) {
        attachments.mayEditOrThrow(currentUser.actor(), key);
        if (name == null || name.isBlank()) {
            throw new SphereException(ErrorCode.ATTACHMENT_MISSING, "name", Map.of());
        }
        if (length != null && length > attachments.maxFileSize()) {
            throw attachments.tooLarge(name);
        }
        AttachmentView made = attachments.add(currentUser.actor(), key, name, body);
        return Response.created(URI.create("/api/v1/attachments/" + made.id()))
                .entity(AttachmentApi.AttachmentJson.of(made)).build();
    }

    /** One or more files as the {@code file} parts of a multipart form ({@link MultipartUploads}). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@PathParam("key") String key, @RestForm("file") List<FileUpload> files) {
        Actor actor = currentUser.actor();
        attachments.mayEditOrThrow(actor, key);
        return MultipartUploads.store(attachments, files, (name, in) -> attachments.add(actor, key, name, in));
    }
}
