package io.dukan.core.testing;

import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** A provisioning queue that records each hand-over and, when told to, delivers it at once (a worker in-line). */
public final class RecordingQueue implements ProvisioningQueue {

    public final List<TenantId> submitted = Collections.synchronizedList(new ArrayList<>());
    public volatile Consumer<TenantId> worker = id -> {};

    @Override
    public void submit(TenantId store) {
        submitted.add(store);
        worker.accept(store);
    }
}
