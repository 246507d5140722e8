using Regentra.Saas.Contracts.Account;

namespace Regentra.Host.Tests;

/// <summary>Two hosts on one database, as behind a load balancer.</summary>
public sealed class ScaleOutTests(RegentraApp first) : IClassFixture<RegentraApp>
{
    private sealed class SecondHost(TestDatabase database) : RegentraApp(database);

    [Fact]
    public async Task A_token_issued_by_one_host_is_accepted_by_another_sharing_the_database()
    {
        var admin = await first.SignUpAsync();
        var token = admin.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var second = new SecondHost(first.Database);
        await second.InitializeAsync();

        var config = await second.CreateClient().WithBearer(token).GetAsync<AppConfigDto>("/api/app-config");

        config.CurrentUser!.Email.ShouldBe(admin.Email);
        config.CurrentTenant!.Id.ShouldBe(admin.TenantId);
    }
}
