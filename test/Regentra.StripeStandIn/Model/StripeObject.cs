using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Model;

/// <summary>An API object owned by one account. Mutated only under the store's lock.</summary>
internal abstract class StripeObject(string id, Account account, long created)
{
    public string Id { get; } = id;

    public Account Account { get; } = account;

    public bool Livemode => Account.Livemode;

    /// <summary>Unix seconds, as Stripe's <c>created</c>.</summary>
    public long Created { get; } = created;

    /// <summary>Insertion order, so lists are newest first even within one second.</summary>
    public long Sequence { get; set; }

    /// <summary>Stripe's <c>object</c> value, e.g. <c>checkout.session</c>.</summary>
    public abstract string ObjectType { get; }

    /// <summary>The object as the API answers it (ids, not expanded objects).</summary>
    public abstract JsonObject ToJson();
}
