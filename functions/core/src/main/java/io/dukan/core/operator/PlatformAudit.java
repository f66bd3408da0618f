package io.dukan.core.operator;

import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;

/** Out-port: the platform's append-only log of operator actions, newest first when read. */
public interface PlatformAudit {

    /** Records the entry; with a store, it is also in that store's history. */
    void record(PlatformAuditEntry entry, TenantId store);

    Page<PlatformAuditEntry> recent(String cursor, int limit);

    /** The entries about one store, newest first. */
    java.util.List<PlatformAuditEntry> ofStore(TenantId store, int limit);
}
