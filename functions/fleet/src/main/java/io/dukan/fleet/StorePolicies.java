package io.dukan.fleet;

import io.dukan.core.tenant.TenantId;
import io.dukan.web.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM documents of a store's execution role: the second wall between tenants (the first is the code).
 * The role may touch only DynamoDB items whose partition key starts "{tenantId}#", in the table and its indexes,
 * only S3 objects under "tenants/{tenantId}/", only its own function's log group, and send mail only from the
 * platform's sender address.
 */
final class StorePolicies {

    /** TransactWriteItems needs no action of its own: IAM authorises each item's Put/Update/Delete/ConditionCheck. */
    static final List<String> TABLE_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "dynamodb:BatchGetItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem");

    static final List<String> MEDIA_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
    static final List<String> LIST_ACTIONS = List.of("s3:ListBucket");
    static final List<String> MAIL_ACTIONS = List.of("ses:SendEmail");
    static final List<String> QUEUE_ACTIONS = List.of("sqs:SendMessage");
    static final List<String> LOG_ACTIONS = List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");

    private final String tableArn;
    private final String bucketArn;
    private final String partition;
    private final String region;
    private final String accountId;
    /** The platform's sender address; null when the stores send no mail through SES. */
    private final String emailFrom;
    /** The fleet worker's queue, where a store sends its own id when its owner closes it; null: not allowed. */
    private final String queueArn;

    StorePolicies(String tableArn, String bucketArn, String region, String accountId) {
        this(tableArn, bucketArn, region, accountId, null);
    }

    StorePolicies(String tableArn, String bucketArn, String region, String accountId, String emailFrom) {
        this(tableArn, bucketArn, region, accountId, emailFrom, null);
    }

    StorePolicies(
            String tableArn, String bucketArn, String region, String accountId, String emailFrom, String queueArn) {
        this.queueArn = queueArn == null || queueArn.isBlank() ? null : queueArn.strip();
        this.emailFrom = emailFrom == null || emailFrom.isBlank() ? null : emailFrom.strip();
        this.tableArn = tableArn;
        this.bucketArn = bucketArn;
        this.partition = Arns.partition(tableArn);
        this.region = region;
        this.accountId = accountId;
    }

    /** Who may assume the store role: the Lambda service, and nobody else. */
    static String trustPolicy() {
        return Json.write(document(List.of(statement(
                "LambdaRunsTheStore",
                "Allow",
                Map.of("Service", "lambda.amazonaws.com"),
                List.of("sts:AssumeRole"),
                null,
                null))));
    }

    /** What the store's function may do: its own keys, its own media prefix, its own logs. */
    String storePolicy(TenantId tenant, String functionName) {
        Map<String, Object> ownKeysOnly = new LinkedHashMap<>();
        ownKeysOnly.put("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of(tenant.value() + "#*")));
        // ForAllValues is vacuously true for a request without keys; demanding the key closes that door.
        ownKeysOnly.put("Null", Map.of("dynamodb:LeadingKeys", "false"));

        String logGroup =
                "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:/aws/lambda/" + functionName;
        List<Map<String, Object>> statements = new java.util.ArrayList<>(List.of(
                statement(
                        "OwnItems",
                        "Allow",
                        null,
                        TABLE_ACTIONS,
                        List.of(tableArn, tableArn + "/index/*"),
                        ownKeysOnly),
                statement("OwnMedia", "Allow", null, MEDIA_ACTIONS, List.of(mediaPrefix(tenant) + "*"), null),
                // Listing (only under its own prefix) is what makes S3 answer 404, not 403, for a missing key.
                statement(
                        "ListOwnMedia",
                        "Allow",
                        null,
                        LIST_ACTIONS,
                        List.of(bucketArn),
                        Map.of("StringLike", Map.of("s3:prefix", List.of("tenants/" + tenant.value() + "/*")))),
                // S3 keys are literal, so "tenants/{id}/../x" is the store's own object; no such key is ever
                // needed, and refusing it means nothing that normalises paths can turn it into another's key.
                statement(
                        "NoDotSegments",
                        "Deny",
                        null,
                        MEDIA_ACTIONS,
                        List.of(bucketArn + "/*/../*", bucketArn + "/*/..", bucketArn + "/*/./*"),
                        null),
                statement("OwnLogs", "Allow", null, LOG_ACTIONS, List.of(logGroup, logGroup + ":*"), null)));
        if (emailFrom != null) {
            // Mail (invitations, password resets) only from the platform's own verified sender address.
            statements.add(statement(
                    "SendMailAsThePlatform",
                    "Allow",
                    null,
                    MAIL_ACTIONS,
                    List.of("arn:" + partition + ":ses:" + region + ":" + accountId + ":identity/*"),
                    Map.of("StringEquals", Map.of("ses:FromAddress", emailFrom))));
        }
        if (queueArn != null) {
            // The owner's "close my store": the store's id to the fleet worker. The worker acts only on a request it
            // finds under the store's own keys, which only this role can write: a store can close itself alone.
            statements.add(statement("AskToCloseThisStore", "Allow", null, QUEUE_ACTIONS, List.of(queueArn), null));
        }
        return Json.write(document(statements));
    }

    String mediaPrefix(TenantId tenant) {
        return bucketArn + "/tenants/" + tenant.value() + "/";
    }

    private static Map<String, Object> document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    private static Map<String, Object> statement(
            String sid,
            String effect,
            Map<String, Object> principal,
            List<String> actions,
            List<String> resources,
            Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", effect);
        if (principal != null) {
            statement.put("Principal", principal);
        }
        statement.put("Action", actions);
        if (resources != null) {
            statement.put("Resource", resources);
        }
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
