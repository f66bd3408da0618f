/**
 * The shop function every store runs: storefront, the owner's admin, the store's JSON API. Its beans exist only in
 * a context started with the "shop" environment, so the local cloud, which puts every function on one classpath,
 * never builds them inside the provisioning function.
 */
@Configuration
@Requires(env = "shop")
package io.dukan.shop;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
