using Resolute.Domain.Diagnostics;

namespace Resolute.Geo;

/// <summary>
/// Tuning of the geography stage. The defaults are documented here and nowhere else; every one is an assumption of
/// method, not data, and is recorded with the result.
/// </summary>
/// <param name="GridSpacingKm">Spacing of the square grid of candidate air-defence sites inside the deployment areas
/// (default 12 km: about 2,000 sites over the default scenario's deployment areas, finer than any SAM radius).</param>
/// <param name="PositionMarginKm">How far inside the deployment area a unit's position stands (default 10 km: a brigade
/// holds an area roughly 20 km across, so its centre stays 10 km clear of the stand-off line).</param>
/// <param name="EchelonDepthKm">When more units than axes are placed, each further unit on an axis stands this much
/// farther back (default 25 km).</param>
/// <param name="MinAxisSeparationKm">Two axes whose forward positions lie closer than this are one axis (default 30 km).</param>
/// <param name="SolverDeterministicTime">CP-SAT's <c>max_deterministic_time</c> per solve, in its deterministic
/// seconds (default 10). Never wall time, so results do not depend on machine load.</param>
/// <param name="SolverWorkers">CP-SAT <c>num_workers</c> (default 2); fixed, not the machine's core count, so the
/// result is the same everywhere.</param>
/// <param name="FormationRadiusKm">Every unit of a formation (a division's brigades and enablers) stands within this distance
/// of its headquarters (default 50 km, an assumption of method: three brigades side by side, each holding an area about
/// 20 km across, need a frontage of about 60–80 km, and an area 100 km across also holds the division's enablers behind
/// them within a few hours' road move of the headquarters; no public doctrinal figure for a division standing back from
/// the line is cited).</param>
/// <param name="FormationSpacingKm">Two manoeuvre brigades of a formation stand at least this far apart, its other units
/// half of it, where the area allows (default 20 km: a brigade's area, as for the position margin).</param>
public sealed record GeographyOptions(
    double GridSpacingKm = 12,
    double PositionMarginKm = 10,
    double EchelonDepthKm = 25,
    double MinAxisSeparationKm = 30,
    double SolverDeterministicTime = 10,
    int SolverWorkers = 2,
    double FormationRadiusKm = 50,
    double FormationSpacingKm = 20)
{
    /// <summary>The defaults.</summary>
    public static GeographyOptions Default { get; } = new();

    /// <summary>Every invalid option, in one list; empty when all are valid.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var errors = new List<Diagnostic>();
        void Check(bool ok, string name, string expected, double found)
        {
            if (!ok) errors.Add(Diagnostic.Setting(name, Messages.OutOfRange(expected, found)));
        }
        Check(GridSpacingKm >= 1, "grid_spacing_km", "at least 1 km", GridSpacingKm);
        Check(PositionMarginKm >= 0, "position_margin_km", "0 km or more", PositionMarginKm);
        Check(EchelonDepthKm > 0, "echelon_depth_km", "a positive depth in km", EchelonDepthKm);
        Check(MinAxisSeparationKm >= 0, "min_axis_separation_km", "0 km or more", MinAxisSeparationKm);
        Check(SolverDeterministicTime > 0, "solver_deterministic_time", "a positive deterministic time", SolverDeterministicTime);
        Check(SolverWorkers >= 1, "solver_workers", "at least 1 worker", SolverWorkers);
        Check(FormationRadiusKm > 0, "formation_radius_km", "a positive radius in km", FormationRadiusKm);
        Check(FormationSpacingKm >= 0, "formation_spacing_km", "0 km or more", FormationSpacingKm);
        return errors;
    }
}
