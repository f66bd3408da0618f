/**
 * A scripted visitor of a running local cloud, over HTTP through its API gateway: stores signed up, owners signed in,
 * products added, carts and orders placed through the pages' own forms. Shared by the bench, the store runtime's
 * AOT training run and the local cloud's integration tests ({@link io.dukan.local.client.Forms}); never part of a
 * deployed function.
 */
package io.dukan.local.client;
