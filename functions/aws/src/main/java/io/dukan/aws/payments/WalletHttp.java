package io.dukan.aws.payments;

import io.dukan.core.shared.TryAgainLaterException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The one HTTP call a wallet inquiry makes (no client library: each would add to every store's cold start). */
final class WalletHttp {

    private WalletHttp() {}

    /** POSTs {@code body} and returns the answer's bytes; anything but 2xx, or no answer, is "try again later". */
    static byte[] post(String url, String contentType, String body, Map<String, String> headers, String provider) {
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
            http.setRequestMethod("POST");
            http.setConnectTimeout(5000);
            http.setReadTimeout(15000);
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", contentType);
            headers.forEach(http::setRequestProperty);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = http.getResponseCode();
            try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                byte[] answer = in == null ? new byte[0] : in.readAllBytes();
                if (status >= 300) {
                    throw new TryAgainLaterException(provider + " answered " + status + " to the status inquiry", null);
                }
                return answer;
            }
        } catch (IOException e) {
            throw new TryAgainLaterException(provider + " could not be reached for the status inquiry", e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
