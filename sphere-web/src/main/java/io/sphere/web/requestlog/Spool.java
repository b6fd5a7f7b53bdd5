package io.sphere.web.requestlog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Request-log entries that could not be published yet, in segment files of one entry per line (base64), oldest
 * first. Owned by the publisher thread alone, so it needs no locking. A segment is deleted only after all its
 * entries were confirmed by the broker; a crash in between re-sends some, which the worker stores once.
 */
final class Spool {

    private static final long SEGMENT_BYTES = 8L * 1024 * 1024;
    private static final String SUFFIX = ".spool";

    private final Path dir;
    private final long maxBytes;
    private long bytes;
    private long entries;
    private long nextSegment;
    private Path writing;
    private BufferedWriter writer;
    private long writingBytes;

    Spool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            for (Path segment : segments()) {
                bytes += Files.size(segment);
                entries += countLines(segment);
                nextSegment = Math.max(nextSegment, sequence(segment) + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the request-log spool in " + dir, e);
        }
    }

    /** @return how many entries did not fit and were dropped */
    int append(List<byte[]> batch) throws IOException {
        int dropped = 0;
        for (byte[] body : batch) {
            String line = Base64.getEncoder().encodeToString(body);
            long size = line.length() + 1L;
            if (bytes + size > maxBytes) {
                dropped++;
                continue;
            }
            if (writer == null || writingBytes + size > SEGMENT_BYTES) {
                rotate();
            }
            writer.write(line);
            writer.write('\n');
            writingBytes += size;
            bytes += size;
            entries++;
        }
        if (writer != null) {
            writer.flush();
        }
        return dropped;
    }

    boolean isEmpty() {
        return entries == 0;
    }

    long entries() {
        return entries;
    }

    long bytes() {
        return bytes;
    }

    /** The oldest closed segment, closing the one being written if it is the only one. */
    Optional<Segment> oldest() throws IOException {
        List<Path> all = segments();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Path first = all.get(0);
        if (first.equals(writing)) {
            closeWriter();
        }
        List<byte[]> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(first, StandardCharsets.US_ASCII)) {
            if (!line.isBlank()) {
                try {
                    bodies.add(Base64.getDecoder().decode(line.strip()));
                } catch (IllegalArgumentException torn) {
                    // the last line of a segment may be torn by a crash mid-write; the worker would reject it anyway
                }
            }
        }
        return Optional.of(new Segment(first, bodies, Files.size(first)));
    }

    void delete(Segment segment) throws IOException {
        Files.deleteIfExists(segment.path());
        bytes = Math.max(0, bytes - segment.size());
        entries = Math.max(0, entries - segment.bodies().size());
    }

    void close() {
        try {
            closeWriter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rotate() throws IOException {
        closeWriter();
        writing = dir.resolve(String.format("%012d%s", nextSegment++, SUFFIX));
        writer = Files.newBufferedWriter(writing, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        writingBytes = Files.exists(writing) ? Files.size(writing) : 0;
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            writing = null;
            writingBytes = 0;
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private static long sequence(Path segment) {
        String name = segment.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long countLines(Path segment) throws IOException {
        try (Stream<String> lines = Files.lines(segment, StandardCharsets.US_ASCII)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    record Segment(Path path, List<byte[]> bodies, long size) {
    }
}
