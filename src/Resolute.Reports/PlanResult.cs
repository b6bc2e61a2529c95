namespace Resolute.Reports;

/// <summary>Placeholder namespace anchor; the plan result composition moves here from the CLI.</summary>
internal static class ReportsAssembly;
