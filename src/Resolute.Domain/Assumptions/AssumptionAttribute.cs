namespace Resolute.Domain.Assumptions;

/// <summary>
/// One row of the assumption catalogue, written on the stage parameter it describes: the scenario id, the unit, what it
/// means, the bounds the model is defined on, and what happens when a scenario leaves it out (required unless
/// <see cref="DefaultReason"/> is set).
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class AssumptionAttribute(string id, string unit, string description) : Attribute
{
    /// <summary>The id a scenario's <c>assumptions:</c> entry uses.</summary>
    public string Id { get; } = id;

    /// <summary>The unit of the value.</summary>
    public string Unit { get; } = unit;

    /// <summary>What the value means to the model.</summary>
    public string Description { get; } = description;

    /// <summary>The lowest value the model is defined for (inclusive unless <see cref="ExclusiveMin"/>).</summary>
    public double Min { get; set; }

    /// <summary>The highest value the model is defined for (inclusive).</summary>
    public double Max { get; set; } = double.MaxValue;

    /// <summary>True when <see cref="Min"/> itself is not allowed (a value must be above it).</summary>
    public bool ExclusiveMin { get; set; }

    /// <summary>The value used when a scenario leaves the assumption out; read only when <see cref="DefaultReason"/> is set.</summary>
    public double Default { get; set; }

    /// <summary>Why a scenario may leave the assumption out; null makes it required.</summary>
    public string? DefaultReason { get; set; }
}
