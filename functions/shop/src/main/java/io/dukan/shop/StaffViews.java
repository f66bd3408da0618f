package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.core.account.Invite;
import io.dukan.core.account.PasswordRules;
import io.dukan.core.account.Session;
import io.dukan.core.account.TeamMember;
import io.dukan.core.account.TeamService;
import io.dukan.core.tenant.StoreSettings;
import java.util.List;

/**
 * The staff page (admin/staff.jte) and the invitee's page (admin/invite.jte); the password-reset pages below are
 * the sign-in side's. Everything people typed is escaped.
 */
public final class StaffViews {

    private StaffViews() {}

    /** The staff page: {@code notice} after a change, {@code error} when an invitation was refused. */
    public record Staff(String owner, List<TeamMember> members, List<Invite> invites, String notice, String error,
            String typedEmail, long inviteDays) {}

    /** The invitee's page behind the e-mailed link. */
    public record Join(Invite invite, String token, String error, String name, String csrf, int minLength,
            int maxLength) {}

    static String staff(StoreSettings s, String base, Session owner, List<TeamMember> members, List<Invite> invites,
            String notice, String error, String typedEmail, String csrf) {
        return AdminPages.render("admin/staff.jte", AdminPages.chrome(s, base, csrf), new Staff(owner.email(),
                members, invites, notice, error, typedEmail == null ? "" : typedEmail,
                TeamService.INVITE_LIFETIME.toDays()));
    }

    static String acceptInvite(StoreSettings s, String base, Invite invite, String token, String error, String name,
            String csrf) {
        return AdminPages.render("admin/invite.jte", AdminPages.bare(s, base), new Join(invite, token, error,
                name == null ? "" : name, csrf, PasswordRules.MIN_LENGTH, PasswordRules.MAX_BYTES));
    }

    static String forgot(StoreSettings s, String base, String error, String email, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Forgot your password?</h1>")
                .append("<p>Enter the email you sign in with. If it has an account in this store, we send a link to")
                .append(" choose a new password; it works once, for an hour.</p>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/reset\">").append(Csrf.field(csrf))
                .append(Pages.field("email", "Email", "email", email, "required maxlength=\"254\" autocomplete=\"username\""))
                .append("<button type=\"submit\">Send the link</button></form>")
                .append("<p><a href=\"").append(esc(base)).append("/admin/login\">Back to sign in</a></p>");
        return plainPage(s, base, "Forgot your password?", b.toString());
    }

    /** The same page whether or not the address has an account. */
    static String resetSent(StoreSettings s, String base) {
        String b = "<h1>Check your email</h1><p class=\"ok\" role=\"status\">If an account exists for that address, we"
                + " have sent it a link to choose a new password. The link works once, for an hour.</p>"
                + "<p><a href=\"" + esc(base) + "/admin/login\">Back to sign in</a></p>";
        return plainPage(s, base, "Check your email", b);
    }

    static String reset(StoreSettings s, String base, String email, String token, String error, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Choose a new password</h1><p>For <strong>").append(esc(email))
                .append("</strong>. Every device signed in with the old password will be signed out.</p>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/reset/").append(esc(token))
                .append("\">").append(Csrf.field(csrf))
                .append(passwordField("New password"))
                .append("<button type=\"submit\">Set the new password</button></form>");
        return plainPage(s, base, "Choose a new password", b.toString());
    }

    static String resetDone(StoreSettings s, String base) {
        String b = "<h1>Password changed</h1><p class=\"ok\" role=\"status\">Your new password is set, and every"
                + " earlier sign-in has ended.</p><p><a class=\"button\" href=\"" + esc(base)
                + "/admin/login\">Sign in</a></p>";
        return plainPage(s, base, "Password changed", b);
    }

    private static String passwordField(String label) {
        return Pages.field("password", label, "password", null, "required minlength=\"" + PasswordRules.MIN_LENGTH
                + "\" maxlength=\"" + PasswordRules.MAX_BYTES + "\" autocomplete=\"new-password\"")
                + "<p class=\"muted\">" + esc(PasswordRules.DESCRIPTION) + "</p>";
    }

    private static String plainPage(StoreSettings s, String base, String title, String body) {
        return Pages.page(s.language(), title + " · " + s.name(),
                "<a href=\"" + esc(base) + "/\">" + esc(s.name()) + "</a>", body);
    }

}
