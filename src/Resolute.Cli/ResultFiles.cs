using System.Text;

namespace Resolute.Cli;

/// <summary>Writes output files atomically: to a temporary name first, then renamed, so a crash never leaves half a file.</summary>
internal static class ResultFiles
{
    public static bool TryWrite(string directory, string name, string content, out string error)
    {
        var target = Path.Combine(directory, name);
        var temp = target + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, target, overwrite: true);
            error = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            error = e.Message;
            return false;
        }
    }
}
