using System.Numerics;
using P = Resolute.Domain.Assumptions.CampaignParameter;

namespace Resolute.Balance;

/// <summary>Per-run results of an ensemble, one array per metric, indexed by run (structure of arrays).</summary>
internal sealed class RunOutcomes
{
    public RunOutcomes(int runs)
    {
        Territory = new double[runs]; RedCasualties = new double[runs]; BlueCasualties = new double[runs];
        RedFront = new double[runs]; RedTotal = new double[runs]; RedStart = new double[runs]; BlueFront = new double[runs];
        CitiesReached = new double[runs]; FirstCityDay = new double[runs]; Breakthrough = new double[runs];
        Threshold = new double[runs]; RedEquipment = new double[runs]; CombatDays = new double[runs];
    }

    public double[] Territory { get; }
    public double[] RedCasualties { get; }
    public double[] BlueCasualties { get; }
    public double[] RedFront { get; }
    public double[] RedTotal { get; }
    public double[] RedStart { get; }
    public double[] BlueFront { get; }
    public double[] CitiesReached { get; }
    public double[] FirstCityDay { get; }
    public double[] Breakthrough { get; }
    public double[] Threshold { get; }
    public double[] RedEquipment { get; }
    public double[] CombatDays { get; }
}

/// <summary>Daily series of every run at a day stride, stored as float (the bands need no more precision).</summary>
internal sealed class BandRecorder
{
    public const int Series = 5;
    public static readonly string[] Names = [Metrics.Territory.Id, Metrics.RussianFront.Id, Metrics.UkrainianFront.Id, Metrics.RussianCasualties.Id, Metrics.UkrainianCasualties.Id];

    public BandRecorder(int runs, int days, int stride)
    {
        Runs = runs; Stride = stride; Points = (days + stride - 1) / stride;
        Days = new int[Points];
        for (var k = 0; k < Points; k++) Days[k] = Math.Min((k + 1) * stride, days);
        Values = new float[Series][];
        for (var m = 0; m < Series; m++) Values[m] = new float[(long)Points * runs];
    }

    public int Runs { get; }
    public int Stride { get; }
    public int Points { get; }
    public int[] Days { get; }
    public float[][] Values { get; }
}

/// <summary>One day of one campaign, for the single-run trace.</summary>
internal delegate void DayObserver(int day, ReadOnlySpan<double> blue, ReadOnlySpan<double> red, ReadOnlySpan<double> depth,
    double blueReserve, double redReserve, double blueCasualties, double redCasualties, double territory, int citiesReached);

/// <summary>
/// The sector campaign recurrence, vectorised over campaigns: each SIMD lane is one campaign, state is held as
/// structure-of-arrays [sector × vector], and every operation is lane-wise IEEE arithmetic (+, −, ×, ÷, min, max;
/// exp/log only for Helmbold's law), so a campaign's result depends only on its parameters and key — not on its lane,
/// chunk, thread or the machine's vector width.
/// </summary>
internal static class CampaignKernel
{
    /// <summary>Vectors per chunk: the unit of parallel work is ChunkVectors × Vector&lt;double&gt;.Count campaigns.</summary>
    public const int ChunkVectors = 8;

    /// <summary>Days per month, for monthly rates (365.25 / 12).</summary>
    private const double DaysPerMonth = 30.4375;

    public static int ChunkSize => Vector<double>.Count * ChunkVectors;

    /// <summary>
    /// Simulates <paramref name="count"/> campaigns (at most <see cref="ChunkSize"/>) whose parameter rows are
    /// <paramref name="parameters"/> (count × <see cref="CampaignAssumptions.Count"/>) and noise keys <paramref name="keys"/>;
    /// writes run <c>first + i</c> of <paramref name="outcomes"/> and <paramref name="bands"/>.
    /// </summary>
    public static void Run(CampaignSettings settings, double[] parameters, ulong[] keys, int first, int count,
        RunOutcomes outcomes, BandRecorder? bands, DayObserver? observer = null)
    {
        var w = Vector<double>.Count;
        var nv = (count + w - 1) / w;
        var np = CampaignAssumptions.Count;
        var sectors = settings.Sectors;
        var days = settings.Days;
        var law = settings.Law;
        var coalition = settings.Coalition;
        // With an arrival schedule: how many of each element are in place on each day, the same for every run.
        var arrivals = coalition.Arrivals;
        var brigadesIn = arrivals is null ? [] : CoalitionArrivals.InPlaceByDay([.. arrivals.ManoeuvreBrigades.Order().Take((int)Math.Round(coalition.ManoeuvreBrigades))], days);
        var strikeIn = arrivals is null ? [] : CoalitionArrivals.InPlaceByDay(arrivals.LongRangeStrikeUnits, days);
        var squadronsIn = arrivals is null ? [] : CoalitionArrivals.InPlaceByDay(arrivals.FighterSquadrons, days);
        var strikePerUnit = new Vector<double>[nv]; var airPerSquadron = new Vector<double>[nv]; var freedPerBrigade = new Vector<double>[nv];

        // Per-lane constants, gathered lane by lane (padding lanes repeat the last real run and are discarded).
        var lane = new double[w];
        var laneKey = new ulong[w];
        Vector<double> Gather(int v, Func<int, double> f)
        {
            for (var i = 0; i < w; i++) lane[i] = f(Math.Min((v * w) + i, count - 1));
            return new Vector<double>(lane);
        }
        double Par(int run, P p) => parameters[(run * np) + (int)p];

        var stateSize = sectors * nv;
        var blue = new Vector<double>[stateSize];
        var red = new Vector<double>[stateSize];
        var depth = new Vector<double>[stateSize];
        var reached = new Vector<double>[stateSize];
        var redShare = new Vector<double>[stateSize];
        var normBlue = new Vector<double>[stateSize]; // law normalisers (1/initial strength)
        var normRed = new Vector<double>[stateSize];
        var scaleBlue = new Vector<double>[stateSize]; // law losses at unit kernels (initial strengths)
        var scaleRed = new Vector<double>[stateSize];

        var key = new Vector<ulong>[nv];
        var aEff = new Vector<double>[nv]; var dBase = new Vector<double>[nv];
        var qBlue = new Vector<double>[nv]; var invThr = new Vector<double>[nv];
        var strikeBase = new Vector<double>[nv]; var strikeCoalition = new Vector<double>[nv];
        var recruits = new Vector<double>[nv]; var mobilised = new Vector<double>[nv]; var commitRate = new Vector<double>[nv];
        var bluePool = new Vector<double>[nv]; var redPool = new Vector<double>[nv];
        var noise = new Vector<double>[nv]; var pause = new Vector<double>[nv]; var deploy = new Vector<double>[nv]; var freed = new Vector<double>[nv];
        var frontage = new Vector<double>[nv]; var minBlue = new Vector<double>[nv]; var breakMul = new Vector<double>[nv];
        var cityDepth = new Vector<double>[nv]; var returnShare = new Vector<double>[nv]; var weiss = new Vector<double>[nv];
        var rate0 = new Vector<double>[nv]; var taperMin = new Vector<double>[nv]; var taperInv = new Vector<double>[nv];
        var slopes = new Vector<double>[nv * 4];
        var casRed = new Vector<double>[nv]; var casBlue = new Vector<double>[nv]; var territory = new Vector<double>[nv];
        var firstCity = new Vector<double>[nv]; var broke = new Vector<double>[nv]; var combatDays = new Vector<double>[nv];

        var ratios = QjmTables.Ratios;
        for (var v = 0; v < nv; v++)
        {
            for (var i = 0; i < w; i++) laneKey[i] = keys[Math.Min((v * w) + i, count - 1)];
            key[v] = new Vector<ulong>(laneKey);
            aEff[v] = Gather(v, r => Par(r, P.UkrainianEffectiveness) * Math.Pow(Par(r, P.AidLevel), Par(r, P.AidElasticity)));
            dBase[v] = Gather(v, r => Par(r, P.RussianEffectiveness));
            var postureOf = (int r) => Math.Min(2, Par(r, P.DefencePosture) + (settings.Ceasefire ? Par(r, P.CeasefirePostureGain) : 0));
            qBlue[v] = Gather(v, r => QjmTables.Blend(QjmTables.PostureStrength, postureOf(r)) * Par(r, P.TerrainDefence)
                * Math.Pow(Par(r, P.AidLevel), Par(r, P.AidElasticity)));
            invThr[v] = Gather(v, r => 1 / Math.Max(Par(r, P.BlueReserveCommitRatio), 1e-9));
            strikeBase[v] = Gather(v, r => Par(r, P.LongRangeStrikeCut));
            strikeCoalition[v] = Gather(v, r => CoalitionCut(coalition, r, Par));
            recruits[v] = Gather(v, r => Par(r, P.RussianRecruitment) * (1 - Par(r, P.SanctionsCut)) / DaysPerMonth);
            mobilised[v] = Gather(v, r => Par(r, P.UkrainianMobilisation) / DaysPerMonth);
            commitRate[v] = Gather(v, r => Par(r, P.RussianReserveCommitRate));
            bluePool[v] = Gather(v, r => Par(r, P.UkrainianReserve));
            redPool[v] = Gather(v, r => Par(r, P.RussianReserve));
            noise[v] = Gather(v, r => Par(r, P.DailyNoise) * Math.Sqrt(3));
            pause[v] = Gather(v, r => settings.Ceasefire ? Math.Round(Par(r, P.CeasefirePauseDays)) : 0);
            deploy[v] = Gather(v, r => Math.Round(Par(r, P.CoalitionDeployDay)));
            freed[v] = Gather(v, r => coalition.FreedBrigades * Par(r, P.UkrainianBrigadeStrength));
            strikePerUnit[v] = Gather(v, r => Par(r, P.CoalitionStrikeCutPerUnit));
            airPerSquadron[v] = Gather(v, r => Par(r, P.CoalitionAirCutPerSquadron));
            freedPerBrigade[v] = Gather(v, r => coalition.FreedBrigadesPerBrigade * Par(r, P.UkrainianBrigadeStrength));
            frontage[v] = Gather(v, r => Par(r, P.FrontLength) / sectors);
            minBlue[v] = Gather(v, r => Par(r, P.BreakthroughDensity) * Par(r, P.FrontLength) / sectors);
            breakMul[v] = Gather(v, r => Par(r, P.BreakthroughAdvanceMultiplier));
            cityDepth[v] = Gather(v, r => Par(r, P.DefendedCityDistance));
            returnShare[v] = Gather(v, r => Par(r, P.WoundedReturnShare));
            weiss[v] = Gather(v, r => Par(r, P.Weiss));
            var scale = (int r) => Par(r, P.AdvanceScale) * Par(r, P.TerrainMobility);
            rate0[v] = Gather(v, r => QjmTables.AdvanceRow(postureOf(r))[0] * scale(r));
            taperMin[v] = Gather(v, r => Par(r, P.AdvanceMinRatio));
            taperInv[v] = Gather(v, r => 1 / (1 - Par(r, P.AdvanceMinRatio)));
            for (var k = 1; k < ratios.Count; k++)
            {
                var kk = k;
                slopes[(v * 4) + k - 1] = Gather(v, r =>
                {
                    var row = QjmTables.AdvanceRow(postureOf(r));
                    return (row[kk] - row[kk - 1]) / (ratios[kk] - ratios[kk - 1]) * scale(r);
                });
            }
            firstCity[v] = new Vector<double>(double.PositiveInfinity);

            // Sector allocation: the main effort takes main_effort_share of Russia's strength; Ukraine matches it in part.
            for (var s = 0; s < sectors; s++)
            {
                var ss = s;
                var weightRed = Gather(v, r => SectorWeight(Par(r, P.MainEffortSectors), Par(r, P.MainEffortShare), ss, sectors));
                var weightBlue = Gather(v, r =>
                {
                    var m = Par(r, P.BlueAllocationMatch);
                    return ((1 - m) / sectors) + (m * SectorWeight(Par(r, P.MainEffortSectors), Par(r, P.MainEffortShare), ss, sectors));
                });
                var idx = (v * sectors) + s;
                redShare[idx] = weightRed;
                red[idx] = weightRed * Gather(v, r => Par(r, P.RussianForce));
                blue[idx] = weightBlue * Gather(v, r => Par(r, P.UkrainianFrontForce));
                var b0 = Vector.Max(blue[idx], Vector<double>.One);
                var r0 = Vector.Max(red[idx], Vector<double>.One);
                normBlue[idx] = Vector<double>.One / b0;
                normRed[idx] = Vector<double>.One / r0;
                // Losses at the initial strengths equal the square law's: A·B0 for red, D·R0 for blue.
                scaleRed[idx] = b0;
                scaleBlue[idx] = r0;
            }
        }

        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var unit24 = new Vector<double>(1.0 / (1 << 24));
        var mask24 = new Vector<ulong>(0xFFFFFFUL);
        var two = new Vector<double>(2);
        var infinity = new Vector<double>(double.PositiveInfinity);
        var tiny = new Vector<double>(1e-300);
        var ratioX0 = new Vector<double>(ratios[0]); var ratioX1 = new Vector<double>(ratios[1]);
        var ratioX2 = new Vector<double>(ratios[2]); var ratioX3 = new Vector<double>(ratios[3]);
        var ratioW1 = ratioX1 - ratioX0; var ratioW2 = ratioX2 - ratioX1;
        var ratioW3 = ratioX3 - ratioX2; var ratioW4 = new Vector<double>(ratios[4]) - ratioX3;
        var traceBlue = observer is null ? [] : new double[sectors];
        var traceRed = observer is null ? [] : new double[sectors];
        var traceDepth = observer is null ? [] : new double[sectors];
        var nextPoint = 0;

        for (var day = 0; day < days; day++)
        {
            var dayV = new Vector<double>(day);
            for (var v = 0; v < nv; v++)
            {
                // Per-lane values for the day, held in locals across the sector loop.
                var fighting = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(dayV, pause[v]), one, zero);
                combatDays[v] += fighting;
                Vector<double> cut, arriving;
                if (arrivals is null)
                {
                    var deployed = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(dayV, deploy[v]), one, zero);
                    cut = Vector.Min(one, strikeBase[v] + (deployed * strikeCoalition[v]));
                    arriving = Vector.ConditionalSelect(Vector.Equals(dayV, deploy[v]), freed[v], zero);
                }
                else
                {
                    cut = Vector.Min(one, strikeBase[v] + (new Vector<double>(strikeIn[day]) * strikePerUnit[v]) + (new Vector<double>(squadronsIn[day]) * airPerSquadron[v]));
                    var newBrigades = brigadesIn[day] - (day > 0 ? brigadesIn[day - 1] : 0);
                    arriving = newBrigades > 0 ? new Vector<double>(newBrigades) * freedPerBrigade[v] : zero;
                }
                var qRed = one - cut;
                var dLane = dBase[v] * qRed;
                var aLane = aEff[v];
                var kqLane = qRed * invThr[v] / qBlue[v];
                var qRatioLane = qRed / qBlue[v];
                var rp = redPool[v] + recruits[v];
                var bp = bluePool[v] + mobilised[v] + arriving;
                var commitLane = rp * commitRate[v];
                rp -= commitLane;
                var keyLane = key[v];
                var noiseLane = noise[v];
                var r0Lane = rate0[v]; var tMin = taperMin[v]; var tInv = taperInv[v];
                var sl1 = slopes[v * 4]; var sl2 = slopes[(v * 4) + 1]; var sl3 = slopes[(v * 4) + 2]; var sl4 = slopes[(v * 4) + 3];
                var minBlueLane = minBlue[v]; var breakLane = breakMul[v]; var frontLane = frontage[v]; var cityLane = cityDepth[v];
                var retLane = returnShare[v];
                var terrLane = territory[v]; var casR = casRed[v]; var casB = casBlue[v];
                var firstCityLane = firstCity[v]; var brokeLane = broke[v];
                var dayCity = dayV + one;

                for (var s = 0; s < sectors; s++)
                {
                    var idx = (v * sectors) + s;
                    var b = blue[idx];
                    var r = red[idx] + (commitLane * redShare[idx]);

                    // Ukraine commits reserves where the power ratio exceeds its threshold, first sectors first.
                    var release = Vector.Min(bp, Vector.Max(zero, (r * kqLane) - b));
                    bp -= release;
                    b += release;

                    var ratio = r * qRatioLane / Vector.Max(b, one);

                    var bits = CounterRng.Bits(keyLane, 1, (ulong)((day * sectors) + s));
                    var u1 = Vector.ConvertToDouble(bits >> 40) * unit24;
                    var u2 = Vector.ConvertToDouble(bits & mask24) * unit24;
                    var intensity = (one + (noiseLane * ((two * u1) - one))) * fighting;
                    var blueNoise = (one + (noiseLane * ((two * u2) - one))) * fighting;

                    Vector<double> lossRed, lossBlue;
                    switch (law)
                    {
                        case LanchesterLaw.Square:
                            lossRed = aLane * b;
                            lossBlue = dLane * r;
                            break;
                        case LanchesterLaw.Linear:
                            lossRed = aLane * b * (r * normRed[idx]);
                            lossBlue = dLane * r * (b * normBlue[idx]);
                            break;
                        case LanchesterLaw.Logarithmic:
                            lossRed = aLane * scaleRed[idx] * (r * normRed[idx]);
                            lossBlue = dLane * scaleBlue[idx] * (b * normBlue[idx]);
                            break;
                        default:
                        {
                            // own^(1−W)·enemy^W relative to the initial strengths.
                            var lb = Vector.Log(Vector.Max(b * normBlue[idx], tiny));
                            var lr = Vector.Log(Vector.Max(r * normRed[idx], tiny));
                            var wv = weiss[v];
                            lossRed = aLane * scaleRed[idx] * Vector.Exp(((one - wv) * lr) + (wv * lb));
                            lossBlue = dLane * scaleBlue[idx] * Vector.Exp(((one - wv) * lb) + (wv * lr));
                            break;
                        }
                    }
                    lossRed = Vector.Min(lossRed * intensity, r);
                    lossBlue = Vector.Min(lossBlue * blueNoise, b);

                    // QJM advance rate: taper below 1:1, then piecewise linear through the table, capped at its last row.
                    var rate = r0Lane * Vector.Min(one, Vector.Max(zero, (ratio - tMin) * tInv));
                    rate += sl1 * Vector.Min(ratioW1, Vector.Max(zero, ratio - ratioX0));
                    rate += sl2 * Vector.Min(ratioW2, Vector.Max(zero, ratio - ratioX1));
                    rate += sl3 * Vector.Min(ratioW3, Vector.Max(zero, ratio - ratioX2));
                    rate += sl4 * Vector.Min(ratioW4, Vector.Max(zero, ratio - ratioX3));
                    var broken = Vector.LessThan(b, minBlueLane);
                    rate = Vector.ConditionalSelect(broken, rate * breakLane, rate) * intensity;
                    brokeLane = Vector.Max(brokeLane, Vector.ConditionalSelect(broken, fighting, zero));

                    var dep = depth[idx] + rate;
                    depth[idx] = dep;
                    terrLane += rate * frontLane;
                    var atCity = Vector.GreaterThanOrEqual(dep, cityLane);
                    reached[idx] = Vector.ConditionalSelect(atCity, one, zero);
                    firstCityLane = Vector.Min(firstCityLane, Vector.ConditionalSelect(atCity, dayCity, infinity));

                    blue[idx] = b - lossBlue;
                    red[idx] = r - lossRed;
                    casR += lossRed;
                    casB += lossBlue;
                    rp += lossRed * retLane;
                    bp += lossBlue * retLane;
                }

                redPool[v] = rp; bluePool[v] = bp; territory[v] = terrLane; casRed[v] = casR; casBlue[v] = casB;
                firstCity[v] = firstCityLane; broke[v] = brokeLane;
            }

            if (observer is not null)
            {
                var cities = 0;
                for (var s = 0; s < sectors; s++)
                {
                    traceBlue[s] = blue[s][0]; traceRed[s] = red[s][0]; traceDepth[s] = depth[s][0];
                    cities += reached[s][0] > 0 ? 1 : 0;
                }
                observer(day + 1, traceBlue, traceRed, traceDepth, bluePool[0][0], redPool[0][0], casBlue[0][0], casRed[0][0], territory[0][0], cities);
            }

            if (bands is not null && nextPoint < bands.Points && bands.Days[nextPoint] == day + 1)
            {
                for (var v = 0; v < nv; v++)
                {
                    Vector<double> sumRed = zero, sumBlue = zero;
                    for (var s = 0; s < sectors; s++) { sumRed += red[(v * sectors) + s]; sumBlue += blue[(v * sectors) + s]; }
                    for (var i = 0; i < w && (v * w) + i < count; i++)
                    {
                        var at = ((long)nextPoint * bands.Runs) + first + (v * w) + i;
                        bands.Values[0][at] = (float)territory[v][i];
                        bands.Values[1][at] = (float)sumRed[i];
                        bands.Values[2][at] = (float)sumBlue[i];
                        bands.Values[3][at] = (float)casRed[v][i];
                        bands.Values[4][at] = (float)casBlue[v][i];
                    }
                }
                nextPoint++;
            }
        }

        for (var v = 0; v < nv; v++)
        {
            Vector<double> sumRed = zero, sumBlue = zero, cities = zero;
            for (var s = 0; s < sectors; s++)
            {
                sumRed += red[(v * sectors) + s];
                sumBlue += blue[(v * sectors) + s];
                cities += reached[(v * sectors) + s];
            }
            for (var i = 0; i < w && (v * w) + i < count; i++)
            {
                var run = first + (v * w) + i;
                var row = (v * w) + i;
                outcomes.Territory[run] = territory[v][i];
                outcomes.RedCasualties[run] = casRed[v][i];
                outcomes.BlueCasualties[run] = casBlue[v][i];
                outcomes.RedFront[run] = sumRed[i];
                outcomes.RedTotal[run] = sumRed[i] + redPool[v][i];
                outcomes.RedStart[run] = Par(row, P.RussianForce) + Par(row, P.RussianReserve);
                outcomes.BlueFront[run] = sumBlue[i];
                outcomes.CitiesReached[run] = cities[i];
                outcomes.FirstCityDay[run] = firstCity[v][i];
                outcomes.Breakthrough[run] = broke[v][i];
                outcomes.Threshold[run] = Par(row, P.DeterrenceThreshold);
                outcomes.RedEquipment[run] = casRed[v][i] * Par(row, P.RedEquipmentPerCasualty);
                outcomes.CombatDays[run] = combatDays[v][i];
            }
        }
    }

    /// <summary>The coalition's cut in Russian combat power once deployed: long-range strike on sustainment, fighters on air support.</summary>
    internal static double CoalitionCut(CoalitionInput coalition, int run, Func<int, P, double> par) =>
        (coalition.LongRangeStrikeUnits * par(run, P.CoalitionStrikeCutPerUnit)) + (coalition.FighterSquadrons * par(run, P.CoalitionAirCutPerSquadron));

    /// <summary>Share of Russia's strength in sector <paramref name="s"/>: the main effort is the first k sectors.</summary>
    internal static double SectorWeight(double mainEffortSectors, double share, int s, int sectors)
    {
        var k = (int)Math.Clamp(Math.Round(mainEffortSectors), 0, sectors);
        if (k == 0 || k == sectors) return 1.0 / sectors;
        return s < k ? share / k : (1 - share) / (sectors - k);
    }
}
