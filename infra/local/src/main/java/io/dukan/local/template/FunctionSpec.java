package io.dukan.local.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function as the template declares it (AWS::Serverless::Function, with Globals.Function merged in).
 *
 * @param handler     "class::method" (null for a function without a Handler, such as an image)
 * @param environment Environment.Variables with their raw values: strings, or intrinsic maps such as
 *                    {@code {Ref: MediaBucket}} that the caller resolves; never null
 * @param apiRoutes   the function's events of Type Api, in template order; never null
 * @param queueEvents the function's events of Type SQS, in template order; never null
 * @param streamEvents the function's events of Type DynamoDB, in template order; never null
 * @param schedules   the Schedule expressions of its events of Type Schedule ("rate(5 minutes)"); never null
 */
public record FunctionSpec(
        String logicalId,
        String handler,
        Map<String, Object> environment,
        List<ApiRoute> apiRoutes,
        List<QueueEvent> queueEvents,
        List<StreamEvent> streamEvents,
        List<String> schedules) {

    public FunctionSpec {
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        apiRoutes = apiRoutes == null ? List.of() : List.copyOf(apiRoutes);
        queueEvents = queueEvents == null ? List.of() : List.copyOf(queueEvents);
        streamEvents = streamEvents == null ? List.of() : List.copyOf(streamEvents);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }

    public FunctionSpec(
            String logicalId,
            String handler,
            Map<String, Object> environment,
            List<ApiRoute> apiRoutes,
            List<QueueEvent> queueEvents,
            List<StreamEvent> streamEvents) {
        this(logicalId, handler, environment, apiRoutes, queueEvents, streamEvents, List.of());
    }

    public FunctionSpec(
            String logicalId,
            String handler,
            Map<String, Object> environment,
            List<ApiRoute> apiRoutes,
            List<QueueEvent> queueEvents) {
        this(logicalId, handler, environment, apiRoutes, queueEvents, List.of());
    }

    public FunctionSpec(String logicalId, String handler, Map<String, Object> environment, List<ApiRoute> apiRoutes) {
        this(logicalId, handler, environment, apiRoutes, List.of(), List.of());
    }
}
