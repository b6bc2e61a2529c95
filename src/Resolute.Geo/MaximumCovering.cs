using System.Globalization;
using Google.OrTools.Sat;

namespace Resolute.Geo;

/// <summary>A kind of facility: how many may be sited and, for each candidate site, which demand points it covers.</summary>
/// <param name="Count">Facilities of this kind available.</param>
/// <param name="Covers">For each candidate site, the indices of the demand points within reach.</param>
internal sealed record FacilityClass(int Count, IReadOnlyList<int[]> Covers);

/// <summary>The optimum: sites chosen per class, demand points covered, objective and solver status.</summary>
internal sealed record CoveringSolution(IReadOnlyList<int[]> Chosen, bool[] Covered, long Objective, string Status);

/// <summary>
/// The maximal covering location problem (Church and ReVelle, 1974) with several facility classes of different reach,
/// solved by CP-SAT: maximise Σ w_i·y_i subject to y_i ≤ Σ x_ks over sites s of class k that cover i, Σ_s x_ks ≤ n_k,
/// x and y binary. Deterministic: fixed workers, interleaved search, a seed and a deterministic time limit.
/// </summary>
internal static class MaximumCovering
{
    public static string Parameters(ulong seed, int workers, double deterministicTime) => string.Create(CultureInfo.InvariantCulture,
        $"num_workers:{workers} interleave_search:true random_seed:{(int)(seed % int.MaxValue)} max_deterministic_time:{deterministicTime}");

    /// <param name="weights">Weight of each demand point (non-negative).</param>
    /// <param name="classes">Facility classes.</param>
    /// <param name="parameters">CP-SAT parameters (see <see cref="Parameters"/>).</param>
    /// <param name="hint">A previous solution to start from, or null.</param>
    public static CoveringSolution Solve(IReadOnlyList<long> weights, IReadOnlyList<FacilityClass> classes, string parameters, CoveringSolution? hint = null)
    {
        var model = new CpModel();
        var coveredBy = new List<BoolVar>[weights.Count];
        for (var i = 0; i < weights.Count; i++) coveredBy[i] = [];
        var x = new BoolVar[classes.Count][];
        for (var k = 0; k < classes.Count; k++)
        {
            var c = classes[k];
            x[k] = new BoolVar[c.Covers.Count];
            for (var s = 0; s < c.Covers.Count; s++)
            {
                x[k][s] = model.NewBoolVar($"x{k}_{s}");
                foreach (var i in c.Covers[s]) coveredBy[i].Add(x[k][s]);
            }
            model.Add(LinearExpr.Sum(x[k]) <= c.Count);
            if (hint is not null && k < hint.Chosen.Count)
            {
                var chosen = hint.Chosen[k].ToHashSet();
                for (var s = 0; s < c.Covers.Count; s++) model.AddHint(x[k][s], chosen.Contains(s) ? 1 : 0);
            }
        }
        var y = new BoolVar?[weights.Count];
        var objective = LinearExpr.NewBuilder();
        for (var i = 0; i < weights.Count; i++)
        {
            if (coveredBy[i].Count == 0 || weights[i] == 0) continue;
            y[i] = model.NewBoolVar($"y{i}");
            model.Add(y[i]! <= LinearExpr.Sum(coveredBy[i]));
            objective.AddTerm(y[i]!, weights[i]);
        }
        model.Maximize(objective);

        var solver = new CpSolver { StringParameters = parameters };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return new CoveringSolution(classes.Select(_ => Array.Empty<int>()).ToArray(), new bool[weights.Count], 0, status.ToString().ToUpperInvariant());

        var chosenSites = x.Select(row => Enumerable.Range(0, row.Length).Where(s => solver.BooleanValue(row[s])).ToArray()).ToArray();
        // Coverage is recomputed from the chosen sites, so a point covered but not counted (weight 0) still shows as covered.
        var covered = new bool[weights.Count];
        for (var k = 0; k < classes.Count; k++)
            foreach (var s in chosenSites[k])
                foreach (var i in classes[k].Covers[s]) covered[i] = true;
        var value = Enumerable.Range(0, weights.Count).Where(i => covered[i]).Sum(i => weights[i]);
        return new CoveringSolution(chosenSites, covered, value, status.ToString().ToUpperInvariant());
    }
}
