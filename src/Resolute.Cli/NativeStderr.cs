using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Resolute.Cli;

/// <summary>
/// Keeps what native libraries write straight to file descriptor 2 off the user's standard error. Skia's SVG back end,
/// for one, prints "Unsupported path effect in addPaint." with no line break, which used to run into the next message
/// ("…addPaint.Wrote /tmp/out/result.json"). While <see cref="Capture{T}"/> runs, descriptor 2 points at a temporary
/// file; afterwards each distinct sentence found there is written on its own line, labelled with where it came from.
/// </summary>
/// <remarks>
/// Unix only (Linux, macOS), where descriptors can be swapped with <c>dup2</c>; elsewhere the work runs unguarded.
/// Descriptor 2 belongs to the whole process, so captures are serialised, and only pure computation (no writes of our
/// own to standard error) should run inside one.
/// </remarks>
internal static partial class NativeStderr
{
    private const int StandardError = 2;
    private static readonly Lock Gate = new();

    /// <summary>Runs <paramref name="work"/> with native standard-error output captured, then reports it on <paramref name="error"/>.</summary>
    public static T Capture<T>(TextWriter error, string during, Func<T> work)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return work();
        string captured;
        T result;
        lock (Gate)
        {
            var file = Path.Combine(Path.GetTempPath(), $"resolute-stderr-{Environment.ProcessId}-{Guid.CreateVersion7():N}");
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.DeleteOnClose))
            {
                var saved = Dup(StandardError);
                if (saved < 0 || Dup2((int)stream.SafeFileHandle.DangerousGetHandle(), StandardError) < 0)
                {
                    if (saved >= 0) _ = Close(saved);
                    return work();
                }
                try
                {
                    result = work();
                }
                finally
                {
                    _ = Flush(0);
                    _ = Dup2(saved, StandardError);
                    _ = Close(saved);
                }
                stream.Position = 0;
                captured = new StreamReader(stream).ReadToEnd();
            }
        }
        foreach (var line in Sentences(captured)) error.WriteLine($"note: {during} (native library): {line}");
        return result;
    }

    /// <summary>Distinct sentences of the captured text, each once, with how many times it came when more than once.</summary>
    internal static IEnumerable<string> Sentences(string captured) =>
        SentenceEnd().Split(captured)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .GroupBy(s => s, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} (×{g.Count()})");

    /// <summary>A line break, or a sentence's full stop directly followed by the next sentence's capital (text with no line breaks).</summary>
    [GeneratedRegex(@"\r?\n|(?<=\.)(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int fd, int target);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    /// <summary>C's <c>fflush(NULL)</c>: writes out what any C stream still buffers before descriptor 2 is put back.</summary>
    [DllImport("libc", EntryPoint = "fflush")]
    private static extern int Flush(nint stream);
}
