package io.dukan.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.dukan.aws.dynamodb.OutboxMessages;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.offboard.Offboarding;
import io.dukan.core.offboard.OffboardingMail;
import io.dukan.core.offboard.OffboardingRepository;
import io.dukan.core.offboard.OffboardingSaga;
import io.dukan.core.offboard.OffboardingService;
import io.dukan.core.offboard.OffboardingState;
import io.dukan.core.offboard.OffboardingStep;
import io.dukan.core.offboard.OwnerRequests;
import io.dukan.core.offboard.StoreExporter;
import io.dukan.core.offboard.TenantEraser;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.RecordingFleet;
import io.dukan.core.testing.RecordingQueue;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The offboarding saga through the real fleet worker against DynamoDB Local and s3mock: every item and object of the
 * store goes, and nothing of another store; a worker killed between two pages of the data deletion is resumed from
 * the stored cursor by the queue's redelivery; a failed export deletes nothing and opens the store again.
 */
class OffboardingIT {

    static final int PAGE = 10;
    static Emulators emulators;
    static RecordingFleet fleet = new RecordingFleet();
    static FleetWorker worker;
    static StoreRegistry registry;
    static OffboardingRepository offboardings;
    static OffboardingService service;
    static DynamoDbClient dynamo;
    static S3Client s3;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.fleet.mode", "local");
        properties.put("dukan.offboarding.scan-page", PAGE);
        properties.put("dukan.offboarding.grace-period", "0s");
        worker = new FleetWorker(
                ApplicationContext.builder().properties(properties).singletons(fleet));
        ApplicationContext context = worker.getApplicationContext();
        registry = context.getBean(StoreRegistry.class);
        offboardings = context.getBean(OffboardingRepository.class);
        RecordingQueue queue = new RecordingQueue();
        service = new OffboardingService(registry, offboardings, queue, Clock.systemUTC());
        dynamo = emulators.dynamo();
        s3 = emulators.s3();
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
        emulators.close();
    }

    /** A store as a signup and the worker make it: registered, then provisioned (settings and owner written). */
    static Store openStore(String slug) {
        Store store = new Store(
                TenantId.newId(),
                new Slug(slug),
                "Shop " + slug,
                "owner@" + slug + ".example",
                "PKR",
                "PK",
                "ur",
                StoreStatus.PROVISIONING,
                null,
                Set.of(),
                Instant.now());
        registry.register(store, null, "$2a$04$abcdefghijklmnopqrstuu8J3xN8b3Qh3Kq8l0m1n2o3p4q5r6s7t");
        worker.handleRequest(event(store.id()), null);
        Store active = registry.findById(store.id()).orElseThrow();
        assertThat(active.status()).isEqualTo(StoreStatus.ACTIVE);
        return active;
    }

    /** Items under many of the store's partitions (as carts, sessions, orders… are) and media objects. */
    static void fill(TenantId tenant, int items, int images) {
        String[] kinds = {"CART#", "SESSION#", "ORDERS", "CATALOG", "PWORD#tea", "OUTBOX", "AUDIT", "CHECKOUT#"};
        for (int i = 0; i < items; i++) {
            String kind = kinds[i % kinds.length];
            String pk = tenant.value() + "#" + kind + (kind.endsWith("#") ? "k" + i : "");
            dynamo.putItem(r -> r.tableName(Emulators.TABLE)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(pk),
                            "sk", AttributeValue.fromS("ITEM#" + String.format("%04d", items)),
                            "v", AttributeValue.fromS("x"))));
            int n = i;
            dynamo.putItem(r -> r.tableName(Emulators.TABLE)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(pk),
                            "sk", AttributeValue.fromS("ITEM#" + n),
                            "v", AttributeValue.fromS("x"))));
        }
        for (int i = 0; i < images; i++) {
            String id = "aaaaaaaaaaaaaa" + (char) ('a' + i) + "a";
            s3.putObject(
                    r -> r.bucket(Emulators.BUCKET).key("tenants/" + tenant + "/media/" + id + ".png"),
                    RequestBody.fromBytes(new byte[] {1, 2, 3, (byte) i}));
            s3.putObject(
                    r -> r.bucket(Emulators.BUCKET).key("tenants/" + tenant + "/media/" + id + "-320.jpg"),
                    RequestBody.fromBytes(new byte[] {9}));
        }
    }

    static long itemsOf(TenantId tenant) {
        return dynamo
                .scanPaginator(r -> r.tableName(Emulators.TABLE)
                        .consistentRead(true)
                        .filterExpression("begins_with(pk, :p)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(tenant.value() + "#"))))
                .items()
                .stream()
                .count();
    }

    static List<String> objects(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(Emulators.BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    static SQSEvent event(TenantId id) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + id + "-" + System.nanoTime());
        message.setBody(id.value());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    static List<OutboxMessages.Message> platformMail(String to) {
        return new OutboxMessages(dynamo, Emulators.TABLE)
                .recent(500).stream()
                        .filter(m -> m.tenantId().equals("platform") && m.to().equals(to))
                        .toList();
    }

    static OffboardingSaga saga(StoreExporter exporter, TenantEraser eraser) {
        ApplicationContext c = worker.getApplicationContext();
        return new OffboardingSaga(
                registry,
                offboardings,
                c.getBean(OwnerRequests.class),
                c.getBean(StoreFleet.class),
                exporter,
                eraser,
                c.getBean(OffboardingMail.class),
                Clock.systemUTC(),
                Duration.ZERO,
                Duration.ofHours(24),
                Duration.ofDays(30));
    }

    @Test
    void theOperatorClosesAStore_everyItemAndObjectOfItGoes_andNothingOfAnotherStore() throws Exception {
        Store store = openStore("closing-tea");
        Store neighbour = openStore("staying-tea");
        fill(store.id(), 45, 3);
        fill(neighbour.id(), 12, 2);
        long neighbourItems = itemsOf(neighbour.id());
        long before = itemsOf(store.id());
        assertThat(before).as("several pages of %s items", PAGE).isGreaterThan(6L * PAGE);

        service.start(store.slug(), "operator");
        // the queue's delivery: the worker resumes whatever the store's records say
        worker.handleRequest(event(store.id()), null);

        Offboarding done = offboardings.find(store.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(OffboardingState.DONE);
        assertThat(done.stepsDone()).containsExactlyInAnyOrder(OffboardingStep.values());
        assertThat(done.itemsDeleted()).isEqualTo(before);
        assertThat(itemsOf(store.id())).isZero();
        assertThat(objects("tenants/" + store.id() + "/")).isEmpty();
        assertThat(objects("exports/" + store.id() + "/"))
                .as("the archive goes with the slug")
                .isEmpty();
        assertThat(registry.findById(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.CLOSED);
        assertThat(registry.findBySlug(store.slug())).as("the address is free").isEmpty();
        assertThat(fleet.calls).contains("deleteRoute closing-tea", "deleteFunction closing-tea");

        assertThat(itemsOf(neighbour.id())).isEqualTo(neighbourItems);
        assertThat(objects("tenants/" + neighbour.id() + "/")).hasSize(4);
        assertThat(registry.findById(neighbour.id()).orElseThrow().status()).isEqualTo(StoreStatus.ACTIVE);

        // the owner was mailed the link, in the store's language (Urdu)
        List<OutboxMessages.Message> mail = platformMail(store.ownerEmail());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).subject()).contains("ڈاؤن لوڈ");
        assertThat(mail.get(0).text())
                .contains("exports/" + store.id() + "/closing-tea-export.zip")
                .contains("X-Amz-Expires=86400")
                .contains("/stores/closing-tea/closing");
    }

    @Test
    void theArchive_holdsTheCatalogOrdersSettingsAndOriginals_beforeTheAddressIsFreed() throws Exception {
        Store store = openStore("archive-tea");
        fill(store.id(), 4, 2);
        List<String> captured = new ArrayList<>();
        StoreExporter real = worker.getApplicationContext().getBean(StoreExporter.class);
        StoreExporter keeping = new StoreExporter() {
            @Override
            public String export(Store s) {
                String key = real.export(s);
                captured.add(key);
                return key;
            }

            @Override
            public URI downloadLink(String key, Duration lifetime) {
                return real.downloadLink(key, lifetime);
            }

            @Override
            public void deleteArchive(String key) {
                // kept for this test: the grace period is 0 here
            }
        };
        service.start(store.slug(), "operator");
        saga(keeping, worker.getApplicationContext().getBean(TenantEraser.class))
                .run(store.id());

        assertThat(captured).containsExactly("exports/" + store.id() + "/archive-tea-export.zip");
        byte[] zip = s3.getObjectAsBytes(r -> r.bucket(Emulators.BUCKET).key(captured.get(0)))
                .asByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "products.csv",
                        "product-images.csv",
                        "collections.csv",
                        "orders.csv",
                        "customers.csv",
                        "settings.json",
                        "media/aaaaaaaaaaaaaaaa.png",
                        "media/aaaaaaaaaaaaaaba.png");
        assertThat(entries.get("media/aaaaaaaaaaaaaaba.png")).containsExactly(1, 2, 3, 1);
        assertThat(new String(entries.get("settings.json"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"slug\": \"archive-tea\"")
                .contains("\"currency\": \"PKR\"");
        assertThat(new String(entries.get("products.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("Handle,Title,");
        assertThat(itemsOf(store.id())).isZero();
    }

    @Test
    void aWorkerKilledBetweenTwoPagesOfTheDeletion_isResumedFromTheStoredCursor_andFinishes() {
        Store store = openStore("crashing-tea");
        fill(store.id(), 60, 1);
        long before = itemsOf(store.id());
        TenantEraser real = worker.getApplicationContext().getBean(TenantEraser.class);
        StoreExporter exporter = worker.getApplicationContext().getBean(StoreExporter.class);
        int[] pages = {0};
        TenantEraser dying = new TenantEraser() {
            @Override
            public Batch deleteDataBatch(TenantId tenant, String cursor) {
                if (++pages[0] > 3) {
                    throw new ThreadDeath(); // the process dies: no catch, no compensation, no message answer
                }
                return real.deleteDataBatch(tenant, cursor);
            }

            @Override
            public int deleteMedia(TenantId tenant) {
                return real.deleteMedia(tenant);
            }
        };
        service.start(store.slug(), "owner");

        assertThatThrownBy(() -> saga(exporter, dying).run(store.id())).isInstanceOf(ThreadDeath.class);

        Offboarding crashed = offboardings.find(store.id()).orElseThrow();
        assertThat(crashed.state()).isEqualTo(OffboardingState.RUNNING);
        assertThat(crashed.stepsDone())
                .contains(OffboardingStep.EXPORT, OffboardingStep.FUNCTION)
                .doesNotContain(OffboardingStep.DATA, OffboardingStep.MEDIA);
        assertThat(crashed.dataCursor()).isNotEmpty();
        assertThat(crashed.itemsDeleted()).isPositive();
        long left = itemsOf(store.id());
        assertThat(left).isPositive().isLessThan(before);
        assertThat(before - left).isEqualTo(crashed.itemsDeleted());

        // the redelivery: the resumed run starts where the dead one stopped
        List<String> cursors = new ArrayList<>();
        TenantEraser recording = new TenantEraser() {
            @Override
            public Batch deleteDataBatch(TenantId tenant, String cursor) {
                cursors.add(cursor);
                return real.deleteDataBatch(tenant, cursor);
            }

            @Override
            public int deleteMedia(TenantId tenant) {
                return real.deleteMedia(tenant);
            }
        };
        saga(exporter, recording).run(store.id());

        assertThat(cursors.get(0)).isEqualTo(crashed.dataCursor());
        Offboarding resumed = offboardings.find(store.id()).orElseThrow();
        assertThat(resumed.state()).isEqualTo(OffboardingState.DONE);
        assertThat(resumed.itemsDeleted()).isEqualTo(before);
        assertThat(itemsOf(store.id())).isZero();
        assertThat(objects("tenants/" + store.id() + "/")).isEmpty();
        assertThat(platformMail(store.ownerEmail()))
                .as("the link is mailed once")
                .hasSize(1);

        // a later delivery of the same message changes nothing
        worker.handleRequest(event(store.id()), null);
        assertThat(offboardings.find(store.id()).orElseThrow().itemsDeleted()).isEqualTo(before);
    }

    @Test
    void aFailedExport_deletesNothing_opensTheStoreAgain_andTellsTheOwner() {
        Store store = openStore("failing-tea");
        fill(store.id(), 8, 1);
        long before = itemsOf(store.id());
        StoreExporter broken = new StoreExporter() {
            @Override
            public String export(Store s) {
                throw new IllegalStateException("S3 refused the archive");
            }

            @Override
            public URI downloadLink(String key, Duration lifetime) {
                throw new AssertionError("no archive, no link");
            }

            @Override
            public void deleteArchive(String key) {}
        };
        service.start(store.slug(), "operator");
        fleet.calls.clear();

        Offboarding after = saga(broken, worker.getApplicationContext().getBean(TenantEraser.class))
                .run(store.id())
                .orElseThrow();

        assertThat(after.state()).isEqualTo(OffboardingState.REOPENED);
        assertThat(after.failure()).contains("nothing was deleted");
        assertThat(registry.findById(store.id()).orElseThrow().status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(fleet.calls).containsExactly("deleteRoute failing-tea", "createRoute failing-tea");
        assertThat(itemsOf(store.id())).isEqualTo(before);
        assertThat(objects("tenants/" + store.id() + "/")).hasSize(2);
        assertThat(platformMail(store.ownerEmail()))
                .singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("دوبارہ کھل گئی"));

        // the owner (or an operator) may try again later
        assertThat(service.start(store.slug(), "operator").state()).isEqualTo(OffboardingState.RUNNING);
    }

    @Test
    void aStoreStillBeingSetUp_cannotBeClosed() {
        Store store = new Store(
                TenantId.newId(),
                new Slug("early-tea"),
                "Early",
                "owner@early.example",
                "PKR",
                "PK",
                "en",
                StoreStatus.PROVISIONING,
                null,
                Set.of(),
                Instant.now());
        registry.register(store, null, "hash");

        assertThatThrownBy(() -> service.start(store.slug(), "operator"))
                .isInstanceOf(OffboardingService.StoreNotOpenException.class);
        assertThat(offboardings.find(store.id())).isEmpty();
    }
}
