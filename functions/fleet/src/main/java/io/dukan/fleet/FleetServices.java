package io.dukan.fleet;

import io.dukan.aws.AwsClients;
import io.dukan.aws.DukanProperties;
import io.dukan.aws.dynamodb.TenantItems;
import io.dukan.aws.s3.TenantObjects;
import io.dukan.core.account.AuditLog;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.CollectionRepository;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.offboard.OffboardingMail;
import io.dukan.core.offboard.OffboardingRepository;
import io.dukan.core.offboard.OffboardingSaga;
import io.dukan.core.offboard.OwnerRequests;
import io.dukan.core.offboard.StoreExporter;
import io.dukan.core.offboard.TenantEraser;
import io.dukan.core.operator.StoreDirectory;
import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.order.OrderAdminRepository;
import io.dukan.core.tenant.ProvisioningSaga;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.StoreCode;
import io.dukan.core.upgrade.StoreVersions;
import io.dukan.core.upgrade.UpgradeCampaigns;
import io.dukan.core.upgrade.UpgradeQueue;
import io.dukan.core.upgrade.UpgradeSaga;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The fleet worker's beans: the sagas (provisioning, offboarding, upgrades in waves), and the control-plane clients only this function holds rights for. */
@Factory
@Requires(env = FleetWorker.ENVIRONMENT)
public class FleetServices {

    @Singleton
    ProvisioningSaga provisioningSaga(
            StoreRegistry registry, StoreDataRepository storeData, StoreFleet fleet, Clock clock) {
        return new ProvisioningSaga(registry, storeData, fleet, clock);
    }

    /**
     * Upgrades in waves: where the store code, the stores' metrics and the delayed steps come from (on AWS
     * {@link AwsStoreCode}, CloudWatch and SQS, from io.dukan.aws; in the local cloud its fleet, counters and queue).
     */
    @Singleton
    @Requires(beans = {StoreCode.class, StoreMetrics.class, UpgradeQueue.class})
    UpgradeSaga upgradeSaga(
            UpgradeCampaigns campaigns,
            ShopVersions versions,
            StoreVersions storeVersions,
            StoreCode code,
            StoreDirectory directory,
            StoreMetrics metrics,
            StoreSuspensions suspensions,
            UpgradeQueue queue,
            Clock clock) {
        return new UpgradeSaga(campaigns, versions, storeVersions, code, directory, metrics, suspensions, queue, clock);
    }

    @Singleton
    OffboardingSaga offboardingSaga(
            StoreRegistry registry,
            OffboardingRepository offboardings,
            OwnerRequests ownerRequests,
            StoreFleet fleet,
            StoreExporter exporter,
            TenantEraser eraser,
            OffboardingMail mail,
            Clock clock,
            OffboardingProperties properties) {
        return new OffboardingSaga(
                registry,
                offboardings,
                ownerRequests,
                fleet,
                exporter,
                eraser,
                mail,
                clock,
                properties.getGracePeriod(),
                properties.getLinkLifetime(),
                properties.getArchiveLifetime());
    }

    /** The export reads the catalog as the admin's export does (the same CSV the admin's import reads). */
    @Singleton
    StoreExporter storeExporter(
            ProductRepository products,
            CollectionRepository collections,
            MediaStore media,
            AuditLog audit,
            OrderAdminRepository orders,
            StoreDataRepository storeData,
            S3Client s3,
            S3Presigner presigner,
            DukanProperties properties,
            Clock clock) {
        return new AwsStoreExporter(
                new CatalogService(products, collections, media, audit, clock),
                collections,
                orders,
                storeData,
                s3,
                presigner,
                properties.getBucket());
    }

    @Singleton
    TenantEraser tenantEraser(
            DynamoDbClient dynamo, S3Client s3, DukanProperties properties, OffboardingProperties offboarding) {
        return new AwsTenantEraser(
                new TenantItems(dynamo, properties.getTable(), offboarding.getScanPage()),
                new TenantObjects(s3, properties.getBucket()));
    }

    @Singleton
    OffboardingMail offboardingMail(
            EmailSender email,
            @Value("${dukan.public-url:}") String publicUrl,
            @Value("${dukan.fleet.public-url:}") String fleetPublicUrl) {
        return new OffboardingMails(email, publicUrl.isBlank() ? fleetPublicUrl : publicUrl);
    }

    @Singleton
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    @Bean(preDestroy = "close")
    LambdaClient lambda(AwsClients clients, SdkHttpClient http) {
        return clients.configure(LambdaClient.builder().httpClient(http), null).build();
    }

    @Singleton
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    @Bean(preDestroy = "close")
    IamClient iam(AwsClients clients, SdkHttpClient http) {
        // IAM is global: its endpoint is in us-east-1 (aws partition) whatever the function's region.
        return IamClient.builder()
                .httpClient(http)
                .credentialsProvider(clients.credentials())
                .region(Region.AWS_GLOBAL)
                .build();
    }

    @Singleton
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    @Bean(preDestroy = "close")
    CloudWatchLogsClient logs(AwsClients clients, SdkHttpClient http) {
        return clients.configure(CloudWatchLogsClient.builder().httpClient(http), null)
                .build();
    }
}
