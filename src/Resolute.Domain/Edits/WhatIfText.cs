using System.Globalization;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;

namespace Resolute.Domain.Edits;

/// <summary>
/// Reads a what-if written <c>KEY=VALUE</c> into a <see cref="ScenarioEdit"/>, with the loader's bounds:
/// <list type="bullet">
/// <item><c>DEU=not_ruled_out</c> — a nation's stance on the scenario's stance date;</item>
/// <item><c>share=0.75</c>, <c>personnel_share=0.75</c>, <c>equipment_share=0.75</c>, <c>share=off</c> — group-share thresholds;</item>
/// <item><c>deadline=2025-03-14</c> or <c>readiness=30</c> (days after the stance date) — the readiness deadline;</item>
/// <item><c>floor.POL=0.25</c> — a nation's home-defence floor;</item>
/// <item><c>cohesion=4</c> — nations per division; <c>rotation=single|off|N</c> — the rotation rule;</item>
/// <item><c>committed=allowed</c>, <c>home_defence_units=allowed</c> — release committed or home-defence units;</item>
/// <item><c>us=off</c>, <c>us_kinds+=manoeuvre_brigade</c>, <c>us_net_increase=allowed</c> — the US backstop;</item>
/// <item><c>ceasefire=true|false</c>; <c>assumption.ID=VALUE</c> — an assumption fixed at a value.</item>
/// </list>
/// </summary>
public static class WhatIfText
{
    private const string Allowed = "allowed";

    private static readonly string[] Keys =
    [
        "share", "personnel_share", "equipment_share", "deadline", "readiness", "floor.NATION", "cohesion", "rotation", "committed",
        "home_defence_units", "us", "us_kinds+", "us_net_increase", "ceasefire", "assumption.ID",
    ];

    /// <summary>The edit <paramref name="text"/> writes, or the problem with it (a nation code is checked later, against a dataset).</summary>
    public static (ScenarioEdit? Edit, Problem? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1) return Fail(Messages.InvalidValue("KEY=VALUE, e.g. DEU=not_ruled_out or share=0.75", text));
        var key = text[..eq].Trim();
        var value = text[(eq + 1)..].Trim();

        if (Nation.IsIso3(key))
            return Codes.TryParse<StanceLevel>(value, out var level) ? Ok(new SetStance(key, level)) : Fail(Messages.UnknownCode("stance", value, Codes.All<StanceLevel>().ToArray()));
        if (key.StartsWith("floor.", StringComparison.Ordinal))
            return Nation.IsIso3(key[6..]) ? ShareOf(value) is { } f ? Ok(new SetHomeDefenceFloor(key[6..], f)) : ShareProblem(value)
                : Fail(Messages.InvalidValue("a nation code after 'floor.' (ISO 3166-1 alpha-3)", key[6..]));
        if (key.StartsWith("assumption.", StringComparison.Ordinal)) return Assumption(key["assumption.".Length..], value);

        return key switch
        {
            "share" when value == "off" => Ok(new DisableGroupShare()),
            "share" => ShareOf(value) is { } t ? Ok(new SetShares(t, t)) : ShareProblem(value),
            "personnel_share" => ShareOf(value) is { } t ? Ok(new SetShares(t, null)) : ShareProblem(value),
            "equipment_share" => ShareOf(value) is { } t ? Ok(new SetShares(null, t)) : ShareProblem(value),
            "deadline" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? Ok(new SetDeadline(d)) : Fail(Messages.InvalidValue("a date (YYYY-MM-DD)", value)),
            "readiness" => Whole(value, 0, SetReadinessWindow.MaxDays, "a number of days", n => new SetReadinessWindow(n)),
            "cohesion" => Whole(value, 1, CohesionRule.MaxNations, "a number of nations per division", n => new SetCohesion(n)),
            "rotation" when value == "single" => Ok(new SetRotation(RotationChange.SingleRotation)),
            "rotation" when value == "off" => Ok(new SetRotation(RotationChange.Off)),
            "rotation" => Whole(value, 1, RotationRule.MaxRatio, "single, off or a rotation ratio", n => new SetRotation(RotationChange.Ratio, n)),
            "committed" when value == Allowed => Ok(new ReleaseUnits(ReleasedUnits.Committed)),
            "home_defence_units" when value == Allowed => Ok(new ReleaseUnits(ReleasedUnits.HomeDefence)),
            "us" when value == "off" => Ok(new DisableUsBackstop()),
            "us" => Fail(Messages.InvalidValue("'off'", value)),
            "us_kinds+" => Codes.TryParse<UnitKind>(value, out var kind) ? Ok(new AllowUsKind(kind)) : Fail(Messages.UnknownCode("unit kind", value, Codes.All<UnitKind>().ToArray())),
            "us_net_increase" when value == Allowed => Ok(new AllowUsNetIncrease()),
            "committed" or "home_defence_units" or "us_net_increase" => Fail(Messages.InvalidValue($"'{Allowed}'", value)),
            "ceasefire" when value is "true" or "false" => Ok(new SetCeasefire(value == "true")),
            "ceasefire" => Fail(Messages.InvalidValue("true or false", value)),
            _ => Fail(Messages.UnknownKey(key, ["NATION", .. Keys])),
        };
    }

    private static (ScenarioEdit?, Problem?) Assumption(string id, string value)
    {
        if (AssumptionCatalogue.Find(id) is not { } spec) return Fail(Messages.UnknownReference("assumption", id, AssumptionCatalogue.All.Select(a => a.Id)));
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x)) return Fail(Messages.InvalidValue("a number", value));
        return spec.Admits(x) ? Ok(new SetAssumption(id, x)) : Fail(Messages.OutOfRange($"a value in {spec.Interval} for '{id}' ({spec.Unit})", x));
    }

    private static double? ShareOf(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 1 ? x : null;

    private static (ScenarioEdit?, Problem?) ShareProblem(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? Fail(Messages.OutOfRange("a share between 0 and 1", x)) : Fail(Messages.InvalidValue("a share between 0 and 1", value));

    private static (ScenarioEdit?, Problem?) Whole(string value, int min, int max, string what, Func<int, ScenarioEdit> edit)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return Fail(Messages.InvalidValue($"{what} ({min}..{max})", value));
        return n >= min && n <= max ? Ok(edit(n)) : Fail(Messages.OutOfRange($"{what} ({min}..{max})", n));
    }

    private static (ScenarioEdit?, Problem?) Ok(ScenarioEdit edit) => (edit, null);

    private static (ScenarioEdit?, Problem?) Fail(Problem problem) => (null, problem);
}
