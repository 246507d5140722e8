using Microsoft.Extensions.DependencyInjection;
using Regentra.Framework.Permissions;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Tenants;
using Regentra.Saas.Identity;
using Regentra.Saas.Settings;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Tests;

public sealed class SignupTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private static SignupRequest Valid(string slug) =>
        new("Acme IT", slug, $"owner@{slug}.test", Sessions.Password, "Olive Owner");

    [Fact]
    public async Task Signing_up_creates_a_tenant_whose_admin_can_sign_in()
    {
        var slug = Sessions.NewSlug();

        var response = await app.CreateClient().PostJsonAsync("/api/saas/signup", Valid(slug));

        var tenant = await response.ReadAsync<TenantDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/saas/tenants/{tenant.Id}");
        tenant.ShouldSatisfyAllConditions(
            () => tenant.Name.ShouldBe("Acme IT"),
            () => tenant.Slug.ShouldBe(slug),
            () => tenant.IsActive.ShouldBeTrue(),
            () => tenant.UserCount.ShouldBe(1));

        var admin = await app.SignInAsync(slug, $"owner@{slug}.test", Sessions.Password, tenant.Id);
        var config = await admin.Client.GetAsync<AppConfigDto>("/api/app-config");
        config.CurrentTenant.ShouldBe(new CurrentTenantDto(tenant.Id, "Acme IT", slug));
        config.CurrentUser!.ShouldSatisfyAllConditions(
            u => u.Name.ShouldBe("Olive Owner"),
            u => u.Email.ShouldBe($"owner@{slug}.test"),
            u => u.Roles.ShouldBe(["Admin"]));
        config.GrantedPermissions.Where(p => p.StartsWith("Saas.", StringComparison.Ordinal)).ShouldBe(
        [
            SaasPermissions.Roles.Default, SaasPermissions.Roles.Manage, SaasPermissions.Settings.Default,
            SaasPermissions.Settings.Manage, SaasPermissions.Users.Default, SaasPermissions.Users.Manage,
        ]);
        config.Settings!.ShouldSatisfyAllConditions(
            s => s.OrganizationName.ShouldBe("Acme IT"),
            s => s.TimeZone.ShouldBe("UTC"),
            s => s.Currency.ShouldBe("USD"),
            s => s.InvoicePrefix.ShouldBe("INV"),
            s => s.PaymentTermsDays.ShouldBe(30),
            s => s.TaxRatePercent.ShouldBe(0m),
            s => s.AllowSelfApproval.ShouldBeFalse());
    }

    [Fact]
    public async Task Time_zone_and_currency_given_at_signup_become_the_settings()
    {
        var slug = Sessions.NewSlug();

        var admin = await app.SignUpAsync(slug, timeZone: "Europe/London");

        var settings = (await admin.Client.GetAsync<AppConfigDto>("/api/app-config")).Settings!;
        settings.TimeZone.ShouldBe("Europe/London");

        var euro = Sessions.NewSlug();
        await (await app.CreateClient().PostJsonAsync("/api/saas/signup", Valid(euro) with { Currency = "EUR" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var euroAdmin = await app.SignInAsync(euro, $"owner@{euro}.test", Sessions.Password, Guid.Empty);
        (await euroAdmin.Client.GetAsync<AppConfigDto>("/api/app-config")).Settings!.Currency.ShouldBe("EUR");
    }

    [Fact]
    public async Task The_same_email_can_own_two_organisations_and_signs_in_to_the_one_named()
    {
        var first = Sessions.NewSlug();
        var second = Sessions.NewSlug();
        const string email = "shared@owner.test";
        await (await app.CreateClient().PostJsonAsync("/api/saas/signup", Valid(first) with { AdminEmail = email, OrganizationName = "First" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await app.CreateClient().PostJsonAsync("/api/saas/signup", Valid(second) with { AdminEmail = email, OrganizationName = "Second" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);

        var session = await app.SignInAsync(second, email, Sessions.Password, Guid.Empty);

        (await session.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentTenant!.Name.ShouldBe("Second");
    }

    private static readonly Dictionary<string, (SignupRequest Request, string Field)> InvalidRequests = new()
    {
        ["slug too short"] = (Valid("ab"), "slug"),
        ["slug too long"] = (Valid(new string('a', 41)), "slug"),
        ["slug in capitals"] = (Valid("Acme-IT"), "slug"),
        ["slug with underscore"] = (Valid("acme_it"), "slug"),
        ["slug with leading hyphen"] = (Valid("-acme"), "slug"),
        ["slug reserved: admin"] = (Valid("admin"), "slug"),
        ["slug reserved: api"] = (Valid("api"), "slug"),
        ["password too short"] = (Valid("weak-one") with { AdminPassword = "Ab1defg" }, "adminPassword"),
        ["password without digit"] = (Valid("weak-two") with { AdminPassword = "NoDigitsHere" }, "adminPassword"),
        ["password without capital"] = (Valid("weak-three") with { AdminPassword = "nocapitals99" }, "adminPassword"),
        ["password of three characters repeated"] = (Valid("weak-four") with { AdminPassword = "Aa1Aa1Aa1" }, "adminPassword"),
        ["email without @"] = (Valid("bad-mail-one") with { AdminEmail = "not-an-email" }, "adminEmail"),
        ["email without a dot in the domain"] = (Valid("bad-mail-two") with { AdminEmail = "owner@localhost" }, "adminEmail"),
        ["email missing"] = (Valid("bad-mail-three") with { AdminEmail = null }, "adminEmail"),
        ["organisation name blank"] = (Valid("no-name") with { OrganizationName = "  " }, "organizationName"),
        ["organisation name too long"] = (Valid("long-name") with { OrganizationName = new string('x', 101) }, "organizationName"),
        ["time zone unknown"] = (Valid("bad-zone") with { TimeZone = "Mars/Base" }, "timeZone"),
        ["time zone a Windows id"] = (Valid("windows-zone") with { TimeZone = "Pacific Standard Time" }, "timeZone"),
        ["currency in lowercase"] = (Valid("bad-currency") with { Currency = "usd" }, "currency"),
        ["currency unknown"] = (Valid("bad-currency-two") with { Currency = "XXX" }, "currency"),
    };

    public static TheoryData<string> InvalidCases => new(InvalidRequests.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task An_invalid_signup_is_refused_and_writes_nothing(string invalidCase)
    {
        var (request, field) = InvalidRequests[invalidCase];
        var before = await RowsAsync();

        var problem = await (await app.CreateClient().PostJsonAsync("/api/saas/signup", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldBe([field]);
        (await RowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task All_field_errors_are_reported_together()
    {
        var problem = await (await app.CreateClient().PostJsonAsync("/api/saas/signup", new SignupRequest(null, "A", "x", "weak")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["organizationName", "slug", "adminEmail", "adminPassword"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_taken_slug_is_a_conflict_on_the_slug_field_and_writes_nothing()
    {
        var slug = Sessions.NewSlug();
        await app.SignUpAsync(slug);
        var before = await RowsAsync();

        var problem = await (await app.CreateClient().PostJsonAsync("/api/saas/signup", Valid(slug) with { AdminEmail = "other@owner.test" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Code.ShouldBe(SaasErrorCodes.SlugTaken);
        problem.Errors!.Keys.ShouldBe(["slug"]);
        (await RowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Simultaneous_signups_for_one_slug_create_exactly_one_tenant()
    {
        var slug = Sessions.NewSlug();
        var before = await RowsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            app.CreateClient().PostJsonAsync("/api/saas/signup", Valid(slug) with { AdminEmail = $"racer{i}@{slug}.test" })));

        responses.Select(r => r.StatusCode).Order().ShouldBe(
            [HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict]);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(SaasErrorCodes.SlugTaken);
        }

        // One tenant's worth of rows: its admin, the four roles with the default grants of all but Admin (implicit), its settings.
        var defaultGrants = app.Services.GetRequiredService<PermissionDefinitionManager>().ForSide(MultiTenancySides.Tenant)
            .Sum(p => p.DefaultRoles.Count(r => r != StandardRoles.Admin));
        (await RowsAsync()).ShouldBe(new Rows(before.Tenants + 1, before.Users + 1, before.Roles + 4, before.Settings + 1, before.Grants + defaultGrants));
    }

    private sealed record Rows(int Tenants, int Users, int Roles, int Settings, int Grants);

    private async Task<Rows> RowsAsync() => new(
        await app.CountAsync<Tenant>(),
        await app.CountAsync<AppUser>(),
        await app.CountAsync<AppRole>(),
        await app.CountAsync<TenantSettings>(),
        await app.CountAsync<RolePermissionGrant>());
}
