package io.dukan.local.template;

import java.util.List;

/**
 * One DynamoDB stream event of a function (its event source mapping).
 *
 * @param table                   the logical id of the table whose stream it reads (Stream: !GetAtt T.StreamArn)
 * @param batchSize               records per invocation at most (SAM's default 100)
 * @param filters                 FilterCriteria.Filters[].Pattern, the JSON patterns a record must match one of
 *                                (none: every record)
 * @param reportBatchItemFailures whether FunctionResponseTypes lists ReportBatchItemFailures
 */
public record StreamEvent(String table, int batchSize, List<String> filters, boolean reportBatchItemFailures) {

    public StreamEvent {
        filters = List.copyOf(filters);
    }
}
