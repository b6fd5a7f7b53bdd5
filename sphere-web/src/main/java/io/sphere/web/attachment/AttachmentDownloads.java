package io.sphere.web.attachment;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.attachment.AttachmentView;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * Downloads, thumbnails and the image viewer, for a card's and a task's files alike. Core checks that the person may
 * view the attachment's card or see its task (404 otherwise, like a missing file) before {@link AttachmentResponses}
 * answers.
 */
@Path("/attachments/{id}")
public class AttachmentDownloads {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance viewer(Chrome chrome, AttachmentRow attachment);
    }

    private final AttachmentService attachments;
    private final AttachmentResponses responses;
    private final CurrentUser currentUser;
    private final Pages pages;

    AttachmentDownloads(AttachmentService attachments, AttachmentResponses responses, CurrentUser currentUser,
            Pages pages) {
        this.attachments = attachments;
        this.responses = responses;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    /**
     * The original; {@code ?download=1} forces a download even for an image. {@code ?history=1} (the links of the
     * card's "view as of"): a removed file too, for whoever may view its card or task; once retention purged it, the
     * error page says so (410).
     */
    @GET
    @Path("/content")
    public Response content(@PathParam("id") long id, @QueryParam("download") String download,
            @QueryParam("history") String history, @HeaderParam("Range") String range) {
        AttachmentView a = history == null
                ? attachments.get(currentUser.actor(), id)
                : attachments.getFromHistory(currentUser.actor(), id);
        return responses.original(a, download != null, range);
    }

    @GET
    @Path("/thumbnail")
    public Response thumbnail(@PathParam("id") long id) {
        return responses.thumbnail(attachments.get(currentUser.actor(), id));
    }

    /** A simple page that shows an image in full, with a download link. */
    @GET
    @Path("/view")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance view(@PathParam("id") long id) {
        AttachmentView a = attachments.get(currentUser.actor(), id);
        return pages.localized(Templates.viewer(pages.chrome(), AttachmentRow.of(a, pages.locale())));
    }
}
