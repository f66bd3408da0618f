/** Staff: sign-in, the dashboard, staff accounts and invitations, password reset and their e-mails. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.staff;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
