using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Regentra.StripeStandIn;
using Shouldly;

namespace Regentra.TestBase;

/// <summary>A Stripe account on the stand-in, with its keys.</summary>
public sealed record StandInAccount(string AccountId, string PublishableKey, string SecretKey, string RestrictedKey);

/// <summary>
/// The repo's Stripe stand-in on a real loopback port, and its control API (pay a session, refund, hold and reorder
/// deliveries, redeliver, inject faults, read what the product sent). The product reaches it through Stripe:ApiBase.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplicationFactory<StandInEntryPoint> _factory;

    public StripeStandIn()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<StandInEntryPoint>().WithWebHostBuilder(b => b
            .UseSetting("urls", BaseUrl)
            .UseSetting("StandIn:PublicUrl", BaseUrl)
            .UseSetting("StandIn:Delivery:Attempts", "2")
            .UseSetting("StandIn:Delivery:RetryDelayMilliseconds", "100"));
        _factory.UseKestrel(port);
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    /// <summary>Stripe:ApiBase for the product (Stripe.net appends /v1).</summary>
    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public void Start() => _factory.StartServer();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>A free loopback port, chosen before the server starts so that addresses can be configured.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<StandInAccount> CreateAccountAsync(string name = "MSP Ltd", string currency = "usd", bool livemode = false) =>
        await PostAsync<StandInAccount>("/_standin/accounts", new { name, country = "GB", defaultCurrency = currency, livemode, restricted = false });

    /// <summary>What the client does on the hosted page: "card" pays, "async" starts a bank debit, "decline" fails the card.</summary>
    public Task<JsonElement> PayAsync(string sessionId, string method = "card") =>
        PostAsync<JsonElement>($"/_standin/checkout/sessions/{sessionId}/pay", new { method });

    public Task<JsonElement> SettleAsync(string paymentIntentId, bool succeed) =>
        PostAsync<JsonElement>($"/_standin/payment_intents/{paymentIntentId}/settle", new { succeed });

    /// <param name="amount">Stripe units; null refunds what remains.</param>
    public Task<JsonElement> RefundAsync(string paymentIntentId, long? amount) =>
        PostAsync<JsonElement>($"/_standin/payment_intents/{paymentIntentId}/refund", new { amount });

    public Task<JsonElement> SettleRefundAsync(string refundId, bool succeed) =>
        PostAsync<JsonElement>($"/_standin/refunds/{refundId}/settle", new { succeed });

    /// <summary>Events of the account, oldest first, each with its delivery attempts.</summary>
    public async Task<IReadOnlyList<JsonElement>> EventsAsync(string accountId, string? type = null) =>
        (await Http.GetFromJsonAsync<List<JsonElement>>($"/_standin/events?account={accountId}{(type is null ? string.Empty : "&type=" + type)}", Json))!;

    public async Task<JsonElement> EventAsync(string accountId, string type) => (await EventsAsync(accountId, type))[^1];

    public Task<JsonElement> RedeliverAsync(string eventId, int times, bool concurrently) =>
        PostAsync<JsonElement>($"/_standin/events/{eventId}/redeliver", new { times, concurrently });

    /// <summary>Sends an event to any URL signed with any secret; the receiver's HTTP status.</summary>
    public async Task<int?> DeliverToAsync(string eventId, string url, string secret) =>
        await ReceiverStatusAsync($"/_standin/events/{eventId}/deliver-to", new { url, secret });

    /// <summary>Sends an event to its endpoint with a moved timestamp or a body changed after signing; the receiver's HTTP status.</summary>
    public async Task<int?> DeliverSignedAsync(string eventId, int timestampOffsetSeconds = 0, bool tamper = false) =>
        await ReceiverStatusAsync($"/_standin/events/{eventId}/deliver-signed", new { timestampOffsetSeconds, tamper });

    public Task HoldDeliveriesAsync(bool hold) => PostAsync<JsonElement>("/_standin/delivery", new { hold });

    /// <summary>Sends the held events ("reverse" or "asis") and waits until they are delivered.</summary>
    public async Task ReleaseDeliveriesAsync(string order)
    {
        await PostAsync<JsonElement>("/_standin/delivery/release", new { order });
        await WaitIdleAsync();
    }

    /// <summary>The next <paramref name="times"/> requests to the path fail with the status (0 drops the connection).</summary>
    public Task FaultAsync(string path, int status, int times, string? method = null) =>
        PostAsync<JsonElement>("/_standin/faults", new { path, status, times, method, after = false });

    /// <summary>The /v1 requests the product sent, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> RequestsAsync(string accountId, string? path = null) =>
        (await Http.GetFromJsonAsync<List<JsonElement>>($"/_standin/requests?account={accountId}{(path is null ? string.Empty : "&path=" + Uri.EscapeDataString(path))}", Json))!;

    /// <summary>Returns once every queued webhook delivery (and retry) has been made.</summary>
    public async Task WaitIdleAsync()
    {
        var response = await Http.GetAsync("/_standin/wait-idle?timeout=30");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "the stand-in still had deliveries in flight after 30 s");
    }

    /// <summary>A /v1 call with the given key, as another integration or the Stripe dashboard would make it.</summary>
    public async Task<JsonElement> StripeApiAsync(HttpMethod method, string path, string key, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    // These control calls answer with the receiver's own status code, so a 400 here is the product refusing the delivery.
    private async Task<int?> ReceiverStatusAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Json);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return answer.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null;
    }

    private async Task<T> PostAsync<T>(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }
}
