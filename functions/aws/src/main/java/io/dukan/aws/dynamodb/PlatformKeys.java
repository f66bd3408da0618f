package io.dukan.aws.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator console's keys (kept apart from {@link Keys} only to keep that file's history quiet): operator
 * accounts, sessions and sign-in failures, the platform audit log, the store directory (PLATFORM# keys: the
 * provisioning function), and a store's suspension (in the store's own partition, so the store's function reads it
 * under its LeadingKeys fence).
 */
final class PlatformKeys {

    private PlatformKeys() {}

    /** Fixed width, so sort keys order by time. */
    static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    static Map<String, AttributeValue> operator(String email) {
        return Keys.key("PLATFORM#OPERATOR#" + email, "OPERATOR");
    }

    /** Every operator's e-mail, one partition: "is there any operator" is one Query with Limit 1. */
    static final String OPERATORS = "PLATFORM#OPERATORS";

    static Map<String, AttributeValue> operatorListed(String email) {
        return Keys.key(OPERATORS, email);
    }

    static Map<String, AttributeValue> operatorLoginFailures(String email) {
        return Keys.key("PLATFORM#OPLOGINFAIL#" + email, "LOGINFAIL");
    }

    /** A session by the SHA-256 of its token (whoever reads the table cannot sign in with it). */
    static Map<String, AttributeValue> operatorSession(String tokenHash) {
        return Keys.key("PLATFORM#OPSESSION#" + tokenHash, "OPSESSION");
    }

    static final String AUDIT = "PLATFORM#AUDIT";

    static String storeAudit(String tenantId) {
        return "PLATFORM#AUDIT#STORE#" + tenantId;
    }

    static String auditSort(Instant at, String unique) {
        return SORTABLE_TIME.format(at) + "#" + unique;
    }

    /** The store directory: one item per store, sorted by creation time then id. */
    static final String DIRECTORY = "PLATFORM#STORES";

    static String directorySort(Instant createdAt, String tenantId) {
        return SORTABLE_TIME.format(createdAt) + "#" + tenantId;
    }

    static Map<String, AttributeValue> directoryEntry(Instant createdAt, String tenantId) {
        return Keys.key(DIRECTORY, directorySort(createdAt, tenantId));
    }

    /** The store's suspension, read by the store's own function (partition {tenantId}#SUSPENSION). */
    static Map<String, AttributeValue> suspension(String tenantId) {
        return Keys.key(tenantId + "#SUSPENSION", "SUSPENSION");
    }
}
