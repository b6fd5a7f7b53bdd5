package io.sphere.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What people read about attachments, in English; Russian in {@code messages/att_ru.properties}. Templates use
 * {@code {att:key}}, Java through {@link AttachmentMessages#of}.
 */
@MessageBundle(value = "att", locale = "en")
public interface AttachmentMsg {

    @Message("Attachments")
    String title();

    @Message("Attachments of {key}")
    String page_title(String key);

    @Message("Back to the card")
    String back();

    @Message("No files attached yet.")
    String empty();

    @Message("Attach files")
    String upload_legend();

    @Message("Files (up to {max} MB each)")
    String upload_label(String max);

    @Message("Attach")
    String upload_submit();

    @Message("or drop files here")
    String drop_hint();

    @Message("Name")
    String col_name();

    @Message("Size")
    String col_size();

    @Message("Type")
    String col_type();

    @Message("Uploaded by")
    String col_uploader();

    @Message("Uploaded")
    String col_time();

    @Message("Preview")
    String col_preview();

    @Message("Thumbnail being made…")
    String thumbnail_pending();

    @Message("No preview")
    String thumbnail_none();

    @Message("Remove")
    String remove();

    @Message("Remove {name}? The history keeps it.")
    String remove_confirm(String name);

    @Message("Download")
    String download();

    @Message("Open")
    String open();

    @Message("{name} was attached.")
    String uploaded(String name);

    @Message("{count} files were attached.")
    String uploaded_many(int count);

    @Message("The file was attached.")
    String uploaded_one();

    @Message("{name} was removed.")
    String removed(String name);

    @Message("Uploading {name}…")
    String uploading(String name);

    @Message("Upload of {name} failed; try again.")
    String upload_failed(String name);

    @Message("The file \"{name}\" is larger than {max} MB; it was not attached.")
    String too_large(String name, String max);

    @Message("The upload is larger than the server accepts at once; attach fewer or smaller files.")
    String request_too_large();

    @Message("deleted user")
    String unknown_user();

    @Message("Attachments of the task \"{title}\"")
    String task_page_title(String title);

    @Message("Back to the task")
    String back_to_task();

    @Message("Files at that moment")
    String asof_files();

    @Message("No files were attached at that moment.")
    String asof_files_empty();

    @Message("removed since ({at})")
    String asof_removed(String at);

    @Message("removed, and deleted by retention since")
    String asof_purged();
}
