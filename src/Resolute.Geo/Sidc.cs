using Resolute.Domain;

namespace Resolute.Geo;

/// <summary>
/// APP-6(D) / MIL-STD-2525D 20-digit symbol identification codes for friendly land units
/// (conventions §2.2; entity codes checked against the JMSML land-unit symbol set).
/// </summary>
public static class Sidc
{
    /// <summary>
    /// The code of a friendly unit: version 10, reality, friend, land unit, present; HQ flag for headquarters; echelon
    /// from the unit's echelon; entity from its kind and type. Types the standard has no entity for fall back to the
    /// kind's generic entity (e.g. light, airborne and mountain brigades draw as infantry).
    /// </summary>
    public static string For(Unit unit)
    {
        var (entity, modifier1) = Entity(unit.Kind, unit.Type);
        var hq = unit.Kind is UnitKind.CorpsHq or UnitKind.DivisionHq or UnitKind.CommandElement ? '2' : '0';
        return $"100310{'0'}{hq}{Echelon(unit.Echelon)}{entity}{modifier1}00";
    }

    private static string Echelon(Echelon e) => e switch
    {
        Domain.Echelon.Company or Domain.Echelon.Battery => "15",
        Domain.Echelon.Battalion or Domain.Echelon.Squadron => "16",
        Domain.Echelon.Regiment => "17",
        Domain.Echelon.Brigade => "18",
        Domain.Echelon.Division => "21",
        Domain.Echelon.Corps => "22",
        _ => "00",
    };

    private static (string Entity, string Modifier1) Entity(UnitKind kind, string type) => kind switch
    {
        UnitKind.ManoeuvreBrigade => type switch
        {
            "armoured" => ("120500", "00"),       // armour
            "mechanised" => ("121102", "00"),     // infantry, armoured/mechanised/tracked
            "motorised" => ("121104", "00"),      // infantry, motorised
            "air_assault" => ("121100", "01"),    // infantry + air mobile/air assault modifier
            _ => ("121100", "00"),                // infantry (light, airborne, mountain, marine)
        },
        UnitKind.CorpsHq or UnitKind.DivisionHq or UnitKind.CommandElement => ("110000", "00"), // command and control
        UnitKind.Signals => ("111000", "00"),     // signal
        UnitKind.Artillery => ("130300", "00"),   // field artillery
        UnitKind.Lrs => ("130300", "41"),         // field artillery + multiple rocket launcher modifier
        UnitKind.Engineer => ("140700", "00"),    // engineer
        UnitKind.Logistics => ("163400", "00"),   // supply
        UnitKind.Medical => ("161300", "00"),     // medical
        UnitKind.Amd or UnitKind.Shorad => ("130100", "00"), // air defence
        UnitKind.Aviation => ("120600", "00"),    // army aviation, rotary wing
        UnitKind.Isr => ("121300", "00"),         // reconnaissance
        UnitKind.FighterSquadron => ("120800", "00"), // aviation, fixed wing
        _ => ("000000", "00"),
    };
}
