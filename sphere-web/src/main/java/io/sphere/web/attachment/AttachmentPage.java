package io.sphere.web.attachment;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.attachment.AttachmentView;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.web.error.Messages;
import io.sphere.web.i18n.AttachmentMessages;
import io.sphere.web.i18n.AttachmentMsg;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * The attachments of one card: the list with thumbnails, an upload form (one or many files; a plain file input that
 * works without JavaScript, enhanced by {@code attachments.js} with drag and drop and a progress bar per file), and
 * a remove button per file. The list itself is the reusable template {@code attachments/list.html}.
 */
@Path("/cards/{key}/attachments")
@Produces(MediaType.TEXT_HTML)
public class AttachmentPage {

    /**
     * {@code errors}: refusals of the last upload, one line per file; {@code notice}: what just happened;
     * {@code base}: this page's path (the forms post under it); {@code api}: the card's attachments on the API.
     */
    public record View(String cardKey, String cardTitle, List<AttachmentRow> attachments, boolean canEdit,
            String maxMegabytes, long maxBytes, List<String> errors, String notice, String base, String api) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, View view);
    }

    private final AttachmentService attachments;
    private final CardService cards;
    private final CurrentUser currentUser;
    private final Pages pages;

    AttachmentPage(AttachmentService attachments, CardService cards, CurrentUser currentUser, Pages pages) {
        this.attachments = attachments;
        this.cards = cards;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance show(@PathParam("key") String key, @QueryParam("added") Integer added) {
        AttachmentMsg msg = AttachmentMessages.of(pages.locale());
        String notice = null;
        if (added != null && added > 0) {
            notice = added == 1 ? msg.uploaded_one() : msg.uploaded_many(added);
        }
        return render(key, List.of(), notice);
    }

    /**
     * Every chosen file is attached or refused on its own: a file over the limit gets a message naming it, and the
     * others still land. All refused: the page again with the messages (413 when one was too large).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("key") String key, @RestForm("file") List<FileUpload> files) {
        Actor actor = currentUser.actor();
        Locale locale = pages.locale();
        List<FileUpload> chosen = FormUploads.chosen(files);
        if (chosen.isEmpty()) {
            // still a 404 for a card the person may not see, and 403 without EDIT, before saying "choose a file"
            attachments.mayEditOrThrow(actor, key);
            return Response.status(422).entity(render(key, List.of(Messages.of(locale, new SphereException(
                    ErrorCode.ATTACHMENT_MISSING))), null)).build();
        }
        FormUploads.Outcome outcome = FormUploads.store(attachments, chosen, locale,
                (name, in) -> attachments.add(actor, key, name, in));
        int added = outcome.added();
        if (outcome.errors().isEmpty()) {
            return Response.seeOther(URI.create("/cards/" + encode(key) + "/attachments?added=" + added)).build();
        }
        AttachmentMsg msg = AttachmentMessages.of(locale);
        String notice = added == 0 ? null : added == 1 ? msg.uploaded_one() : msg.uploaded_many(added);
        return Response.status(outcome.refusalStatus()).entity(render(key, outcome.errors(), notice)).build();
    }

    @POST
    @Path("/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("key") String key, @PathParam("id") long id) {
        AttachmentView removed = attachments.remove(currentUser.actor(), id);
        return Response.seeOther(URI.create("/cards/" + encode(removed.cardKey().orElse(key)) + "/attachments"))
                .build();
    }

    private TemplateInstance render(String key, List<String> errors, String notice) {
        Actor actor = currentUser.actor();
        CardView card = cards.get(actor, key);
        Locale locale = pages.locale();
        List<AttachmentRow> rows = attachments.list(actor, card.key()).stream()
                .map(a -> AttachmentRow.of(a, locale)).toList();
        long max = attachments.maxFileSize();
        return pages.localized(Templates.page(pages.chrome(), new View(card.key(), card.title(), rows,
                attachments.mayEdit(actor, card.key()), megabytes(max), max, errors, notice,
                "/cards/" + encode(card.key()) + "/attachments", "/api/v1/cards/" + encode(card.key())
                        + "/attachments")));
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0
                ? String.valueOf(bytes / (1024 * 1024))
                : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** Card keys are capital letters, digits and a dash; anything else never reaches a card anyway. */
    private static String encode(String key) {
        return java.net.URLEncoder.encode(key.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
