using Microsoft.Extensions.Options;

namespace Resolute.Web.Store;

/// <summary>
/// Starts opening the store when the host starts, before the server listens, and waits for it up to
/// <see cref="RunStoreOptions.OpenWaitSeconds"/>: on a healthy store the first request finds it open. A store that takes
/// longer (locked, unreachable) does not hold the server back: requests are then answered 503 with <c>Retry-After</c>
/// while <see cref="StoreGate"/> keeps trying.
/// </summary>
internal sealed class StoreOpener(StoreGate gate, IOptions<RunStoreOptions> store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        gate.Start();
        try
        {
            // The outcome is not needed here: the gate logs a failure and requests report it.
            _ = await gate.WaitAsync(store.Value.OpenWait, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Start-up was cancelled; only the wait stops, never the opening.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        gate.Stop();
        return Task.CompletedTask;
    }
}
