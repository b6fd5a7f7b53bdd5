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
 * One attachment on the JSON API, a card's or a task's: its description, its bytes, its thumbnail, its removal. The
 * lists and the uploads are {@link CardAttachmentApi}'s and {@link TaskAttachmentApi}'s.
 */
@Path("/api/v1/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentApi {

    /**
     * {@code card}: the card the file belongs to, directly or through its task (null for a task without a card);
     * {@code task}: the task, for a task's file. {@code thumbnail}: PENDING, READY, NONE (not an image) or FAILED
     * (refused or unreadable; see the reason). {@code removedAt} and {@code purged}: only ever set when asked with
     * {@code ?history=1}.
     */
    public record AttachmentJson(long id, String card, Long task, String name, long size, String contentType,
            String sha256, CardJson.Person uploadedBy, Instant uploadedAt, String thumbnail, String thumbnailReason,
            String content, String thumbnailUrl, Instant removedAt) {

        static AttachmentJson of(AttachmentView a) {
            String base = "/api/v1/attachments/" + a.id();
            return new AttachmentJson(a.id(), a.cardKey().orElse(null), a.taskId().orElse(null), a.name(), a.size(),
                    a.contentType(), a.sha256(), a.uploadedBy().map(CardJson.Person::of).orElse(null),
                    a.uploadedAt(), a.thumbnailState().name(), a.thumbnailReason().orElse(null),
                    base + "/content" + (a.removed() ? "?history=1" : ""),
                    a.thumbnailReady() && !a.removed() ? base + "/thumbnail" : null, a.removedAt().orElse(null));
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

    /** {@code ?history=1}: a removed file too (as the card's "view as of" shows it); 410 once retention purged it. */
    @GET
    @Path("/{id}")
    public AttachmentJson get(@PathParam("id") long id, @QueryParam("history") String history) {
        return AttachmentJson.of(find(id, history));
    }

    /**
     * The bytes, with the same headers as the page's download (nginx sends them when configured so).
     * {@code ?history=1}: a removed file too, for whoever may view its card or task; 410 once retention purged it.
     */
    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") long id, @QueryParam("download") String download,
            @QueryParam("history") String history, @HeaderParam("Range") String range) {
        return responses.original(find(id, history), download != null, range);
    }

    private AttachmentView find(long id, String history) {
        return history == null
                ? attachments.get(currentUser.actor(), id)
                : attachments.getFromHistory(currentUser.actor(), id);
    }

    @GET
    @Path("/{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    public Response thumbnail(@PathParam("id") long id) {
        return responses.thumbnail(attachments.get(currentUser.actor(), id));
    }

    /** Marks the attachment removed (the history keeps it until retention); 204. */
    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") long id) {
        attachments.remove(currentUser.actor(), id);
        return Response.noContent().build();
    }
}
