package io.dukan.aws.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * Reads why DynamoDB cancelled a transaction: its cancellation reasons come one per item, in the order the items
 * were written, so an item's index says which condition failed.
 */
final class Cancellations {

    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** Another transaction was writing one of the items at the same time; on real DynamoDB only, not DynamoDB Local. */
    static final String CONFLICT = "TransactionConflict";

    private Cancellations() {}

    /** Whether the item at {@code index} was cancelled for {@code code}. */
    static boolean failed(List<CancellationReason> reasons, int index, String code) {
        return reasons != null
                && reasons.size() > index
                && code.equals(reasons.get(index).code());
    }

    /** Whether any item was cancelled for {@code code}. */
    static boolean anyFailed(List<CancellationReason> reasons, String code) {
        return reasons != null && reasons.stream().anyMatch(reason -> code.equals(reason.code()));
    }
}
