package io.dukan.provisioning;

import io.dukan.core.insight.PlatformFiguresRepository;
import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.web.Problem;
import io.dukan.web.Requests;
import io.dukan.web.pages.Templates;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
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
 * <p>Access: the console's one gate ({@link OperatorConsole}, a signed-in operator for all of /operator); the pages
 * render inside the console's layout, in the console's language.
 */
@Controller("/operator/analysis")
class AnalysisController {

    static final int DEFAULT_MONTHS = 12;
    static final int MAX_MONTHS = 36;
    private static final Templates TEMPLATES = new Templates("io.dukan.provisioning.pages");

    private final PlatformFiguresRepository figures;
    private final StoreLinks links;
    private final Clock clock;
    private final Csrf csrf;

    AnalysisController(PlatformFiguresRepository figures, StoreLinks links, Clock clock, Csrf csrf) {
        this.figures = figures;
        this.links = links;
        this.clock = clock;
        this.csrf = csrf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, @QueryValue @Nullable String months) {
        int span = span(months);
        YearMonth to = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth from = to.minusMonths(span - 1L);
        var t = AnalysisViews.locale(OperatorConsole.language(request));
        var page = AnalysisViews.page(
                t,
                links.root(request),
                span,
                from,
                to,
                figures.figures(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
        String root = Requests.stagePrefix(request);
        OperatorPages.Frame frame = new OperatorPages.Frame(
                OperatorConsole.text(request),
                root,
                "analysis",
                OperatorConsole.operator(request).email(),
                csrf.token(request),
                root + request.getPath());
        return Pages.html(HttpStatus.OK, TEMPLATES.render("operator/analysis.jte", Map.of("f", frame, "p", page)));
    }

    @Get(value = "/{table}.csv", produces = "text/csv")
    HttpResponse<?> csv(HttpRequest<?> request, String table, @QueryValue @Nullable String months) {
        if (!AnalysisViews.TABLES.contains(table)) {
            return Problem.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "there is no such table", null);
        }
        int span = span(months);
        YearMonth to = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth from = to.minusMonths(span - 1L);
        var t = AnalysisViews.locale(OperatorConsole.language(request));
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
}
