package io.sphere.web.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser stand-in for page tests: keeps cookies between requests and fills in the CSRF token that the last
 * rendered form carried, as a real browser submitting that form would.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;
    private String acceptLanguage = "en";

    public WebClient language(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
        return this;
    }

    public Response get(String path) {
        Response r = spec().get(path);
        remember(r);
        return r;
    }

    /** Submits a form with the CSRF token of the last page. */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> withToken = new HashMap<>(form);
        if (csrfToken != null) {
            withToken.put("csrf-token", csrfToken);
        }
        return postRaw(path, withToken);
    }

    /** Submits exactly these fields: no CSRF token unless the caller adds one. */
    public Response postRaw(String path, Map<String, String> form) {
        Response r = spec().contentType("application/x-www-form-urlencoded").formParams(form).post(path);
        remember(r);
        return r;
    }

    public Response login(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    public WebClient loggedInAs(String email, String password) {
        Response r = login(email, password);
        if (r.statusCode() != 303) {
            throw new AssertionError("login as " + email + " failed: " + r.statusCode() + "\n" + r.asString());
        }
        return this;
    }

    /** The CSRF token of the last rendered form, as a page's script would send it in {@code X-CSRF-TOKEN}. */
    public String csrfToken() {
        return csrfToken;
    }

    /** A request that carries this browser's cookies and language, for JSON calls made by a page's script. */
    public RequestSpecification request() {
        return spec();
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private RequestSpecification spec() {
        // paths are passed as a browser would send them, already encoded: no second round of encoding
        return given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).header("Accept-Language",
                acceptLanguage);
    }

    private void remember(Response r) {
        r.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        String contentType = r.getContentType();
        if (contentType != null && contentType.startsWith("text/html")) {
            Matcher m = CSRF.matcher(r.asString());
            if (m.find()) {
                csrfToken = m.group(1);
            }
        }
    }
}
