package io.dukan.core.checkout;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Text;

/** The owner's payment settings as typed; at least one method, and bank details when bank transfer is on. */
public record PaymentSettingsCommand(PaymentSettings settings) {

    public static PaymentSettingsCommand of(
            boolean cashOnDelivery,
            boolean bankTransfer,
            String accountName,
            String bankName,
            String accountNumber,
            String instructions) {
        PaymentSettings.BankTransferDetails bank = new PaymentSettings.BankTransferDetails(
                Text.optional("account name", accountName, 120), Text.optional("bank name", bankName, 120),
                Text.optional("account number", accountNumber, 60), Text.optional("instructions", instructions, 1000));
        if (!cashOnDelivery && !bankTransfer) {
            throw new InvalidInputException("methods", "accept at least one way to pay, or shoppers cannot order");
        }
        if (bankTransfer
                && (bank.accountName().isEmpty() || bank.accountNumber().isEmpty())) {
            throw new InvalidInputException(
                    "account number", "for bank transfers, give the account name and the account number (or IBAN)");
        }
        return new PaymentSettingsCommand(new PaymentSettings(cashOnDelivery, bankTransfer, bank));
    }
}
