using System.CommandLine;
using System.Globalization;
using System.Security;
using Resolute.Data.Text;
using Resolute.Domain.Diagnostics;
using Resolute.Planning;
using Resolute.Reports;

namespace Resolute.Cli;

/// <summary>
/// <c>resolute report RESULT.json [--out DIR] [--tiles URL]</c>: re-renders a briefing (briefing.html, briefing.md and
/// result.json) from a saved result, without re-running the planner.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("RESULT") { Description = "A result.json written by `resolute plan`." };
        var outDir = new Option<string?>("--out") { Description = "Directory for the briefing (default: the directory of RESULT)." };
        var (tiles, attribution) = BriefingOutput.TileOptions();
        var command = new Command("report", "Re-render the briefing (HTML, Markdown, JSON) from a saved result.json.") { input, outDir, tiles, attribution };
        command.SetAction(parse =>
        {
            var output = new Output(parse);
            var path = parse.GetValue(input)!;
            var options = new BriefingOptions(parse.GetValue(tiles), parse.GetValue(attribution));
            if (options.Validate() is { Count: > 0 } invalid) return output.Report(invalid);
            var dir = parse.GetValue(outDir) ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (BriefingOutput.CheckWritable(dir) is { } unwritable)
            {
                output.Error.WriteLine($"--out: cannot write to '{dir}': {unwritable}");
                return ResoluteCli.InputError;
            }
            var bag = new DiagnosticBag();
            if (TextInput.ReadFile(path, InputLimits.ResultBytes, bag) is not { } json) return output.Report(bag.Items);
            var read = ResultJson.Read(json);
            if (read.Value is not { } result)
            {
                output.Error.WriteLine(read.Describe(path));
                return ResoluteCli.InputError;
            }
            return BriefingOutput.Write(output, dir, BriefingOutput.Render(output, result, options));
        });
        return command;
    }
}

/// <summary>Writes a briefing's files into a directory, all or nothing, and reports where.</summary>
internal static class BriefingOutput
{
    public static (Option<string?> Tiles, Option<string?> Attribution) TileOptions() =>
        (new Option<string?>("--tiles") { Description = "Optional raster tile URL template ({z}/{x}/{y}) drawn under the map when online; the embedded base map works offline without it." },
         new Option<string?>("--tiles-attribution") { Description = "Attribution text the tile server requires." });

    /// <summary>
    /// Checks, before any work, that the briefing can be written into <paramref name="dir"/>: creates it if need be and
    /// writes and removes a probe file there (a directory it created is removed again). Null when it can; why not, otherwise.
    /// </summary>
    public static string? CheckWritable(string dir)
    {
        var missing = new List<string>();
        try
        {
            for (var d = Path.GetFullPath(dir); !Directory.Exists(d); d = Path.GetDirectoryName(d)!)
            {
                // .NET would say "could not find a part of the path", which is not what is wrong.
                if (File.Exists(d)) return $"'{d}' is a file, not a directory";
                missing.Add(d);
                if (Path.GetDirectoryName(d) is null) break;
            }
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, $".probe-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or SecurityException)
        {
            return e.Message;
        }
        finally
        {
            // Leave the file system as it was: the briefing's own write creates the directories again once there is a result.
            foreach (var d in missing)
            {
                try { if (Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any()) Directory.Delete(d); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }

    /// <summary>Renders the briefing, with any native library's stray standard-error text kept on its own labelled line.</summary>
    public static BriefingFiles Render(Output output, PlanResult result, BriefingOptions options) =>
        NativeStderr.Capture(output.Error, "chart rendering", () => Briefing.Render(result, options));

    /// <summary>Writes the files and prints their paths; on failure prints why and returns exit code 2.</summary>
    public static int Write(Output output, string dir, BriefingFiles files)
    {
        if (!TryWrite(dir, files, out var error))
        {
            output.Error.WriteLine($"--out: cannot write to '{dir}': {error}");
            return ResoluteCli.InputError;
        }
        var full = Path.GetFullPath(dir);
        foreach (var (name, _) in files.All) output.Error.WriteLine($"Wrote {Path.Combine(full, name)}");
        output.Error.WriteLine($"Briefing: {Path.Combine(full, "briefing.html")}");
        return 0;
    }

    /// <summary>
    /// Every file goes to a temporary name first; only when all are written are they renamed, so a failure leaves neither
    /// half a file nor a half-updated briefing (and removes a directory it created).
    /// </summary>
    public static bool TryWrite(string dir, BriefingFiles files, out string error)
    {
        var created = !Directory.Exists(dir);
        var temps = new List<(string Temp, string Target)>();
        try
        {
            Directory.CreateDirectory(dir);
            var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            foreach (var (name, content) in files.All)
            {
                var target = Path.Combine(dir, name);
                var temp = Path.Combine(dir, $".{name}.tmp-{pid}");
                temps.Add((temp, target));
                File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false));
            }
            foreach (var (temp, target) in temps) File.Move(temp, target, overwrite: true);
            error = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or SecurityException)
        {
            foreach (var (temp, _) in temps)
            {
                try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
            try { if (created && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            error = e.Message;
            return false;
        }
    }
}
