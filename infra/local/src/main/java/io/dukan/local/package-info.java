/**
 * The local cloud (dev only, never deployed): DynamoDB Local and s3mock in-process, the template's table and
 * bucket, a local REST API Gateway that turns HTTP requests into proxy events for the real handlers, and a local
 * {@link io.dukan.core.tenant.StoreFleet} that gives each store its own lazily started function instance.
 * Entry point: {@link io.dukan.local.LocalCloud}.
 */
package io.dukan.local;
