namespace Regentra.StripeStandIn.Wire;

/// <summary>The /v1 requests received, oldest first.</summary>
internal sealed class RequestJournal
{
    private readonly Lock sync = new();
    private readonly List<RecordedRequest> requests = [];

    public void Add(RecordedRequest request)
    {
        lock (sync)
        {
            requests.Add(request);
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
