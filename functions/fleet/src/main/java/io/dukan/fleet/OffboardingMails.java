package io.dukan.fleet;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.offboard.OffboardingMail;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.TenantId;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The owner's offboarding mail in the store's language (i18n/offboardmail_{lang}.properties), sent as the platform
 * (not the store: the store's own outbox is deleted with its data).
 */
final class OffboardingMails implements OffboardingMail {

    static final List<String> BUNDLES = List.of("offboardmail");
    /** The platform's sender identity (as the signup verification mail's). */
    static final TenantId PLATFORM = new TenantId("platform");

    private final EmailSender email;
    private final String publicUrl;

    OffboardingMails(EmailSender email, String publicUrl) {
        this.email = email;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    static Messages words(Store store) {
        return Messages.of(Language.orEnglish(store.language()), BUNDLES);
    }

    @Override
    public void exportReady(Store store, URI link, Duration lifetime) {
        Messages m = words(store);
        long hours = Math.max(1, lifetime.toHours());
        email.send(
                PLATFORM,
                new EmailMessage(
                        store.ownerEmail(),
                        m.t("offboard.mail.ready.subject", oneLine(store.name())),
                        m.t("offboard.mail.ready.text", store.name(), link, hours, statusPage(store)),
                        ""));
    }

    @Override
    public void exportFailed(Store store) {
        Messages m = words(store);
        email.send(
                PLATFORM,
                new EmailMessage(
                        store.ownerEmail(),
                        m.t("offboard.mail.failed.subject", oneLine(store.name())),
                        m.t("offboard.mail.failed.text", store.name(), statusPage(store)),
                        ""));
    }

    private String statusPage(Store store) {
        return publicUrl + "/stores/" + store.slug().value() + "/closing";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }
}
