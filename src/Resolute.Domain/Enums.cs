namespace Resolute.Domain;

/// <summary>The burden-sharing group a nation belongs to.</summary>
public enum NationGroup { EuropeCanada, Us, Ukraine, Adversary, Other }

/// <summary>A nation's stated position on sending forces to Ukraine, from most to least willing.</summary>
public enum StanceLevel { TroopsDiscussed, NotRuledOut, PeacekeepingOnly, Cautious, Sceptical, Opposed, Unknown }

/// <summary>What slot of a requirement a unit can fill.</summary>
public enum UnitKind
{
    CorpsHq, DivisionHq, ManoeuvreBrigade, Artillery, Engineer, Logistics, Medical, Amd, Shorad,
    FighterSquadron, Aviation, Lrs, Isr, CommandElement, Signals,
}

/// <summary>Rules about unit kinds.</summary>
public static class UnitKinds
{
    /// <summary>
    /// Kinds that serve from outside Ukraine (aircraft from their bases, long-range strike from home): the kinds a nation
    /// that will not put forces inside Ukraine may still send.
    /// </summary>
    public static bool ServesFromOutsideUkraine(this UnitKind kind) => kind is UnitKind.FighterSquadron or UnitKind.Lrs;
}

/// <summary>The size of a formation.</summary>
public enum Echelon { Corps, Division, Brigade, Regiment, Battalion, Squadron, Battery, Company }

/// <summary>Categories of major end items.</summary>
public enum EquipmentCategory
{
    Mbt, Ifv, Apc, Recce, SpArtillery, TowedArtillery, Mortar, Mlrs, SamLong, SamMedium, Shorad, Fighter,
    AttackHelicopter, UtilityHelicopter, TransportAircraft, LrsMissile, IsrUav, Atgm, CounterBatteryRadar,
}

/// <summary>Categories of the adversary's weapons that threaten a deployed force.</summary>
public enum ThreatCategory { TubeArtillery, RocketArtillery, GlideBomb, FpvDrone, StrikeDrone, BallisticMissile, CruiseMissile, OwaDrone }

/// <summary>How the equipment share of a group is measured.</summary>
public enum EquipmentMeasure { Count, CombatValue }

/// <summary>The objectives force generation weighs, in the scenario's order.</summary>
public enum ObjectiveKind { Fill, Breadth, Fairness, CombatValue, Cost }

/// <summary>Probability distributions an assumption may be sampled from.</summary>
public enum DistributionKind { Fixed, Uniform, Triangular, Normal, Lognormal, Beta }

/// <summary>The foreign force on or behind a ceasefire line, from none to an armed force allied to one side.</summary>
public enum ForeignForce { None, Observers, Peacekeepers, Deterrent }

/// <summary>Battle deaths of the war a ceasefire ended: under 1,000, 1,000–10,000, over 10,000.</summary>
public enum WarIntensity { Low, Medium, High }
