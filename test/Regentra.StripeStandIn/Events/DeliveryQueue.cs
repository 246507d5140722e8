using System.Threading.Channels;

namespace Regentra.StripeStandIn.Events;

/// <summary>
/// The ordered queue of automatic deliveries, read by one <see cref="WebhookDeliveryService"/>. While held, deliveries
/// wait aside until released (as they came, or reversed). Counts work queued or in flight, including redeliveries, so
/// <see cref="WaitIdleAsync"/> can tell a test when everything has been sent; held deliveries do not count.
/// </summary>
internal sealed class DeliveryQueue
{
    private readonly Channel<Delivery> channel = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock sync = new();
    private readonly List<Delivery> held = [];
    private TaskCompletionSource idle = NewIdle(completed: true);
    private int busy;
    private bool holding;

    public long Generation { get; private set; }

    public ChannelReader<Delivery> Reader => channel.Reader;

    public bool Holding
    {
        get
        {
            lock (sync)
            {
                return holding;
            }
        }
    }

    public int HeldCount
    {
        get
        {
            lock (sync)
            {
                return held.Count;
            }
        }
    }

    public void Enqueue(Delivery delivery)
    {
        lock (sync)
        {
            if (holding)
            {
                held.Add(delivery);
                return;
            }

            Send(delivery);
        }
    }

    /// <summary>Starts holding, or stops and sends what was held in the order it came.</summary>
    public int Hold(bool hold)
    {
        lock (sync)
        {
            holding = hold;
            return hold ? 0 : Release(reverse: false);
        }
    }

    /// <summary>Sends what is held, as it came or newest first; holding goes on for later events.</summary>
    public int Release(bool reverse)
    {
        lock (sync)
        {
            var batch = reverse ? Enumerable.Reverse(held).ToList() : held.ToList();
            held.Clear();
            foreach (var delivery in batch)
            {
                Send(delivery);
            }

            return batch.Count;
        }
    }

    /// <summary>Marks work outside the queue (a redelivery) as in flight; dispose when it is done.</summary>
    public IDisposable Track()
    {
        lock (sync)
        {
            Begin();
        }

        return new Tracked(this);
    }

    public void Completed()
    {
        lock (sync)
        {
            busy--;
            if (busy == 0)
            {
                idle.TrySetResult();
            }
        }
    }

    /// <summary>True once nothing is queued or in flight; false if that did not happen within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task waiting;
        lock (sync)
        {
            waiting = idle.Task;
        }

        try
        {
            await waiting.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Drops held deliveries and makes queued ones from before the reset go unsent.</summary>
    public void Reset()
    {
        lock (sync)
        {
            held.Clear();
            holding = false;
            Generation++;
        }
    }

    private void Send(Delivery delivery)
    {
        Begin();
        channel.Writer.TryWrite(delivery);
    }

    private void Begin()
    {
        if (busy == 0)
        {
            idle = NewIdle(completed: false);
        }

        busy++;
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }

    private sealed class Tracked(DeliveryQueue queue) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                queue.Completed();
            }
        }
    }
}
