namespace WebApp.Administration;

public static class AdministrationExtensions
{
    /// <summary>The server administrators' pages: sign-up policy and accounts.</summary>
    public static void AddAdministration(this IHostApplicationBuilder builder) =>
        builder.Services.AddScoped<AccountAdministration>();
}
