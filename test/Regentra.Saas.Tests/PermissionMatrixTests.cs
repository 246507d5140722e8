using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Contracts.Roles;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Saas.Tests;

/// <summary>Every Saas endpoint against every standard role (and the host administrator), from the default grants.</summary>
public sealed class PermissionMatrixTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    /// <summary>What an endpoint acts on: another member, a pending invitation and the tenant itself.</summary>
    private sealed record Targets(TenantSession Admin, Guid UserId, Guid InvitationId);

    private sealed record Endpoint(HttpMethod Method, string Url, string? Permission, HttpStatusCode Success, Func<Targets, Task<object?>>? Body = null)
    {
        public string UrlFor(Targets t) => Url
            .Replace("{user}", t.UserId.ToString(), StringComparison.Ordinal)
            .Replace("{invitation}", t.InvitationId.ToString(), StringComparison.Ordinal)
            .Replace("{tenant}", t.Admin.TenantId.ToString(), StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Endpoint> Endpoints = new[]
    {
        new Endpoint(HttpMethod.Get, "/api/saas/users", SaasPermissions.Users.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/saas/users/{user}", SaasPermissions.Users.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Put, "/api/saas/users/{user}/role", SaasPermissions.Users.Manage, HttpStatusCode.OK,
            _ => Task.FromResult<object?>(new ChangeUserRoleRequest("ReadOnly"))),
        new Endpoint(HttpMethod.Post, "/api/saas/users/{user}/deactivate", SaasPermissions.Users.Manage, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/saas/users/{user}/reactivate", SaasPermissions.Users.Manage, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/saas/invitations", SaasPermissions.Users.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/saas/invitations", SaasPermissions.Users.Manage, HttpStatusCode.Created,
            t => Task.FromResult<object?>(new CreateInvitationRequest($"new-{Guid.NewGuid():N}@{t.Admin.Slug}.test", "Technician"))),
        new Endpoint(HttpMethod.Delete, "/api/saas/invitations/{invitation}", SaasPermissions.Users.Manage, HttpStatusCode.NoContent),
        new Endpoint(HttpMethod.Get, "/api/saas/roles", SaasPermissions.Roles.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/saas/roles/Technician/permissions", SaasPermissions.Roles.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Put, "/api/saas/roles/Technician/permissions", SaasPermissions.Roles.Manage, HttpStatusCode.OK,
            _ => Task.FromResult<object?>(new UpdateRolePermissionsRequest([SaasPermissions.Users.Default]))),
        new Endpoint(HttpMethod.Get, "/api/saas/settings", SaasPermissions.Settings.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Put, "/api/saas/settings", SaasPermissions.Settings.Manage, HttpStatusCode.OK,
            async t => (await t.Admin.Client.GetSettingsAsync()).AsUpdate() with { Address = "1 Main Street" }),
        new Endpoint(HttpMethod.Get, "/api/saas/tenants", SaasPermissions.Tenants.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Get, "/api/saas/tenants/{tenant}", SaasPermissions.Tenants.Default, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/saas/tenants/{tenant}/suspend", SaasPermissions.Tenants.Manage, HttpStatusCode.OK),
        new Endpoint(HttpMethod.Post, "/api/saas/tenants/{tenant}/reactivate", SaasPermissions.Tenants.Manage, HttpStatusCode.OK),
    }.ToDictionary(e => $"{e.Method} {e.Url}");

    /// <summary>The default grants (SaasPermissionDefinitionProvider); HostAdmin holds every host permission.</summary>
    private static readonly Dictionary<string, string[]> Grants = new()
    {
        ["Admin"] =
        [
            SaasPermissions.Users.Default, SaasPermissions.Users.Manage, SaasPermissions.Roles.Default,
            SaasPermissions.Roles.Manage, SaasPermissions.Settings.Default, SaasPermissions.Settings.Manage,
        ],
        ["Manager"] = [SaasPermissions.Users.Default, SaasPermissions.Settings.Default],
        ["Technician"] = [],
        ["ReadOnly"] = [SaasPermissions.Users.Default],
        ["HostAdmin"] = [SaasPermissions.Tenants.Default, SaasPermissions.Tenants.Manage, SaasPermissions.BackgroundJobs],
    };

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (name, endpoint) in Endpoints)
        {
            foreach (var (role, granted) in Grants)
            {
                data.Add(name, role, granted.Contains(endpoint.Permission));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_call_exactly_the_endpoints_its_permissions_allow(string endpointName, string role, bool allowed)
    {
        var endpoint = Endpoints[endpointName];
        var admin = await app.SignUpAsync();
        var (userId, _) = await admin.JoinAsync("Technician");
        var invitation = await admin.InviteAsync($"pending-{Guid.NewGuid():N}@{admin.Slug}.test", "ReadOnly");
        var targets = new Targets(admin, userId, invitation.Id);
        var caller = role switch
        {
            "Admin" => admin.Client,
            "HostAdmin" => await app.SignInHostAdminAsync(),
            _ => (await admin.AddMemberAsync(role)).Client,
        };
        var body = endpoint.Body is null ? null : await endpoint.Body(targets);

        var response = await caller.CallAsync(endpoint.Method, endpoint.UrlFor(targets), body);

        if (allowed)
        {
            await response.ShouldHaveStatusAsync(endpoint.Success);
            return;
        }

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe("Security:PermissionDenied");
        problem.Detail!.ShouldContain(endpoint.Permission!);
    }

    public static TheoryData<string> ProtectedEndpoints => new(Endpoints.Keys);

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Anonymous_callers_get_401_from_every_protected_endpoint(string endpointName)
    {
        var endpoint = Endpoints[endpointName];
        var url = endpoint.Url.Replace("{user}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{invitation}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{tenant}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var response = await app.CreateClient().CallAsync(endpoint.Method, url, endpoint.Method == HttpMethod.Get ? null : new { });

        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe("Security:Unauthenticated");
    }

    [Fact]
    public async Task A_garbage_bearer_token_is_treated_as_anonymous()
    {
        var response = await app.CreateClient().WithBearer("not-a-token").CallAsync(HttpMethod.Get, "/api/saas/users");

        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe("Security:Unauthenticated");
    }
}
