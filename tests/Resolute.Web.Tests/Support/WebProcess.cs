using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace Resolute.Web.Tests.Support;

/// <summary>
/// The dashboard as a real process (<c>dotnet Resolute.Web.dll</c> from beside the tests), started from a directory of
/// the test's choosing on a free loopback port, with its console output kept; killed (SIGKILL) on dispose if still running.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];
    private readonly Lock _gate = new();

    private WebProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    /// <summary>Everything the process has written so far (stdout and stderr, one entry a line).</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Starts the app; <paramref name="args"/> are added after <c>--urls</c>.</summary>
    public static WebProcess Start(string workingDirectory, params string[] args)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Resolute.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var a in args) info.ArgumentList.Add(a);
        // The test host's own settings must not leak into the app (it would run as "Testing" or on another port).
        foreach (var v in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT" }) info.Environment.Remove(v);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var web = new WebProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => web.Add(e.Data);
        process.ErrorDataReceived += (_, e) => web.Add(e.Data);
        if (!process.Start()) throw new InvalidOperationException("could not start the dashboard process");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return web;
    }

    /// <summary>Completes when a line containing <paramref name="text"/> has been written; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_gate)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal))) return;
            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
        }
        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the dashboard (pid {Id}) did not write '{text}' within {timeout.TotalSeconds:0} s; it wrote:\n{Output}");
        }
    }

    /// <summary>Polls <c>/health</c> until it answers 200; fails with the process's output after <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan> HealthyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) Assert.Fail($"the dashboard (pid {Id}) exited with {_process.ExitCode} before it was healthy; it wrote:\n{Output}");
            try
            {
                using var response = await Client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // No answer within the client's timeout: counts against the bound, tried again.
            }
            await Task.Delay(50);
        }
        Assert.Fail($"the dashboard (pid {Id}) was not healthy within {timeout.TotalSeconds:0} s; it wrote:\n{Output}");
        return clock.Elapsed;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine or an operator kills it.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // It was never started or has gone already.
        }
        Client.Dispose();
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        lock (_gate)
        {
            foreach (var w in _waits.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                w.Seen.TrySetResult();
                _waits.Remove(w);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
