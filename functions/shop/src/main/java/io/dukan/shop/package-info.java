/**
 * The shop function every store runs: storefront, the owner's admin, the store's JSON API. Its beans exist only in
 * a context started with the "shop" environment, so the local cloud, which puts every function on one classpath,
 * never builds them inside the provisioning function. This root holds the handler and the factories that wire core's
 * services; the features live in sub-packages named like core's (storefront, cart, checkout, orders, catalog,
 * shipping, payments, staff, settings, api) over one shared package, {@code web}, for the request plumbing and page
 * frames. Every sub-package declares the same {@code @Requires} in its own package-info.
 */
@Configuration
@Requires(env = "shop")
package io.dukan.shop;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
