package io.dukan.local;

import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.Totp;
import io.dukan.core.shared.Ids;
import io.dukan.provisioning.OperatorCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local cloud's first operator, so a new user can try the operator console at once: created at the first start
 * (the same use case as the operator command), its e-mail, password and TOTP secret kept in the data folder
 * ({@code operator.properties}, dev only) and printed in the banner at every start.
 */
final class LocalOperator {

    static final String EMAIL = "operator@dukan.localhost";

    /** How to sign in as the first operator. */
    record SignIn(String email, String password, String totpSecret) {

        void print(PrintStream out, String consoleUrl) {
            out.println("   Operator console:  " + consoleUrl);
            out.println("     e-mail:          " + email);
            out.println("     password:        " + password);
            out.println("     TOTP secret:     " + totpSecret + "   (add it to an authenticator app)");
            out.println("     otpauth URI:     " + Totp.uri(OperatorAuth.ISSUER, email, totpSecret));
            out.println(
                    "     or a code now:   java -cp <classpath> io.dukan.provisioning.OperatorCommand code --secret="
                            + totpSecret);
        }
    }

    private LocalOperator() {}

    static SignIn ensure(DynamoDbClient dynamo, String table, Path file) {
        OperatorAuth auth = OperatorCommand.auth(dynamo, table);
        try {
            if (Files.isRegularFile(file)) {
                Properties saved = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    saved.load(in);
                }
                SignIn signIn = new SignIn(
                        saved.getProperty("email"), saved.getProperty("password"), saved.getProperty("totpSecret"));
                // an in-memory DynamoDB starts empty: the same operator again
                auth.createFirst(signIn.email(), signIn.password(), signIn.totpSecret(), "local cloud");
                return signIn;
            }
            SignIn signIn = new SignIn(EMAIL, "local-" + Ids.newSecret(), Totp.newSecret());
            if (auth.createFirst(signIn.email(), signIn.password(), signIn.totpSecret(), "local cloud")
                    .isEmpty()) {
                return null; // operators exist already (created by the command): nothing to print
            }
            Properties saved = new Properties();
            saved.setProperty("email", signIn.email());
            saved.setProperty("password", signIn.password());
            saved.setProperty("totpSecret", signIn.totpSecret());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                saved.store(out, "the local cloud's first operator (dev only)");
            }
            return signIn;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the first operator's sign-in in " + file, e);
        }
    }
}
