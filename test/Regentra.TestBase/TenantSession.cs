using System.Net;
using System.Web;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.TestBase;

/// <summary>A signed-in member of one organisation, calling the API with a bearer token.</summary>
public sealed record TenantSession(RegentraApp App, Guid TenantId, string Slug, Guid UserId, string Email, string Password, HttpClient Client);

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
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + $"@{admin.Slug}.test";
        var invitation = await (await admin.Client.PostJsonAsync("/api/saas/invitations", new CreateInvitationRequest(email, role)))
            .ReadAsync<InvitationDto>(HttpStatusCode.Created);
        await (await admin.App.CreateClient().PostJsonAsync("/api/saas/invitations/accept",
                new AcceptInvitationRequest(TokenOf(invitation), name ?? $"{role} Person", Password)))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await admin.App.SignInAsync(admin.Slug, email, Password, admin.TenantId);
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
