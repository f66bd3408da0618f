package io.dukan.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Reply;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The fleet queue adapter's requests, recorded over a scripted HTTP client (no AWS account is reachable here). */
class SqsFleetQueueTest {

    static final TenantId STORE = new TenantId("ownownownownown2");
    static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/dukan-provisioning";

    final ScriptedAws aws = new ScriptedAws();
    final SqsClient sqs = SqsClient.builder()
            .httpClient(aws)
            .region(Region.US_EAST_1)
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .build();

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void submit_sendsOneMessage_toTheFleetQueue_whoseBodyIsTheStoresIdAlone() throws Exception {
        // given
        aws.on(
                r -> r.service().equals("sqs"),
                Reply.json(200, "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"" + md5(STORE.value()) + "\"}"));

        // when
        new SqsFleetQueue(sqs, QUEUE).submit(STORE);

        // then
        assertThat(aws.requests()).hasSize(1);
        ScriptedAws.Request request = aws.requests().get(0);
        assertThat(request.operation()).isEqualTo("SendMessage");
        assertThat(request.json().path("QueueUrl").asText()).isEqualTo(QUEUE);
        assertThat(request.json().path("MessageBody").asText()).isEqualTo(STORE.value());
        assertThat(request.json().size())
                .as("nothing but the queue and the body")
                .isEqualTo(2);
    }

    @Test
    void submit_saysTryAgainLater_whenTheQueueRefuses() {
        aws.on(r -> r.service().equals("sqs"), Reply.restError(500, "InternalError", "Service unavailable"));

        assertThatThrownBy(() -> new SqsFleetQueue(sqs, QUEUE).submit(STORE))
                .isInstanceOf(TryAgainLaterException.class)
                .hasMessageContaining("please send it again");
    }
}
