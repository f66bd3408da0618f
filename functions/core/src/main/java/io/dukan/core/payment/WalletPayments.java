package io.dukan.core.payment;

import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Paying an order at a wallet provider's hosted page (JazzCash, Easypaisa, Alipay), and settling it:
 *
 * <ul>
 *   <li>{@link #start} records an attempt (a reference unique per attempt, the provider's expiry) and gives the form
 *       that sends the shopper to the provider;
 *   <li>{@link #confirm} takes the provider's signed callback: paid marks the order paid, cancelled or failed
 *       cancels the unpaid order and releases its stock (one transaction, {@link PaymentService}), pending waits;
 *   <li>{@link #inquire} asks the provider's status inquiry API (Easypaisa's unsigned return, a pending JazzCash
 *       voucher); {@link #settleOnAccess} does so when the order is looked at and the attempt's back-off has passed
 *       (30 s doubling up to an hour), and releases the stock of an order whose payment window closed unpaid;
 *   <li>{@link #sweep} does the same for the scheduled {@link PaymentSweep}, with nobody looking at the order.
 * </ul>
 *
 * Every result goes through {@link PaymentService#apply}: stored once under its id (a replay changes nothing), the
 * amount and currency checked against the order's, a late payment on a cancelled order recorded for a refund.
 */
public class WalletPayments {

    /** How long after the provider's expiry an unpaid order is released (a payment just made may still be settling). */
    public static final Duration GRACE = Duration.ofMinutes(10);

    private final Map<String, WalletProvider> providers = new LinkedHashMap<>();
    private final WalletKeysRepository keys;
    private final PaymentAttempts attempts;
    private final OrderRepository orders;
    private final PaymentService payments;
    private final Clock clock;

    public WalletPayments(
            List<WalletProvider> providers,
            WalletKeysRepository keys,
            PaymentAttempts attempts,
            OrderRepository orders,
            PaymentService payments,
            Clock clock) {
        for (PaymentMethod m : PaymentMethod.values()) { // in the enum's order, whatever order the beans came in
            providers.stream()
                    .filter(p -> m.wallet() && p.name().equals(m.provider()))
                    .findFirst()
                    .ifPresent(p -> this.providers.put(p.name(), p));
        }
        this.keys = keys;
        this.attempts = attempts;
        this.orders = orders;
        this.payments = payments;
        this.clock = clock;
    }

    /** What a callback or inquiry did: the provider's status and code, and what happened to the order. */
    public record Result(WalletProvider.Status status, PaymentService.Outcome outcome, String code, String message) {}

    public List<WalletProvider> providers() {
        return List.copyOf(providers.values());
    }

    public Optional<WalletProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /** The wallet methods this store can offer: credentials entered, and the provider charges in the store's currency. */
    public List<PaymentMethod> methods(TenantId tenant, String storeCurrency) {
        List<PaymentMethod> out = new ArrayList<>();
        for (WalletProvider p : providers.values()) {
            if (p.currency().equals(storeCurrency)
                    && keys.findWallet(tenant, p.name()).isPresent()) {
                PaymentMethod.ofProvider(p.name()).ifPresent(out::add);
            }
        }
        return out;
    }

    public boolean configured(TenantId tenant, String provider) {
        return providers.containsKey(provider)
                && keys.findWallet(tenant, provider).isPresent();
    }

    /** Whether the shopper can (still) pay this order at its wallet provider. */
    public boolean payable(TenantId tenant, Order order) {
        return order.paymentMethod().wallet()
                && order.paymentStatus() == PaymentStatus.PENDING
                && order.fulfilmentStatus() == FulfilmentStatus.UNFULFILLED
                && provider(order.paymentMethod().provider())
                        .map(p -> p.currency().equals(order.total().currency()))
                        .orElse(false)
                && configured(tenant, order.paymentMethod().provider());
    }

    /** Records a new attempt and gives the form to the provider's page. */
    public WalletProvider.HostedPayment start(TenantId tenant, Order order, String returnUrl, String notifyUrl) {
        if (!payable(tenant, order)) {
            throw new InvalidInputException("paymentMethod", "this order cannot be paid online now");
        }
        WalletProvider provider = providers.get(order.paymentMethod().provider());
        WalletKeys stored = keys.findWallet(tenant, provider.name()).orElseThrow();
        Instant now = clock.instant();
        PaymentAttempt attempt = new PaymentAttempt(
                provider.name(),
                order.code(),
                newReference(),
                order.total(),
                now,
                now.plus(provider.expiry()),
                0,
                now.plus(PaymentAttempt.backoff(0)));
        attempts.save(tenant, attempt);
        return provider.start(tenant, stored, order, attempt, returnUrl, notifyUrl);
    }

    /** "DK" and 16 random letters and digits: unique per attempt, within JazzCash's 20 alphanumerics. */
    static String newReference() {
        return "DK" + Ids.newSecret().substring(0, 16).toUpperCase(Locale.ROOT);
    }

    /**
     * A provider's signed callback: verified with the store's credentials, matched to an attempt of this store's
     * order, applied.
     *
     * @throws WebhookRejectedException the signature does not verify, or it names no attempt of this store
     */
    public Result confirm(TenantId tenant, String providerName, Map<String, String> callback) {
        WalletProvider provider = providers.get(providerName);
        if (provider == null) {
            throw new WebhookRejectedException("no such payment provider");
        }
        WalletKeys stored = keys.findWallet(tenant, providerName)
                .orElseThrow(() ->
                        new WebhookRejectedException("this store has no " + provider.displayName() + " credentials"));
        WalletProvider.Confirmation confirmation = provider.confirm(tenant, stored, callback);
        PaymentAttempt attempt = attemptOf(tenant, providerName, confirmation.orderCode(), confirmation.reference());
        return settle(tenant, provider, attempt, confirmation);
    }

    /**
     * Asks the provider about an attempt of this store's order (the shopper came back without a signed result).
     *
     * @throws WebhookRejectedException the order or attempt is not this store's
     */
    public Result inquire(TenantId tenant, String providerName, String orderCode, String reference) {
        WalletProvider provider = providers.get(providerName);
        if (provider == null) {
            throw new WebhookRejectedException("no such payment provider");
        }
        WalletKeys stored = keys.findWallet(tenant, providerName)
                .orElseThrow(() ->
                        new WebhookRejectedException("this store has no " + provider.displayName() + " credentials"));
        PaymentAttempt attempt = attemptOf(tenant, providerName, orderCode, reference);
        WalletProvider.Confirmation confirmation = provider.inquire(tenant, stored, attempt);
        return settle(tenant, provider, attempt, confirmation);
    }

    /** A further browser step of the provider's checkout, if the return asks for one ({@link WalletProvider#next}). */
    public Optional<WalletProvider.HostedPayment> next(
            TenantId tenant, String providerName, Map<String, String> returned, String returnUrl) {
        WalletProvider provider = providers.get(providerName);
        Optional<WalletKeys> stored = keys.findWallet(tenant, providerName);
        return provider == null || stored.isEmpty()
                ? Optional.empty()
                : provider.next(stored.get(), returned, returnUrl);
    }

    private PaymentAttempt attemptOf(TenantId tenant, String provider, String orderCode, String reference) {
        if (!Ids.looksLikeId(orderCode, 26) || reference == null || !reference.matches("[A-Za-z0-9]{1,64}")) {
            throw new WebhookRejectedException("the confirmation names no payment of this store");
        }
        return attempts.find(tenant, orderCode, reference)
                .filter(a -> a.provider().equals(provider))
                .orElseThrow(() -> new WebhookRejectedException("the confirmation names no payment of this store"));
    }

    private Result settle(
            TenantId tenant,
            WalletProvider provider,
            PaymentAttempt attempt,
            WalletProvider.Confirmation confirmation) {
        if (!attempt.reference().equals(confirmation.reference())) {
            throw new WebhookRejectedException("the confirmation is for another payment");
        }
        ProviderEvent event;
        switch (confirmation.status()) {
            case PAID ->
                event = new ProviderEvent(
                        "paid-" + attempt.reference(),
                        ProviderEvent.Type.PAYMENT_SUCCEEDED,
                        attempt.orderCode(),
                        confirmation.amount());
            case CANCELLED, FAILED -> {
                if (!isLatest(tenant, attempt)) {
                    // an older attempt ending says nothing about the one the shopper is paying with now
                    return new Result(
                            confirmation.status(),
                            PaymentService.Outcome.IGNORED,
                            confirmation.code(),
                            confirmation.message());
                }
                event = new ProviderEvent(
                        "ended-" + attempt.reference(),
                        ProviderEvent.Type.PAYMENT_ENDED,
                        attempt.orderCode(),
                        confirmation.amount());
            }
            default -> {
                return new Result(confirmation.status(), null, confirmation.code(), confirmation.message());
            }
        }
        PaymentService.Outcome outcome = payments.apply(tenant, provider.name(), event);
        return new Result(confirmation.status(), outcome, confirmation.code(), confirmation.message());
    }

    private boolean isLatest(TenantId tenant, PaymentAttempt attempt) {
        List<PaymentAttempt> all = attempts.of(tenant, attempt.orderCode());
        return all.isEmpty() || all.get(all.size() - 1).reference().equals(attempt.reference());
    }

    /**
     * Settles a pending wallet order when it is looked at (the shopper's order page, the owner's): asks the provider
     * about its latest attempt once that attempt's back-off has passed, and once the payment window has closed
     * (expiry plus {@link #GRACE}) without money, cancels it and releases its stock. Quietly does nothing when the
     * provider cannot be reached (the next look tries again).
     *
     * @return the order as it is now
     */
    public Order settleOnAccess(TenantId tenant, Order order) {
        if (!awaitsWalletPayment(order)) {
            return order;
        }
        WalletProvider provider = providers.get(order.paymentMethod().provider());
        Optional<WalletKeys> stored = provider == null ? Optional.empty() : keys.findWallet(tenant, provider.name());
        Instant now = clock.instant();
        List<PaymentAttempt> all = attempts.of(tenant, order.code());
        PaymentAttempt latest = all.isEmpty() ? null : all.get(all.size() - 1);
        Duration window = provider == null ? Duration.ofDays(1) : provider.expiry();
        Instant closes = (latest == null ? order.placedAt().plus(window) : latest.expiresAt()).plus(GRACE);
        boolean closed = now.isAfter(closes);
        if (latest != null && stored.isPresent() && (closed || !now.isBefore(latest.nextInquiryAt()))) {
            try {
                WalletProvider.Confirmation answer = provider.inquire(tenant, stored.get(), latest);
                if (answer.status() != WalletProvider.Status.PENDING) {
                    settle(tenant, provider, latest, answer);
                    return reread(tenant, order);
                }
                attempts.save(tenant, latest.inquired(now));
            } catch (TryAgainLaterException | WebhookRejectedException unanswered) {
                attempts.save(tenant, latest.inquired(now));
                return order; // not known to be unpaid: the stock is not released on a guess
            }
        }
        if (closed) {
            String name = provider == null ? order.paymentMethod().provider() : provider.name();
            payments.apply(
                    tenant,
                    name,
                    new ProviderEvent(
                            "expired-" + (latest == null ? order.code() : latest.reference()),
                            ProviderEvent.Type.PAYMENT_ENDED,
                            order.code(),
                            null));
            return reread(tenant, order);
        }
        return order;
    }

    private static boolean awaitsWalletPayment(Order order) {
        return order.paymentMethod().wallet()
                && order.paymentStatus() == PaymentStatus.PENDING
                && order.fulfilmentStatus() == FulfilmentStatus.UNFULFILLED;
    }

    /**
     * The scheduled sweep's look at one due attempt of this store ({@link PaymentSweep}), with nobody on the order
     * page. The order's latest attempt is settled exactly as {@link #settleOnAccess} settles it (the inquiry once its
     * back-off has passed; past the payment window, the order cancelled and its stock released). An older attempt
     * (the shopper started another since) is still asked about until its own window closes, since an over-the-counter
     * voucher of it may yet be paid; only its payment is applied (its end says nothing about the order).
     *
     * @return whether the attempt still waits for its provider (the sweep looks again at {@link
     *     PaymentAttempt#sweepAt()}); false when the order no longer awaits a wallet payment, or the attempt or order
     *     is not this store's
     */
    public boolean sweep(TenantId tenant, String orderCode, String reference) {
        if (!Ids.looksLikeId(orderCode, 26) || reference == null) {
            return false;
        }
        Optional<PaymentAttempt> attempt = attempts.find(tenant, orderCode, reference);
        Optional<Order> order = attempt.isEmpty() ? Optional.empty() : orders.findByCode(tenant, orderCode);
        if (order.isEmpty() || !awaitsWalletPayment(order.get())) {
            return false;
        }
        List<PaymentAttempt> all = attempts.of(tenant, orderCode);
        if (all.isEmpty() || all.get(all.size() - 1).reference().equals(reference)) {
            return awaitsWalletPayment(settleOnAccess(tenant, order.get()));
        }
        return sweepOlder(tenant, attempt.get());
    }

    private boolean sweepOlder(TenantId tenant, PaymentAttempt attempt) {
        WalletProvider provider = providers.get(attempt.provider());
        Optional<WalletKeys> stored = provider == null ? Optional.empty() : keys.findWallet(tenant, provider.name());
        Instant now = clock.instant();
        boolean closed = now.isAfter(attempt.expiresAt().plus(GRACE));
        if (stored.isEmpty()) {
            return false;
        }
        if (now.isBefore(attempt.nextInquiryAt()) && !closed) {
            return true;
        }
        try {
            WalletProvider.Confirmation answer = provider.inquire(tenant, stored.get(), attempt);
            if (answer.status() == WalletProvider.Status.PAID) {
                settle(tenant, provider, attempt, answer);
                return false;
            }
            if (answer.status() != WalletProvider.Status.PENDING) {
                return false;
            }
        } catch (TryAgainLaterException | WebhookRejectedException unanswered) {
            // asked again after the back-off, as a pending one
        }
        attempts.save(tenant, attempt.inquired(now));
        return !closed;
    }

    private Order reread(TenantId tenant, Order order) {
        return orders.findByCode(tenant, order.code()).orElse(order);
    }

    /**
     * The provider's reference for the order's money, from its history ("jazzcash event paid-DK… (…)"), for the
     * order pages: the attempt reference the shopper and owner can quote to the provider.
     */
    public static Optional<String> reference(Order order) {
        for (int i = order.history().size() - 1; i >= 0; i--) {
            String what = order.history().get(i).what();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "^(jazzcash|easypaisa|alipay) event (?:paid|ended|expired)-([A-Za-z0-9]+)")
                    .matcher(what);
            if (m.find()) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }

    /** Whether a wallet's money arrived after the order was cancelled or had failed: the owner must refund it. */
    public static boolean needsRefund(Order order) {
        return order.history().stream().anyMatch(e -> e.what().contains("NOT applied: the money arrived after"))
                && order.paymentStatus() != PaymentStatus.PAID
                && order.paymentStatus() != PaymentStatus.REFUNDED;
    }
}
