package io.dukan.local;

import io.dukan.aws.dynamodb.UpgradeRecords;
import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.ShopVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The shop-code versions a local cloud can run, registered at each start (as the fleet worker registers the layer
 * deployed with the stack on AWS): {@value LocalStoreFleet#BUILTIN_VERSION}, the shop on this JVM's classpath;
 * {@value #PACKAGED}, the shop's shaded jar of the last {@code mvn package} (functions/shop/target), if it is there,
 * in a class loader of its own; and {@value #BROKEN}, a build that answers every request with a 500 ({@link
 * BrokenShop}), to see a canary fail and be rolled back.
 */
final class LocalShopVersions {

    private static final Logger LOG = LoggerFactory.getLogger(LocalShopVersions.class);
    static final String PACKAGED = "local-2";
    static final String BROKEN = "local-broken";
    static final String SHOP_JAR = "functions/shop/target/dukan-shop-lambda.jar";

    private LocalShopVersions() {}

    static List<String> register(
            DynamoDbClient dynamo, String table, LocalStoreFleet fleet, Path projectRoot, Path codeDir)
            throws IOException {
        ShopVersions registry = UpgradeRecords.versions(dynamo, table);
        List<String> ids = new ArrayList<>();
        registry.publish(fleet.defaultVersion());
        ids.add(LocalStoreFleet.BUILTIN_VERSION);
        Path shopJar = projectRoot.resolve(SHOP_JAR).toAbsolutePath().normalize();
        if (Files.isRegularFile(shopJar)) {
            registry.publish(new ShopVersion(
                    PACKAGED,
                    shopJar + "!" + IsolatedCode.SHOP_HANDLER,
                    Instant.now(),
                    "local cloud",
                    "the shop's packaged jar (mvn package), in a class loader of its own"));
            ids.add(PACKAGED);
        } else {
            LOG.info("no {} yet: version {} is registered once the shop is packaged", shopJar, PACKAGED);
        }
        Path broken = BrokenShop.writeJar(codeDir.resolve(BROKEN + ".jar"));
        registry.publish(new ShopVersion(
                BROKEN,
                broken + "!" + BrokenShop.class.getName(),
                Instant.now(),
                "local cloud",
                "broken on purpose: answers every request with a 500 (watch the canary roll back)"));
        ids.add(BROKEN);
        return ids;
    }
}
