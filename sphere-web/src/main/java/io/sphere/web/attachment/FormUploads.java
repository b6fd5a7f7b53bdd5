package io.sphere.web.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.web.error.Messages;

/**
 * The upload form of a card's or a task's files: every chosen file is attached or refused on its own, so that a file
 * over the limit gets a message naming it and the others still land. The caller checks the permission and renders.
 */
final class FormUploads {

    /** Stores one file for its owner (card or task) with the person's permissions. */
    interface Owner {
        void add(String name, InputStream data);
    }

    /** {@code errors}: one line per refused file, in the person's language. */
    record Outcome(int added, List<String> errors, boolean tooLarge) {

        /** 413 when every file was refused for its size, else 422; only meaningful with errors. */
        int refusalStatus() {
            return tooLarge && added == 0 ? 413 : 422;
        }
    }

    private FormUploads() {
    }

    /** The files the form really carries (a browser sends one empty part when nothing was chosen). */
    static List<FileUpload> chosen(List<FileUpload> files) {
        return files == null
                ? List.of()
                : files.stream().filter(f -> f.fileName() != null && !f.fileName().isEmpty()).toList();
    }

    static Outcome store(AttachmentService attachments, List<FileUpload> chosen, Locale locale, Owner owner) {
        List<String> errors = new ArrayList<>();
        boolean tooLarge = false;
        int added = 0;
        for (FileUpload f : chosen) {
            try {
                if (f.size() > attachments.maxFileSize()) {
                    throw attachments.tooLarge(f.fileName());
                }
                try (InputStream in = Files.newInputStream(f.uploadedFile())) {
                    owner.add(f.fileName(), in);
                }
                added++;
            } catch (SphereException e) {
                if (e.code() != ErrorCode.ATTACHMENT_TOO_LARGE) {
                    throw e;
                }
                tooLarge = true;
                errors.add(Messages.of(locale, e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Outcome(added, errors, tooLarge);
    }
}
