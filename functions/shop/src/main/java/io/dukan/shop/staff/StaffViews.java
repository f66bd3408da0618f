package io.dukan.shop.staff;

import io.dukan.core.account.Invite;
import io.dukan.core.account.PasswordRules;
import io.dukan.core.account.Session;
import io.dukan.core.account.TeamMember;
import io.dukan.core.account.TeamService;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import java.util.List;

/**
 * The staff page (admin/staff.jte) and the invitee's page (admin/invite.jte). Everything people typed is escaped by the
 * templates.
 */
public final class StaffViews {

    private StaffViews() {}

    /** The staff page: {@code notice} after a change, {@code error} when an invitation was refused. */
    public record Staff(
            String owner,
            List<TeamMember> members,
            List<Invite> invites,
            String notice,
            String error,
            String typedEmail,
            long inviteDays) {}

    /** The invitee's page behind the e-mailed link. */
    public record Join(
            Invite invite, String token, String error, String name, String csrf, int minLength, int maxLength) {}

    public static String staff(
            StoreSettings s,
            String base,
            Session owner,
            List<TeamMember> members,
            List<Invite> invites,
            String notice,
            String error,
            String typedEmail,
            String csrf) {
        return AdminPages.render(
                "admin/staff.jte",
                AdminPages.chrome(s, base, csrf),
                new Staff(
                        owner.email(),
                        members,
                        invites,
                        notice,
                        error,
                        typedEmail == null ? "" : typedEmail,
                        TeamService.INVITE_LIFETIME.toDays()));
    }

    public static String acceptInvite(
            StoreSettings s, String base, Invite invite, String token, String error, String name, String csrf) {
        return AdminPages.render(
                "admin/invite.jte",
                AdminPages.bare(s, base),
                new Join(
                        invite,
                        token,
                        error,
                        name == null ? "" : name,
                        csrf,
                        PasswordRules.MIN_LENGTH,
                        PasswordRules.MAX_BYTES));
    }
}
