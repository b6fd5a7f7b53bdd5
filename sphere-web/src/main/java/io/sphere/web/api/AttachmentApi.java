package io.sphere.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.attachment.AttachmentView;
import io.sphere.web.attachment.AttachmentResponses;
import io.sphere.web.security.CurrentUser;

/**
 * One attachment on the JSON API: its description, its bytes, its thumbnail, its removal. The list and the upload
 * are {@link CardAttachmentApi}'s.
 */
@Path("/api/v1/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentApi {

    /** {@code thumbnail}: PENDING, READY, NONE (not an image) or FAILED (refused or unreadable; see the reason). */
    public record AttachmentJson(long id, String card, String name, long size, String contentType, String sha256,
            CardJson.Person uploadedBy, Instant uploadedAt, String thumbnail, String thumbnailReason, String content,
            String thumbnailUrl) {

        static AttachmentJson of(AttachmentView a) {
            String base = "/api/v1/attachments/" + a.id();
            return new AttachmentJson(a.id(), a.cardKey(), a.name(), a.size(), a.contentType(), a.sha256(),
                    a.uploadedBy().map(CardJson.Person::of).orElse(null), a.uploadedAt(), a.thumbnailState().name(),
                    a.thumbnailReason().orElse(null), base + "/content",
                    a.thumbnailReady() ? base + "/thumbnail" : null);
        }
    }

    public record AttachmentList(List<AttachmentJson> items) {
    }

    private final AttachmentService attachments;
    private final AttachmentResponses responses;
    private final CurrentUser currentUser;

    AttachmentApi(AttachmentService attachments, AttachmentResponses responses, CurrentUser currentUser) {
        this.attachments = attachments;
        this.responses = responses;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/{id}")
    public AttachmentJson get(@PathParam("id") long id) {
        return AttachmentJson.of(attachments.get(currentUser.actor(), id));
    }

    /** The bytes, with the same headers as the page's download (nginx sends them when configured so). */
    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") long id, @QueryParam("download") String download,
            @HeaderParam("Range") String range) {
        return responses.original(attachments.get(currentUser.actor(), id), download != null, range);
    }

    @GET
    @Path("/{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    public Response thumbnail(@PathParam("id") long id) {
        return responses.thumbnail(attachments.get(currentUser.actor(), id));
    }

    /** Marks the attachment removed (the card's history keeps it); 204. */
    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") long id) {
        attachments.remove(currentUser.actor(), id);
        return Response.noContent().build();
    }
}
