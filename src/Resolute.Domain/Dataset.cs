namespace Resolute.Domain;

/// <summary>Where a dataset figure comes from: a source id from SOURCES.md (or "assumption"), the date it describes, and a note.</summary>
public readonly record struct Citation(string Source, DateOnly AsOf, string Note);

/// <summary>A source defined in the dataset's SOURCES.md.</summary>
public sealed record Source(string Id, string Title, string Publisher, string Address, DateOnly Accessed);

/// <summary>A nation with its economic and military weight.</summary>
public sealed record Nation(
    string Iso3, string Name, NationGroup Group, long Population, long GdpUsd, long DefenceUsd,
    double DefencePctGdp, long ActivePersonnel, bool Nato, bool Eu, Citation Citation)
{
    /// <summary>Whether <paramref name="code"/> has the form of an ISO 3166-1 alpha-3 code: three capital letters.</summary>
    public static bool IsIso3(string code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);
}

/// <summary>A nation's stated position on a date.</summary>
public sealed record Stance(string Nation, DateOnly Date, StanceLevel Level, string Summary, Citation Citation);

/// <summary>A type of major end item with its combat-value score (WEI-style, Leopard 2A6-class MBT = 1).</summary>
public sealed record EquipmentType(
    string Id, string Name, EquipmentCategory Category, double CombatValue, string CombatValueReference,
    double? RangeKm, long? UnitCostUsd, Citation Citation);

/// <summary>A deployable formation of one nation.</summary>
public sealed record Unit(
    string Id, string Nation, string Name, UnitKind Kind, string Type, Echelon Echelon, int Personnel,
    int ReadinessDays, string Commitment, bool HomeDefence, Citation Citation)
{
    /// <summary>True when the unit is already committed elsewhere (e.g. NATO forward land forces).</summary>
    public bool IsCommitted => Commitment.Length > 0;
}

/// <summary>A unit's holding of one equipment type.</summary>
public sealed record Holding(string UnitId, string EquipmentId, int Count, Citation Citation);

/// <summary>A Ukrainian city.</summary>
public sealed record City(string Name, string Oblast, long Population, LonLat Location, Citation Citation);

/// <summary>An adversary weapon system and its reach.</summary>
public sealed record Threat(string Id, string Name, ThreatCategory Category, double RangeKm, Citation Citation);

/// <summary>A WGS 84 position.</summary>
public readonly record struct LonLat(double Lon, double Lat);

/// <summary>A polygon: the first ring is the shell, the others are holes.</summary>
public sealed record Polygon(IReadOnlyList<IReadOnlyList<LonLat>> Rings);

/// <summary>The geography of the conflict: the line of contact, Ukraine's border and the occupied territory.</summary>
public sealed record Theatre(
    IReadOnlyList<LonLat> FrontLine, IReadOnlyList<Polygon> Border, IReadOnlyList<Polygon> Occupied,
    string Source, DateOnly AsOf);

/// <summary>The whole open dataset, loaded and validated.</summary>
public sealed record Dataset(
    string Version,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Nation> Nations,
    IReadOnlyList<Stance> Stances,
    IReadOnlyList<EquipmentType> EquipmentTypes,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Holding> Holdings,
    IReadOnlyList<City> Cities,
    IReadOnlyList<Threat> Threats,
    Theatre Theatre)
{
    /// <summary>The record of interstate ceasefires (<c>ceasefires.csv</c>); empty when the dataset has none.</summary>
    public IReadOnlyList<Ceasefire> Ceasefires { get; init; } = [];

    /// <summary>Home garrisons and nations' departure points (<c>garrisons.csv</c>); empty when the dataset has none.</summary>
    public IReadOnlyList<Garrison> Garrisons
    {
        get;
        init
        {
            field = value;
            _garrisons = value.ToDictionary(g => g.Key, StringComparer.Ordinal);
        }
    } = [];

    private Dictionary<string, Garrison> _garrisons = new Dictionary<string, Garrison>(StringComparer.Ordinal);

    /// <summary>Border crossings into Ukraine with their throughput (<c>crossings.csv</c>); empty when the dataset has none.</summary>
    public IReadOnlyList<Crossing> Crossings { get; init; } = [];

    private readonly Lazy<IReadOnlyDictionary<string, Nation>> _nations = new(() => Nations.ToDictionary(n => n.Iso3, StringComparer.Ordinal));
    private readonly Lazy<IReadOnlyDictionary<string, EquipmentType>> _equipment = new(() => EquipmentTypes.ToDictionary(e => e.Id, StringComparer.Ordinal));
    private readonly Lazy<ILookup<string, Holding>> _holdings = new(() => Holdings.ToLookup(h => h.UnitId, StringComparer.Ordinal));

    /// <summary>Nations by ISO 3166 alpha-3 code.</summary>
    public IReadOnlyDictionary<string, Nation> NationsByCode => _nations.Value;

    /// <summary>Equipment types by id.</summary>
    public IReadOnlyDictionary<string, EquipmentType> EquipmentById => _equipment.Value;

    /// <summary>The equipment a unit holds.</summary>
    public IEnumerable<Holding> HoldingsOf(string unitId) => _holdings.Value[unitId];

    /// <summary>Where a unit leaves from: its own garrison row, else its nation's departure point, else null.</summary>
    public Garrison? GarrisonOf(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _garrisons.TryGetValue(unit.Id, out var g) ? g : _garrisons.GetValueOrDefault(unit.Nation);
    }

    /// <summary>A nation's stance on a date: its latest position on or before it, else <see cref="StanceLevel.Unknown"/>.</summary>
    public StanceLevel StanceOn(string nation, DateOnly date) =>
        Stances.Where(s => s.Nation == nation && s.Date <= date).MaxBy(s => s.Date)?.Level ?? StanceLevel.Unknown;
}
