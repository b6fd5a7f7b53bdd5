package io.sphere.web.card;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.response.Response;
import io.sphere.web.support.WebClient;

/** A browser's form submission with repeated names (multi selects), properly encoded, with the page's CSRF token. */
final class Forms {

    private static final Pattern HIDDEN = Pattern
            .compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final List<String[]> pairs = new ArrayList<>();

    static Forms of(String... nameValues) {
        Forms f = new Forms();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            f.add(nameValues[i], nameValues[i + 1]);
        }
        return f;
    }

    /** The hidden inputs of the form {@code id} on a page (version, originals), as a browser would send them. */
    static Forms hiddenOf(String page, String formId) {
        int start = page.indexOf("id=\"" + formId + "\"");
        if (start < 0) {
            throw new AssertionError("no form " + formId + " on the page:\n" + page);
        }
        int end = page.indexOf("</form>", start);
        Forms f = new Forms();
        Matcher m = HIDDEN.matcher(page.substring(start, end));
        while (m.find()) {
            if (!m.group(1).equals("csrf-token")) {
                f.add(m.group(1), unescape(m.group(2)));
            }
        }
        return f;
    }

    Forms add(String name, String value) {
        pairs.add(new String[]{name, value});
        return this;
    }

    /** Replaces every value of {@code name}. */
    Forms set(String name, String value) {
        pairs.removeIf(p -> p[0].equals(name));
        return add(name, value);
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        pairs.forEach(p -> map.put(p[0], p[1]));
        return map;
    }

    Response post(WebClient browser, String path) {
        return post(browser, path, true);
    }

    Response post(WebClient browser, String path, boolean withToken) {
        List<String[]> all = new ArrayList<>(pairs);
        if (withToken) {
            all.add(new String[]{"csrf-token", browser.csrfToken()});
        }
        String body = all.stream().map(p -> enc(p[0]) + "=" + enc(p[1])).collect(Collectors.joining("&"));
        return browser.request().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                .post(path);
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
