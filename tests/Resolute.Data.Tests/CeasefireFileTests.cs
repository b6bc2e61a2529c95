using Resolute.Domain;
using Resolute.Domain.Diagnostics;

namespace Resolute.Data.Tests;

/// <summary>The bundled ceasefire record loads cleanly and keeps its coding rules; malformed rows are reported with their position.</summary>
public sealed class CeasefireFileTests
{
    private static readonly Lazy<IReadOnlyList<Ceasefire>> Bundled = new(() =>
    {
        var result = CeasefireFile.Load(Repo.Data);
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        return result.Value!;
    });

    private const string Header = "id,name,side_a,side_b,war_start,start,end,foreign_force,separation,guarantee,imposed,decisive,nuclear,intensity,territory,source,as_of,note";

    [Fact]
    public void Load_BundledCeasefires_HasNoDiagnostics()
    {
        Assert.Empty(CeasefireFile.Load(Repo.Data).Diagnostics);
    }

    [Fact]
    public void Bundled_Ceasefires_CoverAtLeastFortyInterstateCasesSince1946()
    {
        var rows = Bundled.Value;

        Assert.True(rows.Count >= 40, $"{rows.Count} ceasefires");
        Assert.All(rows, c => Assert.True(c.Start.Year >= 1946, $"{c.Id} starts {c.Start}"));
        Assert.Contains(rows, c => c.Resumed);
        Assert.Contains(rows, c => !c.Resumed);
    }

    [Fact]
    public void Bundled_EveryCeasefire_CitesADefinedSourceAndSaysTheCodingIsOurs()
    {
        var dataset = DatasetLoader.Load(Repo.Data);
        Assert.True(dataset.Ok, string.Join("\n", dataset.Diagnostics));
        var sources = dataset.Value!.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(Bundled.Value, c =>
        {
            Assert.Contains(c.Citation.Source, sources);
            Assert.StartsWith("own coding", c.Citation.Note, StringComparison.Ordinal);
        });
    }

    /// <summary>Every source id a note mentions in brackets is defined too, so the cross-references in notes resolve.</summary>
    [Fact]
    public void Bundled_SourceIdsNamedInNotes_AreDefined()
    {
        var sources = DatasetLoader.Load(Repo.Data).Value!.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var named = Bundled.Value.SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c.Citation.Note, @"\(([a-z0-9]+(?:-[a-z0-9]+)+)[;)]").Select(m => (c.Id, Source: m.Groups[1].Value)));

        Assert.All(named, n => Assert.True(sources.Contains(n.Source), $"{n.Id} names undefined source {n.Source}"));
    }

    [Fact]
    public void Bundled_Dates_RunFromWarToCeasefireToResumptionOrCensoring()
    {
        Assert.All(Bundled.Value, c =>
        {
            Assert.True(c.WarStart <= c.Start, $"{c.Id}: war {c.WarStart} after ceasefire {c.Start}");
            Assert.True(c.DurationDays > 0, $"{c.Id}: duration {c.DurationDays}");
            if (c.End is { } end) Assert.Equal(end, c.Citation.AsOf);
            else Assert.True(c.Citation.AsOf > c.Start);
        });
    }

    [Fact]
    public void Bundled_SuccessiveCeasefiresOfOneDyad_DoNotOverlap()
    {
        foreach (var dyad in Bundled.Value.GroupBy(c => (c.SideA, c.SideB)))
        {
            var spells = dyad.OrderBy(c => c.Start).ToArray();
            for (var i = 1; i < spells.Length; i++)
                Assert.True(spells[i - 1].End is { } end && end <= spells[i].Start,
                    $"{spells[i - 1].Id} ({spells[i - 1].Start}–{spells[i - 1].End}) overlaps {spells[i].Id} ({spells[i].Start})");
        }
    }

    [Fact]
    public void DatasetDocs_DefineResumedOnce()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "dataset.md"));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(doc, @"\*\*Resumed\*\*"));
    }

    [Fact]
    public void Load_BadRows_ReportsEveryProblemWithItsPosition()
    {
        var dir = Fixture(
            "a,A,X,Y,1950-01-01,1949-01-01,,none,false,false,false,false,false,low,true,test-source,1960-01-01,own coding\n"
            + "b,B,X,Z,1950-01-01,1951-01-01,1950-06-01,blue_helmets,false,false,false,false,false,low,true,test-sorce,1950-06-01,own coding\n"
            + "a,C,X,W,1950-01-01,1951-01-01,,none,maybe,false,false,false,false,huge,true,test-source,1951-01-01,own coding\n");

        var result = CeasefireFile.Load(dir);

        Assert.False(result.Ok);
        var file = Path.Combine(dir, CeasefireFile.FileName);
        Assert.Equal(
        [
            $"{file}:2:9: expected a war start on or before the ceasefire (1949-01-01), found 1950-01-01",
            $"{file}:3:31: expected a date after the ceasefire's start (1951-01-01), found 1950-06-01",
            $"{file}:3:42: expected a foreign force (none, observers, peacekeepers, deterrent), found 'blue_helmets'",
            $"{file}:3:94: unknown source 'test-sorce': define it in SOURCES.md or use 'assumption'; did you mean 'test-source'?",
            $"{file}:4:1: duplicate id 'a', first defined on line 2",
            $"{file}:4:37: expected true or false, found 'maybe'",
            $"{file}:4:67: expected a war intensity (low, medium, high), found 'huge'; did you mean 'high'?",
            $"{file}:4:89: expected an as_of after the ceasefire's start (1951-01-01) for a ceasefire that holds, found 1951-01-01",
        ], result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(
            new[] { ErrorCode.Inconsistent, ErrorCode.Inconsistent, ErrorCode.UnknownCode, ErrorCode.UnknownSource, ErrorCode.DuplicateId, ErrorCode.InvalidValue, ErrorCode.UnknownCode, ErrorCode.Inconsistent }.Select(c => c.Id()),
            result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Load_MissingColumn_ReportsItOnTheHeader()
    {
        var dir = Directory.CreateTempSubdirectory("resolute-ceasefires-").FullName;
        File.Copy(Path.Combine(Repo.Fixture("minimal"), "SOURCES.md"), Path.Combine(dir, "SOURCES.md"));
        File.WriteAllText(Path.Combine(dir, CeasefireFile.FileName), Header.Replace(",imposed", "", StringComparison.Ordinal) + "\n");

        var result = CeasefireFile.Load(dir);

        Assert.Equal($"{Path.Combine(dir, CeasefireFile.FileName)}:1:133: expected a column 'imposed', found none", Assert.Single(result.Diagnostics).ToString());
    }

    private static string Fixture(string rows)
    {
        var dir = Directory.CreateTempSubdirectory("resolute-ceasefires-").FullName;
        File.Copy(Path.Combine(Repo.Fixture("minimal"), "SOURCES.md"), Path.Combine(dir, "SOURCES.md"));
        File.WriteAllText(Path.Combine(dir, CeasefireFile.FileName), Header + "\n" + rows);
        return dir;
    }
}
