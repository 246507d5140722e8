using System.Net;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Regentra.Saas;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.TestBase;

/// <summary>A signed-in member of one organisation, calling the API with a bearer token.</summary>
public sealed record TenantSession(RegentraApp App, Guid TenantId, string Slug, Guid UserId, string Email, string Password, HttpClient Client);

/// <summary>A cookie-authenticated browser-like client and the XSRF token its unsafe requests must echo.</summary>
public sealed record CookieSession(HttpClient Client, string XsrfToken, AppConfigDto Config);

public static class Sessions
{
    public const string Password = "Correct-Horse-9";

    public static string NewSlug(string prefix = "msp") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];

    /// <summary>Signs up a new organisation and returns its admin, authenticated with a bearer token.</summary>
    public static async Task<TenantSession> SignUpAsync(this RegentraApp app, string? slug = null, string? organizationName = null, string? timeZone = null)
    {
        slug ??= NewSlug();
        var email = $"admin@{slug}.test";
        var tenant = await app.CreateClient()
            .PostJsonAsync("/api/saas/signup", new SignupRequest(organizationName ?? $"Org {slug}", slug, email, Password, "Ada Admin", timeZone))
            .Result.ReadAsync<TenantDto>(HttpStatusCode.Created);
        return await app.SignInAsync(slug, email, Password, tenant.Id);
    }

    /// <summary>Invites <paramref name="role"/> into the session's organisation and signs the new member in.</summary>
    public static async Task<TenantSession> AddMemberAsync(this TenantSession admin, string role, string? name = null)
    {
        var (_, email) = await admin.JoinAsync(role, name);
        return await admin.App.SignInAsync(admin.Slug, email, Password, admin.TenantId);
    }

    /// <summary>Invites <paramref name="role"/> and accepts, without signing in (cheaper when the member is only a target).</summary>
    public static async Task<(Guid UserId, string Email)> JoinAsync(this TenantSession admin, string role, string? name = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + $"@{admin.Slug}.test";
        var invitation = await admin.InviteAsync(email, role);
        await (await admin.App.CreateClient().PostJsonAsync("/api/saas/invitations/accept",
                new AcceptInvitationRequest(TokenOf(invitation), name ?? $"{role} Person", Password)))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var userId = await admin.App.QueryAsync(db => db.Set<Regentra.Saas.Identity.AppUser>().IgnoreQueryFilters()
            .Where(u => u.TenantId == admin.TenantId && u.Email == email).Select(u => u.Id).SingleAsync());
        return (userId, email);
    }

    /// <summary>Sends an invitation as the session's user; the response carries the accept link.</summary>
    public static async Task<InvitationDto> InviteAsync(this TenantSession admin, string email, string role) =>
        await (await admin.Client.PostJsonAsync("/api/saas/invitations", new CreateInvitationRequest(email, role)))
            .ReadAsync<InvitationDto>(HttpStatusCode.Created);

    /// <summary>Creates a host administrator (no tenant) and returns a client with its bearer token.</summary>
    public static async Task<HttpClient> SignInHostAdminAsync(this RegentraApp app)
    {
        var email = $"host-{Guid.NewGuid():N}"[..17] + "@regentra.test";
        await app.Services.CreateHostAdminAsync(email, Password);
        var token = await (await app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(null, email, Password)))
            .ReadAsync<TokenResponse>();
        return app.CreateClient().WithBearer(token.AccessToken);
    }

    /// <summary>Signs in with the auth cookie, as the web app does. The client keeps the cookies; send the XSRF token on unsafe calls.</summary>
    public static async Task<CookieSession> CookieSignInAsync(this RegentraApp app, string organization, string email, string password = Password)
    {
        var client = app.CreateClient();
        var response = await client.PostJsonAsync("/api/account/login", new LoginRequest(organization, email, password));
        var config = await response.ReadAsync<AppConfigDto>();
        var xsrf = Api.SetCookieValue(response, "XSRF-TOKEN") ?? throw new InvalidOperationException("The login response set no XSRF-TOKEN cookie.");
        return new CookieSession(client, xsrf, config);
    }

    public static async Task<TenantSession> SignInAsync(this RegentraApp app, string slug, string email, string password, Guid tenantId)
    {
        var token = await (await app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(slug, email, password)))
            .ReadAsync<TokenResponse>();
        var client = app.CreateClient().WithBearer(token.AccessToken);
        var config = await client.GetAsync<AppConfigDto>("/api/app-config");
        return new TenantSession(app, tenantId, slug, config.CurrentUser!.Id, email, password, client);
    }

    public static string TokenOf(InvitationDto invitation) =>
        HttpUtility.ParseQueryString(new Uri(invitation.AcceptUrl!).Query)["token"]!;
}
