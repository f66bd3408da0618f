package io.dukan.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signup's e-mail verification in the local cloud, done as the README's reader does it: the mail is found in
 * /_outbox, its link opened, and the page's button pressed.
 */
public final class VerificationMail {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private VerificationMail() {}

    /** The newest verification link mailed to {@code email}, read from the outbox's pages. */
    public static String linkFor(String baseUrl, String email) throws Exception {
        Pattern row = Pattern.compile("<td>" + Pattern.quote(email) + "</td><td><a href=\"(/_outbox/[^\"]+)\">");
        Pattern link = Pattern.compile("href=\"(https?://[^\"]*/signup\\?verify=([a-z2-7]+))\"");
        for (int attempt = 0; attempt < 50; attempt++) {
            Matcher message = row.matcher(get(baseUrl + "/_outbox").body());
            if (message.find()) {
                Matcher found = link.matcher(get(baseUrl + message.group(1)).body());
                if (found.find()) {
                    return found.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no verification mail to " + email + " in " + baseUrl + "/_outbox");
    }

    /** Opens the link and presses "Open my store": the answer to that press (303 to the status page). */
    public static HttpResponse<String> follow(String link) throws Exception {
        HttpResponse<String> page = get(link);
        if (page.statusCode() != 200) {
            throw new AssertionError("the verification link answered " + page.statusCode() + ": " + page.body());
        }
        Matcher field = Pattern.compile("name=\"_csrf\" value=\"([a-z2-7]+)\"").matcher(page.body());
        if (!field.find()) {
            throw new AssertionError("no confirm form on " + page.body());
        }
        String csrf = field.group(1);
        String token = link.substring(link.indexOf("?verify=") + "?verify=".length());
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "dukan_csrf=" + csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&verify=" + token))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The whole step: finds the mail to {@code email}, follows its link; the store's status path it leads to. */
    public static String verify(String baseUrl, String email) throws Exception {
        HttpResponse<String> opened = follow(linkFor(baseUrl, email));
        if (opened.statusCode() != 303) {
            throw new AssertionError("following the link answered " + opened.statusCode() + ": " + opened.body());
        }
        return opened.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
