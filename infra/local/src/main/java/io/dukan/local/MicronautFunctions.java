package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import io.micronaut.inject.BeanConfiguration;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds the real handlers in-process: loads the class named by the function's Handler and calls its public
 * {@code (ApplicationContextBuilder)} constructor, with the function's environment variables as a property source
 * (DUKAN_TABLE → dukan.table, as on Lambda) and the local cloud's properties and singletons on the builder. The
 * other functions' packages are disabled, since the local cloud's classpath holds every function's code.
 */
final class MicronautFunctions implements FunctionFactory {

    @Override
    @SuppressWarnings("unchecked")
    public RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> create(Definition definition)
            throws Exception {
        return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) instantiate(definition);
    }

    @Override
    @SuppressWarnings("unchecked")
    public RequestHandler<SQSEvent, SQSBatchResponse> createQueueConsumer(Definition definition) throws Exception {
        return (RequestHandler<SQSEvent, SQSBatchResponse>) instantiate(definition);
    }

    @Override
    @SuppressWarnings("unchecked")
    public RequestHandler<
                    com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
                    com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>
            createStreamConsumer(Definition definition) throws Exception {
        return (RequestHandler<
                        com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
                        com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>)
                instantiate(definition);
    }

    @Override
    @SuppressWarnings("unchecked")
    public RequestHandler<java.util.Map<String, Object>, ?> createScheduled(Definition definition) throws Exception {
        return (RequestHandler<java.util.Map<String, Object>, ?>) instantiate(definition);
    }

    private static RequestHandler<?, ?> instantiate(Definition definition) throws Exception {
        ApplicationContextBuilder builder = ApplicationContext.builder().deduceEnvironment(false);
        if (!definition.environment().isEmpty()) {
            builder.propertySources(PropertySource.of(
                    "template-environment",
                    definition.environment(),
                    PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE,
                    PropertySource.Origin.of("template.yaml: " + definition.name())));
        }
        builder.properties(definition.properties());
        if (!definition.singletons().isEmpty()) {
            builder.singletons(definition.singletons().toArray());
        }
        // On Lambda each function has its own artifact; here every function's classes share one classpath, so the
        // beans of the other functions (their controllers, filters) are switched off, as if absent.
        builder.beanConfigurations(definition.foreignPackages().stream()
                .map(BeanConfiguration::disabled)
                .toArray(BeanConfiguration[]::new));
        Class<?> type = Class.forName(definition.handlerClass(), true, MicronautFunctions.class.getClassLoader());
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(definition.handlerClass() + " is not a Lambda RequestHandler");
        }
        try {
            return (RequestHandler<?, ?>)
                    type.getConstructor(ApplicationContextBuilder.class).newInstance(builder);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
