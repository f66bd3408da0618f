package io.dukan.provisioning;

import io.dukan.core.operator.PlatformAuditEntry;
import io.dukan.core.operator.StoreFigures;
import io.dukan.core.operator.StoreFilter;
import io.dukan.core.operator.StoreListing;
import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.operator.Suspension;
import io.dukan.core.signup.PendingSignup;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.TenantId;
import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.dukan.web.pages.Templates;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator console's pages (src/main/jte/operator). Every page is drawn in {@code operator/layout.jte} with a
 * {@link Frame}: another console page (the industry analysis, offboarding) builds its frame with
 * {@link #frame} and renders its own template inside the same layout.
 */
public final class OperatorPages {

    private static final Templates TEMPLATES = new Templates("io.dukan.provisioning.pages");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * What the layout needs: the words, the stage prefix, the active nav item (stores, signups, analysis, audit), the
     * signed-in operator (null on the sign-in page), the CSRF token for forms, and this page's path (the language
     * picker's target).
     */
    public record Frame(Messages m, String root, String nav, String operator, String csrf, String here) {

        public String csrfField() {
            return Csrf.FIELD;
        }

        public List<Language> languages() {
            return Language.all();
        }
    }

    /** A row of the stores list. */
    public record Row(StoreListing store, String created, String orders, String sales) {}

    private OperatorPages() {}

    /** The frame of a console page, for controllers outside this class (see {@link OperatorConsole}). */
    public static Frame frame(io.micronaut.http.HttpRequest<?> request, String nav, Csrf csrf) {
        String root = io.dukan.web.Requests.stagePrefix(request);
        String operator = request.getAttribute("dukan.operator", io.dukan.core.operator.OperatorSession.class)
                .map(io.dukan.core.operator.OperatorSession::email)
                .orElse(null);
        return new Frame(
                OperatorConsole.text(request), root, nav, operator, csrf.token(request), root + request.getPath());
    }

    /** Renders a console template with the frame as {@code f}. */
    public static MutableHttpResponse<String> render(
            HttpStatus status, String template, Frame frame, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("f", frame);
        return Pages.html(status, TEMPLATES.render(template, all)).header("Cache-Control", "no-store");
    }

    static MutableHttpResponse<String> signIn(HttpStatus status, Frame f, String email, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("email", email);
        p.put("error", error);
        return render(status, "operator/signin.jte", f, p);
    }

    static MutableHttpResponse<String> stores(
            Frame f,
            StoreFilter filter,
            List<StoreListing> stores,
            Map<TenantId, StoreFigures.Last30Days> figures,
            String next) {
        List<Row> rows = stores.stream()
                .map(s -> {
                    StoreFigures.Last30Days sums = figures.get(s.id());
                    return new Row(
                            s,
                            DAY.format(s.createdAt()),
                            sums == null ? "—" : Long.toString(sums.orders()),
                            sums == null ? "—" : money(f.m(), sums.salesMinor(), sums.currency()));
                })
                .toList();
        Map<String, Object> p = new HashMap<>();
        p.put("filter", filter);
        p.put("rows", rows);
        p.put("next", next == null ? null : f.root() + next);
        p.put("statuses", List.of("ACTIVE", "SUSPENDED", "PROVISIONING", "FAILED"));
        return render(HttpStatus.OK, "operator/stores.jte", f, p);
    }

    static MutableHttpResponse<String> store(
            HttpStatus status,
            Frame f,
            Store store,
            Suspension suspension,
            StoreMetrics.Figures metrics,
            StoreFigures.Last30Days sums,
            List<PlatformAuditEntry> history,
            OffboardingPanel offboarding,
            ShopCodePanel shopCode,
            String storeUrl,
            String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("store", store);
        p.put("shopCode", shopCode);
        p.put("statusKey", suspension != null ? "SUSPENDED" : store.status().name());
        p.put("offboarding", offboarding);
        p.put("suspension", suspension);
        p.put("suspendedSince", suspension == null ? "" : MINUTE.format(suspension.since()));
        p.put("created", MINUTE.format(store.createdAt()));
        p.put("metrics", metrics);
        p.put("orders", sums == null ? "—" : Long.toString(sums.orders()));
        p.put("sales", sums == null ? "—" : money(f.m(), sums.salesMinor(), sums.currency()));
        p.put("history", history);
        p.put("storeUrl", storeUrl);
        p.put("error", error);
        return render(status, "operator/store.jte", f, p);
    }

    static MutableHttpResponse<String> approvals(Frame f, List<PendingSignup> waiting, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("waiting", waiting);
        p.put("error", error);
        return render(error == null ? HttpStatus.OK : HttpStatus.CONFLICT, "operator/approvals.jte", f, p);
    }

    static MutableHttpResponse<String> audit(Frame f, List<PlatformAuditEntry> entries, String next) {
        Map<String, Object> p = new HashMap<>();
        p.put("entries", entries);
        p.put("next", next == null ? null : f.root() + next);
        return render(HttpStatus.OK, "operator/audit.jte", f, p);
    }

    static MutableHttpResponse<String> notFound(Frame f) {
        return render(HttpStatus.NOT_FOUND, "operator/missing.jte", f, Map.of());
    }

    /** A time as the console shows it (UTC, to the minute). */
    public static String time(Instant at) {
        return MINUTE.format(at);
    }

    /** Minor units of a currency in the operator's locale. */
    public static String money(Messages m, long minor, String currency) {
        try {
            Currency c = Currency.getInstance(currency);
            NumberFormat format = NumberFormat.getCurrencyInstance(m.language().locale());
            format.setCurrency(c);
            format.setMaximumFractionDigits(c.getDefaultFractionDigits());
            format.setMinimumFractionDigits(c.getDefaultFractionDigits());
            return format.format(BigDecimal.valueOf(minor, Math.max(0, c.getDefaultFractionDigits())));
        } catch (IllegalArgumentException unknown) {
            return minor + " " + currency;
        }
    }

    /** A number with one decimal in the operator's locale. */
    public static String decimal(Messages m, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(m.language().locale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
