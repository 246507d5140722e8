namespace Regentra.Psa.Contracts;

/// <summary>Stable error codes of the PSA module, returned in problem+json "code".</summary>
public static class PsaErrorCodes
{
    public const string ClientNameTaken = "Psa:Client.NameTaken";
    public const string ClientInUse = "Psa:Client.InUse";
    public const string ClientInactive = "Psa:Client.Inactive";
    public const string TicketTransitionNotAllowed = "Psa:Ticket.TransitionNotAllowed";
    public const string TicketClientLocked = "Psa:Ticket.ClientLocked";
    public const string TimeEntryNotEditable = "Psa:TimeEntry.NotEditable";
    public const string TimeEntryNotOwner = "Psa:TimeEntry.NotOwner";
    public const string TimeEntryTransitionNotAllowed = "Psa:TimeEntry.TransitionNotAllowed";
    public const string TimeEntryInvoiced = "Psa:TimeEntry.Invoiced";
    public const string SelfApprovalNotAllowed = "Psa:TimeEntry.SelfApprovalNotAllowed";
    public const string TimeEntriesNotInvoiceable = "Psa:TimeEntry.NotInvoiceable";
}
