namespace Regentra.StripeStandIn.Wire;

/// <summary>The /v1 requests received, oldest first; the oldest are dropped past <see cref="Capacity"/> so a long demo stays small.</summary>
internal sealed class RequestJournal
{
    public const int Capacity = 20_000;

    private readonly Lock sync = new();
    private readonly List<RecordedRequest> requests = [];

    public void Add(RecordedRequest request)
    {
        lock (sync)
        {
            requests.Add(request);
            if (requests.Count > Capacity)
            {
                requests.RemoveRange(0, requests.Count - Capacity);
            }
        }
    }

    public List<RecordedRequest> List(string? accountId)
    {
        lock (sync)
        {
            return requests.Where(r => accountId is null || r.AccountId == accountId).ToList();
        }
    }

    public void Clear()
    {
        lock (sync)
        {
            requests.Clear();
        }
    }
}
