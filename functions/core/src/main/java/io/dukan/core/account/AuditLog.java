package io.dukan.core.account;

import io.dukan.core.tenant.TenantId;
import java.util.List;

/** Out-port: the store's append-only record of admin actions, newest first when read. */
public interface AuditLog {

    void record(TenantId tenant, AuditEntry entry);

    List<AuditEntry> recent(TenantId tenant, int limit);
}
