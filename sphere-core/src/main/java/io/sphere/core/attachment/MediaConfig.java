package io.sphere.core.attachment;

import java.nio.file.Path;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where uploads live and how they are served; web and worker read the same keys (S8, S13). */
@ConfigMapping(prefix = "sphere.media")
public interface MediaConfig {

    /**
     * The installation's media root. Every web and worker machine of one installation must see the same folder (a
     * shared mount), because the web writes files that the worker reads and nginx sends.
     */
    @WithDefault("${user.home}/.sphere/${sphere.instance.name:sphere}/media")
    Path root();

    /** Largest file a person may upload; a bigger one is refused with a message, never a broken page. */
    @WithDefault("50M")
    MemorySize maxFileSize();

    /**
     * Behind nginx: answer a permitted download with {@code X-Accel-Redirect: /lib/media/<key>} so that nginx sends
     * the file. Without nginx (development) sphere-web streams it itself.
     */
    @WithDefault("false")
    boolean accelRedirect();

    /** Internal nginx location that aliases the media root. */
    @WithDefault("/lib/media/")
    String accelPrefix();

    Thumbnail thumbnail();

    interface Thumbnail {

        /** Images with more pixels than this (read from the header, before decoding) get no thumbnail. */
        @WithDefault("50000000")
        long maxPixels();

        /** Longest side of a thumbnail, in pixels. */
        @WithDefault("320")
        int size();

        /** Images whose decoded form would need more memory than this get no thumbnail. */
        @WithName("max-decoded-bytes")
        @WithDefault("256M")
        MemorySize maxDecodedBytes();
    }
}
