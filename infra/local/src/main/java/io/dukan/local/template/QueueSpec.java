package io.dukan.local.template;

/**
 * An SQS queue as the template declares it (AWS::SQS::Queue).
 *
 * @param visibilityTimeoutSeconds how long a delivered message stays hidden before it is delivered again (SQS's
 *                                 default 30 when unset)
 * @param deadLetterQueue          the logical id of RedrivePolicy.deadLetterTargetArn's queue, or null
 * @param maxReceiveCount          deliveries before a message moves to the dead-letter queue (0 without one)
 */
public record QueueSpec(String logicalId, int visibilityTimeoutSeconds, String deadLetterQueue, int maxReceiveCount) {}
