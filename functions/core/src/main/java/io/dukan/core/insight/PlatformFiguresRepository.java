package io.dukan.core.insight;

import java.time.LocalDate;
import java.time.YearMonth;

/** The platform's aggregates (PLATFORM# keys): a bounded number of reads whatever the number of orders. */
public interface PlatformFiguresRepository {

    /** Months {@code from}..{@code to} (UTC); active stores are those with an order in the 30 days up to today. */
    PlatformFigures figures(YearMonth from, YearMonth to, LocalDate today);
}
