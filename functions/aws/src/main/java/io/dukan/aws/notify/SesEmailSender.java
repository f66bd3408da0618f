package io.dukan.aws.notify;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Sends through Amazon SES (API v2) from the platform's verified address; each message is tagged with the store's
 * tenant id (dukan-tenant), so bounces and sending figures can be told apart per store. Throttling, SES's own
 * failures and network errors become "try again later"; a rejected message (unverified sender, sandbox recipient)
 * is the operator's to fix and surfaces as an error with SES's words in the log.
 */
@Singleton
@Requires(env = {"shop", "provisioning", "fleet"})
@Requires(property = "dukan.email.mode", value = EmailProperties.SES, defaultValue = EmailProperties.SES)
final class SesEmailSender implements EmailSender {

    static final String TENANT_TAG = "dukan-tenant";
    private static final Logger LOG = LoggerFactory.getLogger(SesEmailSender.class);

    private final SesV2Client ses;
    private final String from;

    SesEmailSender(SesV2Client ses, EmailProperties properties) {
        this.ses = ses;
        this.from = properties.getFrom() == null ? null : properties.getFrom().strip();
        if (!EmailMessage.isAddress(from)) {
            // not fatal at start: the store keeps selling; only what sends mail fails, with this message
            LOG.warn(misconfigured());
        }
    }

    @Override
    public void send(TenantId tenant, EmailMessage message) {
        if (!EmailMessage.isAddress(from)) {
            throw new IllegalStateException(misconfigured());
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(message.to()))
                .content(c ->
                        c.simple(m -> m.subject(s -> s.data(message.subject()).charset("UTF-8"))
                                .body(b -> b.text(t -> t.data(message.text()).charset("UTF-8")))))
                .emailTags(MessageTag.builder()
                        .name(TENANT_TAG)
                        .value(tenant.value())
                        .build());
        message.replyToAddress().ifPresent(request::replyToAddresses);
        try {
            ses.sendEmail(request.build());
        } catch (SesV2Exception e) {
            if (e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() >= 500) {
                throw new TryAgainLaterException("The e-mail could not be sent just now; please try again.", e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new TryAgainLaterException("The e-mail could not be sent just now; please try again.", e);
        }
    }

    private String misconfigured() {
        return "dukan.email.from (env DUKAN_EMAIL_FROM, template parameter EmailFrom) must be the SES-verified address"
                + " mail is sent from; it is " + (from == null ? "not set" : "'" + from + "'");
    }
}
