package io.dukan.provisioning;

import io.dukan.core.signup.PendingSignup;
import io.dukan.core.signup.SignupGate;
import io.dukan.core.signup.SignupLimitedException;
import io.dukan.core.tenant.Store;
import io.dukan.web.Problem;
import io.dukan.web.access.CsrfExempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The operators' approval queue (approval mode, dukan.signup.approval=true) until the operator console exists:
 * {@code GET /operator/signups} lists verified signups waiting, {@code POST /operator/signups/{id}/approve} opens the
 * store, {@code POST …/reject} drops the signup. Every call needs {@code Authorization: Bearer <token>}, the token
 * being dukan.signup.operator-token (env DUKAN_SIGNUP_OPERATOR_TOKEN, from a secret); without one configured the
 * endpoint does not exist (404). No cookies are read, so another site cannot make a browser call it.
 */
@CsrfExempt("an operator's bearer token authorises it, never a cookie: another site cannot send it")
@Controller(value = "/operator/signups", produces = MediaType.APPLICATION_JSON)
class OperatorController {

    /** Tokens shorter than this are not accepted as configured: a guessable token would open the queue. */
    static final int MIN_TOKEN = 24;

    private final SignupGate gate;
    private final StoresApiController stores;
    private final byte[] tokenDigest;

    OperatorController(SignupGate gate, StoresApiController stores, SignupProperties properties) {
        this.gate = gate;
        this.stores = stores;
        String token = properties.getOperatorToken() == null
                ? ""
                : properties.getOperatorToken().strip();
        this.tokenDigest = token.length() >= MIN_TOKEN ? sha256(token) : null;
    }

    @Serdeable
    record WaitingJson(
            String id,
            String slug,
            String storeName,
            String ownerEmail,
            String language,
            String country,
            String currency,
            String requestedAt,
            String clientAddress) {}

    @Get
    HttpResponse<?> waiting(@Header("Authorization") @Nullable String authorization) {
        HttpResponse<?> refused = refusal(authorization);
        if (refused != null) {
            return refused;
        }
        List<WaitingJson> waiting = gate.awaitingApproval(200).stream()
                .map(OperatorController::json)
                .toList();
        return HttpResponse.ok(waiting).header("Cache-Control", "no-store");
    }

    @Post("/{id}/approve")
    HttpResponse<?> approve(
            HttpRequest<?> request, String id, @Header("Authorization") @Nullable String authorization) {
        HttpResponse<?> refused = refusal(authorization);
        if (refused != null) {
            return refused;
        }
        try {
            Store store = gate.approve(id);
            return stores.answer(request, new SignupGate.Outcome(null, null, store));
        } catch (SignupLimitedException limited) {
            return StoresApiController.limited(limited);
        }
    }

    @Post("/{id}/reject")
    HttpResponse<?> reject(String id, @Header("Authorization") @Nullable String authorization) {
        HttpResponse<?> refused = refusal(authorization);
        if (refused != null) {
            return refused;
        }
        return HttpResponse.ok(json(gate.reject(id)));
    }

    /** Null when the caller showed the operator token; else the answer (404 when no token is configured). */
    HttpResponse<?> refusal(@Nullable String authorization) {
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

    private static WaitingJson json(PendingSignup p) {
        return new WaitingJson(
                p.id(),
                p.slug().value(),
                p.storeName(),
                p.ownerEmail(),
                p.language(),
                p.country(),
                p.currency(),
                p.requestedAt().toString(),
                p.clientAddress());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
