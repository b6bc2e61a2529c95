namespace Resolute.Web.Hosting;

/// <summary>The three roles and the policies built on them: each role can do what the one before it can.</summary>
public static class Roles
{
    public const string Viewer = "viewer", Analyst = "analyst", Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Analyst, Admin];

    /// <summary>Policy names.</summary>
    public const string Read = "read", Edit = "edit", ManageUsers = "manage-users";
}
