using System.Diagnostics;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Tenants;
using Regentra.Framework.Paging;

namespace Regentra.Host.Tests;

/// <summary>The create-host-admin command, run as a separate process exactly as an operator would.</summary>
public sealed class HostAdminCommandTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task The_command_creates_a_host_administrator_who_can_then_manage_tenants()
    {
        var email = $"ops-{Guid.NewGuid():N}@regentra.test";

        var (exit, output) = await RunAsync("create-host-admin", "--email", email, "--password", Sessions.Password);

        exit.ShouldBe(0, output);
        output.ShouldContain($"Host administrator {email} created");
        var token = await (await app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(null, email, Sessions.Password)))
            .ReadAsync<TokenResponse>();
        var tenants = await app.CreateClient().WithBearer(token.AccessToken).GetAsync<PagedResult<TenantDto>>("/api/saas/tenants");
        tenants.TotalCount.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task The_command_refuses_an_existing_administrator_and_a_weak_password()
    {
        var email = $"ops-{Guid.NewGuid():N}@regentra.test";
        (await RunAsync("create-host-admin", "--email", email, "--password", Sessions.Password)).Exit.ShouldBe(0);

        var again = await RunAsync("create-host-admin", "--email", email, "--password", Sessions.Password);
        var weak = await RunAsync("create-host-admin", "--email", $"x{email}", "--password", "short");

        again.Exit.ShouldBe(1);
        again.Output.ShouldContain("already exists");
        weak.Exit.ShouldBe(1);
        weak.Output.ShouldContain("at least 8 characters");
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Regentra.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = app.Database.Provider.ToString();
        start.Environment["Database__ConnectionString"] = app.Database.ConnectionString;
        start.Environment["BackgroundJobs__RunServer"] = "false";
        start.Environment["BackgroundJobs__Storage"] = "InMemory";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
