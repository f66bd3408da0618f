package io.dukan.local.template;

/**
 * One SQS event of a function (its event source mapping).
 *
 * @param queue                   the logical id of the queue (Queue: !GetAtt X.Arn)
 * @param batchSize               messages per invocation at most (SAM's default 10)
 * @param reportBatchItemFailures whether FunctionResponseTypes lists ReportBatchItemFailures: the function answers
 *                                which messages failed, and only those are delivered again
 */
public record QueueEvent(String queue, int batchSize, boolean reportBatchItemFailures) {}
