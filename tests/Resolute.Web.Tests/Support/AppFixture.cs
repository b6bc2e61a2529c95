using System.Collections.Concurrent;

namespace Resolute.Web.Tests.Support;

/// <summary>One app per test class, on its own temp SQLite file, with a signed-in session per role made on first use.</summary>
public sealed class AppFixture : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Session>>> _sessions = new(StringComparer.Ordinal);

    public ResoluteFactory App { get; } = new();

    /// <summary>A session signed in as a user with <paramref name="role"/> (the same one for the whole class).</summary>
    public Task<Session> As(string role) => _sessions.GetOrAdd(role, r => new Lazy<Task<Session>>(() => App.SignInAsync(r))).Value;

    public async Task InitializeAsync() => await App.ReadyAsync();

    public async Task DisposeAsync()
    {
        foreach (var s in _sessions.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully)) s.Value.Result.Dispose();
        await App.DisposeAsync();
    }

    public void Dispose() => App.Dispose();
}
