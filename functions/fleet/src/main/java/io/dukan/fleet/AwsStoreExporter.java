package io.dukan.fleet;

import io.dukan.aws.s3.TenantObjects;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.offboard.StoreArchive;
import io.dukan.core.offboard.StoreExporter;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAdminRepository;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The archive of a store ({@link StoreArchive}), written to a temporary file (Lambda's /tmp) and stored at
 * exports/{tenantId}/{slug}-export.zip: outside tenants/{tenantId}/, so deleting the store's media leaves it, and
 * outside what the store's own role may touch. template.yaml's lifecycle rule expires exports/ after 30 days; the
 * saga also deletes it when it frees the slug.
 */
final class AwsStoreExporter implements StoreExporter {

    static final String PREFIX = "exports/";
    private static final Pattern ORIGINAL = Pattern.compile(".*/[a-z2-7]{16}\\.(jpg|png|gif)");

    private final CatalogService catalog;
    private final CollectionRepository collections;
    private final OrderAdminRepository orders;
    private final StoreDataRepository storeData;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    AwsStoreExporter(
            CatalogService catalog,
            CollectionRepository collections,
            OrderAdminRepository orders,
            StoreDataRepository storeData,
            S3Client s3,
            S3Presigner presigner,
            String bucket) {
        this.catalog = catalog;
        this.collections = collections;
        this.orders = orders;
        this.storeData = storeData;
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    static String key(Store store) {
        return PREFIX + store.id().value() + "/" + store.slug().value() + "-export.zip";
    }

    @Override
    public String export(Store store) {
        TenantId tenant = store.id();
        Path file = null;
        try {
            file = Files.createTempFile("dukan-export-", ".zip");
            List<Collection> all = collections.all(tenant);
            List<StoreArchive.MediaFile> media = new ArrayList<>();
            for (String key : new TenantObjects(s3, bucket).keys(TenantObjects.mediaPrefix(tenant))) {
                if (ORIGINAL.matcher(key).matches()) {
                    media.add(new StoreArchive.MediaFile(
                            key, () -> s3.getObject(r -> r.bucket(bucket).key(key))));
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                StoreArchive.write(
                        out,
                        store,
                        storeData.settings(tenant).orElse(null),
                        catalog.exportCsv(tenant),
                        all,
                        allOrders(tenant),
                        media);
            }
            String key = key(store);
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromFile(file));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export of store " + store.slug(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // /tmp is the function instance's own; the next export writes another file
                }
            }
        }
    }

    private List<Order> allOrders(TenantId tenant) {
        List<Order> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Order> page = orders.list(tenant, OrderFilter.ALL, cursor, CatalogService.MAX_PAGE);
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        java.util.Collections.reverse(all); // oldest first
        return all;
    }

    @Override
    public URI downloadLink(String key, Duration lifetime) {
        return URI.create(presigner
                .presignGetObject(p -> p.signatureDuration(lifetime)
                        .getObjectRequest(g -> g.bucket(bucket)
                                .key(key)
                                .responseContentDisposition(
                                        "attachment; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"")))
                .url()
                .toString());
    }

    @Override
    public void deleteArchive(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
}
