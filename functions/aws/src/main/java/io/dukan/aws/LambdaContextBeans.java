package io.dukan.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Registers nothing per invocation, in place of micronaut-function-aws's {@link DefaultLambdaContextFactory}.
 *
 * <p>That factory (called by {@code HandlerUtils.configureWithContext} at the start of every
 * {@code handleRequest}) registers the invocation's Lambda {@link Context} and its logger as singletons in the
 * instance's one ApplicationContext. Micronaut 4 keeps every registered singleton's definition, so a warm instance
 * gained two bean definitions (and their registrations) per request, and every bean lookup walked a longer list:
 * the home page took 1.7× as long after 2,000 requests (the benchmark's "instance after N requests" row). Nothing
 * here injects the Lambda context; the request id and trace id still reach the log's MDC, which
 * {@code DiagnosticInfoPopulator} sets separately. {@code WarmInstanceIT} checks that invocations leave the bean
 * count unchanged.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
final class LambdaContextBeans implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context context) {
        // deliberately nothing: see the class comment
    }
}
