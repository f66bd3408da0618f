package io.dukan.core.tenant;

import io.dukan.core.account.PasswordHasher;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Signup, the unprivileged half of provisioning (it runs in the internet-facing function): validates, registers
 * the store (slug claim + store record + idempotency key, atomically) and hands it to the fleet worker through
 * {@link ProvisioningQueue}. The worker runs {@link ProvisioningSaga}. A signup then waits a bounded time for the
 * store to settle, so a quick saga answers ACTIVE at once; a slower one answers PROVISIONING, and the status page
 * follows it.
 */
public class ProvisioningService {

    private static final System.Logger LOG = System.getLogger(ProvisioningService.class.getName());
    /** A PROVISIONING store untouched this long lost its hand-over (or its worker); a retry hands it over again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    static final Duration POLL = Duration.ofMillis(25);

    private final StoreRegistry registry;
    private final ProvisioningQueue queue;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration settleWait;

    /** Answers at once (PROVISIONING) without waiting for the worker. */
    public ProvisioningService(StoreRegistry registry, ProvisioningQueue queue, PasswordHasher hasher, Clock clock) {
        this(registry, queue, hasher, clock, Duration.ZERO);
    }

    /** @param settleWait how long a signup waits for the worker to make the store ACTIVE (or FAILED) */
    public ProvisioningService(
            StoreRegistry registry, ProvisioningQueue queue, PasswordHasher hasher, Clock clock, Duration settleWait) {
        this.registry = registry;
        this.queue = queue;
        this.hasher = hasher;
        this.clock = clock;
        this.settleWait = settleWait;
    }

    /**
     * Records the store and hands it to the worker, or returns the one an earlier signup with the same idempotency
     * key recorded (handing it over again while it is still PROVISIONING: that repairs a lost hand-over).
     */
    public Store signup(SignupCommand command) {
        return signup(command, hasher.hash(command.password()));
    }

    /**
     * As {@link #signup(SignupCommand)}, with the password already hashed (a signup that waited for its e-mail to be
     * verified kept only the hash; the command's password is then not read).
     */
    public Store signup(SignupCommand command, String passwordHash) {
        Store draft = new Store(
                TenantId.newId(),
                command.slug(),
                command.storeName(),
                command.ownerEmail(),
                command.currency(),
                command.country(),
                command.language(),
                StoreStatus.PROVISIONING,
                null,
                Set.of(),
                clock.instant());
        StoreRegistry.Registration registration = register(draft, command.idempotencyKey(), passwordHash);
        Store store = registration.store();
        if (!registration.created()) {
            if (!sameSignup(store, command)) {
                throw new InvalidInputException(
                        "idempotencyKey", "this idempotency key was already used for a different signup");
            }
            if (store.status() != StoreStatus.PROVISIONING) {
                return store;
            }
        }
        queue.submit(store.id());
        return awaitSettled(store);
    }

    /**
     * Registers the store. A slug held by a store still PROVISIONING long after its signup is handed to the
     * worker again (which resumes it, or gives it up and frees the slug) and stays taken for now; so is a slug held by
     * a closed store (the worker frees it if its grace period has passed).
     */
    private StoreRegistry.Registration register(Store draft, String idempotencyKey, String passwordHash) {
        try {
            return registry.register(draft, idempotencyKey, passwordHash);
        } catch (StoreSlugTakenException taken) {
            Store holder = registry.findBySlug(draft.slug()).orElse(null);
            if (holder != null && abandoned(holder)) {
                LOG.log(
                        Level.INFO,
                        "store {0} holding slug {1} looks abandoned; handing it to the worker again",
                        holder.id(),
                        draft.slug());
                queue.submit(holder.id());
            } else if (holder != null && holder.status() == StoreStatus.CLOSED) {
                // a closed store keeps its address for a grace period; the worker frees it once that has passed
                // (OffboardingSaga), so a signup a moment later may take it
                queue.submit(holder.id());
            }
            throw taken;
        }
    }

    private boolean abandoned(Store store) {
        return store.status() == StoreStatus.PROVISIONING
                && store.createdAt().plus(ABANDONED_AFTER).isBefore(clock.instant());
    }

    /** A retry must ask for the same store; the password cannot be compared (only its hash is kept). */
    private static boolean sameSignup(Store store, SignupCommand command) {
        return store.slug().equals(command.slug())
                && store.ownerEmail().equals(command.ownerEmail())
                && store.name().equals(command.storeName())
                && store.currency().equals(command.currency())
                && store.country().equals(command.country())
                && store.language().equals(command.language());
    }

    /** The store as it is once the worker has settled it, or as it is when the wait runs out. */
    private Store awaitSettled(Store store) {
        long deadline = System.nanoTime() + settleWait.toNanos();
        Store current = store;
        while (!settleWait.isZero() && System.nanoTime() < deadline) {
            Optional<Store> read = registry.findById(store.id());
            if (read.isPresent()) {
                current = read.get();
                if (current.status() != StoreStatus.PROVISIONING) {
                    return current;
                }
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
        }
        return current;
    }

    public Store status(Slug slug) {
        return registry.findBySlug(slug).orElseThrow(() -> new NotFoundException("no store at '" + slug + "'"));
    }
}
