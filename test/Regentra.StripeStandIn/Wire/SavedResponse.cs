namespace Regentra.StripeStandIn.Wire;

/// <summary>The result of an idempotent request, replayed byte for byte to a retry with the same key.</summary>
internal sealed record SavedResponse(string Fingerprint, int Status, byte[] Body, string RequestId);
