package io.dukan.provisioning;

import io.dukan.core.account.PasswordHasher;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.signup.PendingSignup;
import io.dukan.core.signup.PendingSignups;
import io.dukan.core.signup.RateCounters;
import io.dukan.core.signup.SignupGate;
import io.dukan.core.signup.SignupMail;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.TenantId;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The signup gate in front of provisioning, and its verification mail. */
@Factory
class SignupServices {

    /** Whose mail the platform's own messages are (the outbox and SES's tags name it). */
    static final TenantId PLATFORM = new TenantId("platform");

    @Singleton
    SignupGate signupGate(
            ProvisioningService provisioning,
            StoreRegistry registry,
            PendingSignups pending,
            RateCounters counters,
            SignupMail mail,
            PasswordHasher hasher,
            SignupProperties properties,
            Clock clock) {
        return new SignupGate(provisioning, registry, pending, counters, mail, hasher, properties.limits(), clock);
    }

    @Singleton
    SignupMail signupMail(EmailSender email, SignupProperties properties) {
        return (PendingSignup pending, String link) -> {
            Messages m = PlatformText.of(Language.orEnglish(pending.language()));
            long hours = Math.max(1, properties.getVerificationTtl().toHours());
            email.send(
                    PLATFORM,
                    new EmailMessage(
                            pending.ownerEmail(),
                            m.t("mail.subject", pending.storeName().replaceAll("\\p{Cntrl}", " ")),
                            m.t("mail.text", pending.storeName(), hours, link)));
        };
    }
}
