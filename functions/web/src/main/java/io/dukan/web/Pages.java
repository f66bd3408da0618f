package io.dukan.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * The page shell: small, mobile-first, no third-party requests, inline CSS (one round trip on a slow link).
 * Callers pass body HTML they have escaped with {@link Html}.
 */
public final class Pages {

    public static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private static final String CSS = """
            *{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
            color:#1d1d1f;background:#fafafa}header{background:#14532d;color:#fff;padding:.7rem 1rem}\
            header a{color:#fff;text-decoration:none;font-weight:600}header nav{float:right}header nav a,header nav button\
            {margin:0 0 0 1rem;font-weight:400;color:#fff;background:none;border:0;font:inherit;cursor:pointer;padding:0}\
            main{max-width:60rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.5rem 0 1rem}\
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:1rem}\
            .card{background:#fff;border:1px solid #e5e5e5;border-radius:.5rem;padding:.6rem}.card a{color:inherit;\
            text-decoration:none}.card img,.hero img{width:100%;height:auto;aspect-ratio:1;object-fit:cover;border-radius:.3rem;\
            background:#eee}.hero img{max-width:24rem}.price{font-weight:700}.muted{color:#666}.sold{color:#b91c1c}\
            form{max-width:32rem}label{display:block;margin:.7rem 0 .2rem;font-weight:600}input,textarea,select{width:100%;\
            padding:.55rem;font:inherit;border:1px solid #bbb;border-radius:.35rem}textarea{min-height:5rem}\
            button,.button{margin-top:1rem;background:#15803d;color:#fff;border:0;border-radius:.35rem;padding:.65rem 1.1rem;\
            font:inherit;cursor:pointer;text-decoration:none;display:inline-block}.error{background:#fef2f2;color:#991b1b;\
            border:1px solid #fecaca;padding:.6rem;border-radius:.35rem}.ok{background:#f0fdf4;border:1px solid #bbf7d0;\
            padding:.6rem;border-radius:.35rem}table{width:100%;border-collapse:collapse;background:#fff}td,th{text-align:left;\
            padding:.45rem;border-bottom:1px solid #eee;vertical-align:top}footer{color:#777;font-size:.85rem;padding:2rem 1rem;\
            text-align:center}""";

    private Pages() {}

    /** The shell's style sheet, for pages built from templates that share the look. */
    public static String css() {
        return CSS;
    }

    /** A whole page. {@code title} is plain text; {@code header} and {@code body} are HTML. */
    public static String page(String language, String title, String header, String body) {
        return page(language, title, "", header, body);
    }

    /** A whole page with extra markup for its head (e.g. a refresh). */
    public static String page(String language, String title, String extraHead, String header, String body) {
        return "<!doctype html><html lang=\"" + Html.esc(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" + extraHead
                + "<title>" + Html.esc(title) + "</title><style>" + CSS + "</style></head><body>"
                + "<header>" + header + "</header><main>" + body + "</main></body></html>";
    }

    public static MutableHttpResponse<String> html(HttpStatus status, String page) {
        return HttpResponse.<String>status(status).contentType(HTML).body(page);
    }

    /** A plain error page, for when there is no store to dress it in. */
    public static MutableHttpResponse<String> error(HttpStatus status, String title, String message, String homeHref) {
        String body = "<h1>" + Html.esc(title) + "</h1><p class=\"error\">" + Html.esc(message) + "</p>"
                + "<p><a href=\"" + Html.esc(homeHref) + "\">Back to the start</a></p>";
        return html(status, page("en", title, "<a href=\"" + Html.esc(homeHref) + "\">Dukan</a>", body));
    }
}
