package io.dukan.core.offboard;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.AuditLog;
import io.dukan.core.account.AuthService;
import io.dukan.core.account.Permission;
import io.dukan.core.account.PermissionDeniedException;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.util.Locale;

/**
 * The owner closes the store from their admin (the store's function): only the owner, never staff; the store's
 * address typed again and the password entered again (counted like a sign-in, so it cannot be guessed faster here).
 * The request is kept in the store's own partition and the store's id handed to the fleet worker, which checks the
 * request there and runs {@link OffboardingSaga}. Nothing starts when a check fails.
 */
public class OwnerClosing {

    private final OwnerRequests requests;
    private final ProvisioningQueue queue;
    private final AuthService auth;
    private final AuditLog audit;
    private final Clock clock;

    public OwnerClosing(
            OwnerRequests requests, ProvisioningQueue queue, AuthService auth, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.queue = queue;
        this.auth = auth;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws PermissionDeniedException not the owner
     * @throws InvalidInputException the typed address is not the store's ({@code confirmSlug})
     * @throws io.dukan.core.account.LoginFailedException the password is wrong
     */
    public void close(TenantId tenant, Slug slug, Session session, String typedSlug, String password) {
        if (session.role() != Role.OWNER || !session.tenantId().equals(tenant)) {
            throw new PermissionDeniedException(Permission.SETTINGS);
        }
        String typed = typedSlug == null ? "" : typedSlug.strip().toLowerCase(Locale.ROOT);
        if (!typed.equals(slug.value())) {
            throw new InvalidInputException(
                    "confirmSlug",
                    "type the store's address, " + slug.value() + ", exactly as shown to confirm; nothing was closed");
        }
        Session check = auth.login(tenant, session.email(), password);
        auth.logout(tenant, check.token());
        requests.request(tenant, session.email(), clock.instant());
        audit.record(tenant, new AuditEntry(clock.instant(), session.email(), "asked to close the store", ""));
        queue.submit(tenant);
    }
}
