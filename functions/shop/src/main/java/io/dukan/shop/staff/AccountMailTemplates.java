package io.dukan.shop.staff;

import io.dukan.core.notify.AccountMails;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.i18n.StoreLocale;
import io.dukan.web.pages.Templates;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The staff invitation and the password-reset mail in the store's language: subjects from the
 * {@code accountmail} table, bodies from the plain-text templates mail/invitation.jte and mail/reset.jte.
 */
public final class AccountMailTemplates implements AccountMails {

    static final List<String> BUNDLES = List.of("accountmail");
    private static final Templates TEMPLATES = new Templates("io.dukan.shop.pages");

    private final StoreLocale t;

    AccountMailTemplates(StoreLocale t) {
        this.t = t;
    }

    public static AccountMailTemplates of(StoreSettings s) {
        return new AccountMailTemplates(StoreLocale.of(s.language(), s.country(), BUNDLES));
    }

    @Override
    public Text invitation(String inviter, String storeName, String link, Duration validFor) {
        return new Text(
                t.t("invite.subject", storeName),
                TEMPLATES
                                .render(
                                        "mail/invitation.jte",
                                        Map.of(
                                                "t",
                                                t,
                                                "inviter",
                                                inviter,
                                                "storeName",
                                                storeName,
                                                "link",
                                                link,
                                                "days",
                                                validFor.toDays()))
                                .strip()
                        + "\n");
    }

    @Override
    public Text passwordReset(String account, String storeName, String link, Duration validFor) {
        return new Text(
                t.t("reset.subject", storeName),
                TEMPLATES
                                .render(
                                        "mail/reset.jte",
                                        Map.of(
                                                "t",
                                                t,
                                                "account",
                                                account,
                                                "storeName",
                                                storeName,
                                                "link",
                                                link,
                                                "minutes",
                                                validFor.toMinutes()))
                                .strip()
                        + "\n");
    }
}
