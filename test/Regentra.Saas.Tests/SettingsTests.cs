using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Settings;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Saas.Tests;

public sealed class SettingsTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task New_settings_are_saved_and_the_organisation_is_renamed()
    {
        var admin = await app.SignUpAsync();
        var before = await admin.Client.GetSettingsAsync();
        var update = before.AsUpdate() with
        {
            OrganizationName = "  Northwind Managed IT  ",
            Address = "1 Harbour Road, Leeds",
            TimeZone = "Europe/London",
            Currency = "GBP",
            InvoicePrefix = "NW-24",
            PaymentTermsDays = 14,
            TaxRatePercent = 8.875m,
            DefaultHourlyRate = 95.50m,
            AllowSelfApproval = true,
        };

        var saved = await (await admin.Client.PutJsonAsync("/api/saas/settings", update)).ReadAsync<TenantSettingsDto>();

        saved.ShouldBe(new TenantSettingsDto("Northwind Managed IT", "1 Harbour Road, Leeds", "Europe/London", "GBP", "NW-24", 14, 8.875m, 95.50m, true,
            saved.ConcurrencyStamp));
        saved.ConcurrencyStamp.ShouldNotBe(before.ConcurrencyStamp);
        (await admin.Client.GetSettingsAsync()).ShouldBe(saved);
        var config = await admin.Client.GetAsync<AppConfigDto>("/api/app-config");
        config.CurrentTenant!.Name.ShouldBe("Northwind Managed IT");
        config.Settings.ShouldBe(saved);
        var host = await app.SignInHostAdminAsync();
        (await host.GetAsync<TenantDto>($"/api/saas/tenants/{admin.TenantId}")).Name.ShouldBe("Northwind Managed IT");
    }

    [Fact]
    public async Task A_blank_address_is_stored_as_none()
    {
        var admin = await app.SignUpAsync();
        var settings = await admin.Client.GetSettingsAsync();

        var saved = await (await admin.Client.PutJsonAsync("/api/saas/settings", settings.AsUpdate() with { Address = "   " })).ReadAsync<TenantSettingsDto>();

        saved.Address.ShouldBeNull();
    }

    private static readonly Dictionary<string, (Func<UpdateTenantSettingsRequest, UpdateTenantSettingsRequest> Change, string Field)> InvalidChanges = new()
    {
        ["time zone not IANA"] = (r => r with { TimeZone = "Mars/Base" }, "timeZone"),
        ["time zone missing"] = (r => r with { TimeZone = null }, "timeZone"),
        ["currency in lowercase"] = (r => r with { Currency = "usd" }, "currency"),
        ["currency unknown"] = (r => r with { Currency = "XXX" }, "currency"),
        ["invoice prefix with a symbol"] = (r => r with { InvoicePrefix = "inv!" }, "invoicePrefix"),
        ["invoice prefix too long"] = (r => r with { InvoicePrefix = "ABCDEFGHIJK" }, "invoicePrefix"),
        ["invoice prefix empty"] = (r => r with { InvoicePrefix = "" }, "invoicePrefix"),
        ["payment terms of 400 days"] = (r => r with { PaymentTermsDays = 400 }, "paymentTermsDays"),
        ["negative payment terms"] = (r => r with { PaymentTermsDays = -1 }, "paymentTermsDays"),
        ["tax rate over 100"] = (r => r with { TaxRatePercent = 101m }, "taxRatePercent"),
        ["tax rate with 5 decimals"] = (r => r with { TaxRatePercent = 8.87501m }, "taxRatePercent"),
        ["negative tax rate"] = (r => r with { TaxRatePercent = -1m }, "taxRatePercent"),
        ["negative hourly rate"] = (r => r with { DefaultHourlyRate = -0.01m }, "defaultHourlyRate"),
        ["hourly rate with 3 decimals"] = (r => r with { DefaultHourlyRate = 99.999m }, "defaultHourlyRate"),
        ["organisation name blank"] = (r => r with { OrganizationName = " " }, "organizationName"),
        ["address too long"] = (r => r with { Address = new string('a', 501) }, "address"),
        ["no concurrency stamp (would silently overwrite someone else's change)"] = (r => r with { ConcurrencyStamp = null }, "concurrencyStamp"),
    };

    public static TheoryData<string> InvalidCases => new(InvalidChanges.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Invalid_settings_are_refused_and_nothing_changes(string invalidCase)
    {
        var admin = await app.SignUpAsync();
        var before = await admin.Client.GetSettingsAsync();
        var (change, field) = InvalidChanges[invalidCase];

        var response = await admin.Client.PutJsonAsync("/api/saas/settings", change(before.AsUpdate() with { OrganizationName = "Changed" }));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldBe([field]);
        (await admin.Client.GetSettingsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var admin = await app.SignUpAsync();
        var before = await admin.Client.GetSettingsAsync();

        var response = await admin.Client.PutJsonAsync("/api/saas/settings", before.AsUpdate() with
        {
            TimeZone = "Mars/Base", Currency = "usd", InvoicePrefix = "inv!", PaymentTermsDays = 400, TaxRatePercent = 101m,
        });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys
            .ShouldBe(["timeZone", "currency", "invoicePrefix", "paymentTermsDays", "taxRatePercent"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_stale_concurrency_stamp_is_a_conflict_and_keeps_the_other_change()
    {
        var admin = await app.SignUpAsync();
        var read = await admin.Client.GetSettingsAsync();
        var first = await (await admin.Client.PutJsonAsync("/api/saas/settings", read.AsUpdate() with { OrganizationName = "First writer", InvoicePrefix = "FW" }))
            .ReadAsync<TenantSettingsDto>();

        var response = await admin.Client.PutJsonAsync("/api/saas/settings", read.AsUpdate() with { OrganizationName = "Second writer", InvoicePrefix = "SW" });

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await admin.Client.GetSettingsAsync()).ShouldBe(first);
        (await admin.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentTenant!.Name.ShouldBe("First writer");
    }

    [Fact]
    public async Task A_manager_reads_the_settings_but_cannot_change_them()
    {
        var admin = await app.SignUpAsync();
        var manager = await admin.AddMemberAsync("Manager");

        var settings = await manager.Client.GetSettingsAsync();
        var response = await manager.Client.PutJsonAsync("/api/saas/settings", settings.AsUpdate() with { OrganizationName = "Taken over" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        problem.Code.ShouldBe("Security:PermissionDenied");
        problem.Detail!.ShouldContain("Saas.Settings.Manage");
        (await admin.Client.GetSettingsAsync()).ShouldBe(settings);
    }
}
