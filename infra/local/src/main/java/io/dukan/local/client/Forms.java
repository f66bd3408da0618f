package io.dukan.local.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages' form traffic as the local cloud's integration tests send it: pages opened with the session's cookie,
 * forms posted with the double-submit CSRF token a browser holds after opening a form (the {@code dukan_csrf}
 * cookie and the {@code _csrf} field carrying one value, fixed per test), the owner's sign-in through the admin's
 * login form, and the platform's signup form. Answers are the JDK's {@link HttpResponse}, headers and all, over the
 * caller's client (so what it follows and which HTTP version it speaks stay the caller's). Unlike {@link Stores},
 * which the bench uses against a cloud whose signups need no mailed link, nothing here checks an answer, except
 * the sign-in, whose session cookie is its result.
 */
public final class Forms {

    public static final String CSRF_COOKIE = "dukan_csrf";
    public static final String SESSION_COOKIE = "dukan_session";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final String csrf;

    /**
     * @param base the local gateway's address ({@code LocalCloud.baseUrl()})
     * @param csrf the token the test's "browser" holds, as cookie and as field
     */
    public Forms(HttpClient http, String base, String csrf) {
        this.http = http;
        this.base = base;
        this.csrf = csrf;
    }

    /** GET as a browser opens a page (Accept: text/html), with the cookie header when there is one. */
    public HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return get(path, cookie, "text/html");
    }

    public HttpResponse<String> get(String path, String cookie, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form's POST with the CSRF token as field and cookie, after the cookie header's own cookies. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String cookie)
            throws IOException, InterruptedException {
        String body = encode(fields);
        return post(
                path,
                (body.isEmpty() ? "" : body + "&") + "_csrf=" + csrf,
                (cookie == null ? "" : cookie + "; ") + CSRF_COOKIE + "=" + csrf);
    }

    /** The same POST without the token (neither field nor cookie): what a forged cross-site form sends. */
    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields, String cookie)
            throws IOException, InterruptedException {
        return post(path, encode(fields), cookie);
    }

    private HttpResponse<String> post(String path, String body, String cookies)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookies != null && !cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The owner (or a staff member) signed in through the store admin's login form: the session cookie, as a
     * Cookie header's {@code dukan_session=…}. Anything but the form's 303 is an {@link IllegalStateException}
     * with the answer.
     */
    public String signIn(String slug, String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> login =
                postForm("/s/" + slug + "/admin/login", Map.of("email", email, "password", password), null);
        if (login.statusCode() != 303) {
            throw new IllegalStateException(
                    "signing in to " + slug + " answered " + login.statusCode() + ": " + login.body());
        }
        return cookie(login, SESSION_COOKIE);
    }

    /**
     * The platform's signup form as an owner fills it in (a store in PKR, in Pakistan, in English), with the
     * idempotency key the form page carries: the form's answer (200, "check your mail", when the cloud mails a
     * link). The caller follows the mailed link.
     */
    public HttpResponse<String> signup(String slug, String storeName, String email, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get("/signup", null);
        Matcher key = IDEMPOTENCY_KEY.matcher(page.body());
        if (!key.find()) {
            throw new IllegalStateException("the signup page (" + page.statusCode() + ") carries no idempotency key");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", key.group(1));
        form.put("storeName", storeName);
        form.put("slug", slug);
        form.put("ownerEmail", email);
        form.put("password", password);
        form.put("currency", "PKR");
        form.put("country", "PK");
        form.put("language", "en");
        return postForm("/signup", form, null);
    }

    /** The {@code name=value} an answer's Set-Cookie headers set for {@code name}. */
    public static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.indexOf(';') < 0 ? c : c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no " + name + " cookie in the answer (" + response.statusCode() + ")"));
    }

    /** Fields as a form body (UTF-8, in the map's order). */
    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
