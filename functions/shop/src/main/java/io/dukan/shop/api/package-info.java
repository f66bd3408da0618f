/** The store's JSON API: the shopper API and the owner's product API. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.api;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
