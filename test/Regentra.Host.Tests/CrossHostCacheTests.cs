using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Roles;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Host.Tests;

/// <summary>
/// A change made on one host applies on the others well before any cache expires: both hosts here cache for ten
/// minutes, so only the signal (PostgreSQL LISTEN/NOTIFY) can explain a change seen within seconds. SQLite serves one
/// host, so there the "other" host is the same one and the in-process path is what is checked.
/// </summary>
public sealed class CrossHostCacheTests(CrossHostCacheTests.HostA first) : IClassFixture<CrossHostCacheTests.HostA>, IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    public sealed class HostA : RegentraApp
    {
        public HostA()
        {
        }

        internal HostA(TestDatabase database)
            : base(database)
        {
        }

        protected override void AddSettings(IDictionary<string, string?> settings) => settings["Saas:AccessCacheSeconds"] = "600";
    }

    private HostA? _second;

    /// <summary>Where the change must show: the second host on PostgreSQL, the only host on SQLite.</summary>
    private RegentraApp Other => _second ?? (RegentraApp)first;

    public async ValueTask InitializeAsync()
    {
        if (first.Database.Provider == TestProvider.PostgreSql)
        {
            _second = new HostA(first.Database);
            await _second.InitializeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_stops_working_on_the_other_host()
    {
        var admin = await first.SignUpAsync();
        var login = await first.CreateClient().PostJsonAsync("/api/account/login", new LoginRequest(admin.Slug, admin.Email, Sessions.Password));
        var cookie = Api.SetCookieValue(login, ".Regentra.Auth")!;
        var copy = Other.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", $".Regentra.Auth={cookie}");
        await (await copy.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK); // cached there now
        var owner = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        owner.DefaultRequestHeaders.Add("Cookie", $".Regentra.Auth={cookie}; {Api.SetCookieHeader(login, ".Regentra.Antiforgery")!.Split(';')[0]}");

        await (await owner.CallAsync(HttpMethod.Post, "/api/account/logout", xsrfToken: Api.SetCookieValue(login, "XSRF-TOKEN")))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await EventuallyAsync(async () => (await copy.GetResponseAsync("/api/saas/users")).StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_permission_taken_from_a_role_is_refused_on_the_other_host()
    {
        var admin = await first.SignUpAsync();
        var (_, email) = await admin.JoinAsync("ReadOnly");
        var reader = await Other.SignInAsync(admin.Slug, email, Sessions.Password, admin.TenantId);
        await (await reader.Client.GetResponseAsync("/api/psa/clients")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await admin.Client.PutJsonAsync("/api/saas/roles/ReadOnly/permissions", new UpdateRolePermissionsRequest([])))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        await EventuallyAsync(async () => (await reader.Client.GetResponseAsync("/api/psa/clients")).StatusCode == HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deactivated_member_is_refused_on_the_other_host()
    {
        var admin = await first.SignUpAsync();
        var (userId, email) = await admin.JoinAsync("Technician");
        var technician = await Other.SignInAsync(admin.Slug, email, Sessions.Password, admin.TenantId);
        await (await technician.Client.GetResponseAsync("/api/psa/tickets")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await admin.Client.PostJsonAsync($"/api/saas/users/{userId}/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await EventuallyAsync(async () => (await technician.Client.GetResponseAsync("/api/psa/tickets")).StatusCode == HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_suspended_organisation_is_refused_on_the_other_host()
    {
        var admin = await first.SignUpAsync();
        var onOther = await Other.SignInAsync(admin.Slug, admin.Email, Sessions.Password, admin.TenantId);
        await (await onOther.Client.GetResponseAsync("/api/psa/tickets")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var host = await first.SignInHostAdminAsync();

        await (await host.PostJsonAsync($"/api/saas/tenants/{admin.TenantId}/suspend", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await EventuallyAsync(async () => (await onOther.Client.GetResponseAsync("/api/psa/tickets")).StatusCode != HttpStatusCode.OK);
    }

    [Fact]
    public async Task Settings_read_on_the_other_host_right_after_a_save_are_the_saved_ones_and_save_again_there()
    {
        var admin = await first.SignUpAsync();
        var onOther = await Other.SignInAsync(admin.Slug, admin.Email, Sessions.Password, admin.TenantId);
        var before = await onOther.Client.GetAsync<TenantSettingsDto>("/api/saas/settings");
        var saved = await (await admin.Client.PutJsonAsync("/api/saas/settings", Change(before, "Renamed on A")))
            .ReadAsync<TenantSettingsDto>();

        // No waiting: the settings screen reads the database, so the stamp it gets is the one just saved.
        var read = await onOther.Client.GetAsync<TenantSettingsDto>("/api/saas/settings");
        read.OrganizationName.ShouldBe("Renamed on A");
        read.ConcurrencyStamp.ShouldBe(saved.ConcurrencyStamp);

        var again = await (await onOther.Client.PutJsonAsync("/api/saas/settings", Change(read, "Renamed on B"))).ReadAsync<TenantSettingsDto>();
        again.OrganizationName.ShouldBe("Renamed on B");
        await EventuallyAsync(async () =>
            (await admin.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentTenant!.Name == "Renamed on B");
    }

    private static UpdateTenantSettingsRequest Change(TenantSettingsDto settings, string name) =>
        new(name, settings.Address, settings.TimeZone, settings.Currency, settings.InvoicePrefix, settings.PaymentTermsDays,
            settings.TaxRatePercent, settings.DefaultHourlyRate, settings.AllowSelfApproval, settings.ConcurrencyStamp);

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.ShouldBeLessThan(Soon, "The change did not reach the other host in time");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
