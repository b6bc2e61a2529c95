using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Resolute.Geo.Tests;

public sealed class MaximumCoveringTests
{
    private static readonly string Parameters = MaximumCovering.Parameters(7, 1, 5);

    [Fact]
    public void Solve_TwoSitesOneFacility_PicksTheHeavierCover()
    {
        // Site 0 covers demand 0 and 1 (5 + 4), site 1 covers demand 2 (10): one facility takes site 1.
        long[] weights = [5, 4, 10];
        FacilityClass[] classes = [new(1, [[0, 1], [2]])];

        var s = MaximumCovering.Solve(weights, classes, Parameters);

        Assert.Equal((10L, "1"), (s.Objective, string.Join(",", s.Chosen[0])));
    }

    [Property(MaxTest = 60)]
    public Property Solve_SmallInstance_EqualsBruteForce()
    {
        var instances = from demand in Gen.Choose(1, 6)
                        from sites in Gen.Choose(1, 5)
                        from classCount in Gen.Choose(1, 2)
                        from weights in Gen.Choose(0, 100).ArrayOf(demand)
                        from counts in Gen.Choose(0, 3).ArrayOf(classCount)
                        from covers in Gen.Elements(true, false).ArrayOf(demand).ArrayOf(sites).ArrayOf(classCount)
                        select (weights, counts, covers);
        return Prop.ForAll(instances.ToArbitrary(), x =>
        {
            var weights = x.weights.Select(w => (long)w).ToArray();
            var classes = x.counts.Select((n, k) => new FacilityClass(n,
                x.covers[k].Select(site => Enumerable.Range(0, site.Length).Where(i => site[i]).ToArray()).ToArray())).ToArray();

            var solved = MaximumCovering.Solve(weights, classes, Parameters);

            return solved.Status == "OPTIMAL" && solved.Objective == BruteForce(weights, classes)
                && solved.Chosen.Select((c, k) => c.Length <= classes[k].Count).All(ok => ok);
        });
    }

    /// <summary>Tries every subset of sites for every class within its count.</summary>
    private static long BruteForce(long[] weights, FacilityClass[] classes)
    {
        long best = 0;
        void Search(int k, bool[] covered)
        {
            if (k == classes.Length)
            {
                best = Math.Max(best, weights.Where((_, i) => covered[i]).Sum());
                return;
            }
            var sites = classes[k].Covers.Count;
            for (var mask = 0; mask < 1 << sites; mask++)
            {
                if (System.Numerics.BitOperations.PopCount((uint)mask) > classes[k].Count) continue;
                var next = (bool[])covered.Clone();
                for (var s = 0; s < sites; s++)
                    if ((mask & (1 << s)) != 0)
                        foreach (var i in classes[k].Covers[s]) next[i] = true;
                Search(k + 1, next);
            }
        }
        Search(0, new bool[weights.Length]);
        return best;
    }
}
