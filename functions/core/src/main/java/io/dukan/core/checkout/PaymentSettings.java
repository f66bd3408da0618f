package io.dukan.core.checkout;

import io.dukan.core.order.PaymentMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Which offline payment methods the owner accepts, and what a shopper paying by bank transfer needs to know. A new
 * store takes cash on delivery only. Card payments are not configured here: they come with a payment provider.
 */
public record PaymentSettings(boolean cashOnDelivery, boolean bankTransfer, BankTransferDetails bank) {

    public static final PaymentSettings DEFAULT = new PaymentSettings(true, false, BankTransferDetails.NONE);

    /** Where to send the money: the owner's words, shown at checkout and on the order page. */
    public record BankTransferDetails(String accountName, String bankName, String accountNumber, String instructions) {

        public static final BankTransferDetails NONE = new BankTransferDetails("", "", "", "");
    }

    /** The offline methods on offer, in the order the checkout lists them. */
    public List<PaymentMethod> methods() {
        List<PaymentMethod> out = new ArrayList<>();
        if (cashOnDelivery) {
            out.add(PaymentMethod.CASH_ON_DELIVERY);
        }
        if (bankTransfer) {
            out.add(PaymentMethod.BANK_TRANSFER);
        }
        return out;
    }
}
