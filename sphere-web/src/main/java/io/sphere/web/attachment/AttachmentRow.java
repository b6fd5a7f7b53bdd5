package io.sphere.web.attachment;

import java.util.Locale;

import io.sphere.core.attachment.AttachmentView;
import io.sphere.core.user.UserRef;
import io.sphere.web.i18n.AttachmentMessages;

/**
 * One attachment as the list shows it. {@code name} is data a person typed: templates print it escaped, never raw.
 * {@code thumbnail}: {@code pending}, {@code ready} or {@code none}. {@code cardKey}: null for a file of a task
 * without a card; {@code taskId}: set for a task's file. {@code removedAt}/{@code purged}: set only for a file the
 * history shows after it was removed; its links then go through the history's download ({@code ?history=1}), which
 * still serves removed files.
 */
public record AttachmentRow(long id, String cardKey, Long taskId, String name, long size, String sizeText,
        String contentType,
        String uploader, String uploadedAt, String thumbnail, boolean image, String href, String viewHref,
        String thumbnailHref, String removedAt, boolean purged) {

    public static AttachmentRow of(AttachmentView a, Locale locale) {
        String thumbnail = a.thumbnailReady() ? "ready" : a.thumbnailPending() ? "pending" : "none";
        String base = "/attachments/" + a.id();
        return new AttachmentRow(a.id(), a.cardKey().orElse(null), a.taskId().orElse(null), a.name(), a.size(),
                size(a.size(), locale),
                a.contentType(), uploader(a, locale), a.uploadedAt().toString(), thumbnail, a.image(),
                base + "/content", a.image() ? base + "/view" : base + "/content", base + "/thumbnail", null, false);
    }

    /** A file as the card's "view as of" lists it: possibly removed since; links that open removed files too. */
    public static AttachmentRow ofHistory(AttachmentView a, Locale locale) {
        String base = "/attachments/" + a.id();
        return new AttachmentRow(a.id(), a.cardKey().orElse(null), a.taskId().orElse(null), a.name(), a.size(),
                size(a.size(), locale),
                a.contentType(), uploader(a, locale), a.uploadedAt().toString(), "none", a.image(),
                base + "/content?history=1", base + "/content?history=1&download=1", base + "/thumbnail",
                a.removedAt().map(Object::toString).orElse(null), a.purgedAt().isPresent());
    }

    private static String uploader(AttachmentView a, Locale locale) {
        return a.uploadedBy().map(UserRef::displayName).orElse(AttachmentMessages.of(locale).unknown_user());
    }

    static String size(long bytes, Locale locale) {
        boolean ru = "ru".equals(locale.getLanguage());
        if (bytes < 1024) {
            return bytes + (ru ? " Б" : " B");
        }
        String[] units = ru ? new String[]{"КБ", "МБ", "ГБ"} : new String[]{"KB", "MB", "GB"};
        double v = bytes / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(locale, "%.1f %s", v, units[u]);
    }
}
