/** The shopper's storefront: home, collections, search, product pages, sitemap and their view models. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.storefront;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
