package io.sphere.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.logging.Logger;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.sphere.core.card.CardView;

/**
 * The OpenAPI document of the JSON API, built from the annotations of the API classes the first time someone asks
 * for it and kept for the life of the process. Nothing of it runs while the web starts: Quarkus' OpenAPI extension
 * parsed, filtered and wrote out its build-time document on every start (0.4–0.7 s of a 3–6 s start-up on these
 * machines), for a page a few developers open. The classes are read from two Jandex indexes the build writes:
 * sphere-web's ({@value #WEB_INDEX}) and sphere-core's, whose types the API answers with.
 */
@ApplicationScoped
public class ApiDocuments {

    /** Written by the jandex-maven-plugin in sphere-web's build; not named jandex.idx, so Quarkus leaves it alone. */
    static final String WEB_INDEX = "META-INF/sphere-web-api.idx";
    private static final String CORE_INDEX = "META-INF/jandex.idx";
    private static final Logger LOG = Logger.getLogger(ApiDocuments.class);

    /** The document in both formats Quarkus served, as UTF-8. */
    record Document(byte[] json, byte[] yaml) {
    }

    private volatile Document document;

    Document get() {
        Document d = document;
        if (d == null) {
            synchronized (this) {
                d = document;
                if (d == null) {
                    long t0 = System.nanoTime();
                    d = build();
                    document = d;
                    LOG.debugf("OpenAPI document built in %d ms", (System.nanoTime() - t0) / 1_000_000);
                }
            }
        }
        return d;
    }

    private static Document build() {
        ClassLoader loader = ApiDocuments.class.getClassLoader();
        IndexView index = CompositeIndex.create(read(loader, WEB_INDEX, DotName.createSimple(CardApi.class)),
                read(loader, CORE_INDEX, DotName.createSimple(CardView.class)));
        SmallRyeOpenAPI api = SmallRyeOpenAPI.builder()
                .withConfig(ConfigProvider.getConfig())
                .withApplicationClassLoader(loader)
                .withScannerClassLoader(loader)
                .withIndex(index)
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableStandardFilter(false)
                .enableAnnotationScan(true)
                .addFilter(new ApiDocument())
                .build();
        return new Document(api.toJSON().getBytes(StandardCharsets.UTF_8),
                api.toYAML().getBytes(StandardCharsets.UTF_8));
    }

    /** The one index of that name on the class path that describes {@code marker}'s module. */
    private static IndexView read(ClassLoader loader, String name, DotName marker) {
        List<IndexView> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(name))) {
                try (InputStream in = url.openStream()) {
                    IndexView candidate = new IndexReader(in).read();
                    if (candidate.getClassByName(marker) != null) {
                        found.add(candidate);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class index " + name, e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No " + name + " with " + marker + " on the class path: the build of "
                    + "sphere-web or sphere-core did not write its class index");
        }
        return found.get(0);
    }
}
