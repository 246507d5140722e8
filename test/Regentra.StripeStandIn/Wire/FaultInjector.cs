namespace Regentra.StripeStandIn.Wire;

/// <summary>Faults armed through the control API, used up one request at a time.</summary>
internal sealed class FaultInjector
{
    private readonly Lock sync = new();
    private readonly List<InjectedFault> faults = [];

    public void Arm(InjectedFault fault)
    {
        lock (sync)
        {
            faults.Add(fault);
        }
    }

    public InjectedFault? Take(string method, string path, bool after)
    {
        lock (sync)
        {
            var fault = faults.FirstOrDefault(f => f.Times > 0 && f.Matches(method, path, after));
            if (fault is null)
            {
                return null;
            }

            fault.Times--;
            if (fault.Times == 0)
            {
                faults.Remove(fault);
            }

            return fault;
        }
    }

    public void Clear()
    {
        lock (sync)
        {
            faults.Clear();
        }
    }
}
