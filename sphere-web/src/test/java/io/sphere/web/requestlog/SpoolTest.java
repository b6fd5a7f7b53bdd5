package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    @Test
    void keepsEntriesAcrossARestartInOrder() throws IOException {
        Spool first = new Spool(dir, 1_000_000);
        first.append(bodies(0, 100));
        first.append(bodies(100, 150));
        first.close();

        Spool reopened = new Spool(dir, 1_000_000);
        assertThat(reopened.entries()).isEqualTo(150);
        List<String> read = new ArrayList<>();
        while (!reopened.isEmpty()) {
            Spool.Segment segment = reopened.oldest().orElseThrow();
            segment.bodies().forEach(b -> read.add(new String(b, StandardCharsets.UTF_8)));
            reopened.delete(segment);
        }
        assertThat(read).containsExactlyElementsOf(IntStream.range(0, 150).mapToObj(SpoolTest::body).toList());
        assertThat(reopened.bytes()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void dropsAndCountsWhatDoesNotFitTheBound() throws IOException {
        Spool spool = new Spool(dir, 500);
        int dropped = spool.append(bodies(0, 100));
        assertThat(dropped).isPositive();
        assertThat(spool.entries() + dropped).isEqualTo(100);
        assertThat(spool.bytes()).isLessThanOrEqualTo(500);
    }

    @Test
    void appendsAfterReplayStartedGoToANewSegment() throws IOException {
        Spool spool = new Spool(dir, 1_000_000);
        spool.append(bodies(0, 3));
        Spool.Segment segment = spool.oldest().orElseThrow();
        spool.append(bodies(3, 5));
        spool.delete(segment);
        assertThat(spool.entries()).isEqualTo(2);
        assertThat(spool.oldest().orElseThrow().bodies()).hasSize(2);
    }

    private static List<byte[]> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> body(i).getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String body(int i) {
        return "{\"n\":" + i + ",\"text\":\"entry number " + i + "\"}";
    }
}
