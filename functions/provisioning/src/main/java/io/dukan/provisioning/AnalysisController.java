package io.dukan.provisioning;

import io.dukan.core.insight.PlatformFiguresRepository;
import io.dukan.web.Pages;
import io.dukan.web.Problem;
import io.dukan.web.pages.Templates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The operator's industry analysis: sales and orders by month, store country, product origin, HS chapter and HS
 * heading (the platform's categories), new stores per week, active stores and cohort retention, as charts with
 * their tables, each table downloadable as CSV ({@code /operator/analysis/{table}.csv}). Read from the platform's
 * aggregates only: a bounded number of reads whatever the number of orders. Read-only (GET), so no CSRF token.
 *
 * <p>Access: until the operator console's sign-in guards all of /operator, the operators' bearer token
 * (dukan.signup.operator-token, as {@link OperatorController}); without one configured the pages do not exist.
 */
@Controller("/operator/analysis")
class AnalysisController {

    static final int DEFAULT_MONTHS = 12;
    static final int MAX_MONTHS = 36;
    private static final Templates TEMPLATES = new Templates("io.dukan.provisioning.pages");

    private final PlatformFiguresRepository figures;
    private final StoreLinks links;
    private final Clock clock;
    private final byte[] tokenDigest;

    AnalysisController(PlatformFiguresRepository figures, StoreLinks links, Clock clock, SignupProperties properties) {
        this.figures = figures;
        this.links = links;
        this.clock = clock;
        String token = properties.getOperatorToken() == null
                ? ""
                : properties.getOperatorToken().strip();
        this.tokenDigest = token.length() >= OperatorController.MIN_TOKEN ? sha256(token) : null;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(
            HttpRequest<?> request,
            @Header("Authorization") @Nullable String authorization,
            @QueryValue @Nullable String months) {
        HttpResponse<?> refused = refusal(authorization);
        if (refused != null) {
            return refused;
        }
        int span = span(months);
        YearMonth to = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth from = to.minusMonths(span - 1L);
        var t = AnalysisViews.locale(PlatformText.language(request));
        var page = AnalysisViews.page(
                t,
                links.root(request),
                span,
                from,
                to,
                figures.figures(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
        return Pages.html(HttpStatus.OK, TEMPLATES.render("operator/analysis.jte", Map.of("p", page)))
                .header("Cache-Control", "no-store");
    }

    @Get(value = "/{table}.csv", produces = "text/csv")
    HttpResponse<?> csv(
            HttpRequest<?> request,
            String table,
            @Header("Authorization") @Nullable String authorization,
            @QueryValue @Nullable String months) {
        HttpResponse<?> refused = refusal(authorization);
        if (refused != null) {
            return refused;
        }
        if (!AnalysisViews.TABLES.contains(table)) {
            return Problem.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "there is no such table", null);
        }
        int span = span(months);
        YearMonth to = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth from = to.minusMonths(span - 1L);
        var t = AnalysisViews.locale(PlatformText.language(request));
        var data =
                AnalysisViews.table(t, table, figures.figures(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
        return HttpResponse.ok(CsvCells.csv(data.csvHeader(), data.csvRows()))
                .contentType(MediaType.of("text/csv;charset=utf-8"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"dukan-" + table + "-" + from + "-" + to + ".csv\"")
                .header("Cache-Control", "no-store");
    }

    static int span(@Nullable String months) {
        try {
            int n = months == null ? DEFAULT_MONTHS : Integer.parseInt(months.strip());
            return Math.max(1, Math.min(MAX_MONTHS, n));
        } catch (NumberFormatException e) {
            return DEFAULT_MONTHS;
        }
    }

    /** Null when the caller showed the operator token; else the answer (404 when no token is configured). */
    private HttpResponse<?> refusal(@Nullable String authorization) {
        if (tokenDigest == null) {
            return Problem.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "there is no such page", null);
        }
        String presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : "";
        if (!MessageDigest.isEqual(tokenDigest, sha256(presented))) {
            return Problem.of(
                            HttpStatus.UNAUTHORIZED,
                            "operator-token",
                            "Operator token required",
                            "send Authorization: Bearer <the operator token>",
                            null)
                    .header("WWW-Authenticate", "Bearer realm=\"dukan-operator\"");
        }
        return null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
