package io.sphere.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.attachment.AttachmentView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;

/**
 * The multipart upload of a card's or a task's files on the API: one or more {@code file} parts, every file checked
 * before any is stored (a file over {@code sphere.media.max-file-size} is a 413 naming it, and then none is attached),
 * 201 with the attachments made, in the order sent. The caller checks the permission first.
 */
final class MultipartUploads {

    /** Stores one file for its owner (card or task) with the person's permissions. */
    interface Owner {
        AttachmentView add(String name, InputStream data);
    }

    private MultipartUploads() {
    }

    static Response store(AttachmentService attachments, List<FileUpload> files, Owner owner) {
        List<FileUpload> chosen = files == null
                ? List.of()
                : files.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank()).toList();
        if (chosen.isEmpty()) {
            throw new SphereException(ErrorCode.ATTACHMENT_MISSING, "file", Map.of());
        }
        for (FileUpload f : chosen) {
            if (f.size() > attachments.maxFileSize()) {
                throw attachments.tooLarge(f.fileName());
            }
        }
        List<AttachmentApi.AttachmentJson> made = new ArrayList<>();
        for (FileUpload f : chosen) {
            try (InputStream in = Files.newInputStream(f.uploadedFile())) {
                made.add(AttachmentApi.AttachmentJson.of(owner.add(f.fileName(), in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Response.status(Response.Status.CREATED).entity(new AttachmentApi.AttachmentList(made)).build();
    }
}
