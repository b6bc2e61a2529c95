using System.Globalization;
using Resolute.LoadTest;

// The console is this tool's output; the ban on System.Console (BannedSymbols.txt) is aimed at libraries, so it is lifted
// for these two lines only and everything else writes to the TextWriter it is given.
#pragma warning disable RS0030
var output = Console.Out;
var errorOutput = Console.Error;
#pragma warning restore RS0030

var (options, errors) = LoadOptions.Parse(args, Environment.GetEnvironmentVariable("RESOLUTE_PASSWORD"));
if (options is null)
{
    foreach (var e in errors.Where(e => e != "help requested")) await errorOutput.WriteLineAsync("error: " + e);
    await errorOutput.WriteLineAsync(LoadOptions.Usage);
    return errors.All(e => e == "help requested") ? 0 : 2;
}

using var stop = new CancellationTokenSource();
await using var host = options.Url is null ? await SelfHost.StartAsync() : null;
var url = options.Url ?? host!.Url;
var user = options.User ?? SelfHost.User;
var password = options.Password ?? SelfHost.Password;
await output.WriteLineAsync(host is null ? $"Target: {url}" : $"Target: {url} (hosted in this process, temporary SQLite store)");

await output.WriteLineAsync($"Signing in {options.Clients} clients as {user} …");
var sessions = new List<Session>();
try
{
    // Sign-ins go a few at a time: each is a deliberately slow password hash, and they are not what is measured.
    using var gate = new SemaphoreSlim(4);
    var signIns = Enumerable.Range(0, options.Clients).Select(async _ =>
    {
        await gate.WaitAsync(stop.Token);
        try
        {
            return await Session.SignInAsync(url, user, password, stop.Token);
        }
        finally
        {
            gate.Release();
        }
    }).ToList();
    try
    {
        sessions.AddRange(await Task.WhenAll(signIns));
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
    {
        sessions.AddRange(signIns.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        await errorOutput.WriteLineAsync($"error: could not sign in: {e.Message}");
        return 1;
    }

    var targets = await Mix.PrepareAsync(sessions[0], output, stop.Token);
    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"{targets.ScenarioIds.Count} scenarios; run page: {(targets.RunId is { } r ? "#" + r : "none")}. Mix: {Mix.Describe(Mix.Operations)}."));
    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"Warm-up {options.WarmupSeconds} s, then {options.Clients} clients for {options.Seconds} s (closed loop, no think time) …"));

    var (byOperation, elapsed) = await LoadRun.RunAsync(sessions, targets, options, stop.Token);
    await output.WriteLineAsync();
    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"{options.Clients} clients, {elapsed.TotalSeconds:0.0} s measured, {Environment.ProcessorCount} processors:"));
    await output.WriteLineAsync();
    await output.WriteAsync(Report.Render(byOperation, elapsed));
    return byOperation.Values.Sum(s => s.Errors) == 0 ? 0 : 3;
}
finally
{
    foreach (var s in sessions) s.Dispose();
}
