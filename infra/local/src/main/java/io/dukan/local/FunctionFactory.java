package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/**
 * Makes one instance of a function: what Lambda does on a cold start. The local cloud builds the real Micronaut
 * handlers ({@link MicronautFunctions}); gateway tests pass a factory of small test handlers instead.
 */
@FunctionalInterface
interface FunctionFactory {

    /**
     * What a function instance is made from.
     *
     * @param name        the function's name (a template logical id, or dukan-store-{tenantId})
     * @param handler     the handler as in template.yaml, "class::method"
     * @param environment environment variables as Lambda would set them (DUKAN_TABLE, …), already resolved
     * @param properties  Micronaut properties the local cloud sets (endpoints, credentials, …)
     * @param singletons  beans to hand the function (the local queue for the signup function, the local StoreFleet for the fleet worker)
     * @param foreignPackages packages of the other functions' code, which shares this JVM's classpath but is not in
     *                    this function's deployment artifact: their beans must not load in this function
     */
    record Definition(
            String name,
            String handler,
            Map<String, Object> environment,
            Map<String, Object> properties,
            List<Object> singletons,
            List<String> foreignPackages) {

        public Definition {
            environment = Map.copyOf(environment);
            properties = Map.copyOf(properties);
            singletons = List.copyOf(singletons);
            foreignPackages = List.copyOf(foreignPackages);
        }

        public Definition(
                String name,
                String handler,
                Map<String, Object> environment,
                Map<String, Object> properties,
                List<Object> singletons) {
            this(name, handler, environment, properties, singletons, List.of());
        }

        Definition withProperties(Map<String, Object> newProperties) {
            return new Definition(name, handler, environment, newProperties, singletons, foreignPackages);
        }

        /** The package of a handler "a.b.C::method" → "a.b". */
        static String packageOf(String handler) {
            String type = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            int dot = type.lastIndexOf('.');
            return dot < 0 ? "" : type.substring(0, dot);
        }

        /** The handler's class name (the part before "::"). */
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> create(Definition definition)
            throws Exception;

    /** An instance of a function behind a DynamoDB stream event source mapping (the order aggregator). */
    default RequestHandler<
                    com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
                    com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>
            createStreamConsumer(Definition definition) throws Exception {
        throw new UnsupportedOperationException("this factory makes no stream consumers (" + definition.name() + ")");
    }

    /** An instance of a function run on a schedule (the payment sweep): it takes the schedule's event as a map. */
    default RequestHandler<Map<String, Object>, ?> createScheduled(Definition definition) throws Exception {
        throw new UnsupportedOperationException(
                "this factory makes no scheduled functions (" + definition.name() + ")");
    }

    /** An instance of a function behind an SQS event source mapping (the fleet worker). */
    default RequestHandler<SQSEvent, SQSBatchResponse> createQueueConsumer(Definition definition) throws Exception {
        throw new UnsupportedOperationException("this factory makes no queue consumers (" + definition.name() + ")");
    }
}
