package io.dukan.provisioning;

import io.dukan.core.offboard.Offboarding;
import io.dukan.core.offboard.OffboardingState;
import io.dukan.core.offboard.OffboardingStep;
import io.dukan.web.i18n.Messages;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The operator's view of a store's offboarding on its console page (operator/store.jte), from what the saga records:
 * where it stands, who started it and when, each step done or to do, the export's state (and until when the archive
 * is kept) and when the store's address is free again (the grace period after its data is deleted). An export that
 * failed ended it REOPENED (the saga's own failure text is in its record and the worker's log).
 */
public record OffboardingPanel(
        String state,
        String stateText,
        String requestedBy,
        String requestedAt,
        List<Step> steps,
        String export,
        String address,
        long itemsDeleted) {

    /** One saga step, in order, with its words. */
    public record Step(String name, String text, boolean done) {}

    /** Whether the panel's offboarding still holds the store (the offboard form is offered only when it does not). */
    public boolean running() {
        return !state.equals(OffboardingState.REOPENED.name());
    }

    static OffboardingPanel of(Offboarding o, Duration gracePeriod, Messages m) {
        List<Step> steps = Arrays.stream(OffboardingStep.values())
                .map(s -> new Step(s.name(), m.t("offboard.step." + s.name()), o.done(s)))
                .toList();
        return new OffboardingPanel(
                o.state().name(),
                m.t("offboard.state." + o.state().name()),
                ltr(m, o.requestedBy()),
                ltr(m, OperatorPages.time(o.requestedAt())),
                steps,
                export(o, m),
                address(o, gracePeriod, m),
                o.itemsDeleted());
    }

    private static String export(Offboarding o, Messages m) {
        if (o.state() == OffboardingState.REOPENED) {
            return m.t("offboard.export.failed");
        }
        if (o.done(OffboardingStep.SLUG)) {
            return m.t("offboard.export.deleted");
        }
        if (o.exportKey() == null) {
            return m.t("offboard.export.pending");
        }
        String kept = o.exportExpiresAt() == null ? "—" : ltr(m, OperatorPages.time(o.exportExpiresAt()));
        return o.done(OffboardingStep.EXPORT) ? m.t("offboard.export.sent", kept) : m.t("offboard.export.stored", kept);
    }

    private static String address(Offboarding o, Duration gracePeriod, Messages m) {
        if (o.state() == OffboardingState.REOPENED) {
            return m.t("offboard.address.kept");
        }
        if (o.deletedAt() == null) {
            return m.t("offboard.address.later", gracePeriod.toDays());
        }
        String free = ltr(m, OperatorPages.time(o.deletedAt().plus(gracePeriod)));
        return o.done(OffboardingStep.SLUG)
                ? m.t("offboard.address.freed", free)
                : m.t("offboard.address.reserved", free);
    }

    /**
     * An address, e-mail or time set into a right-to-left sentence as a left-to-right island (Unicode's isolates), so
     * "2026-12-02 09:00 UTC" does not read "09:00 02-12-2026".
     */
    private static String ltr(Messages m, String text) {
        return m.language().dir().equals("rtl") ? "\u2066" + text + "\u2069" : text;
    }
}
