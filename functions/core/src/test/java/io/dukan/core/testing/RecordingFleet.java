package io.dukan.core.testing;

import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A fleet that records what it was asked and can be told to fail one kind of call. */
public final class RecordingFleet implements StoreFleet {

    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    public volatile String failOn;

    @Override
    public void createFunction(StoreRef store) {
        record("createFunction", store);
    }

    @Override
    public void deleteFunction(StoreRef store) {
        record("deleteFunction", store);
    }

    @Override
    public void createRoute(StoreRef store) {
        record("createRoute", store);
    }

    @Override
    public void deleteRoute(StoreRef store) {
        record("deleteRoute", store);
    }

    private void record(String call, StoreRef store) {
        calls.add(call + " " + store.slug());
        if (call.equals(failOn)) {
            throw new IllegalStateException(call + " failed");
        }
    }
}
