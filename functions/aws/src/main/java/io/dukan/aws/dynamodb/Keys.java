package io.dukan.aws.dynamodb;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.TenantId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one place that knows the table's keys. Tenant keys begin "{tenantId}#" so IAM's dynamodb:LeadingKeys can
 * confine a store's function to them; platform keys begin "PLATFORM#" and only the provisioning function may
 * touch them.
 */
final class Keys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String EXPIRES_AT = "expiresAt";

    private Keys() {}

    // Platform records (provisioning function only)

    static Map<String, AttributeValue> slug(Slug slug) {
        return key("PLATFORM#SLUG#" + slug.value(), "SLUG");
    }

    static Map<String, AttributeValue> store(TenantId id) {
        return key("PLATFORM#STORE#" + id.value(), "STORE");
    }

    static Map<String, AttributeValue> signup(String idempotencyKey) {
        return key("PLATFORM#SIGNUP#" + idempotencyKey, "SIGNUP");
    }

    /** A signup waiting for its owner to follow the e-mailed link: keyed by the link's SHA-256 only. */
    static Map<String, AttributeValue> unverifiedSignup(String tokenHash) {
        return key("PLATFORM#VERIFY#" + tokenHash, "VERIFY");
    }

    /** Verified signups waiting for an operator (approval mode), one partition sorted by id. */
    static final String APPROVALS = "PLATFORM#APPROVALS";

    static Map<String, AttributeValue> awaitingApproval(String id) {
        return key(APPROVALS, id);
    }

    /** A platform rate counter (signups per address, per e-mail, provisionings per window). */
    static Map<String, AttributeValue> platformRate(String name) {
        return key("PLATFORM#RATE#" + name, "RATE");
    }

    /** A store's offboarding (its saga's progress and the archive's key): kept after the store's items are gone. */
    static Map<String, AttributeValue> offboarding(TenantId id) {
        return key("PLATFORM#OFFBOARD#" + id.value(), "OFFBOARD");
    }

    // The store's own records

    /**
     * What every partition key of the store begins with, and nothing else's does (tenant ids have a fixed form, so no
     * tenant's prefix is another's): the fence of IAM's dynamodb:LeadingKeys, and what offboarding deletes.
     */
    static String tenantPrefix(TenantId t) {
        return t.value() + "#";
    }

    /** The owner's request to close the store, for the fleet worker (which alone may write PLATFORM# records). */
    static Map<String, AttributeValue> offboardRequest(TenantId t) {
        return key(t.value() + "#STORE", "OFFBOARD_REQUEST");
    }

    static Map<String, AttributeValue> settings(TenantId t) {
        return key(t.value() + "#STORE", "SETTINGS");
    }

    static Map<String, AttributeValue> orderCounter(TenantId t) {
        return key(t.value() + "#STORE", "ORDER_COUNTER");
    }

    static Map<String, AttributeValue> user(TenantId t, String email) {
        return key(t.value() + "#USER#" + email, "USER");
    }

    static Map<String, AttributeValue> loginFailures(TenantId t, String email) {
        return key(t.value() + "#LOGINFAIL#" + email, "LOGINFAIL");
    }

    static Map<String, AttributeValue> session(TenantId t, String token) {
        return key(t.value() + "#SESSION#" + token, "SESSION");
    }

    /** Index of a user's sessions, so all of them can be ended (sort key: SESSION#{token}). */
    static String userSessions(TenantId t, String email) {
        return t.value() + "#USERSESSIONS#" + email;
    }

    static Map<String, AttributeValue> userSession(TenantId t, String email, String token) {
        return key(userSessions(t, email), "SESSION#" + token);
    }

    /** Staff members (MEMBER#{email}) and pending invitations (INVITE#{id}). */
    static String team(TenantId t) {
        return t.value() + "#TEAM";
    }

    static Map<String, AttributeValue> teamMember(TenantId t, String email) {
        return key(team(t), "MEMBER#" + email);
    }

    static Map<String, AttributeValue> teamInvite(TenantId t, String inviteId) {
        return key(team(t), "INVITE#" + inviteId);
    }

    /** A one-time link's token (invitation or password reset), by the SHA-256 of the token: never the token. */
    static Map<String, AttributeValue> oneTimeToken(TenantId t, String tokenHash) {
        return key(t.value() + "#TOKEN#" + tokenHash, "TOKEN");
    }

    static Map<String, AttributeValue> resetRequests(TenantId t, String email) {
        return key(t.value() + "#RESETREQ#" + email, "RESETREQ");
    }

    /** Mail the store sent while e-mail goes to the outbox (the local cloud): sort key time + id. */
    static String outbox(TenantId t) {
        return t.value() + "#OUTBOX";
    }

    static Map<String, AttributeValue> outboxMessage(TenantId t, java.time.Instant at, String id) {
        return key(outbox(t), SORTABLE_TIME.format(at) + "#" + id);
    }

    static String audit(TenantId t) {
        return t.value() + "#AUDIT";
    }

    /** Fixed width, so the sort key orders by time (Instant.toString drops trailing zero fractions). */
    private static final java.time.format.DateTimeFormatter SORTABLE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC);

    static Map<String, AttributeValue> auditEntry(TenantId t, java.time.Instant at, String unique) {
        return key(audit(t), SORTABLE_TIME.format(at) + "#" + unique);
    }

    static String catalog(TenantId t) {
        return t.value() + "#CATALOG";
    }

    static String productSort(ProductId id) {
        return "PRODUCT#" + id.value();
    }

    static Map<String, AttributeValue> product(TenantId t, ProductId id) {
        return key(catalog(t), productSort(id));
    }

    static Map<String, AttributeValue> collection(TenantId t, io.dukan.core.catalog.CollectionId id) {
        return key(catalog(t), "COLLECTION#" + id.value());
    }

    // The catalog's index items: one Query of one partition lists a page, newest first (sort key = product id,
    // ids sort by creation time); the page's products are then read by BatchGetItem. Collection and word entries
    // exist for active products only.

    static String productsByStatus(TenantId t, io.dukan.core.catalog.ProductStatus status) {
        return t.value() + "#PSTATUS#" + status.name();
    }

    static String activeInCollection(TenantId t, io.dukan.core.catalog.CollectionId id) {
        return t.value() + "#PCOLL#" + id.value();
    }

    static String activeWithWord(TenantId t, String word) {
        return t.value() + "#PWORD#" + word;
    }

    static Map<String, AttributeValue> indexEntry(String indexPk, ProductId id) {
        return key(indexPk, id.value());
    }

    /** A SKU's claim: which product of the store holds it (SKUs are unique per store, whatever their case). */
    static Map<String, AttributeValue> skuClaim(TenantId t, String upperCaseSku) {
        return key(t.value() + "#SKU#" + upperCaseSku, "SKU");
    }

    static String orders(TenantId t) {
        return t.value() + "#ORDERS";
    }

    static Map<String, AttributeValue> order(TenantId t, long number) {
        return key(orders(t), String.format("ORDER#%012d", number));
    }

    static Map<String, AttributeValue> orderCode(TenantId t, String code) {
        return key(t.value() + "#ORDERCODE#" + code, "ORDERCODE");
    }

    /** Sparse index of the inbox's "unpaid" tab: set on unpaid, not cancelled orders only (GSI payInbox). */
    static final String PAY_INBOX = "payInbox";
    /** Index of the inbox's fulfilment tabs: to ship, shipped, delivered, cancelled (GSI shipInbox). */
    static final String SHIP_INBOX = "shipInbox";

    static String orderInbox(TenantId t, String tab) {
        return t.value() + "#ORDERS#" + tab;
    }

    static String orderSort(long number) {
        return String.format("ORDER#%012d", number);
    }

    static Map<String, AttributeValue> paymentEvent(TenantId t, String provider, String eventId) {
        return key(t.value() + "#PAYEVENT#" + provider + "#" + eventId, "PAYEVENT");
    }

    static Map<String, AttributeValue> providerKeys(TenantId t, String provider) {
        return key(t.value() + "#STORE", "PAYKEYS#" + provider);
    }

    /** An order's wallet payment attempts: one partition per order, one item per attempt. */
    static String paymentAttempts(TenantId t, String orderCode) {
        return t.value() + "#PAYATTEMPT#" + orderCode;
    }

    static Map<String, AttributeValue> paymentAttempt(TenantId t, String orderCode, String reference) {
        return key(paymentAttempts(t, orderCode), "ATTEMPT#" + reference);
    }

    /**
     * The scheduled payment sweep's index (GSI payDue, sparse): an attempt waiting for its provider carries
     * {@value #PAY_DUE} = "PLATFORM#PAYDUE#S{0..7}" (the shard from the store and order, so no one key takes every
     * store's payments) and {@value #PAY_DUE_AT} = its sweep time in epoch milliseconds; a settled one carries neither.
     * The store's function writes them on its own items (the table's key is the store's); the index's keys begin
     * "PLATFORM#", so no store role can query it (LeadingKeys), and the sweep takes the store from the table's key.
     */
    static final String PAY_DUE = "payDue";

    static final String PAY_DUE_AT = "payDueAt";
    static final int PAY_DUE_SHARDS = 8;

    static String payDue(int shard) {
        return "PLATFORM#PAYDUE#S" + shard;
    }

    static String payDue(TenantId t, String orderCode) {
        return payDue(Math.floorMod((t.value() + "#" + orderCode).hashCode(), PAY_DUE_SHARDS));
    }

    static Map<String, AttributeValue> cart(TenantId t, String cartId) {
        return key(t.value() + "#CART#" + cartId, "CART");
    }

    /** The order a checkout token or API idempotency key placed. */
    static Map<String, AttributeValue> checkout(TenantId t, String key) {
        return key(t.value() + "#CHECKOUT#" + key, "CHECKOUT");
    }

    /** The store's discount codes, one partition sorted by code (sort key CODE#{upper-case code}). */
    static String discounts(TenantId t) {
        return t.value() + "#DISCOUNTS";
    }

    static Map<String, AttributeValue> discount(TenantId t, String code) {
        return key(discounts(t), "CODE#" + code);
    }

    /** A once-per-customer code's use by one customer: sort key the hash of their normalised phone or e-mail. */
    static Map<String, AttributeValue> discountUse(TenantId t, String code, String customerKey) {
        return key(t.value() + "#DISCOUNTUSE#" + code, customerKey);
    }

    static Map<String, AttributeValue> shipping(TenantId t) {
        return key(t.value() + "#STORE", "SHIPPING");
    }

    static Map<String, AttributeValue> payments(TenantId t) {
        return key(t.value() + "#STORE", "PAYMENTS");
    }

    static Map<String, AttributeValue> displayCurrencies(TenantId t) {
        return key(t.value() + "#STORE", "CURRENCIES");
    }

    // Order aggregates (written by the insight aggregator from the table's stream; see InsightAggregator)

    /**
     * The store's own figures: DAY#{local date}, OPEN, ACTIVITY, LOWQ#{stock}#{product}#{variant}, APPLIED#{order
     * sk}; and LOWSTOCK, the store's low-stock level and alert marks.
     */
    static String insight(TenantId t) {
        return t.value() + "#INSIGHT";
    }

    /**
     * The platform's figures are spread over this many partitions (a store always writes to the same one, chosen by
     * its id), so thousands of stores' orders never all land on one key; a reader queries each of them.
     */
    static final int PLATFORM_SHARDS = 8;

    static String platformInsight(int shard) {
        return "PLATFORM#INSIGHT#S" + shard;
    }

    static int platformShard(TenantId t) {
        return Math.floorMod(t.value().hashCode(), PLATFORM_SHARDS);
    }

    /** Marks a store counted among the new stores (once, however often its record changes). */
    static Map<String, AttributeValue> newStoreMark(TenantId t) {
        return key("PLATFORM#INSIGHT#NEWSTORE#" + t.value(), "NEWSTORE");
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
