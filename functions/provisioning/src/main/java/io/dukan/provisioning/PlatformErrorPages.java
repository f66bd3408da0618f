package io.dukan.provisioning;

import io.dukan.web.ErrorPageRenderer;
import io.dukan.web.Requests;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The platform's error pages in the page's language ({@link PlatformText#of(HttpRequest)}): English reads the precise
 * sentence the error carries; other languages the platform's words for that kind of error.
 */
@Singleton
class PlatformErrorPages implements ErrorPageRenderer {

    /** The statuses the message table has words for (error.{status}.title / .text). */
    static final Set<Integer> WORDED = Set.of(400, 403, 404, 405, 409, 413, 415, 429, 500, 503);

    @Override
    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String title, String message) {
        Messages m = PlatformText.of(request);
        // on this function, /s/{store} answers only for stores that do not exist (yet)
        boolean unknownStore =
                status == HttpStatus.NOT_FOUND && request.getPath().contains("/s/");
        return page(m, Requests.stagePrefix(request), status, title, message, unknownStore);
    }

    /** The problem+json title a JSON caller reads, in the page's language (English: the reason phrase). */
    @Override
    public String problemTitle(HttpRequest<?> request, HttpStatus status) {
        Messages m = PlatformText.of(request);
        return m.language() == Language.EN ? status.getReason() : m.t("error." + worded(status.getCode()) + ".title");
    }

    static MutableHttpResponse<String> page(
            Messages m, String root, HttpStatus status, String title, String message, boolean unknownStore) {
        int code = worded(status.getCode());
        boolean english = m.language() == Language.EN;
        String heading = english ? title : m.t("error." + code + ".title");
        String text = english ? message : unknownStore ? m.t("store.missing") : m.t("error." + code + ".text");
        return PlatformPages.error(status, m, root, heading, text);
    }

    static int worded(int status) {
        return WORDED.contains(status) ? status : status >= 500 ? 500 : 400;
    }
}
