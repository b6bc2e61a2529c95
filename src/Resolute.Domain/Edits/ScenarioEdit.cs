using System.Globalization;
using System.Text.Json.Serialization;
using Resolute.Domain.Assumptions;
using Resolute.Domain.Diagnostics;
using static System.FormattableString;

namespace Resolute.Domain.Edits;

/// <summary>
/// One change to a scenario, as a value: what the CLI's <c>--what-if</c> parses text into, what the shortfall explainer
/// builds and suggests, and what the web applies. An edit checks itself against the dataset with the loader's bounds,
/// applies to a scenario (the cited dataset is never changed), and writes itself back as <see cref="Text"/>.
/// </summary>
[JsonConverter(typeof(ScenarioEditJson))]
public abstract record ScenarioEdit
{
    /// <summary>The edit as <c>KEY=VALUE</c>, the form <see cref="WhatIfText.Parse"/> reads back.</summary>
    public abstract string Text { get; }

    /// <summary>The edit in words, for the output.</summary>
    public abstract string Description { get; }

    /// <summary>The problem with this edit against <paramref name="dataset"/> (an unknown nation), or null.</summary>
    public virtual Problem? Check(Dataset dataset) => null;

    /// <summary>The scenario with this edit made.</summary>
    public abstract Scenario ApplyTo(Scenario scenario);

    /// <inheritdoc/>
    public sealed override string ToString() => Text;

    private protected static Problem? KnownNation(Dataset dataset, string nation)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.NationsByCode.ContainsKey(nation) ? null : Messages.UnknownReference("nation", nation, dataset.NationsByCode.Keys);
    }

    private protected static double Share(double x, string name) =>
        x is >= 0 and <= 1 ? x : throw new ArgumentOutOfRangeException(name, x, "A share is between 0 and 1.");

    private protected static Scenario WithRules(Scenario s, Func<Rules, Rules> change) => s with { Rules = change(s.Rules) };
}

/// <summary>A nation's stance in the scenario, in place of the dataset's on the stance date.</summary>
public sealed record SetStance(string Nation, StanceLevel Level) : ScenarioEdit
{
    public override string Text => $"{Nation}={Level.ToCode()}";
    public override string Description => $"{Nation} stance {Level.ToCode()}";
    public override Problem? Check(Dataset dataset) => KnownNation(dataset, Nation);

    // A scenario override, not a dataset row: it takes the place of any override the scenario already had.
    public override Scenario ApplyTo(Scenario scenario) =>
        scenario with { StanceOverrides = new Dictionary<string, StanceLevel>(scenario.StanceOverrides, StringComparer.Ordinal) { [Nation] = Level } };
}

/// <summary>The group-share thresholds (the rule switched on); a null share leaves that measure's threshold as it is.</summary>
public sealed record SetShares : ScenarioEdit
{
    /// <summary>New thresholds; at least one is given, each between 0 and 1.</summary>
    public SetShares(double? Personnel, double? Equipment)
    {
        // One edit is one KEY=VALUE: both thresholds alike (share=), or one of them.
        if (Personnel is null && Equipment is null) throw new ArgumentException("At least one share.", nameof(Personnel));
        if (Personnel is { } a && Equipment is { } b && a != b) throw new ArgumentException("Two different thresholds are two edits.", nameof(Equipment));
        (this.Personnel, this.Equipment) = (Personnel is { } p ? Share(p, nameof(Personnel)) : null, Equipment is { } e ? Share(e, nameof(Equipment)) : null);
    }

    /// <summary>The personnel share threshold, or null to keep it.</summary>
    public double? Personnel { get; }

    /// <summary>The equipment share threshold, or null to keep it.</summary>
    public double? Equipment { get; }

    public override string Text => (Personnel, Equipment) switch
    {
        ({ } p, { } e) when p == e => Invariant($"share={p:0.##}"),
        ({ } p, _) => Invariant($"personnel_share={p:0.##}"),
        _ => Invariant($"equipment_share={Equipment:0.##}"),
    };

    public override string Description => (Personnel, Equipment) switch
    {
        ({ } p, { } e) when p == e => Invariant($"share thresholds {p:0.##}"),
        ({ } p, _) => Invariant($"personnel share {p:0.##}"),
        _ => Invariant($"equipment share {Equipment:0.##}"),
    };

    public override Scenario ApplyTo(Scenario scenario) => WithRules(scenario, r => r with
    {
        GroupShare = r.GroupShare with
        {
            Enabled = true,
            MinPersonnelShare = Personnel ?? r.GroupShare.MinPersonnelShare,
            MinEquipmentShare = Equipment ?? r.GroupShare.MinEquipmentShare,
        },
    });
}

/// <summary>No group-share rule.</summary>
public sealed record DisableGroupShare : ScenarioEdit
{
    public override string Text => "share=off";
    public override string Description => "no group-share rule";
    public override Scenario ApplyTo(Scenario scenario) => WithRules(scenario, r => r with { GroupShare = r.GroupShare with { Enabled = false } });
}

/// <summary>The readiness deadline, as a date.</summary>
public sealed record SetDeadline(DateOnly Deadline) : ScenarioEdit
{
    public override string Text => "deadline=" + Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public override string Description => "readiness deadline " + Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public override Scenario ApplyTo(Scenario scenario) => scenario with { ReadinessDeadline = Deadline };
}

/// <summary>The readiness deadline, as days after the offer (0 to <see cref="MaxDays"/>).</summary>
public sealed record SetReadinessWindow : ScenarioEdit
{
    /// <summary>The longest window: ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>A window of <paramref name="Days"/> days.</summary>
    public SetReadinessWindow(int Days) =>
        this.Days = Days is >= 0 and <= MaxDays ? Days : throw new ArgumentOutOfRangeException(nameof(Days), Days, $"0 to {MaxDays} days.");

    /// <summary>Days after the offer.</summary>
    public int Days { get; }

    public override string Text => Invariant($"readiness={Days}");
    public override string Description => Invariant($"readiness within {Days} days");
    public override Scenario ApplyTo(Scenario scenario) => scenario with { ReadinessDeadline = scenario.Offer.AddDays(Days) };
}

/// <summary>A nation's home-defence floor: the share of its manoeuvre brigades kept at home.</summary>
public sealed record SetHomeDefenceFloor : ScenarioEdit
{
    /// <summary>A floor between 0 and 1 for <paramref name="Nation"/>.</summary>
    public SetHomeDefenceFloor(string Nation, double Floor) => (this.Nation, this.Floor) = (Nation, Share(Floor, nameof(Floor)));

    /// <summary>The nation (ISO 3166-1 alpha-3).</summary>
    public string Nation { get; }

    /// <summary>The share kept at home.</summary>
    public double Floor { get; }

    public override string Text => Invariant($"floor.{Nation}={Floor:0.##}");
    public override string Description => Invariant($"{Nation} home-defence floor {Floor:P0}");
    public override Problem? Check(Dataset dataset) => KnownNation(dataset, Nation);

    public override Scenario ApplyTo(Scenario scenario) => WithRules(scenario, r => r with
    {
        HomeDefence = r.HomeDefence with { Floors = new Dictionary<string, double>(r.HomeDefence.Floors, StringComparer.Ordinal) { [Nation] = Floor } },
    });
}

/// <summary>At most this many nations per division (the cohesion rule switched on).</summary>
public sealed record SetCohesion : ScenarioEdit
{
    /// <summary>1 to <see cref="CohesionRule.MaxNations"/> nations per division.</summary>
    public SetCohesion(int MaxNationsPerDivision) => this.MaxNationsPerDivision = MaxNationsPerDivision is >= 1 and <= CohesionRule.MaxNations
        ? MaxNationsPerDivision : throw new ArgumentOutOfRangeException(nameof(MaxNationsPerDivision), MaxNationsPerDivision, $"1 to {CohesionRule.MaxNations}.");

    /// <summary>Nations per division.</summary>
    public int MaxNationsPerDivision { get; }

    public override string Text => Invariant($"cohesion={MaxNationsPerDivision}");
    public override string Description => Invariant($"at most {MaxNationsPerDivision} nations per division");
    public override Scenario ApplyTo(Scenario scenario) =>
        WithRules(scenario, r => r with { Cohesion = r.Cohesion with { Enabled = true, MaxNationsPerDivision = MaxNationsPerDivision } });
}

/// <summary>How the rotation rule changes.</summary>
public enum RotationChange
{
    /// <summary>The rule on with a ratio, sustained rotation required.</summary>
    Ratio,

    /// <summary>A single rotation accepted (reported).</summary>
    SingleRotation,

    /// <summary>No rotation rule.</summary>
    Off,
}

/// <summary>The rotation rule: a ratio (1 to <see cref="RotationRule.MaxRatio"/>), a single rotation accepted, or off.</summary>
public sealed record SetRotation : ScenarioEdit
{
    /// <summary>A change of the rotation rule; <paramref name="Ratio"/> is read for <see cref="RotationChange.Ratio"/> only.</summary>
    public SetRotation(RotationChange Change, int Ratio = 0)
    {
        if (Change == RotationChange.Ratio && Ratio is < 1 or > RotationRule.MaxRatio)
            throw new ArgumentOutOfRangeException(nameof(Ratio), Ratio, $"1 to {RotationRule.MaxRatio}.");
        (this.Change, this.Ratio) = (Change, Change == RotationChange.Ratio ? Ratio : 0);
    }

    /// <summary>What changes.</summary>
    public RotationChange Change { get; }

    /// <summary>The ratio, for <see cref="RotationChange.Ratio"/>.</summary>
    public int Ratio { get; }

    private string Value => Change switch { RotationChange.SingleRotation => "single", RotationChange.Off => "off", _ => Ratio.ToString(CultureInfo.InvariantCulture) };
    public override string Text => "rotation=" + Value;
    public override string Description => "rotation " + Value;

    public override Scenario ApplyTo(Scenario scenario) => WithRules(scenario, r => r with
    {
        Rotation = Change switch
        {
            RotationChange.SingleRotation => r.Rotation with { AcceptSingleRotation = true },
            RotationChange.Off => r.Rotation with { Enabled = false },
            _ => r.Rotation with { Enabled = true, Ratio = Ratio, AcceptSingleRotation = false },
        },
    });
}

/// <summary>Units a rule keeps at home that may deploy.</summary>
public enum ReleasedUnits
{
    /// <summary>Units committed elsewhere (e.g. NATO forward land forces).</summary>
    Committed,

    /// <summary>Units earmarked for home defence.</summary>
    HomeDefence,
}

/// <summary>Lets units that the home-defence rule keeps out deploy.</summary>
public sealed record ReleaseUnits(ReleasedUnits Units) : ScenarioEdit
{
    public override string Text => Units == ReleasedUnits.Committed ? "committed=allowed" : "home_defence_units=allowed";
    public override string Description => Units == ReleasedUnits.Committed ? "committed units may be reassigned" : "home-defence units may deploy";

    public override Scenario ApplyTo(Scenario scenario) => WithRules(scenario, r => r with
    {
        HomeDefence = Units == ReleasedUnits.Committed ? r.HomeDefence with { ExcludeCommitted = false } : r.HomeDefence with { ExcludeHomeDefenceUnits = false },
    });
}

/// <summary>No US backstop.</summary>
public sealed record DisableUsBackstop : ScenarioEdit
{
    public override string Text => "us=off";
    public override string Description => "no US backstop";
    public override Scenario ApplyTo(Scenario scenario) => WithRules(scenario, r => r with { UsBackstop = r.UsBackstop with { Enabled = false } });
}

/// <summary>The US backstop may also send units of this kind.</summary>
public sealed record AllowUsKind(UnitKind Kind) : ScenarioEdit
{
    public override string Text => "us_kinds+=" + Kind.ToCode();
    public override string Description => "US may send " + Kind.ToCode();
    public override Scenario ApplyTo(Scenario scenario) =>
        WithRules(scenario, r => r with { UsBackstop = r.UsBackstop with { AllowedKinds = [.. r.UsBackstop.AllowedKinds.Append(Kind).Distinct()] } });
}

/// <summary>The US may increase its personnel in Europe (committed units backfilled from the US).</summary>
public sealed record AllowUsNetIncrease : ScenarioEdit
{
    public override string Text => "us_net_increase=allowed";
    public override string Description => "US net increase allowed";
    public override Scenario ApplyTo(Scenario scenario) => WithRules(scenario, r => r with { UsBackstop = r.UsBackstop with { NoNetIncrease = false } });
}

/// <summary>Whether the scenario is a ceasefire.</summary>
public sealed record SetCeasefire(bool Ceasefire) : ScenarioEdit
{
    public override string Text => Ceasefire ? "ceasefire=true" : "ceasefire=false";
    public override string Description => Ceasefire ? "ceasefire" : "no ceasefire";
    public override Scenario ApplyTo(Scenario scenario) => scenario with { Ceasefire = Ceasefire };
}

/// <summary>An assumption fixed at a value inside the catalogue's bounds (its distribution becomes fixed at it).</summary>
public sealed record SetAssumption : ScenarioEdit
{
    /// <summary>Sets the catalogue assumption <paramref name="Id"/> to <paramref name="Value"/>.</summary>
    public SetAssumption(string Id, double Value)
    {
        var spec = AssumptionCatalogue.Find(Id) ?? throw new ArgumentException($"No assumption '{Id}'.", nameof(Id));
        if (!double.IsFinite(Value) || !spec.Admits(Value)) throw new ArgumentOutOfRangeException(nameof(Value), Value, $"'{Id}' is in {spec.Interval}.");
        (this.Id, this.Value) = (Id, Value);
    }

    /// <summary>The assumption's id.</summary>
    public string Id { get; }

    /// <summary>Its new value.</summary>
    public double Value { get; }

    public override string Text => $"assumption.{Id}={Messages.Number(Value)}";
    public override string Description => $"{Id} = {Messages.Number(Value)}";

    public override Scenario ApplyTo(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var given = scenario.Assumptions.FirstOrDefault(a => a.Id == Id);
        var was = given ?? AssumptionCatalogue.Find(Id)!.Absent();
        var changed = was with { Value = Value, Distribution = Distribution.FixedAt(Value), Reference = $"what-if: {Text} (was {Messages.Number(was.Value)}; {was.Reference})" };
        return scenario with { Assumptions = given is null ? [.. scenario.Assumptions, changed] : [.. scenario.Assumptions.Select(a => a.Id == Id ? changed : a)] };
    }
}
