package io.dukan.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Store settings against DynamoDB Local: saved in the store's own item, never creating one for another store. */
class DynamoDbStoreDataIT {

    static Emulators emulators;
    static DynamoDbStoreData data;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        data = new DynamoDbStoreData(emulators.dynamo(), TestTables.emulators());
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    @Test
    void saveSettings_changesTheEditableFields_andKeepsSlugAndCountry() {
        StoreSettings seeded = TestStores.seed(emulators, "settings-a", "PKR", "owner@a.example", "long password 1");
        StoreSettings other = TestStores.seed(emulators, "settings-b", "USD", "owner@b.example", "long password 1");
        StoreSettings changed = new StoreSettings(
                seeded.tenantId(),
                new Slug("ignored"),
                "New name",
                "CNY",
                "CN",
                "ur",
                new StoreSettings.StoreContact(
                        "+92 300 1234567",
                        "923001234567",
                        "shop@a.example",
                        "Bazaar 1",
                        "tenants/" + seeded.tenantId().value() + "/media/aaaaaaaaaaaaaaaa.png"));

        data.saveSettings(changed);

        StoreSettings read = data.settings(seeded.tenantId()).orElseThrow();
        assertThat(read.name()).isEqualTo("New name");
        assertThat(read.currency()).isEqualTo("CNY");
        assertThat(read.language()).isEqualTo("ur");
        assertThat(read.contact()).isEqualTo(changed.contact());
        assertThat(read.slug()).isEqualTo(seeded.slug());
        assertThat(read.country()).isEqualTo(seeded.country());
        assertThat(data.settings(other.tenantId())).contains(other);
    }

    @Test
    void saveSettings_ofAStoreThatDoesNotExist_isNotFound_andWritesNothing() {
        TenantId nobody = TenantId.newId();
        StoreSettings ghost = new StoreSettings(nobody, new Slug("ghost"), "Ghost", "USD", "US", "en");

        assertThatThrownBy(() -> data.saveSettings(ghost)).isInstanceOf(NotFoundException.class);
        assertThat(data.settings(nobody)).isEmpty();
    }
}
