package io.sphere.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser reduced to an HTTP client: cookies, no redirects followed, forms posted with their token. */
final class WebSession {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_NAME = Pattern.compile("\\bname\\s*=\\s*\"csrf-token\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue\\s*=\\s*\"([^\"]*)\"");

    private final Stack stack;
    private final HttpClient client;

    WebSession(Stack stack) {
        this.stack = stack;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(stack.webUri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fetches the login page for its CSRF cookie and field, then posts the form; answers the POST's response. */
    HttpResponse<String> logIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET /login answered " + page.statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        form.put("csrf-token", csrfToken(page.body()));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(stack.webUri("/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON call made the way a page's script makes it: the session cookie plus the page's CSRF token. */
    HttpResponse<String> postJson(String path, String json, String csrfToken)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(stack.webUri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrfToken(String html) {
        Matcher inputs = INPUT.matcher(html);
        while (inputs.find()) {
            String input = inputs.group();
            Matcher value = VALUE.matcher(input);
            if (CSRF_NAME.matcher(input).find() && value.find()) {
                return unescape(value.group(1));
            }
        }
        throw new IllegalStateException("no hidden csrf-token field in the page:\n" + html);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#x3D;", "=").replace("&#61;", "=").replace("&amp;", "&");
    }

    static URI location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(URI::create)
                .orElseThrow(() -> new IllegalStateException("no Location header; status " + response.statusCode()));
    }
}
