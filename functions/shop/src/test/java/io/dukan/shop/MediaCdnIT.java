package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.ShopFunctionIT.call;
import static io.dukan.shop.ShopFunctionIT.enc;
import static io.dukan.shop.ShopFunctionIT.field;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.aws.testing.TestImages;
import io.dukan.core.tenant.StoreSettings;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * With a public media address (dukan.media-url: template.yaml's MediaCdn), shoppers get renditions from it, never
 * presigned URLs, and a storefront page does not start the S3 SDK; the owner's admin still uses presigned S3 URLs.
 * Real handler, DynamoDB Local and s3mock.
 */
class MediaCdnIT {

    static final String PASSWORD = "media password";
    static final String CDN = "https://media.cdn.example";
    static Emulators emulators;
    static StoreSettings store;
    static ShopFunction owner;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        store = TestStores.seed(emulators, "pictures", "PKR", "owner@pictures.example", PASSWORD);
        owner = function();
    }

    @AfterAll
    static void stop() throws Exception {
        owner.close();
        emulators.close();
    }

    static ShopFunction function() {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        properties.put("dukan.media-url", CDN + "/");
        return new ShopFunction(ApplicationContext.builder().properties(properties));
    }

    /** Uploads a real PNG the way admin.js does (grant, then PUT to the presigned URL); returns its key. */
    static String upload(String cookie, int width, int height) throws Exception {
        byte[] png = TestImages.png(width, height);
        APIGatewayProxyResponseEvent grant = call(
                owner,
                withCookie(
                        ProxyEvents.json(
                                "POST",
                                "/s/pictures/admin/uploads",
                                "{\"contentType\":\"image/png\",\"contentLength\":" + png.length + "}"),
                        cookie));
        assertThat(grant.getStatusCode()).as(grant.getBody()).isEqualTo(200);
        assertThat(field(grant.getBody(), "url"))
                .startsWith(emulators.s3Endpoint())
                .contains("X-Amz-Signature=");
        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(field(grant.getBody(), "url")))
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        return field(grant.getBody(), "key");
    }

    static String settings(String logoKey) {
        return "name=" + enc("Pictures") + "&phone=&whatsapp=&email=&address=&currency=PKR&language=en&logoKey="
                + enc(logoKey);
    }

    @Test
    void shoppersGetRenditionsFromTheMediaAddress_andAStorefrontPageNeverStartsTheS3Sdk() throws Exception {
        String cookie = ShopFunctionIT.login(owner, "pictures", "owner@pictures.example", PASSWORD);
        String photo = upload(cookie, 1200, 900);
        String productId = ShopFunctionIT.createProduct(owner, "pictures", cookie, "Dried apricots", "900", 5, photo);
        String logo = upload(cookie, 200, 80);
        APIGatewayProxyResponseEvent saved =
                call(owner, withCookie(form("/s/pictures/admin/settings", settings(logo)), cookie));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(303);
        assertThat(emulators
                        .s3()
                        .headObject(h -> h.bucket(Emulators.BUCKET).key(logo.replace(".png", "-320.jpg")))
                        .contentType())
                .as("the logo's rendition was made when it was chosen")
                .isEqualTo("image/jpeg");

        try (ShopFunction shopper = function()) { // a new instance, as a cold start gets
            APIGatewayProxyResponseEvent home = call(shopper, get("/s/pictures/"));
            APIGatewayProxyResponseEvent product = call(shopper, get("/s/pictures/products/" + productId));

            assertThat(home.getBody())
                    .contains("<img src=\"" + CDN + "/" + photo.replace(".png", "-320.jpg") + "\"")
                    .contains(CDN + "/" + logo.replace(".png", "-320.jpg"))
                    .doesNotContain("X-Amz-")
                    .doesNotContain(emulators.s3Endpoint());
            assertThat(product.getBody())
                    .contains("<img src=\"" + CDN + "/" + photo.replace(".png", "-960.jpg") + "\"")
                    .doesNotContain("X-Amz-")
                    .doesNotContain(photo + "\"");
            for (APIGatewayProxyResponseEvent page : new APIGatewayProxyResponseEvent[] {home, product}) {
                assertThat(header(page, "Content-Security-Policy").orElseThrow())
                        .contains("img-src 'self' data: " + CDN + ";")
                        .doesNotContain(emulators.s3Endpoint());
            }
            assertThat(shopper.getApplicationContext().getActiveBeanRegistrations(S3Client.class))
                    .isEmpty();
            assertThat(shopper.getApplicationContext().getActiveBeanRegistrations(S3Presigner.class))
                    .isEmpty();
        }
    }

    @Test
    void adminPages_stillAllowTheS3OriginTheirUploadsGoTo() {
        String cookie = ShopFunctionIT.login(owner, "pictures", "owner@pictures.example", PASSWORD);
        APIGatewayProxyResponseEvent page = call(owner, withCookie(get("/s/pictures/admin/settings"), cookie));

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data: " + CDN + " " + emulators.s3Endpoint() + ";")
                .contains("connect-src 'self' " + CDN + " " + emulators.s3Endpoint() + ";");
    }

    @Test
    void aLogoThatIsNoImage_isRefused_andTheSettingsStayAsTheyWere() throws Exception {
        String cookie = ShopFunctionIT.login(owner, "pictures", "owner@pictures.example", PASSWORD);
        APIGatewayProxyResponseEvent grant = call(
                owner,
                withCookie(
                        ProxyEvents.json(
                                "POST",
                                "/s/pictures/admin/uploads",
                                "{\"contentType\":\"image/png\",\"contentLength\":11}"),
                        cookie));
        String key = field(grant.getBody(), "key");
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(field(grant.getBody(), "url")))
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofString("not a png!!"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        APIGatewayProxyResponseEvent refused = call(
                owner,
                withCookie(
                        form("/s/pictures/admin/settings", settings(key).replace("name=Pictures", "name=Renamed")),
                        cookie));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody()).contains("not an image the store can read");
        assertThat(call(owner, get("/s/pictures/")).getBody())
                .doesNotContain("Renamed")
                .doesNotContain(key.replace(".png", ""));
    }
}
