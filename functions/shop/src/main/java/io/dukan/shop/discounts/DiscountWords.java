package io.dukan.shop.discounts;

import io.dukan.core.discount.Discount;
import io.dukan.core.discount.DiscountRefusal;
import io.dukan.core.discount.DiscountRefusedException;
import io.dukan.core.order.OrderDiscount;
import io.dukan.core.shared.Money;
import io.dukan.web.i18n.StoreLocale;
import java.time.Instant;

/** A discount code's words in the store's language (the {@code discount} message table). */
public final class DiscountWords {

    private DiscountWords() {}

    /** Why a code was refused, in the shopper's language (a minimum amount formatted for the store). */
    public static String refusal(StoreLocale t, DiscountRefusedException e) {
        return t.t("discount.refused." + key(e.reason()), e.minimum() == null ? "" : t.money(e.minimum()));
    }

    private static String key(DiscountRefusal reason) {
        return switch (reason) {
            case UNKNOWN -> "unknown";
            case NOT_STARTED -> "notStarted";
            case EXPIRED -> "expired";
            case PAUSED -> "paused";
            case BELOW_MINIMUM -> "belowMinimum";
            case USED_UP -> "usedUp";
            case ALREADY_USED -> "alreadyUsed";
            case CHANGED -> "changed";
        };
    }

    /** The order line's label: "Discount (EID10)" or "Free delivery (SHIPFREE)". */
    public static String line(StoreLocale t, OrderDiscount d) {
        return t.t(d.freeDelivery() ? "discount.lineFreeDelivery" : "discount.line", d.code());
    }

    /** "-Rs 90.00": the amount taken off, as a line of a total shows it. */
    public static String minus(StoreLocale t, OrderDiscount d) {
        return "-" + t.money(d.amount());
    }

    /** "Code EID10 applied: Rs 90.00 off." */
    public static String applied(StoreLocale t, OrderDiscount d) {
        return d.freeDelivery()
                ? t.t("discount.appliedFreeDelivery", d.code())
                : t.t("discount.applied", d.code(), t.money(d.amount()));
    }

    /** "10% off products", "Rs 500.00 off", "Free delivery". */
    public static String offer(StoreLocale t, Discount d) {
        return switch (d.kind()) {
            case PERCENTAGE -> t.t("discount.offer.percentage", t.number(d.value()));
            case FIXED_AMOUNT -> t.t("discount.offer.fixed", t.money(new Money(d.value(), d.currency())));
            case FREE_DELIVERY -> t.t("discount.offer.free");
        };
    }

    /** Active, paused, scheduled, expired or used up, at {@code now}. */
    public static String status(StoreLocale t, Discount d, Instant now) {
        String key;
        if (d.paused()) {
            key = "paused";
        } else if (d.endsAt() != null && !now.isBefore(d.endsAt())) {
            key = "expired";
        } else if (d.usageLimit() > 0 && d.used() >= d.usageLimit()) {
            key = "usedUp";
        } else if (d.startsAt() != null && now.isBefore(d.startsAt())) {
            key = "scheduled";
        } else {
            key = "active";
        }
        return t.t("discount.status." + key);
    }

    /** "3 of 10", or "3" for a code without a limit. */
    public static String used(StoreLocale t, Discount d) {
        return d.usageLimit() == 0
                ? t.number(d.used())
                : t.t("discount.usedOf", t.number(d.used()), t.number(d.usageLimit()));
    }
}
