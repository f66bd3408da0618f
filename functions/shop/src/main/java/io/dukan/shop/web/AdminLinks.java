package io.dukan.shop.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Absolute links to this store's admin, for e-mails. Built from the platform's configured address
 * (dukan.public-url, env DUKAN_PUBLIC_URL), never from the request's Host header: a forged Host would otherwise
 * put an attacker's address into a password-reset mail (link poisoning).
 */
@Singleton
public class AdminLinks {

    private final String publicUrl;
    private final ThisStore store;

    AdminLinks(@Value("${dukan.public-url:}") @Nullable String publicUrl, ThisStore store) {
        String url = publicUrl == null ? "" : publicUrl.strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.store = store;
    }

    /** The storefront's address for shoppers (to share, and in the setup guide's QR code). */
    public String storeUrl() {
        return adminUrl().replaceFirst("/admin$", "");
    }

    /** e.g. https://abc.execute-api.eu-west-1.amazonaws.com/prod/s/kashgar-fruit/admin */
    public String adminUrl() {
        if (!publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
            throw new IllegalStateException("dukan.public-url (env DUKAN_PUBLIC_URL) is not set to the platform's"
                    + " address; links in e-mails need it");
        }
        return publicUrl + "/s/" + store.slug().value() + "/admin";
    }
}
