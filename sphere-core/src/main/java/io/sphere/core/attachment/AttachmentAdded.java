package io.sphere.core.attachment;

/**
 * CDI event fired after an attachment was committed. sphere-web turns it into a message for the worker's
 * thumbnail queue; the worker's sweep finds the attachment anyway if that message is lost.
 */
public record AttachmentAdded(long attachmentId, boolean needsThumbnail) {
}
