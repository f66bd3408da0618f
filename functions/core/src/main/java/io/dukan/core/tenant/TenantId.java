package io.dukan.core.tenant;

import io.dukan.core.shared.Ids;

/** The store's internal id: the prefix of every key the store owns, in DynamoDB and in S3. */
public record TenantId(String value) {

    public TenantId {
        if (!Ids.looksLikeId(value, 32)) {
            throw new IllegalArgumentException("not a tenant id: " + value);
        }
    }

    public static TenantId newId() {
        return new TenantId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
