package io.sphere.web.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.TemplateExtension;

/**
 * Addresses of the files under {@code /lib/static/} with their content's fingerprint: {@code {asset:url('sphere.css')}}
 * gives {@code /lib/static/sphere.css?v=<hash>}. nginx caches fingerprinted addresses for good, so a new release is
 * seen at once and an unchanged file is never fetched twice.
 */
@TemplateExtension(namespace = "asset")
public final class StaticAssets {

    static final String ROOT = "META-INF/resources/lib/static/";
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private StaticAssets() {
    }

    /** The fingerprinted address of a static file; an unknown name is a programming error found by the page tests. */
    public static String url(String name) {
        return URLS.computeIfAbsent(name, StaticAssets::fingerprinted);
    }

    private static String fingerprinted(String name) {
        if (name.contains("..") || name.startsWith("/")) {
            throw new IllegalArgumentException("not a static file name: " + name);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no static file " + name);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                sha.update(buffer, 0, n);
            }
            return "/lib/static/" + name + "?v=" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
