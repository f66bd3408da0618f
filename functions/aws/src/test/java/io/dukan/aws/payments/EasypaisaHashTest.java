package io.dukan.aws.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EasypaisaHashTest {

    static final String HASH_KEY = "8JZVPIU6MPD6H4GH";

    static Map<String, String> request() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("storeId", "12345");
        f.put("amount", "10.0");
        f.put("postBackURL", "https://shop.example/return");
        f.put("orderRefNum", "DK0000000000000001");
        f.put("expiryDate", "20260101 120000");
        f.put("paymentMethod", "MA_PAYMENT_METHOD");
        f.put("emailAddr", "");
        return f;
    }

    /**
     * The integration guide's recipe: the non-empty fields sorted as name=value joined by &, AES/ECB/PKCS5 under the
     * hash key, Base64. The expected value was computed independently with
     * {@code printf %s '<the sorted string>' | openssl enc -aes-128-ecb -K <hex of the key> | base64}.
     */
    @Test
    void theSortedRequestString_encryptedWithTheHashKey_matchesOpenssl() {
        assertThat(EasypaisaHash.plain(request()))
                .isEqualTo("amount=10.0&expiryDate=20260101 120000&orderRefNum=DK0000000000000001"
                        + "&paymentMethod=MA_PAYMENT_METHOD&postBackURL=https://shop.example/return&storeId=12345");
        assertThat(EasypaisaHash.hash(request(), HASH_KEY))
                .isEqualTo("/osGUfhqbZRgvr34GnURQLjXBHlkmiOcOnDM0DgHZKd+IvnO0TZFB2njUV2oH1cXCMb6TzDT8gfGxdSUQwz53U"
                        + "gFZk5xdD8UWAutMwBqYu5MG9Vp9crl5INTPru1I+y+lkMG/lft/igSAIhWbeAPb/bExwXxQN6CM9BQwqDGI5F5KniHb0z"
                        + "6jxPhlKalVuSlydyvfn3Vx7NLF7EBFI2i1g==");
        assertThat(EasypaisaHash.decrypt(EasypaisaHash.hash(request(), HASH_KEY), HASH_KEY))
                .isEqualTo(EasypaisaHash.plain(request()));
    }

    /** Property: changing any hashed field changes merchantHashedReq (the provider would refuse the request). */
    @Test
    void anyChangeToAHashedField_changesTheHash() {
        String original = EasypaisaHash.hash(request(), HASH_KEY);
        Random random = new Random(7);
        List<String> names = List.of("storeId", "amount", "postBackURL", "orderRefNum", "expiryDate", "paymentMethod");
        for (int run = 0; run < 200; run++) {
            Map<String, String> changed = request();
            String name = names.get(random.nextInt(names.size()));
            changed.put(name, changed.get(name) + random.nextInt(10));
            assertThat(EasypaisaHash.hash(changed, HASH_KEY)).as(name).isNotEqualTo(original);
        }
        assertThat(EasypaisaHash.hash(request(), "8JZVPIU6MPD6H4GX")).isNotEqualTo(original);
    }
}
