package io.dukan.shop.staff;

import io.dukan.core.account.AccountExistsException;
import io.dukan.core.account.AuthService;
import io.dukan.core.account.Invite;
import io.dukan.core.account.Permission;
import io.dukan.core.account.Session;
import io.dukan.core.account.TeamMember;
import io.dukan.core.account.TeamService;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.shop.web.AdminAccess;
import io.dukan.shop.web.AdminLinks;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.ErrorRoutes;
import io.dukan.web.Form;
import io.dukan.web.Json;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.dukan.web.access.Public;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The owner's staff page (invite, withdraw, remove) and the invitee's page behind the e-mailed link. */
@Controller("/s/{store}/admin")
class StaffController {

    private final ThisStore store;
    private final AdminAccess access;
    private final AdminLinks links;
    private final TeamService team;
    private final Csrf csrf;

    StaffController(ThisStore store, AdminAccess access, AdminLinks links, TeamService team, Csrf csrf) {
        this.store = store;
        this.access = access;
        this.links = links;
        this.team = team;
        this.csrf = csrf;
    }

    /** The staff page; asked for JSON, the same list as a document (for integrations and scripts). */
    @Allow(Permission.STAFF)
    @Get(
            value = "/staff",
            produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> staff(HttpRequest<?> request) {
        Session owner = access.signedIn(request);
        // read from the raw query: Micronaut's @QueryValue binding also parses a form body, and throws on junk
        String query = request.getUri().getRawQuery();
        String done = query != null && query.startsWith("done=") ? query.substring("done=".length()) : null;
        if (ErrorRoutes.wantsJson(request)) {
            return HttpResponse.ok(Json.write(document(owner))).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        String notice = done == null
                        || !java.util.Set.of("invited", "withdrawn", "removed").contains(done)
                ? null
                : AdminPages.locale(store.settings()).t("staff.done." + done);
        return page(request, owner, HttpStatus.OK, notice, null, null);
    }

    private Map<String, Object> document(Session owner) {
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(Map.of("email", owner.email(), "role", owner.role().name()));
        for (TeamMember m : team.members(store.id(), owner)) {
            members.add(Map.of(
                    "email",
                    m.email(),
                    "name",
                    m.name(),
                    "role",
                    m.role().name(),
                    "joinedAt",
                    m.joinedAt().toString()));
        }
        List<Map<String, Object>> invites = new ArrayList<>();
        for (Invite i : team.pendingInvites(store.id(), owner)) {
            invites.add(Map.of(
                    "id",
                    i.id(),
                    "email",
                    i.email(),
                    "role",
                    i.role().name(),
                    "expiresAt",
                    i.expiresAt().toString()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("members", members);
        document.put("invites", invites);
        return document;
    }

    @Allow(Permission.STAFF)
    @Post(value = "/staff/invites", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> invite(HttpRequest<?> request, @Body @Nullable String body) {
        Session owner = access.signedIn(request);
        Form form = Form.parse(body);
        try {
            team.invite(
                    store.id(),
                    owner,
                    form.get("email"),
                    store.settings().name(),
                    links.adminUrl(),
                    AccountMailTemplates.of(store.settings()));
        } catch (InvalidInputException | AccountExistsException e) {
            HttpStatus status = e instanceof AccountExistsException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            return page(request, owner, status, null, AdminPages.problem(store.settings(), e), form.get("email"));
        }
        return backToStaff(request, "invited");
    }

    @Allow(Permission.STAFF)
    @Post(
            value = "/staff/invites/{id}/withdraw",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> withdraw(HttpRequest<?> request, String id, @Body @Nullable String body) {
        Session owner = access.signedIn(request);
        team.withdrawInvite(store.id(), owner, id);
        return backToStaff(request, "withdrawn");
    }

    @Allow(Permission.STAFF)
    @Post(value = "/staff/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> remove(HttpRequest<?> request, @Body @Nullable String body) {
        Session owner = access.signedIn(request);
        Form form = Form.parse(body);
        team.removeMember(store.id(), owner, form.get("email"));
        return backToStaff(request, "removed");
    }

    /** The invitee's page: no session needed, the token is the key. */
    @Public
    @Get(value = "/invite/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> invitation(HttpRequest<?> request, String token) {
        Invite invite = team.pendingInvite(store.id(), token);
        return Pages.html(
                HttpStatus.OK,
                StaffViews.acceptInvite(
                        store.settings(), base(request), invite, token, null, null, csrf.token(request)));
    }

    @Public
    @Post(value = "/invite/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> accept(HttpRequest<?> request, String token, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            Session session = team.accept(store.id(), token, form.get("name"), form.get("password"));
            return HttpResponse.<String>seeOther(URI.create(base(request) + "/admin"))
                    .cookie(access.cookie(request, session.token(), AuthService.SESSION_LIFETIME));
        } catch (InvalidInputException e) {
            Invite invite = team.pendingInvite(store.id(), token);
            return Pages.html(
                    HttpStatus.BAD_REQUEST,
                    StaffViews.acceptInvite(
                            store.settings(),
                            base(request),
                            invite,
                            token,
                            AdminPages.problem(store.settings(), e),
                            form.get("name"),
                            csrf.token(request)));
        }
    }

    private HttpResponse<String> page(
            HttpRequest<?> request, Session owner, HttpStatus status, String notice, String error, String typedEmail) {
        return Pages.html(
                status,
                StaffViews.staff(
                        store.settings(),
                        base(request),
                        owner,
                        team.members(store.id(), owner),
                        team.pendingInvites(store.id(), owner),
                        notice,
                        error,
                        typedEmail,
                        csrf.token(request)));
    }

    private HttpResponse<String> backToStaff(HttpRequest<?> request, String done) {
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/staff?done=" + done));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
