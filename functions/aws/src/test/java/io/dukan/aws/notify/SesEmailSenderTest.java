package io.dukan.aws.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Reply;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** The SES adapter's requests, recorded over a scripted HTTP client (no AWS account is reachable from here). */
class SesEmailSenderTest {

    static final TenantId STORE = new TenantId("ownownownownown2");

    final ScriptedAws aws = new ScriptedAws();
    final SesV2Client ses = SesV2Client.builder()
            .httpClient(aws)
            .region(Region.US_EAST_1)
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .build();

    static SesEmailSender sender(SesV2Client ses, String from) {
        EmailProperties properties = new EmailProperties();
        properties.setFrom(from);
        return new SesEmailSender(ses, properties);
    }

    @Test
    void send_postsOnePlainTextMessage_fromThePlatformAddress_taggedWithTheStore() {
        // given
        aws.on(r -> r.service().equals("ses"), Reply.json(200, "{\"MessageId\":\"m-1\"}"));

        // when
        sender(ses, "no-reply@shops.example.com")
                .send(
                        STORE,
                        new EmailMessage(
                                "bilal@example.com",
                                "You are invited",
                                "Open https://x.example/s/a/admin/invite/abc",
                                "owner@kashgar.example"));

        // then
        assertThat(aws.requests()).hasSize(1);
        ScriptedAws.Request request = aws.requests().get(0);
        assertThat(request.method() + " " + request.path()).isEqualTo("POST /v2/email/outbound-emails");
        JsonNode body = request.json();
        assertThat(body.path("FromEmailAddress").asText()).isEqualTo("no-reply@shops.example.com");
        assertThat(body.at("/Destination/ToAddresses/0").asText()).isEqualTo("bilal@example.com");
        assertThat(body.at("/Destination/ToAddresses").size()).isEqualTo(1);
        assertThat(body.at("/ReplyToAddresses/0").asText()).isEqualTo("owner@kashgar.example");
        assertThat(body.at("/Content/Simple/Subject/Data").asText()).isEqualTo("You are invited");
        assertThat(body.at("/Content/Simple/Body/Text/Data").asText()).contains("/admin/invite/abc");
        assertThat(body.at("/Content/Simple/Body/Html").isMissingNode()).isTrue();
        assertThat(body.at("/EmailTags/0/Name").asText()).isEqualTo("dukan-tenant");
        assertThat(body.at("/EmailTags/0/Value").asText()).isEqualTo(STORE.value());
    }

    @Test
    void send_saysTryAgainLater_whenSesThrottles() {
        aws.on(
                r -> r.service().equals("ses"),
                Reply.restError(429, "TooManyRequestsException", "Maximum sending rate exceeded."));

        assertThatThrownBy(() -> sender(ses, "no-reply@shops.example.com")
                        .send(STORE, new EmailMessage("bilal@example.com", "s", "t")))
                .isInstanceOf(TryAgainLaterException.class);
    }

    @Test
    void send_passesOnARejection_whichIsTheOperatorsToFix() {
        aws.on(
                r -> r.service().equals("ses"),
                Reply.restError(400, "MessageRejected", "Email address is not verified."));

        assertThatThrownBy(() -> sender(ses, "no-reply@shops.example.com")
                        .send(STORE, new EmailMessage("bilal@example.com", "s", "t")))
                .isInstanceOf(SesV2Exception.class)
                .hasMessageContaining("not verified");
    }

    @Test
    void send_refuses_withoutASenderAddress_andSendsNothing() {
        SesEmailSender unconfigured = sender(ses, null); // the store still starts

        assertThatThrownBy(() -> unconfigured.send(STORE, new EmailMessage("bilal@example.com", "s", "t")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DUKAN_EMAIL_FROM");
        assertThat(aws.requests()).isEmpty();
    }
}
