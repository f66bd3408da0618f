package io.dukan.core.payment;

import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * The scheduled settlement of wallet payments nobody is looking at: every due attempt ({@link DuePayments}) is
 * settled as the order page would settle it ({@link WalletPayments#sweep}): a pending one asked about at the
 * provider's status inquiry API (back-off 30 s doubling to an hour), an unpaid one past the provider's expiry plus
 * {@link WalletPayments#GRACE} cancelled with its stock released in one transaction with the order's change. Safe to
 * run twice at once and beside the order page: each outcome is an event stored once with the order's change,
 * conditional on the order's version ({@link PaymentService}).
 */
public class PaymentSweep {

    private static final System.Logger LOG = System.getLogger(PaymentSweep.class.getName());

    /** What one run did: attempts looked at, left the sweep (settled or not the order's payment), still pending, failed. */
    public record Report(int looked, int done, int pending, int failed) {}

    private final DuePayments due;
    private final WalletPayments wallets;
    private final Clock clock;
    private final int limit;

    /** @param limit at most this many attempts per run (the rest are still due at the next run) */
    public PaymentSweep(DuePayments due, WalletPayments wallets, Clock clock, int limit) {
        this.due = due;
        this.wallets = wallets;
        this.clock = clock;
        this.limit = limit;
    }

    public Report run() {
        int looked = 0;
        int done = 0;
        int pending = 0;
        int failed = 0;
        for (DuePayments.Due d : due.due(clock.instant(), limit)) {
            looked++;
            try {
                if (wallets.sweep(d.tenant(), d.orderCode(), d.reference())) {
                    pending++;
                } else {
                    due.done(d);
                    done++;
                }
            } catch (RuntimeException e) {
                // left due: the next run tries again (an order changing under it, a provider or table hiccup)
                failed++;
                LOG.log(
                        Level.WARNING,
                        "wallet payment " + d.reference() + " of order " + d.orderCode() + " (store "
                                + d.tenant().value() + ") not settled this run: " + e.getMessage());
            }
        }
        return new Report(looked, done, pending, failed);
    }
}
