package io.dukan.bench.child;

import io.dukan.shop.ShopFunction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import java.util.Map;

/**
 * A cold start of a store's shop function in a fresh JVM, on the function's deployed jar: the builder gets what the
 * local cloud gives a store's instance (its environment variables as a property source, the endpoints, region,
 * credentials, tenant, slug, table and bucket as properties; see LocalCloud#storeDefinition and MicronautFunctions),
 * then one GET /s/{slug}/ whose page must list a product read from DynamoDB.
 *
 * <p>Arguments: {@code slug=… host=… expect=… env.NAME=… prop.name=…}.
 */
public final class ShopColdStart {

    private ShopColdStart() {}

    public static void main(String[] args) {
        Map<String, String> arguments = Child.arguments(args);
        Child.answerHome(
                arguments,
                "dukan-store-" + Child.required(arguments, "slug"),
                new ShopFunction(contextBuilder(arguments)));
    }

    /** The store instance's context as the local cloud builds it: its environment (env.*) and properties (prop.*). */
    static ApplicationContextBuilder contextBuilder(Map<String, String> arguments) {
        ApplicationContextBuilder builder = ApplicationContext.builder().deduceEnvironment(false);
        builder.propertySources(PropertySource.of(
                "template-environment",
                Child.withPrefix(arguments, "env."),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
        return builder.properties(Child.withPrefix(arguments, "prop."));
    }
}
