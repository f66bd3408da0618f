package io.dukan.provisioning;

import io.dukan.aws.AwsClients;
import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.OperatorRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The first operator on AWS, from the Secrets Manager secret template.yaml's OperatorBootstrapSecretArn names
 * (env DUKAN_OPERATOR_BOOTSTRAP_SECRET_ARN): a JSON object {@code {"email": …, "password": …, "totpSecret": …}}
 * (totpSecret: base32, the key the operator put in their authenticator app). Read when the sign-in page is first
 * asked for on an instance, and only while no operator exists: once one does, the secret is never read again
 * (delete it after the first sign-in if you like).
 */
@Singleton
class FirstOperator {

    private static final System.Logger LOG = System.getLogger(FirstOperator.class.getName());

    private final String secretArn;
    private final OperatorRepository operators;
    private final OperatorAuth auth;
    private final AwsClients clients;
    private final SdkHttpClient http;
    private final JsonMapper json;
    private volatile boolean settled;

    FirstOperator(
            @Value("${dukan.operator.bootstrap-secret-arn:}") @Nullable String secretArn,
            OperatorRepository operators,
            OperatorAuth auth,
            AwsClients clients,
            SdkHttpClient http,
            JsonMapper json) {
        this.secretArn = secretArn == null ? "" : secretArn.strip();
        this.operators = operators;
        this.auth = auth;
        this.clients = clients;
        this.http = http;
        this.json = json;
        this.settled = this.secretArn.isEmpty();
    }

    /** Creates the first operator from the secret if there is none yet; once settled, costs nothing. */
    void ensure() {
        if (settled) {
            return;
        }
        if (operators.anyOperator()) {
            settled = true;
            return;
        }
        try (SecretsManagerClient secrets = clients.configure(
                        SecretsManagerClient.builder().httpClient(http), null)
                .build()) {
            String text = secrets.getSecretValue(r -> r.secretId(secretArn)).secretString();
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = json.readValue(text, Map.class);
            auth.createFirst(
                    String.valueOf(fields.get("email")),
                    String.valueOf(fields.get("password")),
                    fields.get("totpSecret") == null ? null : String.valueOf(fields.get("totpSecret")),
                    "deploy-time secret");
            LOG.log(System.Logger.Level.INFO, "created the first operator from the bootstrap secret");
            settled = true;
        } catch (IOException | RuntimeException e) {
            // the sign-in page still answers; the log says what is wrong with the secret (never its content)
            LOG.log(
                    System.Logger.Level.ERROR,
                    "could not create the first operator from " + secretArn + ": "
                            + e.getClass().getSimpleName()
                            + (e instanceof io.dukan.core.shared.DomainException ? " " + e.getMessage() : ""));
        }
    }
}
