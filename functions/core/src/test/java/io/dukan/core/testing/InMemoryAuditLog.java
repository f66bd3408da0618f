package io.dukan.core.testing;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.AuditLog;
import io.dukan.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit log, in memory. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<Object[]> entries = new ArrayList<>();

    @Override
    public void record(TenantId tenant, AuditEntry entry) {
        entries.add(new Object[] {tenant, entry});
    }

    @Override
    public List<AuditEntry> recent(TenantId tenant, int limit) {
        return entries.stream()
                .filter(e -> e[0].equals(tenant))
                .map(e -> (AuditEntry) e[1])
                .sorted(Comparator.comparing(AuditEntry::at).reversed())
                .limit(limit)
                .toList();
    }
}
