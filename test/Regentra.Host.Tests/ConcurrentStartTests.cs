using Regentra.Saas.Contracts.Account;

namespace Regentra.Host.Tests;

/// <summary>
/// Several hosts started together on a database server where their database does not exist yet (PostgreSQL; a new
/// SQLite file), as a scaled-out deployment's first start.
/// </summary>
public sealed class ConcurrentStartTests
{
    private const string Email = "ops@regentra.test";
    private const string Password = "Host-operator-2026";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["HostAdmin__Email"] = Email,
        ["HostAdmin__Password"] = Password,
        ["BackgroundJobs__RunServer"] = "true",
    };

    private static async Task SignInOnEachAsync(IEnumerable<HostProcess> hosts)
    {
        foreach (var host in hosts)
        {
            using var client = host.CreateClient();
            var token = await (await client.PostJsonAsync("/api/account/token", new LoginRequest(null, Email, Password))).ReadAsync<TokenResponse>();
            token.AccessToken.ShouldNotBeNullOrEmpty($"the host operator signs in on {host.Address}");
        }
    }

    [Fact]
    public async Task Three_hosts_starting_at_once_create_one_host_operator_and_one_HostAdmin_role_and_start_again_later()
    {
        await using var database = await TestDatabase.CreateAsync(createPostgresDatabase: false);

        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HostProcess.StartAsync(database, Settings)));
        try
        {
            (await database.CountAsync($"""SELECT COUNT(*) FROM "SaasUsers" WHERE "TenantId" IS NULL AND "NormalizedUserName" = '{Email.ToUpperInvariant()}'""")).ShouldBe(1);
            (await database.CountAsync("""SELECT COUNT(*) FROM "SaasRoles" WHERE "TenantId" IS NULL AND "NormalizedName" = 'HOSTADMIN'""")).ShouldBe(1);
            (await database.CountAsync("""
                SELECT COUNT(*) FROM (SELECT "PermissionName" FROM "SaasRolePermissionGrants" WHERE "TenantId" IS NULL
                GROUP BY "RoleId", "PermissionName" HAVING COUNT(*) > 1) duplicates
                """)).ShouldBe(0);
            await SignInOnEachAsync(hosts);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        var restarted = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => HostProcess.StartAsync(database, Settings)));
        try
        {
            await SignInOnEachAsync(restarted);
            (await database.CountAsync("""SELECT COUNT(*) FROM "SaasUsers" WHERE "TenantId" IS NULL""")).ShouldBe(1);
        }
        finally
        {
            foreach (var host in restarted)
            {
                await host.DisposeAsync();
            }
        }
    }
}
