using System.Globalization;
using Resolute.Domain;

namespace Resolute.Sourcing;

/// <summary>A dataset and scenario after what-if changes, and the changes in words.</summary>
public sealed record Variant(Dataset Dataset, Scenario Scenario, IReadOnlyList<string> Changes);

/// <summary>The result of applying what-ifs: the variant, or every error found.</summary>
public sealed record WhatIfResult(Variant? Value, IReadOnlyList<string> Errors);

/// <summary>
/// What-if changes, written <c>KEY=VALUE</c>:
/// <list type="bullet">
/// <item><c>DEU=not_ruled_out</c> — a nation's stance on the scenario's stance date;</item>
/// <item><c>share=0.75</c>, <c>personnel_share=0.75</c>, <c>equipment_share=0.75</c>, <c>share=off</c> — group-share thresholds;</item>
/// <item><c>deadline=2025-03-14</c> or <c>readiness=30</c> (days after the stance date) — the readiness deadline;</item>
/// <item><c>floor.POL=0.25</c> — a nation's home-defence floor;</item>
/// <item><c>cohesion=4</c> — nations per division; <c>rotation=single|off|N</c> — the rotation rule;</item>
/// <item><c>committed=allowed</c>, <c>home_defence_units=allowed</c> — release committed or home-defence units;</item>
/// <item><c>us=off</c>, <c>us_kinds+=manoeuvre_brigade</c>, <c>us_net_increase=allowed</c> — the US backstop;</item>
/// <item><c>ceasefire=true|false</c>.</item>
/// </list>
/// </summary>
public static class WhatIf
{
    /// <summary>Applies the changes in order; every malformed or unknown change is reported.</summary>
    public static WhatIfResult Apply(Dataset dataset, Scenario scenario, IEnumerable<string> changes)
    {
        var errors = new List<string>();
        var words = new List<string>();
        foreach (var text in changes)
        {
            var error = ApplyOne(ref dataset, ref scenario, text.Trim(), out var word);
            if (error is null) words.Add(word);
            else errors.Add($"--what-if '{text}': {error}");
        }
        return errors.Count > 0 ? new WhatIfResult(null, errors) : new WhatIfResult(new Variant(dataset, scenario, words), []);
    }

    private static string? ApplyOne(ref Dataset d, ref Scenario s, string text, out string word)
    {
        word = "";
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1) return "expected KEY=VALUE, e.g. DEU=not_ruled_out or share=0.75";
        var key = text[..eq].Trim();
        var value = text[(eq + 1)..].Trim();
        var r = s.Rules;
        static bool Share(string v, out double x) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out x) && x is >= 0 and <= 1;
        const string Allowed = "allowed";

        if (Nation.IsIso3(key))
        {
            if (!d.NationsByCode.ContainsKey(key)) return $"unknown nation '{key}'";
            if (!Codes.TryParse<StanceLevel>(value, out var level)) return $"unknown stance '{value}'; expected one of: {string.Join(", ", Codes.All<StanceLevel>())}";
            // A scenario override, not a dataset row: it takes the place of any override the scenario already had.
            s = s with { StanceOverrides = new Dictionary<string, StanceLevel>(s.StanceOverrides, StringComparer.Ordinal) { [key] = level } };
            word = $"{key} stance {level.ToCode()}";
            return null;
        }

        switch (key)
        {
            case "share" when value == "off":
                s = s with { Rules = r with { GroupShare = r.GroupShare with { Enabled = false } } };
                word = "no group-share rule";
                return null;
            case "share" or "personnel_share" or "equipment_share":
                if (!Share(value, out var t)) return $"'{value}' is not a share between 0 and 1";
                var g = r.GroupShare with { Enabled = true };
                if (key != "equipment_share") g = g with { MinPersonnelShare = t };
                if (key != "personnel_share") g = g with { MinEquipmentShare = t };
                s = s with { Rules = r with { GroupShare = g } };
                word = FormattableString.Invariant($"{(key == "share" ? "share thresholds" : key.Replace('_', ' '))} {t:0.##}");
                return null;
            case "deadline":
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)) return $"'{value}' is not a date (YYYY-MM-DD)";
                s = s with { ReadinessDeadline = deadline };
                word = $"readiness deadline {value}";
                return null;
            case "readiness":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 3650) return $"'{value}' is not a number of days (0..3650)";
                s = s with { ReadinessDeadline = s.StanceDate.AddDays(days) };
                word = $"readiness within {days} days";
                return null;
            case "cohesion":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k is < 1 or > 50) return $"'{value}' is not a number of nations (1..50)";
                s = s with { Rules = r with { Cohesion = r.Cohesion with { Enabled = true, MaxNationsPerDivision = k } } };
                word = $"at most {k} nations per division";
                return null;
            case "rotation":
                if (value == "single") s = s with { Rules = r with { Rotation = r.Rotation with { AcceptSingleRotation = true } } };
                else if (value == "off") s = s with { Rules = r with { Rotation = r.Rotation with { Enabled = false } } };
                else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 1 and <= 10)
                    s = s with { Rules = r with { Rotation = r.Rotation with { Enabled = true, Ratio = ratio, AcceptSingleRotation = false } } };
                else return $"'{value}' is not single, off or a ratio 1..10";
                word = $"rotation {value}";
                return null;
            case "committed" when value == Allowed:
                s = s with { Rules = r with { HomeDefence = r.HomeDefence with { ExcludeCommitted = false } } };
                word = "committed units may be reassigned";
                return null;
            case "home_defence_units" when value == Allowed:
                s = s with { Rules = r with { HomeDefence = r.HomeDefence with { ExcludeHomeDefenceUnits = false } } };
                word = "home-defence units may deploy";
                return null;
            case "us" when value == "off":
                s = s with { Rules = r with { UsBackstop = r.UsBackstop with { Enabled = false } } };
                word = "no US backstop";
                return null;
            case "us_kinds+":
                if (!Codes.TryParse<UnitKind>(value, out var kind)) return $"unknown unit kind '{value}'; expected one of: {string.Join(", ", Codes.All<UnitKind>())}";
                s = s with { Rules = r with { UsBackstop = r.UsBackstop with { AllowedKinds = [.. r.UsBackstop.AllowedKinds.Append(kind).Distinct()] } } };
                word = $"US may send {value}";
                return null;
            case "us_net_increase" when value == Allowed:
                s = s with { Rules = r with { UsBackstop = r.UsBackstop with { NoNetIncrease = false } } };
                word = "US net increase allowed";
                return null;
            case "ceasefire" when value is "true" or "false":
                s = s with { Ceasefire = value == "true" };
                word = value == "true" ? "ceasefire" : "no ceasefire";
                return null;
        }

        if (key.StartsWith("floor.", StringComparison.Ordinal))
        {
            var nation = key[6..];
            if (!d.NationsByCode.ContainsKey(nation)) return $"unknown nation '{nation}'";
            if (!Share(value, out var f)) return $"'{value}' is not a share between 0 and 1";
            var floors = new Dictionary<string, double>(r.HomeDefence.Floors, StringComparer.Ordinal) { [nation] = f };
            s = s with { Rules = r with { HomeDefence = r.HomeDefence with { Floors = floors } } };
            word = FormattableString.Invariant($"{nation} home-defence floor {f:P0}");
            return null;
        }
        return $"unknown change '{key}={value}'; expected NATION=stance, share=, personnel_share=, equipment_share=, deadline=, readiness=, floor.NATION=, cohesion=, rotation=, committed=allowed, home_defence_units=allowed, us=off, us_kinds+=, us_net_increase=allowed or ceasefire=";
    }
}
