package io.dukan.shop;

import io.dukan.core.insight.StoreFigures;
import io.dukan.core.shared.Money;
import java.util.List;

/** Dashboard figures for page-rendering tests (what the aggregates would hold). */
final class FiguresSamples {

    private FiguresSamples() {}

    static StoreFigures figures(String currency) {
        return new StoreFigures(
                new StoreFigures.Window(2, new Money(250_000, currency)),
                new StoreFigures.Window(9, new Money(1_250_000, currency)),
                new StoreFigures.Window(31, new Money(4_100_000, currency)),
                4,
                new StoreFigures.Unpaid(3, new Money(300_000, currency)),
                new StoreFigures.Unpaid(1, new Money(50_000, currency)),
                List.of(new StoreFigures.TopProduct("p1", "Saffron 1g", 12, new Money(1_200_000, currency))),
                List.of(new StoreFigures.LowStock("p2", "v2", "Dried figs", "500g", 2)),
                true,
                5);
    }

    static StoreFigures none(String currency) {
        Money zero = new Money(0, currency);
        return new StoreFigures(
                new StoreFigures.Window(0, zero),
                new StoreFigures.Window(0, zero),
                new StoreFigures.Window(0, zero),
                0,
                new StoreFigures.Unpaid(0, zero),
                new StoreFigures.Unpaid(0, zero),
                List.of(),
                List.of(),
                false,
                5);
    }
}
