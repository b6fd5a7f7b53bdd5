package io.sphere.core.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the bytes of attachments and thumbnails live, addressed by a storage key ({@code <yyyy>/<mm>/<uuid>}) that
 * Sphere generates, never by a name a person chose. Today a folder (a shared mount when several machines serve
 * one installation); an S3-compatible store can implement the same interface later without touching callers.
 */
public interface MediaStore {

    /** Stores {@code data} under a new key and returns it with what was learnt while copying. */
    Stored put(InputStream data, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;

    long size(String key) throws IOException;

    void delete(String key) throws IOException;

    /** The file on this machine's disk, when the store is a folder: for streaming and for nginx. */
    Optional<Path> localPath(String key);

    /** What the copy learnt: the key, the size and the SHA-256 (lower-case hex) of the bytes. */
    record Stored(String key, long size, String sha256) {
    }

    /** The data was longer than {@code maxBytes}; nothing is left behind. */
    class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
