package io.dukan.fleet;

import io.dukan.aws.dynamodb.TenantItems;
import io.dukan.aws.s3.TenantObjects;
import io.dukan.core.offboard.TenantEraser;
import io.dukan.core.tenant.TenantId;

/** The store's items (a filtered Scan page at a time, see {@link TenantItems}) and its objects under tenants/{id}/. */
final class AwsTenantEraser implements TenantEraser {

    private final TenantItems items;
    private final TenantObjects objects;

    AwsTenantEraser(TenantItems items, TenantObjects objects) {
        this.items = items;
        this.objects = objects;
    }

    @Override
    public Batch deleteDataBatch(TenantId tenant, String cursor) {
        TenantItems.Page page = items.deletePage(tenant, cursor);
        return new Batch(page.deleted(), page.next());
    }

    @Override
    public int deleteMedia(TenantId tenant) {
        return objects.deleteAll(tenant);
    }
}
