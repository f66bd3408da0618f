package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.StoreVersions;
import io.dukan.core.upgrade.UpgradeCampaign;
import io.dukan.core.upgrade.UpgradeCampaigns;
import io.dukan.core.upgrade.UpgradeNote;
import io.dukan.core.upgrade.UpgradeRules;
import io.dukan.core.upgrade.UpgradeState;
import io.dukan.core.upgrade.UpgradeTarget;
import io.dukan.core.upgrade.Wave;
import io.dukan.core.upgrade.WaveState;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Shop-code versions, upgrade campaigns and the version each store runs, under platform keys:
 *
 * <ul>
 *   <li>PLATFORM#SHOPCODE / VERSION#{id}: a version (a handful; the partition is read whole, newest first);
 *       PLATFORM#SHOPCODE / FLEET: the fleet's version, which new stores get (set when a campaign finishes);
 *   <li>PLATFORM#UPGRADES / CAMPAIGN#{id}: a campaign with its waves (ids sort by time: the newest are one Query);
 *       its {@code reason} and each wave's {@code note} in {@link UpgradeNote}'s encoding ({@code ~key|arg|…}, or
 *       plain English text written before notes had keys);
 *       PLATFORM#UPGRADES / ACTIVE: the active campaign's id, so two can never run at once;
 *   <li>PLATFORM#UPGRADE#{id} / P#{position}: the plan's stores in order (a wave is a range of positions);
 *       PLATFORM#UPGRADE#{id} / S#{tenant id}: a store's position there (its console page finds it with two reads);
 *   <li>shopVersion on the store record (PLATFORM#STORE#{id}) and on its directory entry (the operators' list).
 * </ul>
 *
 * Read and written by the provisioning function (the console) and the fleet worker (the saga); read by the upgrade
 * nudge (io.dukan.fleet.upgrades).
 */
@Singleton
@Requires(env = {"provisioning", "fleet", "upgradenudge"})
final class DynamoDbUpgrades implements ShopVersions, UpgradeCampaigns, StoreVersions {

    static final String VERSIONS = "PLATFORM#SHOPCODE";
    static final String CAMPAIGNS = "PLATFORM#UPGRADES";
    static final String ACTIVE = "ACTIVE";
    static final String FLEET = "FLEET";

    private final DynamoDbClient dynamo;
    private final String table;

    @jakarta.inject.Inject
    DynamoDbUpgrades(DynamoDbClient dynamo, TableName table) {
        this(dynamo, table.value());
    }

    /** Outside a function's context: {@link UpgradeRecords}. */
    DynamoDbUpgrades(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // --- versions --------------------------------------------------------------------------------------------------

    @Override
    public boolean publish(ShopVersion v) {
        Map<String, AttributeValue> item = Items.item(Keys.key(VERSIONS, "VERSION#" + v.id()))
                .with("id", v.id())
                .with("artifact", v.artifact())
                .with("publishedAt", v.publishedAt().toString())
                .with("publishedBy", v.publishedBy())
                .with("notes", v.notes())
                .build();
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<ShopVersion> version(String id) {
        if (id == null || !id.matches(ShopVersion.ID_PATTERN)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.key(VERSIONS, "VERSION#" + id))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(version(Items.of(item)));
    }

    @Override
    public List<ShopVersion> all() {
        List<ShopVersion> all = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryAll(VERSIONS, "VERSION#", null)) {
            all.add(version(Items.of(item)));
        }
        all.sort(Comparator.comparing(ShopVersion::publishedAt).reversed());
        return all.size() <= LIMIT ? all : all.subList(0, LIMIT);
    }

    @Override
    public Optional<String> fleetVersion() {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.key(VERSIONS, FLEET)).consistentRead(true))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(Items.of(item).s("version")).filter(v -> !v.isEmpty());
    }

    @Override
    public void setFleetVersion(String id) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.key(VERSIONS, FLEET))
                        .with("version", id)
                        .with("updatedAt", Instant.now().toString())
                        .build()));
    }

    private static ShopVersion version(Items i) {
        return new ShopVersion(
                i.s("id"), i.s("artifact"), Instant.parse(i.s("publishedAt")), i.s("publishedBy"), i.s("notes"));
    }

    // --- store versions ------------------------------------------------------------------------------------------

    @Override
    public Optional<String> current(TenantId store) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.store(store))
                        .projectionExpression("shopVersion")
                        .consistentRead(true))
                .item();
        return item == null || !item.containsKey("shopVersion")
                ? Optional.empty()
                : Optional.of(item.get("shopVersion").s()).filter(v -> !v.isEmpty());
    }

    @Override
    public void record(TenantId store, String version) {
        Map<String, AttributeValue> record;
        try {
            record = dynamo.updateItem(r -> r.tableName(table)
                            .key(Keys.store(store))
                            .updateExpression("SET shopVersion = :v, updatedAt = :now")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(
                                    ":v", s(version), ":now", s(Instant.now().toString())))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException gone) {
            return; // the store was removed meanwhile: nothing runs any version
        }
        String createdAt = record == null ? null : Items.of(record).s("createdAt");
        if (createdAt == null) {
            return;
        }
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(PlatformKeys.directoryEntry(Instant.parse(createdAt), store.value()))
                    .updateExpression("SET shopVersion = :v")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":v", s(version))));
        } catch (ConditionalCheckFailedException notInTheDirectory) {
            // a store from before the directory: the operator command's reindex-stores adds it
        }
    }

    // --- campaigns --------------------------------------------------------------------------------------------------

    @Override
    public boolean start(UpgradeCampaign c) {
        TransactWriteItem lock = TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(Items.item(Keys.key(CAMPAIGNS, ACTIVE))
                                .with("campaign", c.id())
                                .build())
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
        TransactWriteItem campaign = TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(campaignItem(c))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
        try {
            dynamo.transactWriteItems(r -> r.transactItems(lock, campaign));
            return true;
        } catch (TransactionCanceledException another) {
            if (Cancellations.failed(another.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)) {
                return false;
            }
            throw another;
        }
    }

    @Override
    public Optional<UpgradeCampaign> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(campaignKey(id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(campaign(Items.of(item)));
    }

    @Override
    public List<UpgradeCampaign> recent(int limit) {
        QueryResponse response = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                .expressionAttributeValues(Map.of(":pk", s(CAMPAIGNS), ":c", s("CAMPAIGN#")))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(Math.max(1, Math.min(limit, 100))));
        return response.items().stream().map(i -> campaign(Items.of(i))).toList();
    }

    @Override
    public void addTargets(String id, List<UpgradeTarget> targets) {
        for (UpgradeTarget t : targets) {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Items.item(Keys.key(plan(id), "S#" + t.id().value()))
                            .with("position", t.position())
                            .build()));
            dynamo.putItem(r -> r.tableName(table).item(targetItem(id, t)));
        }
    }

    @Override
    public Optional<UpgradeTarget> target(String id, TenantId store) {
        Map<String, AttributeValue> index = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.key(plan(id), "S#" + store.value()))
                        .consistentRead(true))
                .item();
        if (index == null || index.isEmpty()) {
            return Optional.empty();
        }
        int position = (int) Items.of(index).n("position");
        return targets(id, position, position + 1).stream()
                .filter(t -> t.id().equals(store))
                .findFirst();
    }

    @Override
    public List<UpgradeTarget> targets(String id, int from, int to) {
        if (to <= from) {
            return List.of();
        }
        List<UpgradeTarget> targets = new ArrayList<>();
        for (Map<String, AttributeValue> item :
                queryAll(plan(id), null, new String[] {position(from), position(to - 1)})) {
            Items i = Items.of(item);
            targets.add(new UpgradeTarget(
                    (int) i.n("position"),
                    new TenantId(i.s("tenantId")),
                    new Slug(i.s("slug")),
                    i.s("fromVersion"),
                    UpgradeTarget.TargetState.valueOf(i.s("state")),
                    // a plan from before checks: every store checked
                    i.raw("check") == null
                            || !Boolean.FALSE.equals(i.raw("check").bool())));
        }
        return targets;
    }

    @Override
    public void updateTarget(String id, UpgradeTarget target) {
        dynamo.putItem(r -> r.tableName(table).item(targetItem(id, target)));
    }

    @Override
    public boolean save(UpgradeCampaign c, String expectedToken) {
        TransactWriteItem write = TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(campaignItem(c))
                        .conditionExpression("#tok = :expected")
                        .expressionAttributeNames(Map.of("#tok", "token"))
                        .expressionAttributeValues(Map.of(":expected", s(expectedToken)))
                        .build())
                .build();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(write));
        if (c.state().isFinal()) {
            writes.add(TransactWriteItem.builder()
                    .delete(Delete.builder()
                            .tableName(table)
                            .key(Keys.key(CAMPAIGNS, ACTIVE))
                            .conditionExpression("attribute_not_exists(pk) OR campaign = :id")
                            .expressionAttributeValues(Map.of(":id", s(c.id())))
                            .build())
                    .build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException moved) {
            if (Cancellations.failed(moved.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)) {
                return false;
            }
            throw moved;
        }
    }

    @Override
    public boolean changeState(String id, UpgradeState from, UpgradeState to, String newToken) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(campaignKey(id))
                    .updateExpression("SET #st = :to, #tok = :tok, updatedAt = :now")
                    .conditionExpression("#st = :from")
                    .expressionAttributeNames(Map.of("#st", "state", "#tok", "token"))
                    .expressionAttributeValues(Map.of(
                            ":to", s(to.name()),
                            ":from", s(from.name()),
                            ":tok", s(newToken),
                            ":now", s(Instant.now().toString()))));
            return true;
        } catch (ConditionalCheckFailedException notThere) {
            return false;
        }
    }

    // --- items ------------------------------------------------------------------------------------------------------

    private static Map<String, AttributeValue> campaignKey(String id) {
        return Keys.key(CAMPAIGNS, "CAMPAIGN#" + id);
    }

    private static String plan(String id) {
        return "PLATFORM#UPGRADE#" + id;
    }

    private static String position(int position) {
        return String.format("P#%08d", position);
    }

    private static Map<String, AttributeValue> targetItem(String id, UpgradeTarget t) {
        return Items.item(Keys.key(plan(id), position(t.position())))
                .with("position", t.position())
                .with("tenantId", t.id().value())
                .with("slug", t.slug().value())
                .with("fromVersion", t.fromVersion())
                .with("state", t.state().name())
                .with("check", AttributeValue.fromBool(t.check()))
                .build();
    }

    private static Map<String, AttributeValue> campaignItem(UpgradeCampaign c) {
        List<AttributeValue> waves = new ArrayList<>();
        for (Wave w : c.waves()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("number", n(w.number()));
            m.put("first", n(w.first()));
            m.put("size", n(w.size()));
            m.put("state", s(w.state().name()));
            m.put("deployed", n(w.deployed()));
            m.put("rolledBack", n(w.rolledBack()));
            m.put("checked", n(w.checked()));
            m.put("beforeRequests", n(w.before().requests()));
            m.put("beforeErrors", n(w.before().errors()));
            m.put("afterRequests", n(w.after().requests()));
            m.put("afterErrors", n(w.after().errors()));
            m.put("watches", n(w.watches()));
            m.put("note", s(w.note().encode()));
            if (w.deployedAt() != null) {
                m.put("deployedAt", s(w.deployedAt().toString()));
            }
            if (w.watchUntil() != null) {
                m.put("watchUntil", s(w.watchUntil().toString()));
            }
            waves.add(AttributeValue.fromM(m));
        }
        UpgradeRules rules = c.rules();
        return Items.item(campaignKey(c.id()))
                .with("id", c.id())
                .with("version", c.version())
                .with("startedBy", c.startedBy())
                .with("startedAt", c.startedAt().toString())
                .with("state", c.state().name())
                .with("reason", c.reason().encode())
                .with("windowSeconds", rules.window().toSeconds())
                .with("threshold", AttributeValue.fromN(Double.toString(rules.threshold())))
                .with("minRequests", rules.minRequests())
                .with("maxWatches", rules.maxWatches())
                .with("batch", rules.batch())
                .with("planComplete", AttributeValue.fromBool(c.planComplete()))
                .with("planCursor", c.planCursor())
                .with("planned", c.planned())
                .with("skipped", c.skipped())
                .with("waves", AttributeValue.fromL(waves))
                .with("current", c.current())
                .with("token", c.token())
                .with("updatedAt", c.updatedAt().toString())
                .build();
    }

    private static UpgradeCampaign campaign(Items i) {
        List<Wave> waves = new ArrayList<>();
        AttributeValue list = i.raw("waves");
        if (list != null && list.hasL()) {
            for (AttributeValue v : list.l()) {
                Items w = Items.of(v.m());
                waves.add(new Wave(
                        (int) w.n("number"),
                        (int) w.n("first"),
                        (int) w.n("size"),
                        WaveState.valueOf(w.s("state")),
                        (int) w.n("deployed"),
                        (int) w.n("rolledBack"),
                        w.raw("checked") == null ? 0 : (int) w.n("checked"),
                        new Wave.Figures(w.n("beforeRequests"), w.n("beforeErrors")),
                        new Wave.Figures(w.n("afterRequests"), w.n("afterErrors")),
                        instant(w.s("deployedAt")),
                        instant(w.s("watchUntil")),
                        (int) w.n("watches"),
                        UpgradeNote.decode(w.s("note"))));
            }
        }
        UpgradeRules rules = new UpgradeRules(
                Duration.ofSeconds(i.n("windowSeconds")),
                Double.parseDouble(i.raw("threshold").n()),
                i.n("minRequests"),
                (int) i.n("maxWatches"),
                (int) i.n("batch"));
        return new UpgradeCampaign(
                i.s("id"),
                i.s("version"),
                i.s("startedBy"),
                Instant.parse(i.s("startedAt")),
                UpgradeState.valueOf(i.s("state")),
                UpgradeNote.decode(i.s("reason")),
                rules,
                Boolean.TRUE.equals(i.raw("planComplete").bool()),
                i.s("planCursor"),
                (int) i.n("planned"),
                (int) i.n("skipped"),
                waves,
                (int) i.n("current"),
                i.s("token"),
                Instant.parse(i.s("updatedAt")));
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }

    /** Every item of a partition (optionally those whose sort key begins with a prefix, or lies in a range). */
    private List<Map<String, AttributeValue>> queryAll(String pk, String prefix, String[] between) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", s(pk));
            String condition = "pk = :pk";
            if (prefix != null) {
                condition += " AND begins_with(sk, :p)";
                values.put(":p", s(prefix));
            } else if (between != null) {
                condition += " AND sk BETWEEN :a AND :b";
                values.put(":a", s(between[0]));
                values.put(":b", s(between[1]));
            }
            String keyCondition = condition;
            QueryResponse page = dynamo.query(r -> {
                r.tableName(table)
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeValues(values)
                        .consistentRead(true);
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
