package io.dukan.shop.web;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.Permission;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.DomainException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.StoreLocale;
import io.dukan.web.pages.Templates;
import io.micronaut.http.context.ServerRequestContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store owner's admin pages: precompiled jte templates under {@code src/main/jte/admin}, every word from the
 * {@code admin} message table in the store's language. Each page template takes {@code t} (the store's
 * {@link StoreLocale}), {@code c} (the page's {@link Chrome}) and {@code m} (its model, a record in the page's
 * *Views class). Words the core writes in English into stored records (order history, the audit log, validation
 * messages) are translated here when they are ones the platform wrote; what people typed is shown as typed.
 */
public final class AdminPages {

    public static final List<String> BUNDLES =
            List.of("admin", "wallets", "borders", "discount", "seller", "figures", "close", "lowstock");

    /** The menu section each admin page belongs to (pages not listed are their own section). */
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("dashboard", "home"),
            Map.entry("order", "orders"),
            Map.entry("cancel", "orders"),
            Map.entry("editor", "products"),
            Map.entry("collections", "products"),
            Map.entry("import", "products"),
            Map.entry("zone", "shipping"),
            Map.entry("stripe", "payments"),
            Map.entry("currencies", "settings"),
            Map.entry("invite", "staff"));

    private static final Templates TEMPLATES = new Templates("io.dukan.shop.pages");

    private AdminPages() {}

    /**
     * What every admin page around its content needs: the store, its address, the sign-out form's token.
     * {@code nav} is false for the pages shown outside the admin's navigation (the packing slip, the invitee's).
     */
    public record Chrome(
            StoreLocale t, String storeName, String base, String csrf, boolean nav, Role role, String page) {

        /**
         * Whether the menu shows the links of {@code permission}'s pages: only those the signed-in person's role may
         * open (a staff member sees no Settings, Shipping, Payments or Currencies link that would answer 403).
         */
        public boolean may(Permission permission) {
            return role.may(permission);
        }

        /** This page's short help text in the store's language, or null when the page has none. */
        public String help() {
            String key = "help." + page;
            return page != null && t.messages().has(key) ? t.t(key) : null;
        }

        /** aria-current for the menu link of {@code section}: the page's own section is marked. */
        public String current(String section) {
            return section.equals(SECTIONS.getOrDefault(page, page)) ? "page" : null;
        }

        Chrome on(String template) {
            String name = template.replaceFirst("^admin/", "").replaceFirst("\\.jte$", "");
            return new Chrome(t, storeName, base, csrf, nav, role, name);
        }
    }

    public static StoreLocale locale(StoreSettings s) {
        return StoreLocale.of(s.language(), s.country(), BUNDLES);
    }

    /**
     * The chrome of a page shown to the signed-in person. Their role is the one {@link RouteAccess} put on the request
     * being answered (Micronaut's current-request context); without one (a page rendered outside a request) the
     * menu shows only what every role may open.
     */
    public static Chrome chrome(StoreSettings s, String base, String csrf) {
        return new Chrome(locale(s), s.name(), base, csrf, true, signedInRole().orElse(Role.STAFF), null);
    }

    /** As {@link #chrome(StoreSettings, String, String)} for a known role (tests, mails). */
    public static Chrome chrome(StoreSettings s, String base, String csrf, Role role) {
        return new Chrome(locale(s), s.name(), base, csrf, true, role, null);
    }

    public static Chrome bare(StoreSettings s, String base) {
        return new Chrome(locale(s), s.name(), base, "", false, Role.STAFF, null);
    }

    public static String render(String template, Chrome chrome, Object model) {
        Chrome on = chrome.on(template);
        return TEMPLATES.render(template, Map.of("t", on.t(), "c", on, "m", model));
    }

    /** As {@link #render(String, Chrome, Object)}, with more named parameters the template declares. */
    public static String render(String template, Chrome chrome, Object model, Map<String, Object> more) {
        Chrome on = chrome.on(template);
        Map<String, Object> params = new java.util.HashMap<>(more);
        params.put("t", on.t());
        params.put("c", on);
        params.put("m", model);
        return TEMPLATES.render(template, params);
    }

    private static Optional<Role> signedInRole() {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(RouteAccess.SESSION, Session.class))
                .map(Session::role);
    }

    /** The same with one more named parameter (a fragment's model that the page's own model does not carry). */
    public static String render(String template, Chrome chrome, Object model, String name, Object value) {
        Chrome on = chrome.on(template);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("t", on.t(), "c", on, "m", model));
        params.put(name, value); // may be null: the fragment is left out
        return TEMPLATES.render(template, params);
    }

    // Words for states and records

    /** "Unpaid (COD)", "Paid (card)", … */
    public static String paymentLabel(StoreLocale t, Order o) {
        String method = o.paymentMethod().wallet()
                ? t.t("method." + o.paymentMethod().name())
                : t.t("order.method."
                        + (o.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY
                                ? "cod"
                                : o.paymentMethod() == PaymentMethod.BANK_TRANSFER ? "bank" : "card"));
        return t.t("order.payment." + o.paymentStatus().name().toLowerCase(Locale.ROOT), method);
    }

    /** "Not shipped", "Shipped", … */
    public static String fulfilmentLabel(StoreLocale t, Order o) {
        return t.t("order.fulfilment." + o.fulfilmentStatus().name().toLowerCase(Locale.ROOT));
    }

    /** The payment method's full name ("Cash on delivery"). */
    public static String paymentName(StoreLocale t, PaymentMethod method) {
        if (method.wallet()) {
            return t.t("method." + method.name());
        }
        return t.t("order.methodName." + method.name().toLowerCase(Locale.ROOT));
    }

    /** A wallet provider's note: "jazzcash event paid-DK… (…)", maybe "NOT applied: the money arrived after …". */
    private static final Pattern WALLET = Pattern.compile(
            "(?:jazzcash|easypaisa|alipay) event (paid|ended|expired)-([A-Za-z0-9]+) \\(.*?\\)"
                    + "(?:( NOT applied: the money arrived after .*)|( NOT applied: the amount .*))?",
            Pattern.DOTALL);

    private static final Pattern SHIPPED = Pattern.compile("marked it shipped, tracking (.*)", Pattern.DOTALL);

    /** An order history line: the platform's own words translated, anything else (a provider's note) as stored. */
    public static String history(StoreLocale t, OrderEvent e) {
        String what = e.what();
        if (t.language() == Language.EN) {
            return what;
        }
        Matcher shipped = SHIPPED.matcher(what);
        if (shipped.matches()) {
            return t.t("history.shipped", shipped.group(1));
        }
        Matcher wallet = WALLET.matcher(what);
        if (wallet.matches()) {
            String kind = wallet.group(3) != null ? "late" : wallet.group(4) != null ? "amount" : wallet.group(1);
            return t.t("wallets.history." + kind, wallet.group(2));
        }
        String key = "history." + slug(what);
        return t.messages().has(key) ? t.t(key) : what;
    }

    /** Who did it: "shopper" is a word; an e-mail or a provider's name is a name. */
    public static String actor(StoreLocale t, String actor) {
        return "shopper".equals(actor) ? t.t("history.actor.shopper") : actor;
    }

    private static final Pattern INVITED_BY = Pattern.compile("invited by (.+)");
    private static final Pattern N_PRODUCTS = Pattern.compile("(\\d+) products");

    /** An audit-log line's action ("added product"). */
    public static String auditAction(StoreLocale t, AuditEntry e) {
        String key = "audit." + slug(e.action());
        return has(t, key) ? t.t(key) : e.action();
    }

    /** An audit-log line's subject: a product's or person's name as typed, or one of the platform's phrases. */
    public static String auditSubject(StoreLocale t, AuditEntry e) {
        String s = e.subject();
        Matcher invited = INVITED_BY.matcher(s);
        if (invited.matches()) {
            return t.t("audit.subject.invitedBy", invited.group(1));
        }
        Matcher count = N_PRODUCTS.matcher(s);
        if (count.matches()) {
            long n = Long.parseLong(count.group(1));
            return t.plural("audit.subject.products", n, t.number(n));
        }
        if ("all sessions ended".equals(s)) {
            return t.t("audit.subject.sessionsEnded");
        }
        return s;
    }

    private static boolean has(StoreLocale t, String key) {
        try {
            t.t(key);
            return true;
        } catch (IllegalStateException missing) {
            return false;
        }
    }

    /** What a role may do, in words: "manage products and manage orders". */
    public static String permissions(StoreLocale t, Role role) {
        return String.join(
                t.t("staff.and"),
                role.permissions().stream().sorted().map(p -> permission(t, p)).toList());
    }

    /** What only the owner may do. */
    public static String ownerOnly(StoreLocale t) {
        return String.join(
                t.t("staff.comma"),
                Arrays.stream(Permission.values())
                        .filter(p -> !Role.STAFF.may(p))
                        .map(p -> permission(t, p))
                        .toList());
    }

    public static String permission(StoreLocale t, Permission p) {
        return t.t("perm." + p.name().toLowerCase(Locale.ROOT));
    }

    /** A country's name in the store's language. */
    public static String country(StoreLocale t, String code) {
        String name = new Locale("", code == null ? "" : code).getDisplayCountry(t.locale());
        return name.isBlank() ? String.valueOf(code) : name;
    }

    /**
     * A refusal to show the owner. English stores read the domain's own sentence (it names the exact rule);
     * other languages read the rule for the field in their words ({@code invalid.{field}}), else a general one.
     */
    public static String problem(StoreSettings s, DomainException e) {
        return problem(locale(s), e);
    }

    public static String problem(StoreLocale t, DomainException e) {
        if (t.language() == Language.EN) {
            return e.getMessage();
        }
        if (e instanceof InvalidInputException invalid && invalid.field() != null) {
            String field = invalid.field().replaceAll("^(v|img)\\d+\\.", "").replaceAll("^rate\\d+", "rate");
            String key = "invalid." + field;
            if (t.messages().has(key)) {
                return t.t(key);
            }
        }
        String key = "problem." + e.code();
        return t.messages().has(key) ? t.t(key) : t.t("invalid.generic");
    }

    private static String slug(String words) {
        return words.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }
}
