package software.amazon.awssdk.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;

/** The store runtime's lazy copy of the SDK's service metadata table answers as the SDK's own class does. */
class GeneratedServiceMetadataProviderTest {

    @Test
    void everyEndpointPrefixOfTheSdksTable_getsTheSdksServiceMetadataClass() throws Exception {
        // given: the SDK's own class, read from the regions jar (this module's copy is first on the classpath)
        URL regionsJar =
                ServiceMetadata.class.getProtectionDomain().getCodeSource().getLocation();
        Map<?, ?> sdkTable;
        try (URLClassLoader loader = new OriginalFirst(regionsJar)) {
            Class<?> original = loader.loadClass(GeneratedServiceMetadataProvider.class.getName());
            assertThat(original).isNotSameAs(GeneratedServiceMetadataProvider.class);
            Field table = original.getDeclaredField("SERVICE_METADATA");
            table.setAccessible(true);
            sdkTable = (Map<?, ?>) table.get(null);
        }
        GeneratedServiceMetadataProvider lazy = new GeneratedServiceMetadataProvider();

        // then
        assertThat(sdkTable).hasSizeGreaterThan(300);
        sdkTable.forEach((prefix, metadata) -> assertThat(lazy.serviceMetadata((String) prefix))
                .as(prefix.toString())
                .isNotNull()
                .hasSameClassAs(metadata));
    }

    @Test
    void aServiceIsBuiltOnce_andAnUnknownPrefixHasNone_asInTheSdksMap() {
        GeneratedServiceMetadataProvider lazy = new GeneratedServiceMetadataProvider();

        assertThat(lazy.serviceMetadata("dynamodb"))
                .isInstanceOf(DynamodbServiceMetadata.class)
                .isSameAs(lazy.serviceMetadata("dynamodb"));
        assertThat(lazy.serviceMetadata("no-such-service")).isNull();
        // what the client builders ask (their signing region), through the SDK's own entry point
        assertThat(ServiceMetadata.of("dynamodb").signingRegion(Region.EU_CENTRAL_1))
                .isEqualTo(Region.EU_CENTRAL_1);
    }

    /** Loads the SDK's GeneratedServiceMetadataProvider from its jar; everything else from the test's class path. */
    private static final class OriginalFirst extends URLClassLoader {
        OriginalFirst(URL jar) {
            super(new URL[] {jar}, GeneratedServiceMetadataProviderTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(GeneratedServiceMetadataProvider.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
