package io.dukan.local;

import com.sun.net.httpserver.HttpExchange;
import io.dukan.aws.dynamodb.OutboxMessages;
import io.dukan.web.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local cloud's mail client: {@code /_outbox} lists the mail every store "sent" (kept in each store's own
 * partition while dukan.email.mode=outbox), newest first; {@code /_outbox/{tenantId}/{id}} shows one message with
 * its links clickable. Read-only; dev only (the local cloud binds to loopback).
 */
final class LocalOutbox {

    static final String PREFIX = "/_outbox";
    static final int LIST_LIMIT = 200;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String CSS = "body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f}"
            + "header{background:#1e3a8a;color:#fff;padding:.6rem 1rem}header a{color:#fff}main{max-width:60rem;"
            + "margin:0 auto;padding:1rem}table{width:100%;border-collapse:collapse}td,th{text-align:left;"
            + "padding:.4rem;border-bottom:1px solid #eee;vertical-align:top}pre{white-space:pre-wrap;"
            + "background:#f6f6f6;padding:1rem;border-radius:.3rem}.muted{color:#666}";

    private final OutboxMessages messages;
    /** tenant id → store slug, for showing which store sent what. */
    private final Supplier<Map<String, String>> slugs;

    LocalOutbox(OutboxMessages messages, Supplier<Map<String, String>> slugs) {
        this.messages = messages;
        this.slugs = slugs;
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    int handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return send(exchange, 405, page("Not allowed", "<p>The outbox is read-only.</p>"));
        }
        String path = exchange.getRequestURI().getRawPath();
        String rest = path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length() + 1);
        if (rest.isEmpty()) {
            return send(exchange, 200, list());
        }
        String[] parts = rest.split("/", -1);
        Optional<OutboxMessages.Message> message =
                parts.length == 2 ? messages.find(parts[0], parts[1]) : Optional.empty();
        if (message.isEmpty()) {
            return send(
                    exchange,
                    404,
                    page("Not found", "<p>There is no such message. <a href=\"" + PREFIX + "\">All mail</a></p>"));
        }
        return send(exchange, 200, message(message.get()));
    }

    private String list() {
        List<OutboxMessages.Message> recent = messages.recent(LIST_LIMIT);
        Map<String, String> bySlug = slugs.get();
        StringBuilder b = new StringBuilder("<h1>Outbox</h1><p class=\"muted\">Mail the stores sent in the local cloud,"
                        + " newest first (the last ")
                .append(LIST_LIMIT)
                .append("). Nothing leaves this machine.</p>");
        if (recent.isEmpty()) {
            b.append("<p>No mail yet.</p>");
            return page("Outbox", b.toString());
        }
        b.append("<table><thead><tr><th>Sent</th><th>Store</th><th>To</th><th>Subject</th></tr></thead><tbody>");
        for (OutboxMessages.Message m : recent) {
            b.append("<tr><td>")
                    .append(WHEN.format(m.sentAt()))
                    .append("</td><td>")
                    .append(Html.esc(bySlug.getOrDefault(m.tenantId(), m.tenantId())))
                    .append("</td><td>")
                    .append(Html.esc(m.to()))
                    .append("</td><td><a href=\"")
                    .append(href(m))
                    .append("\">")
                    .append(Html.esc(m.subject()))
                    .append("</a></td></tr>");
        }
        return page("Outbox", b.append("</tbody></table>").toString());
    }

    private String message(OutboxMessages.Message m) {
        String store = slugs.get().getOrDefault(m.tenantId(), m.tenantId());
        StringBuilder b = new StringBuilder("<p><a href=\"")
                .append(PREFIX)
                .append("\">← All mail</a></p><h1>")
                .append(Html.esc(m.subject()))
                .append("</h1><table><tbody>")
                .append(row("From", m.from() + " (store " + store + ")"))
                .append(row("To", m.to()));
        if (m.replyTo() != null) {
            b.append(row("Reply-To", m.replyTo()));
        }
        b.append(row("Sent", WHEN.format(m.sentAt())))
                .append("</tbody></table><pre>")
                .append(linkified(m.text()))
                .append("</pre>");
        return page(m.subject(), b.toString());
    }

    /** The text escaped, with each http(s) address made a link (nothing else becomes markup). */
    static String linkified(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher m = LINK.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(Html.esc(text.substring(last, m.start())));
            String url = Html.esc(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = m.end();
        }
        return out.append(Html.esc(text.substring(last))).toString();
    }

    private static String href(OutboxMessages.Message m) {
        return PREFIX + "/" + Html.esc(m.tenantId()) + "/" + Html.esc(m.id());
    }

    private static String row(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + Html.esc(value) + "</td></tr>";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width,initial-scale=1\"><title>" + Html.esc(title) + " · local outbox</title>"
                + "<style>" + CSS + "</style></head><body><header><a href=\"" + PREFIX + "\">Local outbox</a>"
                + " · Dukan local cloud</header><main>" + body + "</main></body></html>";
    }

    private static int send(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        return LocalApiGateway.answer(
                exchange, status, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
}
