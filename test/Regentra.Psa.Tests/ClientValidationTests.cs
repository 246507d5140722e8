using Regentra.Framework.Paging;
using Regentra.Psa.Contracts;
using Regentra.Psa.Contracts.Clients;

namespace Regentra.Psa.Tests;

/// <summary>What makes a client invalid: bad fields, and a name another client of the organisation already has.</summary>
public sealed class ClientValidationTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task A_name_is_unique_per_organisation_whatever_its_case_and_spaces()
    {
        var admin = await app.SignUpAsync();
        await admin.CreateClientAsync("Contoso");
        var before = await app.CountAsync<Regentra.Psa.Clients.Client>();

        var response = await admin.Client.PostJsonAsync("/api/psa/clients", new CreateClientRequest(" CONTOSO ", null, null, null, null));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe(PsaErrorCodes.ClientNameTaken);
        problem.Errors!.Keys.ShouldBe(["name"]);
        (await app.CountAsync<Regentra.Psa.Clients.Client>()).ShouldBe(before);
    }

    [Fact]
    public async Task Renaming_to_another_clients_name_is_refused_but_a_change_of_case_is_fine()
    {
        var admin = await app.SignUpAsync();
        await admin.CreateClientAsync("Contoso");
        var fabrikam = await admin.CreateClientAsync("Fabrikam");

        var taken = await admin.Client.PutJsonAsync($"/api/psa/clients/{fabrikam.Id}",
            new UpdateClientRequest("contoso", null, null, "USD", null, fabrikam.ConcurrencyStamp));
        var recased = await admin.Client.PutJsonAsync($"/api/psa/clients/{fabrikam.Id}",
            new UpdateClientRequest("FABRIKAM", null, null, "USD", null, fabrikam.ConcurrencyStamp));

        var problem = await taken.ReadProblemAsync(HttpStatusCode.Conflict);
        (problem.Code, problem.Errors!.Keys.Single()).ShouldBe((PsaErrorCodes.ClientNameTaken, "name"));
        (await recased.ReadAsync<ClientDto>()).Name.ShouldBe("FABRIKAM");
    }

    [Fact]
    public async Task Another_organisation_may_use_the_same_client_name()
    {
        var a = await app.SignUpAsync();
        var b = await app.SignUpAsync();
        await a.CreateClientAsync("Contoso");

        var client = await b.CreateClientAsync("Contoso");

        client.Name.ShouldBe("Contoso");
    }

    [Fact]
    public async Task Simultaneous_clients_with_the_same_name_give_one_client_and_name_taken_for_the_rest()
    {
        var admin = await app.SignUpAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            admin.Client.PostJsonAsync("/api/psa/clients", new CreateClientRequest(i % 2 == 0 ? "Contoso" : "CONTOSO", null, null, null, null)))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
            (problem.Code, problem.Errors!.Keys.Single()).ShouldBe((PsaErrorCodes.ClientNameTaken, "name"));
        }

        (await admin.Client.GetAsync<PagedResult<ClientDto>>("/api/psa/clients")).TotalCount.ShouldBe(1);
    }

    public static TheoryData<string, string?, string?, string?, string?, string?> InvalidClients => new()
    {
        { "name", "", null, null, null, null },
        { "name", "   ", null, null, null, null },
        { "name", new string('n', 201), null, null, null, null },
        { "billingEmail", "Contoso", "not-an-email", null, null, null },
        { "billingEmail", "Contoso", "someone@localhost", null, null, null },
        { "address", "Contoso", null, new string('a', 501), null, null },
        { "currency", "Contoso", null, null, "usd", null },
        { "currency", "Contoso", null, null, "XXX", null },
        { "notes", "Contoso", null, null, null, new string('x', 4001) },
    };

    [Theory]
    [MemberData(nameof(InvalidClients))]
    public async Task An_invalid_client_is_refused_with_the_field_and_nothing_is_written(
        string field, string? name, string? email, string? address, string? currency, string? notes)
    {
        var admin = await app.SignUpAsync();
        var before = await app.CountAsync<Regentra.Psa.Clients.Client>();

        var response = await admin.Client.PostJsonAsync("/api/psa/clients", new CreateClientRequest(name, email, address, currency, notes));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe("Validation");
        problem.Errors!.Keys.ShouldBe([field]);
        (await app.CountAsync<Regentra.Psa.Clients.Client>()).ShouldBe(before);
    }

    [Fact]
    public async Task An_invalid_update_is_refused_with_the_field_and_the_client_is_unchanged()
    {
        var admin = await app.SignUpAsync();
        var client = await admin.CreateClientAsync("Contoso");

        var response = await admin.Client.PutJsonAsync($"/api/psa/clients/{client.Id}",
            new UpdateClientRequest("Contoso", "bad", null, "usd", new string('x', 4001), client.ConcurrencyStamp));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["billingEmail", "currency", "notes"], ignoreOrder: true);
        (await admin.Client.GetAsync<ClientDto>($"/api/psa/clients/{client.Id}")).ShouldBe(client);
    }
}
