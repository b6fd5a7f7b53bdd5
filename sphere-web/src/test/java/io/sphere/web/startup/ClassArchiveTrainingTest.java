package io.sphere.web.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the JVM's class-load log and linking what it lists, for the class-data-sharing archive's training start. */
class ClassArchiveTrainingTest {

    @TempDir
    Path dir;

    @Test
    void readsClassNamesWithAndWithoutDecorationsAndLeavesOutHiddenClasses() throws IOException {
        Path log = write("opened: /app/quarkus-run.jar",
                "java.lang.Object source: shared objects file",
                "[0.123s][info][class,load] java.util.ArrayList source: jrt:/java.base",
                "io.sphere.web.Foo$$Lambda$123/0x0000000801234 source: io.sphere.web.Foo",
                "java.lang.invoke.LambdaForm$MH/0x00000008000c5400 source: __JVM_LookupDefineClass__",
                "io.sphere.web.startup.StartupGuard source: file:/app/sphere-web.jar");

        assertThat(ClassArchiveTraining.classNames(log)).containsExactly("java.lang.Object", "java.util.ArrayList",
                "io.sphere.web.startup.StartupGuard");
    }

    @Test
    void linksTheClassesItCanLoadAndCountsOnlyThose() throws IOException {
        Path log = write("java.lang.String source: shared objects file",
                "io.sphere.web.startup.StartupGuard source: file:/app/sphere-web.jar",
                "io.sphere.web.startup.NoSuchClass source: file:/app/sphere-web.jar",
                "java.lang.String source: shared objects file");

        assertThat(ClassArchiveTraining.linkAll(log, getClass().getClassLoader())).isEqualTo(2);
    }

    /**
     * A class that loads but cannot be linked: verifying {@link NeedsMissing#make()} needs {@link Missing}, which the
     * loader hides. Loading alone succeeds, so only a training that really links the class finds it unusable.
     */
    @Test
    void linksTheClassesRatherThanOnlyLoadingThem() throws Exception {
        ClassLoader loader = new HidingLoader();
        assertThat(Class.forName(NeedsMissing.class.getName(), false, loader).getClassLoader()).isSameAs(loader);
        Path log = write(Base.class.getName() + " source: file:/app/sphere-web.jar",
                NeedsMissing.class.getName() + " source: file:/app/sphere-web.jar");

        assertThat(ClassArchiveTraining.linkAll(log, loader)).isEqualTo(1);
    }

    @Test
    void aMissingLogIsAnError() {
        assertThatThrownBy(() -> ClassArchiveTraining.classNames(dir.resolve("none.log")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("none.log");
    }

    private Path write(String... lines) throws IOException {
        return Files.write(dir.resolve("classes.log"), List.of(lines));
    }

    static class Base {
    }

    static class Missing extends Base {
    }

    static class NeedsMissing {
        Base make() {
            return new Missing();
        }
    }

    /** Defines {@link Base} and {@link NeedsMissing} itself and pretends {@link Missing} does not exist. */
    private static final class HidingLoader extends ClassLoader {

        HidingLoader() {
            super(ClassArchiveTrainingTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.equals(Missing.class.getName())) {
                    throw new ClassNotFoundException(name);
                }
                if (!name.equals(Base.class.getName()) && !name.equals(NeedsMissing.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
