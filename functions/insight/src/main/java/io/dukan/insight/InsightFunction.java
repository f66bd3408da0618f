package io.dukan.insight;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.dukan.aws.dynamodb.InsightAggregator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The order aggregator: the table's stream (order, product and store-record changes only, by the event source
 * mapping's filter), each record applied by {@link InsightAggregator}, in order. Handler:
 * {@code io.dukan.insight.InsightFunction::handleRequest}, with ReportBatchItemFailures: the first record that
 * fails is reported and the function stops there, so Lambda retries from that record on (records of one item must
 * be applied in order); the records before it are done, and applying one again changes nothing.
 */
public class InsightFunction extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    public static final String ENVIRONMENT = "insight";
    private static final System.Logger LOG = System.getLogger(InsightFunction.class.getName());

    private final InsightAggregator aggregator;

    /** On Lambda: configuration from the environment. */
    public InsightFunction() {
        this(ApplicationContext.builder());
    }

    /** In the local cloud and tests: the caller has set properties on the builder. */
    public InsightFunction(ApplicationContextBuilder builder) {
        super(builder.environments(ENVIRONMENT).deduceEnvironment(false).start());
        this.aggregator = applicationContext.getBean(InsightAggregator.class);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        if (event == null || event.getRecords() == null) {
            return new StreamsEventResponse(List.of());
        }
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                aggregator.apply(StreamImages.change(record));
            } catch (RuntimeException e) {
                String sequence = record.getDynamodb() == null
                        ? record.getEventID()
                        : record.getDynamodb().getSequenceNumber();
                LOG.log(Level.WARNING, "stream record " + sequence + " not applied; it will be retried", e);
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
