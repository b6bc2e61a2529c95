using System.Globalization;

namespace Resolute.LoadTest;

/// <summary>The load test's settings, parsed and validated once; every problem is reported together.</summary>
/// <param name="Clients">Concurrent simulated users, each with its own sign-in cookie and connection.</param>
/// <param name="Seconds">How long the measured phase lasts.</param>
/// <param name="WarmupSeconds">An unmeasured phase first (JIT, connection set-up, the dataset's first load).</param>
/// <param name="Url">The dashboard to load; null = host one in-process on 127.0.0.1 over a temporary SQLite file.</param>
/// <param name="User">The user the clients sign in as (with <c>--url</c>); a self-hosted run creates its own.</param>
/// <param name="Password">That user's password (<c>RESOLUTE_PASSWORD</c>, never the command line).</param>
/// <param name="Seed">Seeds each client's choice of requests (client <c>i</c> uses <c>Seed + i</c>), so the mix repeats.</param>
internal sealed record LoadOptions(int Clients, int Seconds, int WarmupSeconds, Uri? Url, string? User, string? Password, int Seed)
{
    public const string Usage = """
        usage: Resolute.LoadTest [--clients 50] [--seconds 60] [--warmup 5] [--seed 1] [--url http://host:port --user NAME]
          Without --url the dashboard is hosted in-process on 127.0.0.1 with a temporary SQLite store and its own analyst.
          With --url, the password of --user is read from the RESOLUTE_PASSWORD environment variable.
        """;

    /// <summary>Parses the command line; on failure returns null and every reason.</summary>
    public static (LoadOptions? Options, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> args, string? password)
    {
        var errors = new List<string>();
        int clients = 50, seconds = 60, warmup = 5, seed = 1;
        Uri? url = null;
        string? user = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : null;
            if (name is "-h" or "--help")
            {
                errors.Add("help requested");
                continue;
            }
            if (value is null || value.StartsWith("--", StringComparison.Ordinal))
            {
                errors.Add($"{name}: expected a value, found none");
                continue;
            }
            i++;
            switch (name)
            {
                case "--clients": clients = Int(name, value, 1, 10_000, errors, clients); break;
                case "--seconds": seconds = Int(name, value, 1, 86_400, errors, seconds); break;
                case "--warmup": warmup = Int(name, value, 0, 3_600, errors, warmup); break;
                case "--seed": seed = Int(name, value, 0, int.MaxValue - 10_000, errors, seed); break;
                case "--user": user = value; break;
                case "--url":
                    if (Uri.TryCreate(value, UriKind.Absolute, out var u) && u.Scheme is "http" or "https") url = u;
                    else errors.Add($"--url: expected an http(s) address, found '{value}'");
                    break;
                default: errors.Add($"unknown option '{name}'"); break;
            }
        }
        if (url is not null && string.IsNullOrEmpty(user)) errors.Add("--url: expected --user NAME as well");
        if (url is not null && string.IsNullOrEmpty(password)) errors.Add("--url: expected the password of --user in RESOLUTE_PASSWORD, found none");
        if (url is null && user is not null) errors.Add("--user: only used with --url (a self-hosted run creates its own user)");
        return errors.Count > 0 ? (null, errors) : (new LoadOptions(clients, seconds, warmup, url, user, password, seed), errors);
    }

    private static int Int(string name, string value, int min, int max, List<string> errors, int fallback)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: expected {min} to {max}, found '{value}'"));
        return fallback;
    }
}
