package io.dukan.core.discount;

import io.dukan.core.order.Contact;
import io.dukan.core.order.DiscountClaim;
import io.dukan.core.order.DiscountUnavailableException;
import io.dukan.core.order.OrderDiscount;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store's discount codes: the owner's use cases (list, create, edit, pause, resume, delete an unused code) and the
 * checkout's (what a typed code takes off an order; the claim the order's transaction writes; why a claim failed).
 */
public class DiscountService {

    /** How many codes the owner's list shows (an SME has a handful). */
    public static final int LIST_LIMIT = 200;

    private final DiscountRepository discounts;
    private final Clock clock;

    public DiscountService(DiscountRepository discounts, Clock clock) {
        this.discounts = discounts;
        this.clock = clock;
    }

    public List<Discount> list(TenantId tenant) {
        return discounts.list(tenant, LIST_LIMIT);
    }

    public Discount discount(TenantId tenant, String code) {
        String c = DiscountCodes.normalise(code);
        return (c.isEmpty() ? Optional.<Discount>empty() : discounts.find(tenant, c))
                .orElseThrow(() -> new NotFoundException("no such discount code"));
    }

    public Discount create(StoreSettings store, DiscountCommand command) {
        Discount d = new Discount(
                command.code(),
                command.kind(),
                command.value(),
                command.minimumMinor(),
                store.currency(),
                command.startsAt(),
                command.endsAt(),
                command.usageLimit(),
                command.oncePerCustomer(),
                false,
                0,
                1,
                clock.instant());
        discounts.create(store.tenantId(), d);
        return d;
    }

    /** New terms for an existing code (its code itself stays); {@code seenTerms} is the version the form showed. */
    public Discount update(TenantId tenant, String code, DiscountCommand command, int seenTerms) {
        Discount current = discount(tenant, code);
        if (current.terms() != seenTerms) {
            throw new DiscountChangedException();
        }
        Discount changed = current.withTerms(command);
        discounts.update(tenant, changed, seenTerms);
        return changed;
    }

    /** Pauses (true) or resumes (false) a code; orders already placed keep it. */
    public Discount pause(TenantId tenant, String code, boolean paused) {
        Discount current = discount(tenant, code);
        Discount changed = current.withPaused(paused);
        discounts.update(tenant, changed, current.terms());
        return changed;
    }

    public void delete(TenantId tenant, String code) {
        Discount current = discount(tenant, code);
        if (current.used() > 0) {
            throw new DiscountInUseException();
        }
        discounts.delete(tenant, current.code());
    }

    /**
     * What {@code typedCode} takes off an order with this products subtotal and delivery price, now.
     *
     * @throws DiscountRefusedException the code does not exist in this store or does not apply
     */
    public OrderDiscount quote(StoreSettings store, String typedCode, Money subtotal, Money shipping) {
        return DiscountRules.apply(find(store.tenantId(), typedCode), subtotal, shipping, clock.instant());
    }

    /**
     * The claim an order placed with {@code typedCode} writes in its transaction, or null for no code. A
     * once-per-customer code the customer (by phone or e-mail) already used is refused here; the transaction checks
     * it again, with every other condition, when the order is written.
     */
    public DiscountClaim claim(StoreSettings store, String typedCode, Money subtotal, Money shipping, Contact contact) {
        if (DiscountCodes.normalise(typedCode).isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        Discount d = find(store.tenantId(), typedCode);
        OrderDiscount applied = DiscountRules.apply(d, subtotal, shipping, now);
        List<String> keys = d.oncePerCustomer()
                ? DiscountCodes.customerKeys(d.code(), contact.phone(), contact.email(), store.country())
                : List.of();
        if (!keys.isEmpty() && discounts.usedBy(store.tenantId(), d.code(), keys)) {
            throw new DiscountRefusedException(DiscountRefusal.ALREADY_USED);
        }
        return new DiscountClaim(applied, d.terms(), keys, now);
    }

    /** Why the order's transaction could not write {@code claim}: the code as it is now, checked again. */
    public DiscountRefusedException explain(
            StoreSettings store, DiscountClaim claim, DiscountUnavailableException failure, Money subtotal) {
        if (failure.usedByCustomer()) {
            return new DiscountRefusedException(DiscountRefusal.ALREADY_USED);
        }
        Discount now = discounts.find(store.tenantId(), claim.applied().code()).orElse(null);
        DiscountRefusal refusal = DiscountRules.refusal(now, subtotal, claim.at());
        if (refusal == null) {
            refusal = now != null && now.usageLimit() > 0 && now.used() >= now.usageLimit()
                    ? DiscountRefusal.USED_UP
                    : DiscountRefusal.CHANGED;
        }
        return new DiscountRefusedException(
                refusal, refusal == DiscountRefusal.BELOW_MINIMUM && now != null ? now.minimum() : null);
    }

    private Discount find(TenantId tenant, String typedCode) {
        String code = DiscountCodes.normalise(typedCode);
        if (code.isEmpty() || code.length() > DiscountCodes.MAX_LENGTH) {
            return null;
        }
        return discounts.find(tenant, code).orElse(null);
    }
}
