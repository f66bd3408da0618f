package io.dukan.shop;

import static io.dukan.web.Html.esc;

import io.dukan.web.Csrf;
import io.dukan.web.Pages;
import io.dukan.core.account.Invite;
import io.dukan.core.account.PasswordRules;
import io.dukan.core.account.Permission;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.account.TeamMember;
import io.dukan.core.account.TeamService;
import io.dukan.core.tenant.StoreSettings;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The staff page, the invitation and password-reset pages. Everything people typed is escaped. */
final class StaffViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StaffViews() {}

    static String staff(StoreSettings s, String base, Session owner, List<TeamMember> members, List<Invite> invites,
            String notice, String error, String typedEmail, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Staff</h1>");
        if (notice != null) {
            b.append("<p class=\"ok\" role=\"status\">").append(esc(notice)).append("</p>");
        }
        b.append("<p class=\"muted\">Staff may ").append(permissions(Role.STAFF))
                .append(". Only you, the owner, may ").append(ownerOnly()).append(".</p>")
                .append("<table id=\"members\"><thead><tr><th>Who</th><th>Role</th><th>Since</th><th></th></tr></thead><tbody>")
                .append("<tr><td>").append(esc(owner.email())).append(" (you)</td><td>Owner</td><td></td><td></td></tr>");
        for (TeamMember m : members) {
            b.append("<tr data-member=\"").append(esc(m.email())).append("\"><td>").append(esc(m.name()))
                    .append("<br><span class=\"muted\">").append(esc(m.email())).append("</span></td><td>Staff</td><td>")
                    .append(WHEN.format(m.joinedAt())).append("</td><td><form method=\"post\" action=\"")
                    .append(esc(base)).append("/admin/staff/remove\">").append(Csrf.field(csrf))
                    .append("<input type=\"hidden\" name=\"email\" value=\"").append(esc(m.email())).append("\">")
                    .append("<button type=\"submit\">Remove</button></form></td></tr>");
        }
        b.append("</tbody></table><h2 id=\"invites\">Invitations</h2>");
        if (invites.isEmpty()) {
            b.append("<p class=\"muted\">No pending invitations.</p>");
        } else {
            b.append("<table><thead><tr><th>Invited</th><th>Link valid until</th><th></th></tr></thead><tbody>");
            for (Invite i : invites) {
                b.append("<tr data-invite=\"").append(esc(i.email())).append("\"><td>").append(esc(i.email()))
                        .append("</td><td>").append(WHEN.format(i.expiresAt())).append("</td><td><form method=\"post\" action=\"")
                        .append(esc(base)).append("/admin/staff/invites/").append(esc(i.id())).append("/withdraw\">")
                        .append(Csrf.field(csrf)).append("<button type=\"submit\">Withdraw</button></form></td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<h2>Invite someone</h2>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/staff/invites\">")
                .append(Csrf.field(csrf))
                .append(Pages.field("email", "Their email", "email", typedEmail, "required maxlength=\"254\""))
                .append("<p class=\"muted\">They get a link that works once, for ")
                .append(TeamService.INVITE_LIFETIME.toDays()).append(" days, to choose their password.</p>")
                .append("<button type=\"submit\">Send invitation</button></form>");
        return adminPage(s, base, "Staff", b.toString(), csrf);
    }

    static String acceptInvite(StoreSettings s, String base, Invite invite, String token, String error, String name,
            String csrf) {
        StringBuilder b = new StringBuilder("<h1>Join ").append(esc(s.name())).append("</h1>")
                .append("<p>").append(esc(invite.invitedBy())).append(" invited <strong>").append(esc(invite.email()))
                .append("</strong> to help run this store. As staff you may ").append(permissions(invite.role()))
                .append(".</p>");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(esc(base)).append("/admin/invite/").append(esc(token))
                .append("\">").append(Csrf.field(csrf))
                .append(Pages.field("name", "Your name", "text", name, "required maxlength=\"120\" autocomplete=\"name\""))
                .append(passwordField("Choose a password"))
                .append("<button type=\"submit\">Join and sign in</button></form>");
        return plainPage(s, base, "Join " + s.name(), b.toString());
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

    private static String permissions(Role role) {
        return String.join(" and ", role.permissions().stream().sorted().map(Permission::description).toList());
    }

    private static String ownerOnly() {
        return String.join(", ", java.util.Arrays.stream(Permission.values()).filter(p -> !Role.STAFF.may(p))
                .map(Permission::description).toList());
    }

    private static String plainPage(StoreSettings s, String base, String title, String body) {
        return Pages.page(s.language(), title + " · " + s.name(),
                "<a href=\"" + esc(base) + "/\">" + esc(s.name()) + "</a>", body);
    }

    private static String adminPage(StoreSettings s, String base, String title, String body, String csrf) {
        String header = "<a href=\"" + esc(base) + "/admin\">" + esc(s.name()) + " · admin</a><nav>"
                + "<a href=\"" + esc(base) + "/\">Store</a>"
                + "<form method=\"post\" action=\"" + esc(base) + "/admin/logout\" style=\"display:inline\">"
                + Csrf.field(csrf)
                + "<button type=\"submit\">Sign out</button></form></nav>";
        return Pages.page(s.language(), title + " · " + s.name(), header, body);
    }
}
