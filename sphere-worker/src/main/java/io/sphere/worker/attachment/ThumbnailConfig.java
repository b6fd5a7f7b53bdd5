package io.sphere.worker.attachment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the worker makes thumbnails; the image limits themselves are {@code sphere.media.thumbnail.*}. */
@ConfigMapping(prefix = "sphere.worker.thumbnail")
public interface ThumbnailConfig {

    /** How often the sweep looks for attachments whose message never came (the broker was down at upload). */
    @WithDefault("1m")
    String sweepEvery();

    /** The sweep leaves younger attachments to the message the web sent. */
    @WithDefault("PT30S")
    Duration sweepDelay();

    /** Attachments one sweep handles at most. */
    @WithDefault("100")
    int sweepBatch();

    /** Pause before reconnecting to RabbitMQ after the connection was lost. */
    @WithDefault("PT5S")
    Duration reconnectDelay();
}
