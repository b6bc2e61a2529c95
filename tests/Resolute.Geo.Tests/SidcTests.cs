using Resolute.Domain;

namespace Resolute.Geo.Tests;

public sealed class SidcTests
{
    private static Unit Unit(UnitKind kind, string type, Echelon echelon) =>
        new("x", "GBR", "x", kind, type, echelon, 1, 1, "", false, new Citation("assumption", new DateOnly(2025, 1, 1), "test"));

    [Theory]
    [InlineData(UnitKind.ManoeuvreBrigade, "armoured", Echelon.Brigade, "10031000181205000000")]
    [InlineData(UnitKind.ManoeuvreBrigade, "mechanised", Echelon.Brigade, "10031000181211020000")]
    [InlineData(UnitKind.ManoeuvreBrigade, "light", Echelon.Battalion, "10031000161211000000")]
    [InlineData(UnitKind.Amd, "long", Echelon.Battalion, "10031000161301000000")]
    [InlineData(UnitKind.DivisionHq, "general", Echelon.Division, "10031002211100000000")]
    [InlineData(UnitKind.Lrs, "general", Echelon.Regiment, "10031000171303004100")]
    public void For_Unit_IsTheApp6dCode(UnitKind kind, string type, Echelon echelon, string expected)
    {
        Assert.Equal(expected, Sidc.For(Unit(kind, type, echelon)));
    }
}
