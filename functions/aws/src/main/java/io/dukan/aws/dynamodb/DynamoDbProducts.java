package io.dukan.aws.dynamodb;

import io.dukan.core.catalog.CatalogConflictException;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductImage;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.ProductText;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A store's products: one item per product in the store's catalog partition, sorted by id (ids sort by creation
 * time). Variants live inside the product item; their stock is a map {@code stock.{variantId}} so an order can
 * take several variants of one product in a single conditional update.
 *
 * <p>Listings read index items (see {@link Keys}): one Query of the index partition for the page's ids, then one
 * BatchGetItem for the products (stock changes with every order, so index items carry no copy of it). Index items
 * and SKU claims are written in the same transaction as the product; a product with so many SKUs or words that
 * its writes exceed one transaction (100 items) has them written in several, undone if a later one fails.
 */
@Singleton
final class DynamoDbProducts implements ProductRepository {

    static final int MAX_TRANSACTION = 100;
    /** Words of one product kept in the search index (title first, then tags, then SKUs). */
    static final int MAX_WORDS = 80;

    static final int MAX_WORD_LENGTH = 40;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbProducts(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void add(TenantId tenant, Product p) {
        addAll(tenant, List.of(p));
    }

    @Override
    public void addAll(TenantId tenant, List<Product> products) {
        List<TransactWriteItem> claims = new ArrayList<>();
        List<String> claimSkus = new ArrayList<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Product p : products) {
            items.add(toItem(tenant, p));
            for (String indexPk : indexPartitions(tenant, p)) {
                items.add(Keys.indexEntry(indexPk, p.id()));
            }
            for (String sku : skus(p)) {
                claims.add(put(claimItem(tenant, sku, p.id()), "attribute_not_exists(pk)"));
                claimSkus.add(sku);
            }
        }
        if (claims.size() + items.size() <= MAX_TRANSACTION) {
            // one product (the usual case): all its items in one transaction
            List<TransactWriteItem> all = new ArrayList<>(claims);
            items.forEach(i -> all.add(put(
                    i,
                    i.containsKey("productId") && i.get(Keys.SK).s().startsWith("PRODUCT#")
                            ? "attribute_not_exists(pk)"
                            : null)));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(all));
            } catch (TransactionCanceledException e) {
                throw skuTaken(e, 0, claims.size(), claimSkus).orElseThrow(() -> e);
            }
            return;
        }
        // A bulk write (an import): the SKU claims first, in transactions (a SKU taken meanwhile fails before any
        // product is visible); then the products and their index entries by BatchWriteItem, a few batches at once.
        // Whatever fails, everything written so far is deleted again: all or nothing.
        List<Map<String, AttributeValue>> written = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            for (int from = 0; from < claims.size(); from += MAX_TRANSACTION) {
                List<TransactWriteItem> chunk = claims.subList(from, Math.min(claims.size(), from + MAX_TRANSACTION));
                try {
                    dynamo.transactWriteItems(r -> r.transactItems(chunk));
                } catch (TransactionCanceledException e) {
                    throw skuTaken(e, from, chunk.size(), claimSkus).orElseThrow(() -> e);
                }
                chunk.forEach(w -> written.add(w.put().item()));
            }
            List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
            for (int from = 0; from < items.size(); from += 25) {
                batches.add(items.subList(from, Math.min(items.size(), from + 25)));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(BULK_THREADS);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (List<Map<String, AttributeValue>> batch : batches) {
                    done.add(pool.submit(() -> {
                        written.addAll(batch);
                        batchPut(batch);
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            } finally {
                pool.shutdownNow();
            }
        } catch (RuntimeException e) {
            undo(written);
            throw e;
        }
    }

    static final int BULK_THREADS = 4;

    private java.util.Optional<CatalogConflictException> skuTaken(
            TransactionCanceledException e, int offset, int claims, List<String> claimSkus) {
        for (int i = 0; i < claims; i++) {
            if (Cancellations.failed(e.cancellationReasons(), i, Cancellations.CONDITION_FAILED)) {
                return java.util.Optional.of(CatalogConflictException.skuTaken(claimSkus.get(offset + i)));
            }
        }
        return java.util.Optional.empty();
    }

    private void batchPut(List<Map<String, AttributeValue>> items) {
        Map<String, List<WriteRequest>> batch = Map.of(
                table,
                items.stream()
                        .map(i -> WriteRequest.builder()
                                .putRequest(r -> r.item(i))
                                .build())
                        .toList());
        for (int attempt = 0; !batch.isEmpty(); attempt++) {
            if (attempt >= 10) {
                throw new io.dukan.core.shared.TryAgainLaterException(
                        "the store is very busy; nothing was imported, please try again", null);
            }
            Map<String, List<WriteRequest>> pending = batch;
            batch = dynamo.batchWriteItem(r -> r.requestItems(pending)).unprocessedItems();
        }
    }

    /** Deletes what earlier chunks put (all new items), so a failed write leaves nothing behind. */
    private void undo(List<Map<String, AttributeValue>> items) {
        List<WriteRequest> deletes = items.stream()
                .map(i -> WriteRequest.builder()
                        .deleteRequest(d -> d.key(Map.of(Keys.PK, i.get(Keys.PK), Keys.SK, i.get(Keys.SK))))
                        .build())
                .toList();
        for (int from = 0; from < deletes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch =
                    Map.of(table, deletes.subList(from, Math.min(deletes.size(), from + 25)));
            for (int attempt = 0; !batch.isEmpty() && attempt < 8; attempt++) {
                Map<String, List<WriteRequest>> pending = batch;
                batch = dynamo.batchWriteItem(r -> r.requestItems(pending)).unprocessedItems();
            }
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem delete(
            Map<String, AttributeValue> key, String condition, Map<String, AttributeValue> values) {
        Delete.Builder delete = Delete.builder().tableName(table).key(key);
        if (condition != null) {
            delete.conditionExpression(condition).expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().delete(delete.build()).build();
    }

    private static Map<String, AttributeValue> claimItem(TenantId tenant, String sku, ProductId id) {
        return Items.item(Keys.skuClaim(tenant, sku))
                .with("productId", id.value())
                .build();
    }

    /** The index partitions a product is listed in: its status; if active, its collections and its words. */
    static Set<String> indexPartitions(TenantId tenant, Product p) {
        Set<String> pks = new LinkedHashSet<>();
        pks.add(Keys.productsByStatus(tenant, p.status()));
        if (p.visibleToShoppers()) {
            p.collections().forEach(c -> pks.add(Keys.activeInCollection(tenant, c)));
            words(p).stream()
                    .filter(w -> w.length() <= MAX_WORD_LENGTH)
                    .limit(MAX_WORDS)
                    .forEach(w -> pks.add(Keys.activeWithWord(tenant, w)));
        }
        return pks;
    }

    static Set<String> skus(Product p) {
        Set<String> skus = new LinkedHashSet<>();
        p.variants().stream()
                .map(Variant::sku)
                .filter(s -> !s.isEmpty())
                .forEach(s -> skus.add(s.toUpperCase(Locale.ROOT)));
        return skus;
    }

    @Override
    public void update(TenantId tenant, Product previous, Product next, List<StockChange> stockChanges) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, AttributeValue> item = toItem(tenant, next);
        List<String> sets = new ArrayList<>();
        for (String attribute : List.of(
                "name",
                "description",
                "status",
                "currency",
                "options",
                "variants",
                "images",
                "collections",
                "tags",
                "words",
                "hsCode",
                "originCountry",
                "sellWhenSoldOut",
                "tr",
                "updatedAt")) {
            names.put("#" + attribute, attribute);
            values.put(":" + attribute, item.get(attribute));
            sets.add("#" + attribute + " = :" + attribute);
        }
        List<String> conditions = new ArrayList<>(List.of("attribute_exists(pk)", "#updatedAt = :previousUpdate"));
        values.put(":previousUpdate", Keys.s(previous.updatedAt().toString()));
        int n = 0;
        for (StockChange change : stockChanges) {
            names.put("#v" + n, change.variant().value());
            values.put(":s" + n, Keys.n(change.value()));
            sets.add("#stock.#v" + n + " = :s" + n);
            if (change.expected() == null) {
                conditions.add("attribute_not_exists(#stock.#v" + n + ")");
            } else {
                values.put(":e" + n, Keys.n(change.expected()));
                conditions.add("#stock.#v" + n + " = :e" + n);
            }
            n++;
        }
        List<String> removes = new ArrayList<>();
        for (Variant gone : previous.variants()) {
            if (next.variant(gone.id()).isEmpty()) {
                names.put("#r" + removes.size(), gone.id().value());
                removes.add("#stock.#r" + removes.size());
            }
        }
        if (n > 0 || !removes.isEmpty()) {
            names.put("#stock", "stock");
        }
        String expression =
                "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(Keys.product(tenant, next.id()))
                        .updateExpression(expression)
                        .conditionExpression(String.join(" AND ", conditions))
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build());
        Map<String, AttributeValue> me = Map.of(":me", Keys.s(next.id().value()));
        Set<String> oldSkus = skus(previous);
        Set<String> newSkus = skus(next);
        List<String> claimed = new ArrayList<>();
        for (String sku : newSkus) {
            if (!oldSkus.contains(sku)) {
                writes.add(TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(claimItem(tenant, sku, next.id()))
                                .conditionExpression("attribute_not_exists(pk) OR productId = :me")
                                .expressionAttributeValues(me)
                                .build())
                        .build());
                claimed.add(sku);
            }
        }
        for (String sku : oldSkus) {
            if (!newSkus.contains(sku)) {
                writes.add(delete(Keys.skuClaim(tenant, sku), "productId = :me", me));
            }
        }
        Set<String> oldIndex = indexPartitions(tenant, previous);
        Set<String> newIndex = indexPartitions(tenant, next);
        newIndex.stream()
                .filter(pk -> !oldIndex.contains(pk))
                .forEach(pk -> writes.add(put(Keys.indexEntry(pk, next.id()), null)));
        oldIndex.stream()
                .filter(pk -> !newIndex.contains(pk))
                .forEach(pk -> writes.add(delete(Keys.indexEntry(pk, next.id()), null, null)));
        if (writes.size() > MAX_TRANSACTION) {
            // Only an edit adding very many SKUs or words gets here: the product and its claims stay atomic, the
            // index entries beyond one transaction follow right after.
            List<TransactWriteItem> after = new ArrayList<>(writes.subList(MAX_TRANSACTION, writes.size()));
            if (1 + claimed.size() > MAX_TRANSACTION) {
                throw new io.dukan.core.shared.InvalidInputException(
                        "variants", "too many new SKUs in one edit; save the product with fewer new SKUs first");
            }
            transact(writes.subList(0, MAX_TRANSACTION), previous, stockChanges, claimed);
            for (int from = 0; from < after.size(); from += MAX_TRANSACTION) {
                List<TransactWriteItem> chunk = after.subList(from, Math.min(after.size(), from + MAX_TRANSACTION));
                dynamo.transactWriteItems(r -> r.transactItems(chunk));
            }
            return;
        }
        transact(writes, previous, stockChanges, claimed);
    }

    private void transact(
            List<TransactWriteItem> writes, Product previous, List<StockChange> stockChanges, List<String> claimed) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < claimed.size(); i++) {
                if (Cancellations.failed(reasons, 1 + i, Cancellations.CONDITION_FAILED)) {
                    throw CatalogConflictException.skuTaken(claimed.get(i));
                }
            }
            if (Cancellations.failed(reasons, 0, Cancellations.CONDITION_FAILED)) {
                Map<String, AttributeValue> now = reasons.get(0).item();
                if (now == null || now.isEmpty()) {
                    throw new CatalogConflictException("product-gone", "this product was deleted meanwhile");
                }
                if (!previous.updatedAt().toString().equals(now.get("updatedAt").s())) {
                    throw new CatalogConflictException(
                            "edited-meanwhile",
                            "someone else saved this product meanwhile; reload it and make your change again");
                }
                Product current = toProduct(Items.of(now));
                for (StockChange change : stockChanges) {
                    int stockNow = current.variant(change.variant())
                            .map(Variant::stock)
                            .orElse(0);
                    if (change.expected() != null && stockNow != change.expected()) {
                        String title = current.variant(change.variant())
                                .map(Variant::title)
                                .orElse("");
                        throw new CatalogConflictException(
                                "stock-changed",
                                "orders changed the stock"
                                        + (title.isEmpty() ? "" : " of " + title) + " to " + stockNow
                                        + " since you opened the form ("
                                        + change.expected() + "); nothing was saved: check the stock and save again");
                    }
                }
                throw new CatalogConflictException(
                        "edited-meanwhile", "the product changed meanwhile; reload it and try again");
            }
            throw e;
        }
    }

    @Override
    public void delete(TenantId tenant, Product product) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(delete(
                Keys.product(tenant, product.id()),
                "updatedAt = :u",
                Map.of(":u", Keys.s(product.updatedAt().toString()))));
        Map<String, AttributeValue> me = Map.of(":me", Keys.s(product.id().value()));
        skus(product).forEach(sku -> writes.add(delete(Keys.skuClaim(tenant, sku), "productId = :me", me)));
        indexPartitions(tenant, product)
                .forEach(pk -> writes.add(delete(Keys.indexEntry(pk, product.id()), null, null)));
        try {
            // The product item goes in the first transaction; what does not fit follows (orphaned index entries
            // are skipped by the listings, which read the products themselves).
            for (int from = 0; from < writes.size(); from += MAX_TRANSACTION) {
                List<TransactWriteItem> chunk = writes.subList(from, Math.min(writes.size(), from + MAX_TRANSACTION));
                dynamo.transactWriteItems(r -> r.transactItems(chunk));
            }
        } catch (TransactionCanceledException e) {
            if (Cancellations.failed(e.cancellationReasons(), 0, Cancellations.CONDITION_FAILED)) {
                throw new CatalogConflictException(
                        "edited-meanwhile", "someone else changed this product meanwhile; reload it and try again");
            }
            throw e;
        }
    }

    @Override
    public Set<String> takenSkus(TenantId tenant, Set<String> skus) {
        Set<String> taken = new java.util.TreeSet<>();
        List<String> all = List.copyOf(skus);
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(sku -> Keys.skuClaim(tenant, sku))
                    .toList();
            for (Map<String, AttributeValue> item : batchGet(keys)) {
                taken.add(item.get(Keys.PK).s().substring((tenant.value() + "#SKU#").length()));
            }
        }
        return taken;
    }

    /** One BatchGetItem (more only for keys DynamoDB left unprocessed under load). */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        if (keys.isEmpty()) {
            return items;
        }
        Map<String, KeysAndAttributes> request = Map.of(
                table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 0; !request.isEmpty() && attempt < 8; attempt++) {
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
        }
        return items;
    }

    static Map<String, AttributeValue> toItem(TenantId tenant, Product p) {
        Map<String, AttributeValue> stock = new HashMap<>();
        for (Variant v : p.variants()) {
            stock.put(v.id().value(), Keys.n(v.stock()));
        }
        return Items.item(Keys.product(tenant, p.id()))
                .with("productId", p.id().value())
                .with("name", p.name())
                .with("description", p.description())
                .with("status", p.status().name())
                .with("currency", p.defaultVariant().price().currency())
                .with(
                        "options",
                        AttributeValue.fromL(p.options().stream()
                                .map(o -> AttributeValue.fromM(
                                        Map.of("name", Keys.s(o.name()), "values", strings(o.values()))))
                                .toList()))
                .with(
                        "variants",
                        AttributeValue.fromL(p.variants().stream()
                                .map(DynamoDbProducts::variant)
                                .toList()))
                .with("stock", AttributeValue.fromM(stock))
                .with(
                        "images",
                        AttributeValue.fromL(p.images().stream()
                                .map(i -> AttributeValue.fromM(Map.of("key", Keys.s(i.key()), "alt", Keys.s(i.alt()))))
                                .toList()))
                .with(
                        "collections",
                        strings(p.collections().stream()
                                .map(CollectionId::value)
                                .toList()))
                .with("tags", strings(p.tags()))
                .with("words", strings(List.copyOf(words(p))))
                .with("hsCode", p.hsCode())
                .with("originCountry", p.originCountry())
                .with("sellWhenSoldOut", AttributeValue.fromBool(p.sellWhenSoldOut()))
                .with("createdAt", p.createdAt().toString())
                .with("updatedAt", p.updatedAt().toString())
                .with("tr", translations(p))
                .build();
    }

    /**
     * The product's words in its extra languages, inside the product item ({@code tr.{lang}}), so every page still
     * reads one item per product whatever the number of languages.
     */
    private static AttributeValue translations(Product p) {
        Map<String, AttributeValue> byLanguage = new HashMap<>();
        p.translations().forEach((language, t) -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("name", Keys.s(t.name()));
            m.put("description", Keys.s(t.description()));
            m.put("optionNames", strings(t.optionNames()));
            m.put(
                    "optionValues",
                    AttributeValue.fromL(t.optionValues().stream()
                            .map(DynamoDbProducts::strings)
                            .toList()));
            m.put("imageAlts", strings(t.imageAlts()));
            byLanguage.put(language, AttributeValue.fromM(m));
        });
        return AttributeValue.fromM(byLanguage);
    }

    private static Map<String, ProductText> translations(AttributeValue tr) {
        if (tr == null || !tr.hasM()) {
            return Map.of();
        }
        Map<String, ProductText> out = new HashMap<>();
        tr.m().forEach((language, v) -> {
            Map<String, AttributeValue> m = v.m();
            out.put(
                    language,
                    new ProductText(
                            m.get("name").s(),
                            m.get("description").s(),
                            strings(m.get("optionNames")),
                            m.get("optionValues").l().stream()
                                    .map(DynamoDbProducts::strings)
                                    .toList(),
                            strings(m.get("imageAlts"))));
        });
        return out;
    }

    /**
     * Lower-case words of the title (in every language of the product), the tags and the SKUs: what storefront
     * search matches. Chinese (Han) text has no spaces: a run of Han characters is kept whole and as its pairs of
     * neighbouring characters, so "杏干" finds "新疆杏干".
     */
    static Set<String> words(Product p) {
        Set<String> words = new LinkedHashSet<>(indexTokens(p.name()));
        p.translations().values().forEach(t -> words.addAll(indexTokens(t.name())));
        p.tags().forEach(t -> words.addAll(indexTokens(t)));
        p.variants().forEach(v -> words.addAll(tokens(v.sku())));
        return words;
    }

    static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}\\p{M}]+")).stream()
                .filter(w -> !w.isEmpty())
                .flatMap(w -> scriptRuns(w).stream())
                .distinct()
                .toList();
    }

    /** Words as indexed: each word, and each Han run's neighbouring pairs. */
    static List<String> indexTokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : tokens(text)) {
            out.add(w);
            if (han(w) && w.length() > 2) {
                for (int i = 0; i + 2 <= w.length(); i++) {
                    out.add(w.substring(i, i + 2));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Words as searched: a Han run longer than two characters becomes its pairs (each of which is indexed). */
    static List<String> queryTokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : tokens(text)) {
            if (han(w) && w.length() > 2) {
                for (int i = 0; i + 2 <= w.length(); i++) {
                    out.add(w.substring(i, i + 2));
                }
            } else {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /** "abc杏干" → "abc", "杏干": Han runs apart from the rest. */
    private static List<String> scriptRuns(String word) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= word.length(); i++) {
            if (i == word.length() || hanChar(word.charAt(i)) != hanChar(word.charAt(start))) {
                runs.add(word.substring(start, i));
                start = i;
            }
        }
        return runs;
    }

    private static boolean han(String w) {
        return !w.isEmpty() && hanChar(w.charAt(0));
    }

    private static boolean hanChar(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static AttributeValue variant(Variant v) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", Keys.s(v.id().value()));
        m.put("sku", Keys.s(v.sku()));
        m.put("optionValues", strings(v.optionValues()));
        m.put("priceMinor", Keys.n(v.price().minor()));
        if (v.compareAtPrice() != null) {
            m.put("compareAtMinor", Keys.n(v.compareAtPrice().minor()));
        }
        m.put("weightGrams", Keys.n(v.weightGrams()));
        return AttributeValue.fromM(m);
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Keys::s).toList());
    }

    @Override
    public Optional<Product> find(TenantId tenant, ProductId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.product(tenant, id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toProduct(Items.of(item)));
    }

    @Override
    public Page<Product> list(TenantId tenant, String cursor, int limit) {
        QueryRequest.Builder r = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", Keys.s(Keys.catalog(tenant)), ":prefix", Keys.s("PRODUCT#")))
                .scanIndexForward(false)
                .limit(limit);
        if (Ids.looksLikeId(cursor, 16)) {
            r.exclusiveStartKey(Keys.product(tenant, new ProductId(cursor)));
        }
        QueryResponse response = dynamo.query(r.build());
        List<Product> products =
                response.items().stream().map(i -> toProduct(Items.of(i))).toList();
        String next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey().get(Keys.SK).s().substring("PRODUCT#".length())
                        : null;
        return new Page<>(products, next);
    }

    @Override
    public Page<Product> listByStatus(TenantId tenant, ProductStatus status, String cursor, int limit) {
        return indexPage(tenant, Keys.productsByStatus(tenant, status), cursor, limit, p -> p.status() == status);
    }

    @Override
    public Page<Product> listActive(TenantId tenant, String cursor, int limit) {
        return listByStatus(tenant, ProductStatus.ACTIVE, cursor, limit);
    }

    @Override
    public Page<Product> listActiveInCollection(TenantId tenant, CollectionId collection, String cursor, int limit) {
        return indexPage(
                tenant,
                Keys.activeInCollection(tenant, collection),
                cursor,
                limit,
                p -> p.visibleToShoppers() && p.collections().contains(collection));
    }

    @Override
    public Page<Product> searchActive(TenantId tenant, String words, String cursor, int limit) {
        List<String> tokens = queryTokens(words).stream()
                .filter(w -> w.length() <= MAX_WORD_LENGTH)
                .limit(5)
                .toList();
        if (tokens.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return indexPage(
                tenant,
                Keys.activeWithWord(tenant, tokens.get(0)),
                cursor,
                limit,
                p -> p.visibleToShoppers() && words(p).containsAll(tokens));
    }

    /**
     * One Query of an index partition for a page of product ids, one BatchGetItem for those products; products that
     * changed since the index entry was read (deleted, no longer active) are left out of the page.
     */
    private Page<Product> indexPage(
            TenantId tenant, String indexPk, String cursor, int limit, java.util.function.Predicate<Product> still) {
        QueryRequest.Builder r = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Keys.s(indexPk)))
                .projectionExpression("sk")
                .scanIndexForward(false)
                .limit(limit);
        if (Ids.looksLikeId(cursor, 16)) {
            r.exclusiveStartKey(Keys.indexEntry(indexPk, new ProductId(cursor)));
        }
        QueryResponse response = dynamo.query(r.build());
        List<ProductId> ids = response.items().stream()
                .map(i -> new ProductId(i.get(Keys.SK).s()))
                .toList();
        Map<String, Product> byId = new HashMap<>();
        for (Map<String, AttributeValue> item :
                batchGet(ids.stream().map(id -> Keys.product(tenant, id)).toList())) {
            Product p = toProduct(Items.of(item));
            byId.put(p.id().value(), p);
        }
        List<Product> products = ids.stream()
                .map(id -> byId.get(id.value()))
                .filter(java.util.Objects::nonNull)
                .filter(still)
                .toList();
        String next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey().get(Keys.SK).s()
                        : null;
        return new Page<>(products, next);
    }

    static Product toProduct(Items i) {
        String currency = i.s("currency");
        Map<String, AttributeValue> stock = i.raw("stock").m();
        List<Variant> variants = i.raw("variants").l().stream()
                .map(AttributeValue::m)
                .map(m -> {
                    String id = m.get("id").s();
                    AttributeValue left = stock.get(id);
                    return new Variant(
                            new VariantId(id),
                            m.get("sku").s(),
                            strings(m.get("optionValues")),
                            new Money(Long.parseLong(m.get("priceMinor").n()), currency),
                            m.containsKey("compareAtMinor")
                                    ? new Money(
                                            Long.parseLong(
                                                    m.get("compareAtMinor").n()),
                                            currency)
                                    : null,
                            left == null ? 0 : Integer.parseInt(left.n()),
                            Integer.parseInt(m.get("weightGrams").n()));
                })
                .toList();
        List<ProductOption> options = i.raw("options").l().stream()
                .map(AttributeValue::m)
                .map(m -> new ProductOption(m.get("name").s(), strings(m.get("values"))))
                .toList();
        List<ProductImage> images = i.raw("images").l().stream()
                .map(AttributeValue::m)
                .map(m -> new ProductImage(m.get("key").s(), m.get("alt").s()))
                .toList();
        return new Product(
                new ProductId(i.s("productId")),
                i.s("name"),
                orEmpty(i.s("description")),
                ProductStatus.valueOf(i.s("status")),
                options,
                variants,
                images,
                strings(i.raw("collections")).stream().map(CollectionId::new).toList(),
                strings(i.raw("tags")),
                orEmpty(i.s("hsCode")),
                orEmpty(i.s("originCountry")),
                Boolean.TRUE.equals(i.raw("sellWhenSoldOut").bool()),
                Instant.parse(i.s("createdAt")),
                Instant.parse(i.s("updatedAt")),
                translations(i.raw("tr")));
    }

    private static List<String> strings(AttributeValue list) {
        return list == null || !list.hasL()
                ? List.of()
                : list.l().stream().map(AttributeValue::s).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
