package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The browser-facing S3 endpoint stands in for S3's authentication (s3mock checks none): only presigned URLs that
 * have not expired reach s3mock, and what a broken request cannot store, it does not store.
 */
class S3ProxyIT {

    @TempDir
    static Path temp;

    static LocalCloud cloud;
    static SdkHttpClient sdkHttp;
    static S3Client s3;
    static S3Presigner browserPresigner;
    static HttpClient http;

    @BeforeAll
    static void startCloud() throws Exception {
        Path project = temp.resolve("project");
        TestTemplate.write(project);
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(project)
                .dataDir(temp.resolve("data"))
                .port(0)
                .inMemoryDynamoDb(true)
                .functionFactory(EchoHandler::new));
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        sdkHttp = UrlConnectionHttpClient.builder().build();
        s3 = S3Client.builder()
                .httpClient(sdkHttp)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(cloud.s3Endpoint()))
                .forcePathStyle(true)
                .build();
        browserPresigner = S3Presigner.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(URI.create(cloud.s3PublicEndpoint()))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCloud() {
        if (browserPresigner != null) {
            browserPresigner.close();
            s3.close();
            sdkHttp.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void unsignedPut_isAccessDenied_andStoresNothing() throws Exception {
        String key = "tenants/abcdefgh23456789/media/unsigned.png";
        URI url = URI.create(cloud.s3PublicEndpoint() + "/mediabucket/" + key);

        HttpResponse<String> put = http.send(
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofString("not an image"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // a presigned URL's parameters, one missing (no X-Amz-Signature)
        HttpResponse<String> halfSigned = http.send(
                HttpRequest.newBuilder(URI.create(url + "?X-Amz-Algorithm=" + "AWS4-HMAC-SHA256&X-Amz-Date="
                                + amzDate(Instant.now()) + "&X-Amz-Expires=600&X-Amz-Credential=x"))
                        .PUT(HttpRequest.BodyPublishers.ofString("not an image"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(put.body()).contains("<Error><Code>AccessDenied</Code><Message>");
        assertThat(halfSigned.statusCode()).isEqualTo(403);
        assertThat(halfSigned.body()).contains("<Code>AccessDenied</Code>");
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket("mediabucket").key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void unsignedDelete_isAccessDenied_andTheObjectStays() throws Exception {
        String key = "tenants/abcdefgh23456789/media/kept.png";
        s3.putObject(r -> r.bucket("mediabucket").key(key), RequestBody.fromString("kept"));

        HttpResponse<String> delete = http.send(
                HttpRequest.newBuilder(URI.create(cloud.s3PublicEndpoint() + "/mediabucket/" + key))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(delete.body()).contains("<Code>AccessDenied</Code>");
        assertThat(s3.getObjectAsBytes(r -> r.bucket("mediabucket").key(key)).asUtf8String())
                .isEqualTo("kept");
    }

    @Test
    void expiredPresignedUrls_areAccessDenied_andAnExpiredPutStoresNothing() throws Exception {
        String key = "tenants/abcdefgh23456789/media/expiring.png";
        s3.putObject(r -> r.bucket("mediabucket").key(key), RequestBody.fromString("an image"));
        String newKey = "tenants/abcdefgh23456789/media/too-late.png";
        URI shortGet = browserPresigner
                .presignGetObject(r -> r.signatureDuration(Duration.ofSeconds(1))
                        .getObjectRequest(g -> g.bucket("mediabucket").key(key)))
                .url()
                .toURI();
        URI shortPut = browserPresigner
                .presignPutObject(r -> r.signatureDuration(Duration.ofSeconds(1))
                        .putObjectRequest(
                                p -> p.bucket("mediabucket").key(newKey).contentType("image/png")))
                .url()
                .toURI();
        URI freshGet = browserPresigner
                .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket("mediabucket").key(key)))
                .url()
                .toURI();

        Thread.sleep(2_100); // X-Amz-Date has whole seconds: 1 s after it has passed by now

        HttpResponse<String> expired =
                http.send(HttpRequest.newBuilder(shortGet).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code><Message>Request has expired</Message>");
        RawHttp.Response expiredHead =
                RawHttp.head(port(), "localhost:" + port(), shortGet.getRawPath() + "?" + shortGet.getRawQuery());
        assertThat(expiredHead.status()).isEqualTo(403);
        assertThat(expiredHead.body()).isEmpty();

        HttpResponse<String> expiredPut = http.send(
                HttpRequest.newBuilder(shortPut)
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofString("too late"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expiredPut.statusCode()).isEqualTo(403);
        assertThat(expiredPut.body()).contains("Request has expired");
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket("mediabucket").key(newKey)))
                .isInstanceOf(NoSuchKeyException.class);

        HttpResponse<String> fresh =
                http.send(HttpRequest.newBuilder(freshGet).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo("an image");
    }

    @Test
    void presignedPut_whoseBodyIsShorterThanItsContentLength_is400_andStoresNothing() throws Exception {
        String key = "tenants/abcdefgh23456789/media/cut-short.png";
        URI put = browserPresigner
                .presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .putObjectRequest(p -> p.bucket("mediabucket").key(key).contentType("image/png")))
                .url()
                .toURI();

        RawHttp.Response response = RawHttp.send(
                port(),
                ("PUT " + put.getRawPath() + "?" + put.getRawQuery()
                                + " HTTP/1.1\r\nHost: localhost:" + port() + "\r\nContent-Type: image/png\r\n"
                                + "Content-Length: 1000\r\nConnection: close\r\n\r\nonly a few bytes")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains("<Code>IncompleteBody</Code>");
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket("mediabucket").key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void presignedGet_carryingTheHeadersOfABodyItHasNot_isServed() throws Exception {
        String key = "tenants/abcdefgh23456789/media/served.png";
        s3.putObject(r -> r.bucket("mediabucket").key(key).contentType("image/png"), RequestBody.fromString("png"));
        URI get = browserPresigner
                .presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket("mediabucket").key(key)))
                .url()
                .toURI();

        for (String type : new String[] {"multipart/form-data", "multipart/form-data; boundary=", "\u00e9/\u00e9"}) {
            RawHttp.Response response = RawHttp.send(
                    port(),
                    ("GET " + get.getRawPath() + "?"
                                    + get.getRawQuery() + " HTTP/1.1\r\nHost: localhost:" + port()
                                    + "\r\nContent-Type: " + type
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).as(type).isEqualTo(200);
            assertThat(response.text()).as(type).isEqualTo("png");
        }
    }

    @Test
    void presignedPut_withHeadersS3mockWouldFailOn_isStoredOrRefused_neverAServerError() throws Exception {
        String key = "tenants/abcdefgh23456789/media/odd.bin";
        URI put = browserPresigner
                .presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .putObjectRequest(p -> p.bucket("mediabucket").key(key)))
                .url()
                .toURI();

        // S3 stores any Content-Type's bytes as they are, multipart/… too
        RawHttp.Response multipart = rawPut(put, "Content-Type: multipart/form-data", "--x\r\nnot parsed\r\n");
        assertThat(multipart.status()).as(multipart.text()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("mediabucket").key(key)).asUtf8String())
                .isEqualTo("--x\r\nnot parsed\r\n");

        RawHttp.Response decodedLength = rawPut(put, "x-amz-decoded-content-length: junk", "body");
        assertThat(decodedLength.status()).as(decodedLength.text()).isEqualTo(400);
        assertThat(decodedLength.text()).contains("<Code>InvalidArgument</Code>");

        RawHttp.Response badChunks = rawPut(put, "Content-Encoding: aws-chunked", "--x\r\nno chunk size\r\n");
        assertThat(badChunks.status()).as(badChunks.text()).isEqualTo(400);
        assertThat(badChunks.text()).contains("<Code>InvalidRequest</Code>");
        assertThat(s3.getObjectAsBytes(r -> r.bucket("mediabucket").key(key)).asUtf8String())
                .isEqualTo("--x\r\nnot parsed\r\n");
    }

    private static RawHttp.Response rawPut(URI url, String header, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(
                port(),
                ("PUT " + url.getRawPath() + "?" + url.getRawQuery()
                                + " HTTP/1.1\r\nHost: localhost:" + port() + "\r\n" + header + "\r\nContent-Length: "
                                + bytes.length
                                + "\r\nConnection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void presignedUrlRefusal_followsTheQueryAndTheClock() {
        Instant now = Instant.parse("2030-01-01T12:00:00Z");
        String valid = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20300101T115900Z&X-Amz-SignedHeaders=host"
                + "&X-Amz-Expires=600&X-Amz-Credential=local%2F20300101%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Signature=abc";

        assertThat(S3Proxy.presignedUrlRefusal(valid, now)).isNull();
        assertThat(S3Proxy.presignedUrlRefusal(null, now)).isEqualTo("Access Denied");
        assertThat(S3Proxy.presignedUrlRefusal("x-id=GetObject", now)).isEqualTo("Access Denied");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("&X-Amz-Signature=abc", ""), now))
                .startsWith("Query-string authentication version 4 requires");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("X-Amz-Signature=abc", "X-Amz-Signature="), now))
                .startsWith("Query-string authentication version 4 requires");
        assertThat(S3Proxy.presignedUrlRefusal(valid, now.plusSeconds(541))).isEqualTo("Request has expired");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("115900Z", "125900Z"), now))
                .isEqualTo("Request is not valid yet");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("20300101T115900Z", "yesterday"), now))
                .startsWith("X-Amz-Date must be");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("Expires=600", "Expires=-1"), now))
                .isEqualTo("X-Amz-Expires must be non-negative");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("Expires=600", "Expires=abc"), now))
                .isEqualTo("X-Amz-Expires should be a number");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("Expires=600", "Expires=604801"), now))
                .startsWith("X-Amz-Expires must be less than a week");
        assertThat(S3Proxy.presignedUrlRefusal(valid.replace("AWS4-HMAC-SHA256", "HMAC"), now))
                .startsWith("X-Amz-Algorithm only supports");
    }

    static int port() {
        return URI.create(cloud.baseUrl()).getPort();
    }

    static String amzDate(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replaceAll("\\.\\d+", "");
    }
}
