package io.dukan.core.upgrade;

import java.util.List;
import java.util.Optional;

/** Out-port: the registry of shop-code versions (PLATFORM#SHOPCODE), newest first. */
public interface ShopVersions {

    /** The most versions {@link #all} returns. */
    int LIMIT = 100;

    /** Records a new version; false (nothing written) when the id is taken. */
    boolean publish(ShopVersion version);

    Optional<ShopVersion> version(String id);

    /** The newest {@link #LIMIT} versions, newest first. */
    List<ShopVersion> all();
}
