namespace Regentra.Saas.Contracts;

/// <summary>Stable error codes of the Saas module, returned in problem+json "code".</summary>
public static class SaasErrorCodes
{
    public const string SlugTaken = "Saas:Tenant.SlugTaken";
    public const string InvalidCredentials = "Saas:Account.InvalidCredentials";
    public const string UserDeactivated = "Saas:User.Deactivated";
    public const string SessionRevoked = "Saas:Account.SessionRevoked";
    public const string AlreadyMember = "Saas:User.AlreadyMember";
    public const string LastAdmin = "Saas:User.LastAdmin";
    public const string CannotChangeSelf = "Saas:User.CannotChangeSelf";
    public const string InvitationNotFound = "Saas:Invitation.NotFound";
    public const string InvitationExpired = "Saas:Invitation.Expired";
    public const string InvitationUsed = "Saas:Invitation.AlreadyUsed";
    public const string RoleNotEditable = "Saas:Role.NotEditable";
    public const string RoleNotGrantable = "Saas:Role.NotGrantable";
    public const string HostAdminExists = "Saas:HostAdmin.Exists";
    public const string PasswordResetInvalid = "Saas:PasswordReset.InvalidToken";
}
