using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Clients;
using Regentra.Saas.Contracts.Settings;

namespace Regentra.Psa.Tests;

/// <summary>Creating, reading, updating, deactivating and deleting clients.</summary>
public sealed class ClientTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task A_new_client_is_created_in_the_organisations_currency_and_can_be_read_back()
    {
        var admin = await app.SignUpWithCurrencyAsync("GBP");

        var response = await admin.Client.PostJsonAsync("/api/psa/clients",
            new CreateClientRequest("  Contoso Ltd ", "accounts@contoso.test", "1 High Street", null, "Key account"));

        var created = await response.ReadAsync<ClientDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/psa/clients/{created.Id}");
        (created.Name, created.BillingEmail, created.Currency, created.Notes, created.IsActive).ShouldBe(
            ("Contoso Ltd", "accounts@contoso.test", "GBP", "Key account", true));
        created.ConcurrencyStamp.ShouldNotBeNullOrEmpty();
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{created.Id}")).ShouldBe(created);
    }

    [Fact]
    public async Task A_currency_given_on_creation_wins_over_the_organisations()
    {
        var admin = await app.SignUpWithCurrencyAsync("GBP");

        var client = await admin.CreateClientAsync("Euro Client", "EUR");

        client.Currency.ShouldBe("EUR");
    }

    [Fact]
    public async Task New_clients_follow_a_change_of_the_organisations_currency()
    {
        var admin = await app.SignUpWithCurrencyAsync("GBP");
        var before = await admin.CreateClientAsync("Before");
        var s = await admin.Client.GetAsync<TenantSettingsDto>("/api/saas/settings");
        await (await admin.Client.PutJsonAsync("/api/saas/settings", new UpdateTenantSettingsRequest(s.OrganizationName, s.Address, s.TimeZone, "CHF",
            s.InvoicePrefix, s.PaymentTermsDays, s.TaxRatePercent, s.DefaultHourlyRate, s.AllowSelfApproval, s.ConcurrencyStamp))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var after = await admin.CreateClientAsync("After");

        (before.Currency, after.Currency).ShouldBe(("GBP", "CHF"));
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{before.Id}")).Currency.ShouldBe("GBP");
    }

    [Fact]
    public async Task An_unknown_client_id_is_not_found()
    {
        var admin = await app.SignUpAsync();

        var response = await admin.Client.GetResponseAsync($"/api/psa/clients/{Guid.NewGuid()}");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task An_update_with_the_current_stamp_changes_every_field()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");

        var updated = await (await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
                new UpdateClientRequest("Contoso Group", "ap@contoso.test", "2 Low Road", "EUR", "Renamed", client.ConcurrencyStamp)))
            .ReadAsync<ClientDto>();

        (updated.Name, updated.BillingEmail, updated.Address, updated.Currency, updated.Notes).ShouldBe(
            ("Contoso Group", "ap@contoso.test", "2 Low Road", "EUR", "Renamed"));
        updated.ConcurrencyStamp.ShouldNotBe(client.ConcurrencyStamp);
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).ShouldBe(updated);
    }

    [Fact]
    public async Task An_update_with_a_stale_stamp_is_a_conflict_and_changes_nothing()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");
        var first = await (await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
            new UpdateClientRequest("Contoso One", null, null, "USD", null, client.ConcurrencyStamp))).ReadAsync<ClientDto>();

        var response = await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
            new UpdateClientRequest("Contoso Two", null, null, "USD", null, client.ConcurrencyStamp));

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe("Concurrency");
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).ShouldBe(first);
    }

    [Fact]
    public async Task An_update_without_a_stamp_or_currency_is_invalid()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");

        var response = await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}", new UpdateClientRequest("Contoso Two", null, null, null, null, null));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["currency", "concurrencyStamp"], ignoreOrder: true);
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).Name.ShouldBe("Contoso");
    }

    [Fact]
    public async Task A_client_can_be_deactivated_and_reactivated()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");

        var deactivated = await (await admin.Client.PostJsonAsync($"/api/psa/clients/{client.Id}/deactivate", null)).ReadAsync<ClientDto>();
        var stored = await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}");
        var reactivated = await (await admin.Client.PostJsonAsync($"/api/psa/clients/{client.Id}/reactivate", null)).ReadAsync<ClientDto>();

        (deactivated.IsActive, stored.IsActive, reactivated.IsActive).ShouldBe((false, false, true));
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task A_client_without_tickets_or_time_can_be_deleted()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");

        await (await admin.Client.DeleteAsync(new Uri($"/api/psa/clients/{client.Id}", UriKind.Relative))).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await admin.Client.GetResponseAsync($"/api/psa/clients/{client.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_with_a_ticket_cannot_be_deleted()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");
        await admin.CreateTicketAsync(client.Id);

        var response = await admin.Client.DeleteAsync(new Uri($"/api/psa/clients/{client.Id}", UriKind.Relative));

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(PsaErrorCodes.ClientInUse);
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).ShouldBe(client);
    }

    [Fact]
    public async Task A_client_with_time_but_no_ticket_cannot_be_deleted()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");
        await admin.LogAsync(PsaApi.ClientTime(client.Id));

        var response = await admin.Client.DeleteAsync(new Uri($"/api/psa/clients/{client.Id}", UriKind.Relative));

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(PsaErrorCodes.ClientInUse);
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).ShouldBe(client);
    }
}
