/** The store's request plumbing and page frames: this store, route access, shopper cookies, page and error frames. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.web;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
