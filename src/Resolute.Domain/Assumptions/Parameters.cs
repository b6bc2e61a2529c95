namespace Resolute.Domain.Assumptions;

// The catalogue's rows, one enum per stage. A stage reads its values by these members, never by id string; the member
// order is the order of the stage's parameter vector (and of the campaign's random streams), so new members go last.

/// <summary>Every input of the sector campaign model.</summary>
public enum CampaignParameter
{
    [Assumption("russian_force_in_ukraine", "persons", "Russian personnel committed to the war in Ukraine at the start.")]
    RussianForce,
    [Assumption("russian_reserve", "persons", "Russian strategic reserve outside the front sectors at the start, committed over time.")]
    RussianReserve,
    [Assumption("russian_recruitment_per_month", "persons/month", "Contract soldiers and volunteers recruited by Russia per month.")]
    RussianRecruitment,
    [Assumption("russian_reserve_commit_rate", "share/day", "Share of the Russian reserve pool (reserve, recruits, returning wounded) committed to the sectors per day.", Max = 1)]
    RussianReserveCommitRate,
    [Assumption("ukrainian_front_force", "persons", "Ukrainian personnel holding the front sectors at the start.")]
    UkrainianFrontForce,
    [Assumption("ukrainian_reserve", "persons", "Ukrainian operational reserve at the start.")]
    UkrainianReserve,
    [Assumption("ukrainian_mobilisation_per_month", "persons/month", "Ukrainian net mobilisation reaching the forces per month (after desertion).")]
    UkrainianMobilisation,
    [Assumption("front_length_km", "km", "Length of the line of contact.")]
    FrontLength,
    [Assumption("aid_level", "ratio", "Western military aid relative to the 2025 level (1 = unchanged).")]
    AidLevel,
    [Assumption("aid_elasticity", "ratio", "Elasticity of Ukrainian firepower (fire effectiveness and combat power) to the aid level: multiplier = aid_level^elasticity.", Max = 1)]
    AidElasticity,
    [Assumption("sanctions_recruitment_cut", "share", "Share by which economic pressure cuts Russian recruitment and replacement.", Max = 1)]
    SanctionsCut,
    [Assumption("long_range_strike_cut", "share", "Share by which long-range strike, beyond its 2025 level, cuts Russian sustainment (combat power and fire).", Max = 1)]
    LongRangeStrikeCut,
    [Assumption("coalition_strike_cut_per_unit", "share/unit", "Additional cut in Russian sustainment per coalition long-range-strike unit once deployed.", Max = 1)]
    CoalitionStrikeCutPerUnit,
    [Assumption("ukrainian_effectiveness", "1/day", "Helmbold's A: Russian casualties per Ukrainian front soldier per day (square-law form; other laws match it on day 1).")]
    UkrainianEffectiveness,
    [Assumption("russian_effectiveness", "1/day", "Helmbold's D: Ukrainian casualties per Russian front soldier per day (square-law form).")]
    RussianEffectiveness,
    [Assumption("weiss_parameter", "ratio", "Helmbold's Weiss parameter W (used only with the Helmbold law; 1 = square law).", Max = 1)]
    Weiss,
    [Assumption("defence_posture", "index", "Ukrainian defence posture index: 0 hasty, 1 prepared, 2 fortified (QJM rows, interpolated).", Max = 2)]
    DefencePosture,
    [Assumption("terrain_mobility", "factor", "QJM terrain mobility factor r_m applied to advance rates.")]
    TerrainMobility,
    [Assumption("terrain_defence", "factor", "QJM terrain defence-position factor r_u applied to Ukrainian combat power.")]
    TerrainDefence,
    [Assumption("advance_scale", "factor", "Multiplier on QJM advance rates for today's drone- and fires-saturated battlefield.")]
    AdvanceScale,
    [Assumption("advance_min_ratio", "ratio", "Power ratio below which the attacker does not advance; the rate tapers linearly from here to the 1:1 entry.", Max = 0.999)]
    AdvanceMinRatio,
    [Assumption("main_effort_sectors", "sectors", "Sectors on the Russian main effort (rounded).", Max = 64)]
    MainEffortSectors,
    [Assumption("main_effort_share", "share", "Share of Russian strength and reinforcements on the main effort.", Max = 1)]
    MainEffortShare,
    [Assumption("blue_allocation_match", "share", "How far Ukraine's allocation matches Russia's (0 even spread, 1 proportional).", Max = 1)]
    BlueAllocationMatch,
    [Assumption("blue_reserve_commit_ratio", "ratio", "Power ratio above which Ukraine commits reserves to a sector.")]
    BlueReserveCommitRatio,
    [Assumption("wounded_return_share", "share", "Share of casualties who return to duty through the reserve pool.", Max = 1)]
    WoundedReturnShare,
    [Assumption("breakthrough_density_per_km", "persons/km", "Ukrainian troops per km of front below which a sector counts as broken through.")]
    BreakthroughDensity,
    [Assumption("breakthrough_advance_multiplier", "factor", "Advance-rate multiplier in a broken sector.")]
    BreakthroughAdvanceMultiplier,
    [Assumption("defended_city_distance_km", "km", "Depth from the line of contact to the defended city behind each sector.")]
    DefendedCityDistance,
    // mean-1 uniform noise stays non-negative up to sd 1/√3
    [Assumption("daily_noise_sd", "ratio", "Standard deviation of the daily multiplicative noise on each sector's combat intensity (uniform, mean 1).", Max = 0.577)]
    DailyNoise,
    [Assumption("deterrence_cost_threshold", "casualties/km²", "Russian casualties per square kilometre gained above which an offensive is judged not worth its cost.")]
    DeterrenceThreshold,
    [Assumption("red_equipment_per_casualty", "items/person", "Russian major equipment items lost per casualty.")]
    RedEquipmentPerCasualty,
    [Assumption("ukrainian_brigade_strength", "persons", "Effective personnel of one Ukrainian brigade freed for the front by the coalition.")]
    UkrainianBrigadeStrength,
    [Assumption("coalition_deploy_day", "day", "Day on which the coalition force is deployed and the freed Ukrainian brigades reach the front, when the plan has no deployment schedule (the requirement as if filled, or a dataset without border crossings); with a schedule each element counts from the day it arrives.")]
    CoalitionDeployDay,
    [Assumption("ceasefire_pause_days", "days", "In a ceasefire scenario, days before Russia resumes the offensive (ignored otherwise).")]
    CeasefirePauseDays,
    [Assumption("ceasefire_posture_gain", "index", "In a ceasefire scenario, posture index Ukraine gains by fortifying during the pause.")]
    CeasefirePostureGain,
    [Assumption("coalition_air_cut_per_squadron", "share/squadron", "Cut in Russian combat power and fire per coalition fighter squadron once deployed: air denial over the rear pushes Russian aviation, and the release points of its glide bombs, back from the line.", Max = 1, Default = 0, DefaultReason = "not in the scenario: the coalition's air component is not credited in the campaign")]
    CoalitionAirCutPerSquadron,
}

/// <summary>WUV category weights and the size of an armoured division equivalent (US Army CAA WEI/WUV III; combat-models.md §4.2).</summary>
public enum WuvParameter
{
    [Assumption("wuv_weight_tank", "weight", "WUV category weight for tank (force scoring).", ExclusiveMin = true)]
    Tank,
    [Assumption("wuv_weight_infantry_vehicle", "weight", "WUV category weight for infantry vehicle (force scoring).", ExclusiveMin = true)]
    InfantryVehicle,
    [Assumption("wuv_weight_artillery", "weight", "WUV category weight for artillery (force scoring).", ExclusiveMin = true)]
    Artillery,
    [Assumption("wuv_weight_mortar", "weight", "WUV category weight for mortar (force scoring).", ExclusiveMin = true)]
    Mortar,
    [Assumption("wuv_weight_air_defence", "weight", "WUV category weight for air defence (force scoring).", ExclusiveMin = true)]
    AirDefence,
    [Assumption("wuv_weight_attack_helicopter", "weight", "WUV category weight for attack helicopter (force scoring).", ExclusiveMin = true)]
    AttackHelicopter,
    [Assumption("wuv_weight_antitank", "weight", "WUV category weight for antitank (force scoring).", ExclusiveMin = true)]
    AntiTank,
    [Assumption("ade_wuv", "WUV", "WUV of one armoured division equivalent on the dataset's WEI scale (Leopard 2A6 = 1).", ExclusiveMin = true)]
    AdeWuv,
}

/// <summary>The annual cost of a deployed unit: personnel × a cost per person-year plus equipment value × an operating share.</summary>
public enum CostParameter
{
    [Assumption("annual_cost_per_person_usd", "USD/person-year", "Annual cost of keeping one person deployed (pay, allowances, sustainment, transport).",
        Default = 300_000, DefaultReason = "assumption — order of magnitude: CRS (Belasco, RL33110, 2014) puts US war funding near USD 1 million per troop-year in Afghanistan; a deployment on the European continent by road and rail is taken at under a third of that")]
    PerPerson,
    [Assumption("equipment_operating_cost_share", "share/year", "Share of the procurement value of a unit's major equipment spent each year to operate and maintain it when deployed.",
        Max = 1, Default = 0.10, DefaultReason = "assumption — operating and support costs of major systems commonly run at 5–15 % of procurement cost a year")]
    EquipmentShare,
}

/// <summary>
/// The deployment flow: how fast units move from their garrisons to Ukraine, through the border crossings of
/// <c>data/crossings.csv</c>, and how long the flow may take.
/// </summary>
public enum DeploymentParameter
{
    [Assumption("rail_km_per_day", "km/day", "Distance a military train covers per day, loading and stops included.", Min = 50, Max = 1500,
        Default = 400, DefaultReason = "assumption — European freight trains average about 18 km/h door to door on international corridors (European Court of Auditors, special report 08/2016), about 430 km a day")]
    RailKmPerDay,
    [Assumption("road_km_per_day", "km/day", "Distance a road column covers per day.", Min = 50, Max = 1000,
        Default = 300, DefaultReason = "assumption — a column marching about 40 km/h for 7–8 hours a day, the order of the road-march rates of US and NATO movement doctrine")]
    RoadKmPerDay,
    [Assumption("rail_loading_days", "days", "Days to load a unit's trains at its railhead once it is ready.", Max = 30,
        Default = 2, DefaultReason = "assumption — a heavy brigade loads over several days at more than one railhead; its first trains leave sooner")]
    RailLoadingDays,
    [Assumption("road_preparation_days", "days", "Days to prepare a road move once a unit is ready.", Max = 30,
        Default = 1, DefaultReason = "assumption")]
    RoadPreparationDays,
    [Assumption("air_deployment_days", "days", "Days for an air unit to self-deploy and be ready to fly from its deployment base.", Max = 30,
        Default = 3, DefaultReason = "assumption — fighter squadrons self-deploy in a day with tanker support; ground crews, spares and munitions follow by air")]
    AirDeploymentDays,
    [Assumption("gauge_change_days", "days", "Days added at a rail crossing where standard-gauge wagons meet Ukraine's 1,520 mm gauge.", Max = 30,
        Default = 1, DefaultReason = "assumption — transfer of loads or change of bogies at the transhipment yards (e.g. Mostyska, Chop)")]
    GaugeChangeDays,
    [Assumption("route_factor", "ratio", "Route distance over great-circle distance from garrison to crossing and from crossing to the deployment area.", Min = 1, Max = 3,
        Default = 1.3, DefaultReason = "assumption — road and rail circuity in Europe is commonly 1.2–1.4")]
    RouteFactor,
    [Assumption("deployment_horizon_days", "days", "Days after the offer within which the force must be complete; units that cannot be ready by then are not sent.", Min = 1, Max = 1825,
        Default = 365, DefaultReason = "assumption — a force that takes more than a year to arrive no longer answers the offer")]
    HorizonDays,
}

/// <summary>
/// The settlement the ceasefire-durability stage describes: the covariates of the survival model fitted to
/// <c>data/ceasefires.csv</c> (0 = no, 1 = yes), with the coalition's force on the line and without it.
/// </summary>
public enum DurabilityParameter
{
    [Assumption("settlement_separation", "0/1", "The settlement separates the forces along the line (a demilitarised or buffer zone).", Max = 1,
        Default = 1, DefaultReason = "assumption — a ceasefire on the line of contact is taken to pull the forces back from it, as the Korean armistice of 1953 did; set 0 to test a line without one")]
    Separation,
    [Assumption("settlement_guarantee_with_force", "0/1", "With the coalition's force: an explicit third-party guarantee of the settlement.", Max = 1,
        Default = 1, DefaultReason = "assumption — the offer presents the force with its US backstop as the core of a security guarantee")]
    GuaranteeWithForce,
    [Assumption("settlement_guarantee_without_force", "0/1", "Without the coalition's force: an explicit third-party guarantee of the settlement.", Max = 1,
        Default = 0, DefaultReason = "assumption — without the force no outside power guarantees the line")]
    GuaranteeWithoutForce,
    [Assumption("settlement_imposed", "0/1", "The ceasefire is imposed by outside pressure rather than accepted by both sides (Werner & Yuen 2005).", Max = 1,
        Default = 0, DefaultReason = "assumption — a ceasefire both sides accept; the scenario of an imposed ceasefire sets 1")]
    Imposed,
    [Assumption("settlement_decisive", "0/1", "The war ended in a decisive battlefield outcome rather than a stalemate.", Max = 1,
        Default = 0, DefaultReason = "assumption — a ceasefire on current lines ends a war of attrition that neither side has won")]
    Decisive,
    [Assumption("war_nuclear_party", "0/1", "A party to the war is nuclear-armed (used to find the historical cases most like this one).", Max = 1,
        Default = 1, DefaultReason = "Russia is a nuclear-armed state")]
    Nuclear,
    [Assumption("war_intensity", "band", "Battle deaths of the war: 0 under 1,000, 1 from 1,000 to 10,000, 2 over 10,000 (to find the most similar cases).", Max = 2,
        Default = 2, DefaultReason = "the war in Ukraine has cost far over 10,000 battle deaths on each side")]
    Intensity,
    [Assumption("war_territory", "0/1", "Territory is the stake of the war (to find the most similar cases).", Max = 1,
        Default = 1, DefaultReason = "Russia claims and occupies Ukrainian territory")]
    Territory,
    [Assumption("durability_horizon_years", "years", "How far the survival curves and the chance that the ceasefire holds are reported.", Max = 30, ExclusiveMin = true,
        Default = 10, DefaultReason = "assumption — the horizon of the question whether a settlement holds; the record's longest cases run beyond 70 years")]
    HorizonYears,
}

/// <summary>
/// Holding the force over years: how long it is held and costed, how long a unit's tour lasts (so when a nation without
/// enough like units runs out), and the wear of deployed equipment beyond its routine operating cost.
/// </summary>
public enum SustainmentParameter
{
    [Assumption("sustainment_horizon_years", "years", "Years over which the force is held and its cost counted.", Min = 1, Max = 50,
        Default = 5, DefaultReason = "assumption — a deterrent force is meant to stay while a settlement takes hold; five years is the horizon of the question, not a forecast")]
    HorizonYears,
    [Assumption("rotation_tour_months", "months", "Length of one unit's tour in Ukraine before a like unit relieves it.", Min = 1, Max = 36,
        Default = 6, DefaultReason = "six months, the usual rotation of NATO's enhanced-forward-presence battle groups (Landpower Magazine, spring 2021: rotations 'generally six months', viewer.joomag.com/landpower-magazine-spring-2021/0494381001617087164/p28)")]
    TourMonths,
    [Assumption("equipment_wear_share_per_year", "share/year", "Share of the procurement value of deployed major equipment worn out each year and replaced or rebuilt, beyond its routine operating cost.", Max = 1,
        Default = 0.05, DefaultReason = "assumption — context: CBO (Replacing and Repairing Equipment Used in Iraq and Afghanistan: The Army's Reset Program, Sept. 2007, Pub. 2809) puts the US Army's reset near USD 13 billion a year, with usage five to six times the peacetime rate (AUSA, Resetting the Force, Oct. 2005); a force held short of the line, mostly in garrison and training, is taken at a twentieth of procurement value a year")]
    EquipmentWearShare,
}
