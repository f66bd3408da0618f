package io.dukan.provisioning;

import io.dukan.core.offboard.Offboarding;
import io.dukan.core.offboard.OffboardingService;
import io.dukan.core.offboard.OffboardingStep;
import io.dukan.core.shared.NotFoundException;
import io.dukan.web.Problem;
import io.dukan.web.access.CsrfExempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/**
 * An operator closes a store: {@code POST /operator/stores/{slug}/offboard} starts its offboarding (202, the
 * offboarding as it stands; again while it runs: the same, nothing new), {@code GET} the same path shows it. Until
 * the operator console's sign-in lands, the operators' bearer token of {@link OperatorController} authorises it (404
 * while none is configured); no cookie is read, so another site cannot make a browser call it.
 */
@CsrfExempt("an operator's bearer token authorises it, never a cookie: another site cannot send it")
@Controller(value = "/operator/stores/{slug}/offboard", produces = MediaType.APPLICATION_JSON)
class OperatorOffboardController {

    private final OffboardingService offboarding;
    private final OperatorController operators;

    OperatorOffboardController(OffboardingService offboarding, OperatorController operators) {
        this.offboarding = offboarding;
        this.operators = operators;
    }

    @Serdeable
    record OffboardingJson(
            String slug,
            String state,
            List<String> stepsDone,
            List<String> stepsLeft,
            long itemsDeleted,
            String requestedBy,
            String requestedAt,
            String deletedAt,
            String exportExpiresAt,
            String failure) {}

    @Post
    HttpResponse<?> start(String slug, @Header("Authorization") @Nullable String authorization) {
        HttpResponse<?> refused = operators.refusal(authorization);
        if (refused != null) {
            return refused;
        }
        try {
            Offboarding o = offboarding.start(SignupController.parse(slug), "operator");
            return HttpResponse.status(HttpStatus.ACCEPTED).body(json(o));
        } catch (OffboardingService.StoreNotOpenException notOpen) {
            return Problem.of(HttpStatus.CONFLICT, notOpen.code(), "Store not open", notOpen.getMessage(), null);
        }
    }

    @Get
    HttpResponse<?> status(String slug, @Header("Authorization") @Nullable String authorization) {
        HttpResponse<?> refused = operators.refusal(authorization);
        if (refused != null) {
            return refused;
        }
        Offboarding o = offboarding
                .status(SignupController.parse(slug))
                .orElseThrow(() -> new NotFoundException("the store '" + slug + "' is not being closed"));
        return HttpResponse.ok(json(o)).header("Cache-Control", "no-store");
    }

    static OffboardingJson json(Offboarding o) {
        return new OffboardingJson(
                o.slug().value(),
                o.state().name(),
                Arrays.stream(OffboardingStep.values())
                        .filter(o::done)
                        .map(Enum::name)
                        .toList(),
                Arrays.stream(OffboardingStep.values())
                        .filter(s -> !o.done(s))
                        .map(Enum::name)
                        .toList(),
                o.itemsDeleted(),
                o.requestedBy(),
                String.valueOf(o.requestedAt()),
                o.deletedAt() == null ? null : o.deletedAt().toString(),
                o.exportExpiresAt() == null ? null : o.exportExpiresAt().toString(),
                o.failure());
    }
}
