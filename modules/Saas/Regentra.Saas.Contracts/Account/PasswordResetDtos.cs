namespace Regentra.Saas.Contracts.Account;

/// <param name="Organization">The organisation's URL slug; empty for a host administrator.</param>
public sealed record ForgotPasswordRequest(string? Organization, string? Email);

/// <param name="Organization">As in the emailed link.</param>
/// <param name="Email">As in the emailed link.</param>
/// <param name="Token">The token from the emailed link; it works once and for a limited time.</param>
public sealed record ResetPasswordRequest(string? Organization, string? Email, string? Token, string? NewPassword);
