/**
 * The shared provisioning function: signup (HTML and JSON), store status, the page for unknown store addresses.
 * Its beans exist only in a context started with the "provisioning" environment.
 */
@Configuration
@Requires(env = "provisioning")
package io.dukan.provisioning;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
