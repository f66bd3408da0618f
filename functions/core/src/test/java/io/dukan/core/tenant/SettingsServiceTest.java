package io.dukan.core.tenant;

import static io.dukan.core.testing.ProductTestData.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.account.Role;
import io.dukan.core.account.StoreUser;
import io.dukan.core.catalog.MediaStore;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.testing.InMemoryAuditLog;
import io.dukan.core.testing.InMemoryCatalog;
import io.dukan.core.testing.InMemoryStoreData;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsServiceTest {

    private final TenantId tenant = TenantId.newId();
    private final InMemoryStoreData storeData = new InMemoryStoreData();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Set<String> uploaded = new java.util.HashSet<>();
    private final java.util.List<String> renditionsMade = new java.util.ArrayList<>();
    private final MediaStore media = new MediaStore() {
        @Override
        public Upload presignUpload(TenantId t, String contentType, long contentLength) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(TenantId t, String key) {
            return t.equals(tenant) && uploaded.contains(key);
        }

        @Override
        public void createRenditions(TenantId t, String originalKey) {
            renditionsMade.add(originalKey);
        }

        @Override
        public void delete(TenantId t, String originalKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public URI viewUrl(TenantId t, String key) {
            return URI.create("https://media.example/" + key);
        }
    };
    private final SettingsService service = new SettingsService(
            storeData, catalog, media, audit, Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));

    SettingsServiceTest() {
        storeData.createStoreData(
                new StoreSettings(tenant, new Slug("kashgar"), "Kashgar Fruit", "PKR", "PK", "en"),
                new StoreUser(tenant, "owner@kashgar.example", "hash", Role.OWNER));
    }

    private static UpdateSettingsCommand command(String currency, String logoKey) {
        return new UpdateSettingsCommand(
                "  Kashgar Dried Fruit ",
                "+92 300 1234567",
                "0092 (300) 123-4567",
                "Shop@Kashgar.example",
                "Bazaar Road 1\nKashgar",
                currency,
                "UR",
                logoKey);
    }

    @Test
    void update_savesNormalisedSettings_keepsSlugAndCountry_andRecordsWhoChangedThem() {
        StoreSettings saved = service.update(tenant, "owner@kashgar.example", command("PKR", ""));

        assertThat(storeData.settings(tenant)).contains(saved);
        assertThat(saved.name()).isEqualTo("Kashgar Dried Fruit");
        assertThat(saved.slug().value()).isEqualTo("kashgar");
        assertThat(saved.country()).isEqualTo("PK");
        assertThat(saved.language()).isEqualTo("ur");
        assertThat(saved.contact().whatsapp()).isEqualTo("923001234567");
        assertThat(saved.contact().email()).isEqualTo("shop@kashgar.example");
        assertThat(audit.recent(tenant, 5))
                .singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("changed settings"));
    }

    @Test
    void update_changesTheCurrency_whileTheStoreHasNoProducts() {
        assertThat(service.update(tenant, "owner", command("USD", "")).currency())
                .isEqualTo("USD");
    }

    @Test
    void update_refusesAnotherCurrency_onceTheStoreHasProducts_andChangesNothing() {
        catalog.add(tenant, aProduct().build());

        assertThatThrownBy(() -> service.update(tenant, "owner", command("USD", "")))
                .isInstanceOf(CurrencyLockedException.class)
                .hasMessageContaining("stays PKR");
        assertThat(storeData.settings(tenant).orElseThrow().name()).isEqualTo("Kashgar Fruit");
    }

    @Test
    void update_acceptsALogoThisStoreUploaded_andRefusesOneItDidNot() {
        uploaded.add("tenants/" + tenant.value() + "/media/logo.png");

        assertThat(service.update(tenant, "owner", command("PKR", "tenants/" + tenant.value() + "/media/logo.png"))
                        .contact()
                        .logoKey())
                .endsWith("logo.png");
        assertThatThrownBy(() -> service.update(tenant, "owner", command("PKR", "tenants/other/media/x.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("logo");
        assertThat(renditionsMade).containsExactly("tenants/" + tenant.value() + "/media/logo.png");
    }

    @Test
    void update_makesTheLogosRenditionsOnlyWhenTheLogoChanges() {
        String logo = "tenants/" + tenant.value() + "/media/logo.png";
        uploaded.add(logo);
        service.update(tenant, "owner", command("PKR", logo));

        service.update(tenant, "owner", command("PKR", logo)); // same logo, other fields saved again
        service.update(tenant, "owner", command("PKR", "")); // logo removed

        assertThat(renditionsMade).containsExactly(logo);
    }
}
