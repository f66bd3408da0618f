package io.dukan.provisioning;

import io.dukan.aws.crypto.Passwords;
import io.dukan.aws.dynamodb.OperatorTables;
import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.Totp;
import java.io.Console;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The operators' command line, run with the AWS credentials of someone allowed to write the table:
 *
 * <pre>
 * java -cp functions/provisioning/target/dukan-provisioning-lambda.jar io.dukan.provisioning.OperatorCommand \
 *     create-operator --email=ops@example.com [--totp-secret=BASE32]
 * </pre>
 *
 * The password is read from the terminal (or env DUKAN_OPERATOR_PASSWORD); the account's TOTP secret and its
 * otpauth:// URI are printed once, for the operator's authenticator app. {@code reindex-stores} adds stores
 * registered before the store directory existed to it; {@code code --secret=BASE32} prints the current code of a
 * secret (for trying the local cloud without a phone). The table: env DUKAN_TABLE; another DynamoDB (the local
 * cloud's): env DUKAN_DYNAMODB_ENDPOINT; region and credentials: the AWS SDK's usual environment.
 */
public final class OperatorCommand {

    private OperatorCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: create-operator --email=E [--totp-secret=BASE32] | reindex-stores | code --secret=S");
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                err.println("options are --name=value: " + a);
                return 2;
            }
            options.put(a.substring(2, eq), a.substring(eq + 1));
        }
        if (args[0].equals("code")) {
            out.println(Totp.code(options.getOrDefault("secret", ""), Instant.now()));
            return 0;
        }
        String table = System.getenv("DUKAN_TABLE");
        if (table == null || table.isBlank()) {
            err.println("set DUKAN_TABLE to the platform's table name (the stack's DukanTable)");
            return 2;
        }
        try (DynamoDbClient dynamo = dynamo(System.getenv("DUKAN_DYNAMODB_ENDPOINT"))) {
            switch (args[0]) {
                case "create-operator" -> {
                    String password = Optional.ofNullable(System.getenv("DUKAN_OPERATOR_PASSWORD"))
                            .orElseGet(OperatorCommand::askPassword);
                    OperatorAuth.Created created = auth(dynamo, table)
                            .create(options.get("email"), password, options.get("totp-secret"), "operator command");
                    printSignIn(out, created, null, null);
                    return 0;
                }
                case "reindex-stores" -> {
                    out.println(
                            "stores added to the directory: " + OperatorTables.rebuildStoreDirectory(dynamo, table));
                    return 0;
                }
                default -> {
                    err.println("unknown command " + args[0]);
                    return 2;
                }
            }
        } catch (io.dukan.core.shared.DomainException refused) {
            err.println(refused.getMessage());
            return 1;
        }
    }

    /** The console's use case over the table, as the provisioning function wires it. */
    public static OperatorAuth auth(DynamoDbClient dynamo, String table) {
        return new OperatorAuth(
                OperatorTables.operators(dynamo, table),
                OperatorTables.audit(dynamo, table),
                Passwords.bcrypt(),
                Clock.systemUTC());
    }

    /** What an operator needs to sign in: where, who, the TOTP secret (shown once) and, locally, the password. */
    public static void printSignIn(PrintStream out, OperatorAuth.Created created, String consoleUrl, String password) {
        if (consoleUrl != null) {
            out.println("   Operator console:  " + consoleUrl);
        }
        out.println("   Operator e-mail:   " + created.operator().email());
        if (password != null) {
            out.println("   Password:          " + password);
        }
        out.println("   TOTP secret:       " + created.totpSecret() + "   (add it to an authenticator app)");
        out.println("   otpauth URI:       " + created.otpauthUri());
    }

    private static String askPassword() {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("no terminal: set DUKAN_OPERATOR_PASSWORD");
        }
        char[] first =
                console.readPassword("New operator's password (at least %d characters): ", OperatorAuth.MIN_PASSWORD);
        char[] again = console.readPassword("Again: ");
        if (first == null || !java.util.Arrays.equals(first, again)) {
            throw new IllegalStateException("the two passwords differ");
        }
        return new String(first);
    }

    private static DynamoDbClient dynamo(String endpoint) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }
}
