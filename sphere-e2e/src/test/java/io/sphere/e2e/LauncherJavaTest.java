package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Java the launchers pick (deploy/bin/sphere-java) and which class-archive flags sphere-web gives it: an
 * ahead-of-time cache on Java 25 and later, class-data sharing before. The JDKs here are fakes that record their
 * arguments, so that the test runs the real launcher without starting a JVM, whatever Javas this machine has.
 */
@EndToEnd
class LauncherJavaTest {

    @TempDir
    Path dir;

    private Path jvms;
    private Path home;
    private Path calls;

    @BeforeEach
    void installation() throws IOException {
        jvms = Files.createDirectories(dir.resolve("jvm"));
        calls = dir.resolve("calls.log");
        home = dir.resolve("sphere");
        Path app = Files.createDirectories(home.resolve("sphere-web/quarkus-app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "not run");
    }

    @Test
    void withoutJavaHomeTheNewestJava25OrLaterWinsAndStartsWithTheAheadOfTimeCache() throws Exception {
        fakeJdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.15");
        fakeJdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.3");
        fakeJdk(jvms.resolve("jdk-1.8"), "1.8.0_412");
        Files.writeString(home.resolve("sphere-web/quarkus-app/app-cds.jsa"), "cache");

        run(Map.of(), "-p", "5077");

        String call = Files.readString(calls);
        assertThat(call).startsWith(jvms.resolve("temurin-25-jdk-amd64/bin/java").toString())
                .contains("-XX:AOTCache=" + home.resolve("sphere-web/quarkus-app/app-cds.jsa"))
                .doesNotContain("SharedArchiveFile").contains("-Dquarkus.http.port=5077");
    }

    @Test
    void javaHomePinsTheJavaAndAnOlderOneStartsWithClassDataSharing() throws Exception {
        Path jdk17 = fakeJdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.15");
        fakeJdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.3");
        Files.writeString(home.resolve("sphere-web/quarkus-app/app-cds.jsa"), "archive");

        run(Map.of("JAVA_HOME", jdk17.toString()));

        String call = Files.readString(calls);
        assertThat(call).startsWith(jdk17.resolve("bin/java").toString())
                .contains("-XX:SharedArchiveFile=" + home.resolve("sphere-web/quarkus-app/app-cds.jsa"))
                .doesNotContain("AOTCache");
    }

    @Test
    void withNoJava25InstalledTheJavaOnThePathRunsAndNoArchiveMeansNoArchiveFlag() throws Exception {
        Path jdk17 = fakeJdk(dir.resolve("elsewhere/jdk-17"), "17.0.15");
        fakeJdk(jvms.resolve("java-21-openjdk-amd64"), "21.0.7");

        run(Map.of("PATH", jdk17.resolve("bin") + ":/usr/bin:/bin"));

        String call = Files.readString(calls);
        assertThat(call).startsWith(jdk17.resolve("bin/java").toString()).doesNotContain("AOTCache")
                .doesNotContain("SharedArchiveFile");
    }

    @Test
    void theArchiveIsMadeByTheJavaThatWillRunIt() throws Exception {
        Path jdk25 = fakeJdk(jvms.resolve("temurin-25-jdk-amd64"), "25.0.3");
        Path jdk17 = fakeJdk(jvms.resolve("java-17-openjdk-amd64"), "17.0.15");
        Path archive = home.resolve("sphere-web/quarkus-app/app-cds.jsa");

        run(Map.of(), "--cds-archive");
        assertThat(Files.readString(calls)).startsWith(jdk25.resolve("bin/java").toString())
                .contains("-XX:AOTCacheOutput=").doesNotContain("ArchiveClassesAtExit");
        assertThat(Files.readString(archive)).isEqualTo("written by " + jdk25.resolve("bin/java"));

        Files.delete(calls);
        run(Map.of("JAVA_HOME", jdk17.toString()), "--cds-archive");
        assertThat(Files.readString(calls)).contains("-XX:ArchiveClassesAtExit=").doesNotContain("AOTCacheOutput");
        assertThat(Files.readString(archive)).isEqualTo("written by " + jdk17.resolve("bin/java"));
    }

    /**
     * A JDK folder whose java appends its command line to calls.log; asked to write an archive it writes one, says
     * "stopped in" and exits with 78, as the real training start does when it finds no database.
     */
    private Path fakeJdk(Path jdk, String version) throws IOException {
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, String.join("\n", "#!/bin/sh", "echo \"$0 $*\" >> '" + calls + "'",
                "for a in \"$@\"; do case \"$a\" in", "  -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*)",
                "    printf 'written by %s' \"$0\" > \"${a#*=}\"; echo 'sphere-web stopped in 0.1s'; exit 78 ;;",
                "esac; done", "exit 0", ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk;
    }

    /** Runs deploy/bin/sphere-web with ARGS against the fake installation and JDKs; it must exit with 0. */
    private void run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Stack.ROOT.resolve("deploy/bin/sphere-web").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("SPHERE_HOME", home.toString());
        pb.environment().put("SPHERE_JVM_DIR", jvms.toString());
        pb.environment().putAll(env);
        Process launcher = pb.start();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher returns").isTrue();
        String output = Files.readString(dir.resolve("launcher.log"), StandardCharsets.UTF_8);
        assertThat(launcher.exitValue()).as(output).isZero();
    }
}
