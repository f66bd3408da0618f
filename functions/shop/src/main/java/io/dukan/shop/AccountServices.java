package io.dukan.shop;

import io.dukan.core.account.AccountRepository;
import io.dukan.core.account.AuditLog;
import io.dukan.core.account.AuthService;
import io.dukan.core.account.LoginAttempts;
import io.dukan.core.account.PasswordHasher;
import io.dukan.core.account.PasswordResetService;
import io.dukan.core.account.PasswordResets;
import io.dukan.core.account.ResetRequests;
import io.dukan.core.account.TeamRepository;
import io.dukan.core.account.TeamService;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.offboard.OwnerClosing;
import io.dukan.core.offboard.OwnerRequests;
import io.dukan.core.tenant.ProvisioningQueue;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the staff and password-reset use cases (the shop function's) to their adapters. */
@Factory
class AccountServices {

    @Singleton
    TeamService teamService(
            AccountRepository accounts,
            TeamRepository team,
            EmailSender email,
            AuditLog audit,
            PasswordHasher hasher,
            Clock clock) {
        return new TeamService(accounts, team, email, audit, hasher, clock);
    }

    /** The owner's "close my store": the request in the store's partition, the store's id to the fleet worker. */
    @Singleton
    OwnerClosing ownerClosing(
            OwnerRequests requests, ProvisioningQueue queue, AuthService auth, AuditLog audit, Clock clock) {
        return new OwnerClosing(requests, queue, auth, audit, clock);
    }

    @Singleton
    PasswordResetService passwordResetService(
            AccountRepository accounts,
            PasswordResets resets,
            ResetRequests requests,
            LoginAttempts attempts,
            EmailSender email,
            AuditLog audit,
            PasswordHasher hasher,
            Clock clock) {
        return new PasswordResetService(accounts, resets, requests, attempts, email, audit, hasher, clock);
    }
}
