package io.dukan.bench.child;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The Micronaut floor's one route: the store's home page answered with {@link FloorHandler}'s single GetItem (the
 * same client, built when the controller is). Only in a context started with {@code bench.micronaut-floor=true}:
 * the shop's cold-start children carry these classes too and skip it.
 */
@Controller("/s/{store}")
@Requires(property = "bench.micronaut-floor", value = "true")
class FloorController {

    private final FloorHandler floor;

    FloorController(
            @Value("${bench.endpoint}") String endpoint,
            @Value("${bench.region}") String region,
            @Value("${bench.credential}") String credential,
            @Value("${bench.table}") String table,
            @Value("${bench.pk}") String pk,
            @Value("${bench.sk}") String sk) {
        this.floor = new FloorHandler(endpoint, region, credential, table, pk, sk);
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> home(String store) {
        APIGatewayProxyResponseEvent page = floor.handleRequest(null, null);
        // always a 200: Micronaut would put its own not-found page in place of a 404's body (the parent checks the
        // product's name in the body either way)
        return HttpResponse.ok(page.getStatusCode() + " " + page.getBody()).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
