package io.sphere.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The installation's own config file, named by the {@code SPHERE_CONFIG} environment variable (or the
 * {@code sphere.config} system property). It sits above the defaults in the jars and below environment
 * variables, so passwords and keys live outside the repository (S7) and can still be overridden per process.
 */
public final class InstallationConfigSource implements ConfigSource {

    public static final String ENV = "SPHERE_CONFIG";
    /** Above application.properties (250), below environment variables (300). */
    static final int ORDINAL = 275;

    private final Map<String, String> properties;
    private final String name;

    public InstallationConfigSource() {
        String location = System.getProperty("sphere.config", System.getenv(ENV));
        if (location == null || location.isBlank()) {
            this.properties = Map.of();
            this.name = "sphere-config (none)";
        } else {
            Path path = Path.of(location);
            this.properties = read(path);
            this.name = "sphere-config " + path;
        }
    }

    private static Map<String, String> read(Path path) {
        if (!Files.isReadable(path)) {
            throw new IllegalStateException(
                    ENV + " names " + path + ", which does not exist or cannot be read by this user");
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        Map<String, String> map = new HashMap<>();
        props.forEach((k, v) -> map.put(k.toString().trim(), v.toString().trim()));
        return Map.copyOf(map);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
