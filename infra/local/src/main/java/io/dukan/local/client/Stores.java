package io.dukan.local.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stores made the way owners make them, and forms posted the way a browser posts them: signup through the JSON
 * API; sign-in, products, carts and checkouts through the pages' forms, with the cookies the pages set and the hidden fields
 * they carry (the CSRF token, when the page has one). Used by the bench (infra/bench) and by the store runtime's
 * training run (infra/runtime), against a local cloud whose signups need no mailed link.
 */
public final class Stores {

    public static final String PASSWORD = "benchmark password 2026";
    public static final String CURRENCY = "PKR";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CHECKOUT_TOKEN = Pattern.compile("name=\"checkoutToken\" value=\"([a-z2-7]+)\"");

    /** A store the benchmark signed up. */
    public record Store(String slug, String tenantId, String name) {
        public String home() {
            return "/s/" + slug + "/";
        }
    }

    /** A signup's answer and how long it took to get it (the store is ACTIVE when it comes). */
    public record Signup(Store store, long nanos) {}

    /** A browser's state on one store: its cookies, and the form token the last page carried. */
    public static final class Session {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String csrf;

        public String cookieHeader() {
            return Http.cookieHeader(cookies);
        }

        /** Adds a form's hidden token to the fields, as the browser submits it. */
        public Map<String, String> form(Map<String, String> fields) {
            Map<String, String> form = new HashMap<>(fields);
            if (csrf != null) {
                form.put("_csrf", csrf);
            }
            return form;
        }
    }

    private final Http http;

    public Stores(Http http) {
        this.http = http;
    }

    /** POST /api/stores; a 202 (still provisioning) is followed by polling until ACTIVE, bounded. */
    public Signup signup(String slug) throws IOException, InterruptedException {
        String name = "Bench " + slug;
        String json = "{\"storeName\":\"" + name + "\",\"slug\":\"" + slug + "\",\"ownerEmail\":\"owner@" + slug
                + ".example\",\"password\":\"" + PASSWORD + "\",\"currency\":\"" + CURRENCY
                + "\",\"country\":\"PK\",\"language\":\"en\"}";
        long start = System.nanoTime();
        Http.Response response = http.postJson("/api/stores", json, "bench-" + slug);
        String status = match(STATUS, response.body());
        for (int poll = 0; response.status() == 202 && "PROVISIONING".equals(status) && poll < 300; poll++) {
            Thread.sleep(20);
            response = http.get("/api/stores/" + slug, null);
            status = match(STATUS, response.body());
        }
        long nanos = System.nanoTime() - start;
        if (!"ACTIVE".equals(status) || (response.status() != 201 && response.status() != 200)) {
            throw new IllegalStateException(
                    "signup of " + slug + " answered " + response.status() + ": " + excerpt(response.body()));
        }
        return new Signup(new Store(slug, match(ID, response.body()), name), nanos);
    }

    /** Opens a page as a browser does: keeps the cookies it sets and the form token it carries. */
    public Http.Response open(Session session, String path, int expected) throws IOException, InterruptedException {
        Http.Response page = http.get(path, session.cookieHeader());
        if (page.status() != expected) {
            throw new IllegalStateException(path + " answered " + page.status() + ", expected " + expected);
        }
        session.cookies.putAll(page.cookies());
        String token = match(CSRF, page.body());
        if (token != null) {
            session.csrf = token;
        }
        return page;
    }

    /** Posts a form from the last page opened, with the session's cookies and token; keeps what it sets. */
    public Http.Response submit(Session session, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        Http.Response response = http.postForm(path, session.form(fields), session.cookieHeader());
        session.cookies.putAll(response.cookies());
        return response;
    }

    /** The owner, signed in through the login form. */
    public Session login(Store store) throws IOException, InterruptedException {
        Session session = new Session();
        open(session, "/s/" + store.slug() + "/admin/login", 200);
        Http.Response response = submit(
                session,
                "/s/" + store.slug() + "/admin/login",
                Map.of("email", "owner@" + store.slug() + ".example", "password", PASSWORD));
        if (response.status() != 303) {
            throw new IllegalStateException("login to " + store.slug() + " answered " + response.status());
        }
        return session;
    }

    /** A product through the admin's form (price in the store's currency, e.g. "12.50"). */
    public void addProduct(Store store, Session owner, String name, String price, long stock)
            throws IOException, InterruptedException {
        open(owner, "/s/" + store.slug() + "/admin/products/new", 200);
        Http.Response response = submit(
                owner,
                "/s/" + store.slug() + "/admin/products",
                Map.of(
                        "name",
                        name,
                        "description",
                        "Made for the benchmark.",
                        "price",
                        price,
                        "stock",
                        Long.toString(stock),
                        "imageKey",
                        ""));
        if (response.status() != 303) {
            throw new IllegalStateException("adding a product to " + store.slug() + " answered " + response.status()
                    + ": " + excerpt(response.body()));
        }
    }

    /** A shopper who opened the product page: their browser has the CSRF cookie and the page's token. */
    public Session shopper(Store store, String productId) throws IOException, InterruptedException {
        Session session = new Session();
        open(session, "/s/" + store.slug() + "/products/" + productId, 200);
        return session;
    }

    /** The shopper's answer to placing an order, and how long its last step (the place POST) took. */
    public record Placed(int status, long placeNanos) {}

    /**
     * One order the way a shopper places it now: adds one of the product (its default variant) to the cart
     * (POST /cart, which sets the dukan_cart cookie the first time), opens the checkout form for its one-time
     * checkoutToken (GET /checkout), and places it (POST /checkout/place, cash on delivery). 303 when placed.
     */
    public Placed order(Store store, Session shopper, String productId) throws IOException, InterruptedException {
        String base = "/s/" + store.slug();
        Http.Response added = submit(shopper, base + "/cart", Map.of("productId", productId, "quantity", "1"));
        if (added.status() != 303 || !shopper.cookies.containsKey("dukan_cart")) {
            throw new IllegalStateException("adding to the cart of " + store.slug() + " answered " + added.status()
                    + ": " + excerpt(added.body()));
        }
        Http.Response form = open(shopper, base + "/checkout", 200);
        String token = match(CHECKOUT_TOKEN, form.body());
        if (token == null) {
            throw new IllegalStateException("the checkout of " + store.slug() + " carries no checkoutToken");
        }
        Map<String, String> fields = new HashMap<>();
        fields.put("checkoutToken", token);
        fields.put("name", "Bench Shopper");
        fields.put("phone", "+92 300 0000000");
        fields.put("email", "");
        fields.put("line1", "1 Benchmark Road");
        fields.put("line2", "");
        fields.put("city", "Sialkot");
        fields.put("region", "");
        fields.put("postcode", "");
        fields.put("country", "PK");
        fields.put("notes", "");
        fields.put("paymentMethod", "CASH_ON_DELIVERY");
        long start = System.nanoTime();
        Http.Response placed = submit(shopper, base + "/checkout/place", fields);
        long nanos = System.nanoTime() - start;
        if (placed.status() != 303) {
            throw new IllegalStateException("placing an order in " + store.slug() + " answered " + placed.status()
                    + ": " + excerpt(placed.body()));
        }
        return new Placed(placed.status(), nanos);
    }

    /** The product ids the store's home page links to, in page order. */
    public List<String> productIds(Store store) throws IOException, InterruptedException {
        Http.Response home = http.get(store.home(), null);
        if (home.status() != 200) {
            throw new IllegalStateException(store.home() + " answered " + home.status());
        }
        Matcher m = Pattern.compile("/s/" + Pattern.quote(store.slug()) + "/products/([a-z2-7]{16})")
                .matcher(home.body());
        Set<String> ids = new LinkedHashSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return new ArrayList<>(ids);
    }

    /** An error page's message (role="alert") or the answer's start: enough to say what went wrong. */
    public static String excerpt(String body) {
        String text = body == null ? "" : body;
        Matcher alert = Pattern.compile("role=\"alert\">([^<]*)<").matcher(text);
        if (alert.find()) {
            return alert.group(1);
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : null;
    }
}
