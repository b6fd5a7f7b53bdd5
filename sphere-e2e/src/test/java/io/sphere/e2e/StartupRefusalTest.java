package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged web in production mode refuses to start without the secrets every node must share, naming the key
 * in one line, and exits with 78 (a configuration problem) instead of serving with made-up keys.
 */
@EndToEnd
class StartupRefusalTest {

    @TempDir
    Path dir;

    @Test
    void webWithoutSessionKeyExitsNamingTheKey() throws Exception {
        Path config = dir.resolve("sphere.properties");
        Files.writeString(config, String.join("\n",
                "quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/sphere_test",
                "quarkus.datasource.username=sphere", "quarkus.datasource.password=sphere",
                "sphere.instance.name=sphere-e2e-refusal", "sphere.web.port=" + freePort(),
                "sphere.request-log.spool-dir=" + dir.resolve("spool"),
                "sphere.csrf.key=an-e2e-csrf-key-that-is-long-enough-0123", ""));
        Path log = dir.resolve("web.log");
        ProcessBuilder pb = new ProcessBuilder(Stack.ROOT.resolve("deploy/bin/sphere-web").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPHERE_CONFIG", config.toString());
        Process web = pb.start();
        try {
            assertThat(web.waitFor(120, TimeUnit.SECONDS)).as("the web exits by itself").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(web.exitValue()).as(output).isEqualTo(78);
            assertThat(output).contains("sphere-web cannot start: Missing secret sphere.session.key")
                    .doesNotContain("\tat io.sphere");
        } finally {
            web.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
